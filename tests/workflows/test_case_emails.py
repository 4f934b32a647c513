"""Applicants hear of public steps in their language, the people who act next are told, and mail never breaks a case."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from tests.factories import workflow_setup
from workflows.models import AuditEntry, CaseEmail, NotificationText, Submission
from workflows.tasks import send_case_emails

pytestmark = pytest.mark.django_db


def _send(case, step):
    entry = AuditEntry.objects.filter(submission=case, transition=step).latest("pk")
    send_case_emails.call(entry.pk)
    return entry


def _to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_an_approval_reaches_the_applicant_in_their_language_with_the_amount(django_capture_on_commit_callbacks):
    setup = workflow_setup("grant")
    case = setup.case_after("take", "recommend_approval", language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        setup.fire(case, "approve", data={"amount": "1234.50", "comment": "Teilweise förderfähig."}, notify=True)
    assert mail.outbox == []  # only queued: the worker sends
    _send(case, "approve")
    [message] = _to("anna@example.org")
    assert case.reference in message.subject
    assert "approuvée" in message.subject
    assert "1 234,50" in message.body.replace("\u202f", " ").replace("\xa0", " ")
    assert message.extra_headers["Content-Language"] == "fr"
    assert CaseEmail.objects.get(submission=case, audience="applicant").recipient == "anna@example.org"


def test_internal_steps_are_not_mailed_to_the_applicant():
    setup = workflow_setup("grant")
    case = setup.case_after("take")
    _send(case, "take")
    assert _to("anna@example.org") == []


def test_an_editors_text_replaces_the_default_in_its_language_only():
    setup = workflow_setup("grant")
    NotificationText.objects.create(
        step="grant.request_information",
        locale=Locale.objects.get(language_code="de"),
        subject="Rückfrage zu {reference}",
        body="Guten Tag {applicant},\n\n{comment}\n\nIhr Team Außenbeziehungen",
    )
    german = setup.case_after("take", "request_information")
    english = setup.case_after("take", "request_information", language="en", email="ben@example.org")
    _send(german, "request_information")
    _send(english, "request_information")
    [message] = _to("anna@example.org")
    assert message.subject == f"Rückfrage zu {german.reference}"
    assert "Bitte reichen Sie ein Programm" in message.body
    [default] = _to("ben@example.org")
    assert "we need more information" in default.subject


def test_an_offices_own_text_replaces_the_shared_one_for_its_forms_only():
    german = Locale.objects.get(language_code="de")
    office_form, other_form = workflow_setup("grant"), workflow_setup("grant")
    NotificationText.objects.create(
        step="grant.request_information", locale=german, subject="Alle: {reference}", body="."
    )
    NotificationText.objects.create(
        step="grant.request_information", locale=german, office=office_form.office, subject="Amt: {reference}", body="."
    )
    own = office_form.case_after("take", "request_information", email="own@example.org")
    shared = other_form.case_after("take", "request_information", email="shared@example.org")
    _send(own, "request_information")
    _send(shared, "request_information")
    assert [message.subject for message in _to("own@example.org")] == [f"Amt: {own.reference}"]
    assert [message.subject for message in _to("shared@example.org")] == [f"Alle: {shared.reference}"]


def test_unknown_placeholders_in_an_editors_text_are_refused():
    text = NotificationText(
        step="grant.approve",
        locale=Locale.objects.get(language_code="de"),
        subject="{reference}",
        body="{secret_key} {{ settings.SECRET_KEY }}",
    )
    with pytest.raises(ValidationError) as refused:
        text.full_clean()
    assert "body" in refused.value.message_dict


def test_the_role_that_acts_next_is_told_in_each_members_language():
    setup = workflow_setup("grant")
    profile = UserProfile.get_for_user(setup.approver)
    profile.preferred_language = "en"
    profile.save()
    case = setup.case_after("take", "recommend_approval")
    _send(case, "recommend_approval")
    [lead] = _to(setup.approver.email)
    [colleague] = _to(setup.second_approver.email)
    assert case.reference in lead.subject
    assert "Recommended for approval" in lead.subject
    assert "Zur Bewilligung empfohlen" in colleague.subject
    assert "/admin/" in lead.body
    assert _to(setup.reviewer.email) == []  # the reviewer acted; it is not their turn


def test_a_failing_mail_server_never_undoes_a_step_and_the_mail_is_retried(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.failing_mail.FailingEmailBackend"
    setup = workflow_setup("grant")
    case = setup.case_after("take")
    with django_capture_on_commit_callbacks(execute=True):
        setup.fire(case, "request_information", data={"comment": "Bitte Programm nachreichen."}, notify=True)
    entry = _send(case, "request_information")
    assert Submission.objects.get(pk=case.pk).state == "more_info"
    assert not CaseEmail.objects.filter(audit_entry=entry).exists()
    assert DBTaskResult.objects.filter(args_kwargs__args=[entry.pk, 2]).exists()


def test_a_retry_skips_whoever_already_got_their_email():
    setup = workflow_setup("grant")
    case = setup.case_after("take", "request_information")
    entry = _send(case, "request_information")
    mail.outbox.clear()
    send_case_emails.call(entry.pk, 2)
    assert mail.outbox == []
