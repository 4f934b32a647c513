"""The case page: answers, files, history, and the work reviewers do there (steps, assignment, messages, notes)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.factories import pdf_bytes, upload, workflow_setup
from workflows.models import AuditEntry, InternalNote, Submission, SubmissionFile
from workflows.notifications import case_emails
from workflows.services import submission_create
from workflows.tasks import send_case_emails

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    return workflow_setup("grant")


def case_page(client, user, case):
    client.force_login(user)
    return client.get(reverse("cases:case", args=[case.pk]))


def post(client, user, case, **data):
    client.force_login(user)
    return client.post(reverse("cases:case", args=[case.pk]), data)


def send_queued_emails(case, step):
    """Do what the task worker does with the step's queued emails."""
    send_case_emails.call(AuditEntry.objects.filter(submission=case, transition=step).latest("pk").pk)


def stored(case):
    return Submission.objects.get(pk=case.pk)


# Reading a case


def test_answers_are_labelled_in_the_readers_language_with_the_applicants_label_beside(client):
    reviewer = get_user_model().objects.get(username="aussen.sachbearbeitung")
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "en"
    profile.save()
    polish = Submission.objects.filter(reference__startswith="AUS-", language="pl").first()
    body = case_page(client, reviewer, polish).content.decode()
    assert "Name of the organisation" in body
    assert "Nazwa organizacji" in body  # as the applicant read the question
    assert 'lang="pl"' in body


def test_uploaded_files_can_be_previewed_and_downloaded_by_staff_only(client, setup):
    page = setup.page
    submission = submission_create(
        page=page,
        cleaned_data={"name": "Anna", "email": "anna@example.org"},
        language="de",
        notify=False,
    )
    record = SubmissionFile.objects.create(
        submission=submission,
        field_key="name",
        file=upload("plan.pdf", pdf_bytes(), "application/pdf"),
        original_name="plan.pdf",
        kind="pdf",
        size=len(pdf_bytes()),
        sha256="0" * 64,
    )
    url = reverse("cases:file", args=[submission.pk, record.pk])
    client.force_login(setup.reviewer)
    preview = client.get(url, {"inline": "1"})
    assert preview["Content-Type"] == "application/pdf"
    assert preview["Content-Disposition"].startswith("inline")
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    download = client.get(url)
    assert download["Content-Disposition"].startswith("attachment")
    assert download["Content-Type"] == "application/octet-stream"
    client.force_login(setup.outsider)
    assert client.get(url, follow=True).status_code == 404


def test_history_shows_steps_with_their_data_emails_and_notes(client, setup):
    case = setup.case_after("take", "recommend_approval", amount="1500.00")
    post(client, setup.reviewer, case, action="note", text="Telefonat mit Frau Beispiel: Programm kommt nächste Woche.")
    body = case_page(client, setup.approver, case).content.decode()
    for text in ("Vorgang übernehmen", "Bewilligung empfehlen", "1.500,00 €", "Telefonat mit Frau Beispiel"):
        assert text in body


# Steps


def test_a_reviewer_sees_only_the_steps_their_role_may_take(client, setup):
    case = setup.case_after("take", "recommend_approval")
    reviewer_page = case_page(client, setup.reviewer, case).content.decode()
    approver_page = case_page(client, setup.approver, case).content.decode()
    assert 'value="approve"' not in reviewer_page
    assert 'value="approve"' in approver_page


def test_requesting_information_moves_the_case_and_appears_in_the_history(client, setup):
    case = setup.case_after("take")
    response = post(
        client,
        setup.reviewer,
        case,
        action="step",
        step="request_information",
        state="in_review",
        comment="Bitte senden Sie den Finanzplan.",
    )
    assert response.status_code == 302
    assert stored(case).state == "more_info"
    body = client.get(response["Location"]).content.decode()
    assert "Bitte senden Sie den Finanzplan." in body


def test_wrong_step_data_shows_the_form_again_with_the_error_and_changes_nothing(client, setup):
    case = setup.case_after("take", amount="1000.00")
    response = post(
        client,
        setup.reviewer,
        case,
        action="step",
        step="recommend_approval",
        state="in_review",
        amount="5000",
        comment="Gut",
    )
    assert response.status_code == 422
    assert "1.000,00" in response.content.decode()  # the limit, named in the error
    assert 'value="5000"' in response.content.decode()  # what was typed is kept
    assert stored(case).state == "in_review"


def test_a_step_on_a_case_changed_in_the_meantime_is_refused(client, setup):
    case = setup.case_after("take")
    setup.fire(case, "request_information")  # a colleague was quicker
    response = post(client, setup.reviewer, case, action="step", step="withdraw", state="in_review", comment="x")
    assert response.status_code == 302
    assert stored(case).state == "more_info"
    assert "von einer anderen Person geändert" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("step", ["approve", "no_such_step", "save", "delete", "__class__", ""])
def test_steps_one_may_not_take_or_that_do_not_exist_are_refused_without_error(client, setup, step):
    case = setup.case_after("take")
    response = post(client, setup.reviewer, case, action="step", step=step, state="in_review", amount="1")
    assert response.status_code in (302, 422)
    assert stored(case).state == "in_review"


def test_posting_to_a_case_one_may_not_see_changes_nothing(client, setup):
    case = setup.case_after("take")
    response = post(client, setup.outsider, case, action="step", step="request_information", state="in_review")
    assert response.status_code in (302, 404)
    assert stored(case).state == "in_review"
    assert not InternalNote.objects.filter(submission=case).exists()


# Assignment


def test_taking_a_case_makes_me_its_assignee(client, setup):
    case = setup.new_case()
    post(client, setup.approver, case, action="take")
    assert stored(case).assignee == setup.approver
    assert AuditEntry.objects.filter(submission=case, transition="assign").exists()


def test_assigning_a_colleague_tells_them_by_email_with_a_link_to_the_case(client, setup):
    case = setup.new_case()
    post(client, setup.reviewer, case, action="assign", assignee=setup.approver.pk)
    assert stored(case).assignee == setup.approver
    send_queued_emails(case, "assign")
    [message] = [m for m in mail.outbox if m.to == [setup.approver.email]]
    assert case.reference in message.subject
    assert reverse("cases:case", args=[case.pk]) in message.body


def test_a_case_cannot_be_assigned_to_someone_without_a_role_for_its_form(client, setup):
    case = setup.new_case()
    response = post(client, setup.reviewer, case, action="assign", assignee=setup.outsider.pk)
    assert response.status_code == 422
    assert stored(case).assignee is None


# Messages and notes


def test_a_message_to_the_applicant_is_mailed_in_their_language_and_kept_in_the_history(client, setup):
    case = setup.new_case(language="fr", email="claire@example.org")
    post(client, setup.reviewer, case, action="message", text="Merci de nous appeler.")
    send_queued_emails(case, "message")
    [message] = [m for m in mail.outbox if m.to == ["claire@example.org"]]
    assert "Merci de nous appeler." in message.body
    assert message.extra_headers["Content-Language"] == "fr"
    assert stored(case).state == "submitted"
    assert AuditEntry.objects.get(submission=case, transition="message").comment == "Merci de nous appeler."


def test_internal_notes_never_reach_the_applicant(client, setup, django_capture_on_commit_callbacks):
    case = setup.new_case(email="anna@example.org")
    secret = "Vertraulich: Verein hatte 2024 eine Rückforderung."
    with django_capture_on_commit_callbacks(execute=True):
        post(client, setup.reviewer, case, action="note", text=secret)
        setup.fire(case, "take", notify=True)
        setup.fire(case, "request_information", data={"comment": "Bitte Finanzplan senden."}, notify=True)
    assert InternalNote.objects.get(submission=case).text == secret
    for entry in AuditEntry.objects.filter(submission=case):
        for _audience, email in case_emails(entry, status_link=lambda: ""):
            assert secret not in email.body
            assert secret not in email.subject
    assert all(secret not in message.body for message in mail.outbox)


@pytest.mark.parametrize("text", ["", "   ", "x" * 5001])
def test_empty_or_overlong_notes_are_refused_with_a_message(client, setup, text):
    case = setup.new_case()
    response = post(client, setup.reviewer, case, action="note", text=text)
    assert response.status_code == 422
    assert not InternalNote.objects.filter(submission=case).exists()


def test_an_unknown_action_is_refused_politely(client, setup):
    case = setup.new_case()
    response = post(client, setup.reviewer, case, action="drop table")
    assert response.status_code == 302


def test_an_approval_the_budget_cannot_cover_is_refused_and_the_page_shows_the_case_as_stored(client):
    setup = workflow_setup("grant", budget="1000.00")
    case = setup.case_after("take", "recommend_approval", amount="1500.00")
    response = post(
        client, setup.approver, case, action="step", step="approve", state="recommended_approval", amount="1500.00"
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "1.000,00" in body  # what the programme has left, named in the refusal
    facts = body[body.index('id="case-summary"') : body.index('id="case-answers"')]
    assert "Zur Bewilligung empfohlen" in facts
    assert stored(case).state == "recommended_approval"
