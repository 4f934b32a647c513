"""Liveness of the parts a request needs, for load balancers and monitoring."""

from django.db import DatabaseError, connections


def database_is_reachable(alias: str = "default") -> bool:
    """True when a trivial query succeeds on the given database."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False
