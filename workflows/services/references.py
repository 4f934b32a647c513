"""Reference numbers (Aktenzeichen), allocated without gaps under a row lock."""

from datetime import date

from django.db import transaction

from workflows.models import ReferenceCounter


def reference_allocate(*, prefix: str, on: date) -> str:
    """The next reference for `prefix` in the year of `on`, e.g. "AUS-2026-00017".

    Call inside the transaction that saves the submission: the counter row stays locked until it commits, so
    concurrent submissions get consecutive numbers, and a rolled-back submission gives its number back (no gaps).
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("reference_allocate must run inside the transaction that saves the submission")
    number = _increment_counter(connection, prefix, on.year)
    if number is None:  # the first reference of this prefix and year
        ReferenceCounter.objects.get_or_create(prefix=prefix, year=on.year)
        number = _increment_counter(connection, prefix, on.year)
    return f"{prefix}-{on.year}-{number:05d}"


def _increment_counter(connection, prefix: str, year: int) -> int | None:
    """Increment and read the counter in one statement; the UPDATE keeps the row locked until commit."""
    table = connection.ops.quote_name(ReferenceCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_number = last_number + 1 WHERE prefix = %s AND year = %s RETURNING last_number",
            [prefix, year],
        )
        row = cursor.fetchone()
    return row[0] if row else None
