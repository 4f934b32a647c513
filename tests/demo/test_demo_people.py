"""Who may do what in the admin after `load_demo`."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page

from demo.people import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def _home():
    return Page.objects.get(locale__language_code="de", slug="startseite")


def test_editor_can_edit_pages_in_the_admin(client):
    assert client.login(username="redaktion", password=DEMO_PASSWORD)
    assert client.get(f"/admin/pages/{_home().pk}/edit/").status_code == 200


def test_editor_can_edit_translations_in_any_language(client):
    arabic_home = _home().get_translations().get(locale__language_code="ar")
    assert client.login(username="redaktion", password=DEMO_PASSWORD)
    assert client.get(f"/admin/pages/{arabic_home.pk}/edit/").status_code == 200


@pytest.mark.parametrize(
    "username", ["aussen.sachbearbeitung", "aussen.leitung", "kultur.sachbearbeitung", "sport.sachbearbeitung"]
)
def test_office_staff_reach_the_admin_but_cannot_edit_pages(client, username):
    assert client.login(username=username, password=DEMO_PASSWORD)
    assert client.get("/admin/").status_code == 200
    response = client.get(f"/admin/pages/{_home().pk}/edit/")
    assert response.status_code in (302, 403)


def test_admin_speaks_the_users_preferred_language(client):
    assert client.login(username="kultur.sachbearbeitung", password=DEMO_PASSWORD)
    assert 'lang="en"' in client.get("/admin/").content.decode()


@override_settings(DEMO_USERS_ENABLED=False)
def test_without_demo_users_enabled_no_user_with_the_demo_password_is_created():
    get_user_model().objects.all().delete()
    call_command("load_demo", stdout=io.StringIO())
    assert not get_user_model().objects.exists()
