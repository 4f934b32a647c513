"""Shared set-up of the benchmarks: Django with the bench settings and a fresh database with the demo loaded."""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.bench"
    import django

    django.setup()


def fresh_database_with_demo():
    """A new test database (SQLite file, or next to DATABASE_URL's on PostgreSQL), migrated, demo loaded."""
    import io

    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    call_command("load_demo", stdout=io.StringIO())
    return connection


def write_result(name: str, result: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    (RESULTS / f"{name}.json").write_text(text + "\n")
    print(json.dumps(result, ensure_ascii=False))
