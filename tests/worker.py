"""The real task worker, run as its own process against the test database, as `make run` runs it."""

import os
import subprocess
import sys

from django.conf import settings
from django.db import connection


def database_url(name: str) -> str:
    """The URL of database `name` on the server (or, for SQLite, the file) the tests use."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{name}"
    user = settings_dict.get("USER") or ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgresql://{user}@{host}:{port}/{name}"


def database_url_of_test_database() -> str:
    return database_url(connection.settings_dict["NAME"])


def run_worker_until_queue_is_empty(timeout: float = 120) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url_of_test_database(),
    }
    return subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--interval", "0.1"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
