"""Editors and reviewers see the workflows in the admin; a form's workflow settings are checked before saving."""

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from demo.people import DEMO_PASSWORD, EXTERNAL_RELATIONS_REVIEWERS
from workflows.models import FormPage, NotificationText, Programme

pytestmark = pytest.mark.django_db


def test_reviewers_see_every_workflow_drawn_with_its_steps(client):
    assert client.login(username="aussen.sachbearbeitung", password=DEMO_PASSWORD)
    response = client.get("/admin/approval-workflows/")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("<svg") >= 4
    for text in ["Zuwendung", "Praktikum", "Anmeldung", "Anfrage", "Zur Bewilligung empfohlen", "Bewilligen"]:
        assert text in body
    assert "Vier-Augen" in body


def test_the_workflow_overview_needs_an_admin_login(client):
    response = client.get("/admin/approval-workflows/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def _settings_form(page, user, **changes):
    """The admin edit form of `page` with its current content and the given workflow settings."""
    form_class = FormPage.get_edit_handler().get_form_class()
    roles = changes.pop("roles", [{"role": r.role, "group": r.group_id} for r in page.workflow_roles.all()])
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": rich_text(page.intro),
            "fields": streamfield([]),
            "thank_you_text": rich_text(page.thank_you_text),
            "programme": page.programme_id or "",
            "reference_prefix": page.reference_prefix,
            "workflow": page.workflow,
            "places": "",
            "workflow_roles": inline_formset(roles, min=1),
            "state_deadlines": inline_formset(changes.pop("deadlines", [])),
            "comments": inline_formset([]),
            **changes,
        }
    )
    form = form_class(data, instance=page, for_user=user, parent_page=page.get_parent())
    with translation.override("en"):
        form.is_valid()
    return form


@pytest.fixture
def exchange_form():
    return FormPage.objects.get(locale__language_code="de", slug="antrag-austausch")


def test_the_demo_form_settings_are_valid(exchange_form, admin_user):
    form = _settings_form(exchange_form, admin_user)
    assert form.is_valid(), form.errors


def test_a_workflow_whose_roles_have_no_group_is_refused(exchange_form, admin_user):
    reviewers = Group.objects.get(name=EXTERNAL_RELATIONS_REVIEWERS)
    form = _settings_form(exchange_form, admin_user, roles=[{"role": "reviewer", "group": reviewers.pk}])
    assert not form.is_valid()
    assert "Approver" in str(form.non_field_errors())


def test_a_role_the_workflow_does_not_have_is_refused(exchange_form, admin_user):
    reviewers = Group.objects.get(name=EXTERNAL_RELATIONS_REVIEWERS)
    form = _settings_form(
        exchange_form, admin_user, workflow="advice", programme="", roles=[
            {"role": "reviewer", "group": reviewers.pk},
            {"role": "approver", "group": reviewers.pk},
        ]
    )  # fmt: skip
    assert not form.is_valid()
    assert "Approver" in str(form.non_field_errors())


def test_a_grant_needs_a_programme_and_deadlines_only_fit_open_states(exchange_form, admin_user):
    form = _settings_form(exchange_form, admin_user, programme="", deadlines=[{"state": "closed", "days": 3}])
    assert not form.is_valid()
    assert "programme" in form.errors
    assert "Closed" in str(form.non_field_errors())


def test_programmes_cannot_be_deleted_while_forms_or_cases_use_them():
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        Programme.objects.get(reference_prefix="AUS").delete()


def test_editors_word_an_applicant_email_and_unknown_placeholders_are_refused(client):
    assert client.login(username="redaktion", password=DEMO_PASSWORD)
    url = "/admin/snippets/workflows/notificationtext/add/?locale=de"
    assert client.get(url).status_code == 200
    refused = client.post(url, {"step": "grant.approve", "subject": "Bewilligt: {reference}", "body": "{password}"})
    assert refused.status_code == 200
    assert not NotificationText.objects.exists()
    saved = client.post(
        url, {"step": "grant.approve", "subject": "Bewilligt: {reference}", "body": "Guten Tag {applicant}, …"}
    )
    assert saved.status_code == 302
    assert NotificationText.objects.get().locale.language_code == "de"


@pytest.mark.parametrize(("username", "allowed"), [("aussen.leitung", True), ("aussen.sachbearbeitung", False)])
def test_office_leads_word_applicant_emails_and_case_workers_do_not(client, username, allowed):
    assert client.login(username=username, password=DEMO_PASSWORD)
    response = client.get("/admin/snippets/workflows/notificationtext/")
    assert (response.status_code == 200) == allowed
