"""Editors build and preview application forms in the Wagtail admin."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from demo.people import DEMO_PASSWORD
from workflows.models import FormPage, Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    assert client.login(username="redaktion", password=DEMO_PASSWORD)
    return client


def _exchange_form(language="de"):
    german = FormPage.objects.get(locale__language_code="de", slug="antrag-austausch")
    return german if language == "de" else german.get_translation(Locale.objects.get(language_code=language))


def test_editor_opens_a_form_with_its_questions_and_form_settings(editor):
    response = editor.get(f"/admin/pages/{_exchange_form().pk}/edit/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Art der Organisation" in body
    assert "reference_prefix" in body


@pytest.mark.parametrize("mode", ["form", "landing"])
def test_editor_previews_the_form_and_its_confirmation(editor, mode):
    response = editor.get(f"/admin/pages/{_exchange_form('ar').pk}/edit/preview/?mode={mode}")
    assert response.status_code == 200


def test_wagtails_generic_form_submissions_menu_is_not_offered(editor):
    assert 'href="/admin/forms/"' not in editor.get("/admin/").content.decode()


def test_new_questions_get_keys_from_their_german_label_and_keep_them():
    page = _exchange_form()
    page.fields.append(("singleline", {"label": "Größe der Gruppe", "key": "", "required": False}))
    page.save_revision().publish()
    page.refresh_from_db()
    keys = [child.value["key"] for child in page.fields if "key" in child.value]
    assert "grosse_der_gruppe" in keys
    page.fields[len(page.fields) - 1].value["label"] = "Gruppengröße"
    page.save_revision().publish()
    page.refresh_from_db()
    assert [child.value["key"] for child in page.fields if "key" in child.value][-1] == "grosse_der_gruppe"


def test_office_leads_manage_programmes_and_case_workers_do_not(client):
    assert client.login(username="aussen.leitung", password=DEMO_PASSWORD)
    response = client.get("/admin/snippets/workflows/programme/")
    assert response.status_code == 200
    assert "Austauschbegegnungen" in response.content.decode()
    client.logout()
    assert client.login(username="aussen.sachbearbeitung", password=DEMO_PASSWORD)
    assert client.get("/admin/snippets/workflows/programme/").status_code in (302, 403)


def test_demo_forms_draw_on_their_programmes_in_every_language():
    for language in ["de", "ar", "ja"]:
        assert _exchange_form(language).programme.reference_prefix == "AUS"


def test_a_form_drawing_on_a_programme_takes_its_prefix_when_saved():
    page = _exchange_form()
    page.reference_prefix = "XYZ"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.reference_prefix == "AUS"


def test_a_programmes_prefix_cannot_change_while_forms_use_it():
    used = Programme.objects.get(reference_prefix="AUS")
    used.reference_prefix = "AUX"
    with pytest.raises(ValidationError) as refused:
        used.full_clean()
    assert "reference_prefix" in refused.value.message_dict
    unused = Programme.objects.create(
        name="Neu", year=2030, budget=Decimal("10.00"), reference_prefix="NEU", office=used.office
    )
    unused.reference_prefix = "NEX"
    unused.full_clean()
