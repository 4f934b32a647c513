"""Settings that must hold before anyone deploys."""

import io
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command

CHECK_PRODUCTION = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"


# Variables of this machine or of the test harness that a production environment would not have.
NOT_IN_PRODUCTION = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def _production_environment(**variables):
    clean = {key: value for key, value in os.environ.items() if key not in NOT_IN_PRODUCTION}
    return {**clean, "DJANGO_SETTINGS_MODULE": "cms.settings.production", **variables}


def _start_production(**variables):
    return subprocess.run(
        [sys.executable, "-c", CHECK_PRODUCTION],
        cwd=settings.BASE_DIR,
        env=_production_environment(**variables),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _start_production(ALLOWED_HOSTS="partnerstaedte.stuttgart.example")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _start_production(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_debug_off_when_configured():
    result = _start_production(SECRET_KEY="x" * 50, ALLOWED_HOSTS="partnerstaedte.stuttgart.example")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_production_passes_djangos_deployment_checks():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=_production_environment(
            SECRET_KEY="a-long-random-production-secret-" + "k3y" * 12, ALLOWED_HOSTS="partnerstaedte.stuttgart.example"
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_time_zone_is_berlin_and_german_is_the_default_language():
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert settings.LANGUAGE_CODE == "de"


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", check=True, dry_run=True, stdout=io.StringIO())
