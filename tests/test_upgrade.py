"""A database of the release before the events calendar and the demo became apps of their own migrates forward
without losing anything: the previous code (from git) builds it with its demo, the current code migrates it.

Runs on the database the suite runs on (SQLite or PostgreSQL), in a database of its own.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.snapshots import database_server
from tests.worker import database_url

#: main before the move (events were page types of the cms app; migrations cms 0003, workflows 0006).
PREVIOUS_RELEASE = "08b41f0154d31fd3bfbbdc0d539cec498a2cd0c2"

COUNT = """
import json
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Revision
from wagtail_localize.models import TranslationSource
from workflows.models import AuditEntry, Decision, Submission
from {events_module} import EventPage
event_type = ContentType.objects.get_for_model(EventPage)
print(json.dumps({{
    "pages": Page.objects.count(),
    "event pages": EventPage.objects.count(),
    "event pages with their partner cities": EventPage.partner_cities.through.objects.count(),
    "event page revisions": Revision.objects.filter(content_type=event_type).count(),
    "translation sources of events": TranslationSource.objects.filter(specific_content_type=event_type).count(),
    "pages of the event type": Page.objects.filter(content_type=event_type).count(),
    "cases": Submission.objects.count(),
    "registrations": Submission.objects.filter(workflow="registration").count(),
    "audit entries": AuditEntry.objects.count(),
    "decisions": Decision.objects.count(),
}}))
"""

SERVE = """
from django.test import Client
from events.models import EventIndexPage, EventPage
client = Client()
calendar = EventIndexPage.objects.get(locale__language_code="ar")
event = EventPage.objects.live().filter(locale__language_code="pl").first()
print(client.get(calendar.url).status_code, client.get(event.url).status_code, event.registration_form is not None)
"""


def _manage(code_dir: Path, environment: dict, *arguments: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=code_dir,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def _counts(code_dir: Path, environment: dict, *, events_module: str) -> dict:
    output = _manage(code_dir, environment, "shell", "-c", COUNT.format(events_module=events_module))
    return json.loads(output.strip().splitlines()[-1])  # the shell says what it imported first


@pytest.fixture
def previous_release(tmp_path) -> Path:
    code = tmp_path / "previous"
    code.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(settings.BASE_DIR), "archive", PREVIOUS_RELEASE], capture_output=True, timeout=120
    )
    assert archive.returncode == 0, f"the previous release must be in git history: {archive.stderr.decode()}"
    subprocess.run(["tar", "-x", "-C", str(code)], input=archive.stdout, check=True, timeout=120)
    return code


@pytest.fixture
def empty_database(tmp_path):
    """The URL of a database of its own, of the kind the suite runs on."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'upgrade.sqlite3'}"
        return
    name = f"upgrade_{uuid.uuid4().hex[:12]}"
    with database_server() as server:
        server.execute(f'CREATE DATABASE "{name}"')
    yield database_url(name)
    with database_server() as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_database_of_the_previous_release_with_its_demo_migrates_forward_without_losing_anything(
    previous_release, empty_database
):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "DATABASE_URL": empty_database}
    _manage(previous_release, environment, "migrate", "--no-input", "-v0")
    _manage(previous_release, environment, "load_demo")
    before = _counts(previous_release, environment, events_module="cms.models")

    _manage(settings.BASE_DIR, environment, "migrate", "--no-input", "-v0")
    after = _counts(settings.BASE_DIR, environment, events_module="events.models")

    assert before["event pages"] == 9 * len(settings.LANGUAGES)
    assert before["registrations"] > 0
    assert after == before
    served = _manage(settings.BASE_DIR, environment, "shell", "-c", SERVE).strip().splitlines()[-1]
    assert served.split() == ["200", "200", "True"]
