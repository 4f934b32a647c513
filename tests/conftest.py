import io

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from pytest_django.plugin import blocking_manager_key

from tests.snapshots import snapshots

MIGRATED, DEMO = "migrated", "demo"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database starts with the demo site, as `make run` would show it.

    It is built once per test process; snapshots of it after the migrations and after the demo let transactional
    tests start from either state and leave the demo behind them in a moment (see `pytest_runtest_teardown`).
    """
    kept = snapshots()
    with django_db_blocker.unblock():
        kept.take(MIGRATED)
        call_command("load_demo", stdout=io.StringIO())
        kept.take(DEMO)
    yield
    with django_db_blocker.unblock():
        kept.discard(MIGRATED)
        kept.discard(DEMO)


@pytest.fixture
def migrated_database(transactional_db, django_db_blocker):
    """For transactional tests: a database holding only what the migrations created (root page, locales, default
    site, groups), without the demo."""
    with django_db_blocker.unblock():
        snapshots().restore(MIGRATED)


def _is_transactional(item) -> bool:
    """Whether pytest-django runs the test in committed transactions, emptying the database afterwards."""
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    return bool({"transactional_db", "live_server"} & set(item.fixturenames))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test, and pytest-django's flush that ends it, restore the demo for the next test: every
    other test finds the database as `make run` would show it. After the last test there is nothing to restore."""
    outcome = yield
    if nextitem is not None and _is_transactional(item):
        with item.config.stash[blocking_manager_key].unblock():
            snapshots().restore(DEMO)
    return outcome


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as rolled-back test data must not be remembered by the next test."""
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request through the test client leaves the language that
    LocaleMiddleware chose active in this thread, and code outside a request would otherwise speak it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
