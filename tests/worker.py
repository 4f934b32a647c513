"""The real task worker, run as its own process against the test database, as `make run` runs it."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


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


def _worker(*options: str, environment: dict[str, str]) -> dict:
    """Arguments for subprocess: `manage.py db_worker` with test settings and `environment` (e.g. the worker's
    TASK_WORKER_* settings) on the test database."""
    return {
        "args": [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.1", *options],
        "cwd": settings.BASE_DIR,
        "env": {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": database_url_of_test_database(),
            **environment,
        },
        "text": True,
    }


def run_worker_until_queue_is_empty(timeout: float = 120, **environment: str) -> subprocess.CompletedProcess:
    return subprocess.run(**_worker("--batch", environment=environment), capture_output=True, timeout=timeout)


def start_worker(output: Path, **environment: str) -> subprocess.Popen:
    """A worker that keeps waiting for tasks until it is stopped; what it prints goes to the file `output`."""
    with output.open("a") as log:
        return subprocess.Popen(**_worker(environment=environment), stdout=log, stderr=subprocess.STDOUT)


def abandon(task_id: str, *, starts: int) -> None:
    """Leave the task as `starts` workers killed while running it leave it: running, an hour ago, by a worker that
    has not been seen since."""
    task = DBTaskResult.objects.get(pk=task_id)
    for start in range(starts):
        task.claim(f"killed-worker-{start}")
    DBTaskResult.objects.filter(pk=task_id).update(started_at=timezone.now() - timedelta(hours=1))
