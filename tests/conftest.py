import io

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from wagtail.models import Page


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database starts with the demo site, as `make run` would show it.

    Returns what the migrations alone created (root page, locales, default site, groups), serialized, for
    `migrated_database`.
    """
    with django_db_blocker.unblock():
        migrated_state = connection.creation.serialize_db_to_string()
        call_command("load_demo", stdout=io.StringIO())
    return migrated_state


@pytest.fixture
def migrated_database(transactional_db, django_db_setup):
    """For transactional tests: a database holding what the migrations created, even after an earlier
    transactional test emptied it (as each one does on teardown)."""
    if not Page.objects.exists():
        # The teardown flush re-created content types and permissions with new ids; start truly empty instead.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(django_db_setup)
        ContentType.objects.clear_cache()
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as rolled-back test data must not be remembered by the next test."""
    cache.clear()
