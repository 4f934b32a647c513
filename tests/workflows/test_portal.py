"""Applicants follow their case through a secret link: they read it in their language, answer queries, withdraw,
send the proof of use and download decisions; nobody else reaches anything of theirs."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from tests.factories import executable_bytes, pdf_bytes, upload, workflow_setup
from workflows.definitions.roles import Actor
from workflows.definitions.states import CaseState
from workflows.models import AuditEntry, Decision, StatusLink, Submission, SubmissionFile
from workflows.portal.links import token_hash
from workflows.portal.states import PUBLIC_STATES
from workflows.selectors.access import staff_actor
from workflows.services import TransitionRefused
from workflows.services.casework import applicant_message, note_add, status_link_renew
from workflows.services.decisions import decision_render
from workflows.tasks import send_case_emails, send_status_links

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://[^\s]+/status/([A-Za-z0-9_-]{43})/")


def _status_path(token: str, language: str = "de", name: str = "status", *args) -> str:
    with translation.override(language):
        return reverse(f"workflows:{name}", args=[token, *args])


def _link_for(case) -> str:
    """The token of a fresh status link to `case`, as the confirmation email carries it."""
    return StatusLink.objects.issue(case)


def _step(client, token, case, step, data=None, files=None, language="de"):
    payload = {"state": case.state, **(data or {}), **(files or {})}
    return client.post(_status_path(token, language, "status_step", step), payload)


def _fresh(case):
    return Submission.objects.get(pk=case.pk)


# The link


def test_the_confirmation_email_carries_a_link_that_opens_the_case_in_the_applicants_language(client):
    setup = workflow_setup("grant")
    case = setup.new_case(language="pl", email="jan@example.pl")
    send_case_emails.call(AuditEntry.objects.get(submission=case, transition="submit").pk)
    [message] = [message for message in mail.outbox if message.to == ["jan@example.pl"]]
    match = LINK.search(message.body)
    assert match and "/pl/status/" in match.group(0)
    response = client.get(urlsplit(match.group(0)).path)
    assert response.status_code == 200
    assert case.reference in response.text
    assert '<html lang="pl"' in response.text


def test_only_the_hash_of_a_token_is_stored_and_tokens_carry_256_random_bits():
    setup = workflow_setup("grant")
    case = setup.new_case()
    tokens = {_link_for(case) for _ in range(20)}
    assert len(tokens) == 20 and all(len(token) == 43 for token in tokens)
    stored = set(StatusLink.objects.values_list("token_hash", flat=True))
    assert stored == {token_hash(token) for token in tokens}
    assert not stored & tokens


@pytest.mark.parametrize(
    "token",
    [
        "A" * 43,  # well-formed, unknown
        "short",
        "A" * 44,
        "%00" * 15,
        "Ä" * 43,
    ],
)
def test_unknown_malformed_and_revoked_links_all_get_the_same_404(client, token):
    setup = workflow_setup("grant")
    case = setup.new_case()
    revoked = _link_for(case)
    status_link_renew(case=case, actor=staff_actor(setup.reviewer, case))
    reference = client.get(_status_path(revoked))
    assert reference.status_code == 404
    response = client.get(f"/de/status/{token}/")
    assert response.status_code == 404
    assert response.content == reference.content
    assert case.reference.encode() not in response.content
    assert client.get("/de/status/../../etc/passwd/").status_code == 404


def test_status_pages_are_never_cached_indexed_or_named_to_other_sites(client):
    setup = workflow_setup("grant")
    case = setup.new_case()
    token = _link_for(case)
    paths = [_status_path(token), "/de/status/" + "B" * 43 + "/", _status_path(token, "de", "status_step", "withdraw")]
    for path in paths:
        response = client.get(path)
        assert response["Referrer-Policy"] == "no-referrer"
        assert "no-store" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_reviewer_revokes_the_links_and_the_applicant_gets_a_new_one(client, django_capture_on_commit_callbacks):
    setup = workflow_setup("grant")
    case = setup.new_case(email="jan@example.pl", language="pl")
    old = _link_for(case)
    with django_capture_on_commit_callbacks(execute=False):
        entry = status_link_renew(case=case, actor=staff_actor(setup.reviewer, case))
    assert client.get(_status_path(old)).status_code == 404
    send_case_emails.call(entry.pk)
    [message] = mail.outbox
    new = LINK.search(message.body).group(1)
    assert new != old
    assert client.get(_status_path(new, "pl")).status_code == 200
    assert StatusLink.objects.get(token_hash=token_hash(old)).revoked_by == setup.reviewer


def test_applicants_and_outsiders_cannot_renew_links():
    setup = workflow_setup("grant")
    case = setup.new_case()
    for actor in (Actor.applicant("Anna"), staff_actor(setup.outsider, case)):
        with pytest.raises(TransitionRefused):
            status_link_renew(case=case, actor=actor)


def test_the_case_page_renews_the_link_for_reviewers(client):
    setup = workflow_setup("grant")
    case = setup.new_case()
    token = _link_for(case)
    client.force_login(setup.reviewer)
    response = client.post(reverse("cases:case", args=[case.pk]), {"action": "renew_link"}, follow=True)
    assert response.status_code == 200
    assert client.get(_status_path(token)).status_code == 404
    assert AuditEntry.objects.filter(submission=case, transition="renew_link").count() == 1


# What the page shows


def test_every_state_reads_in_plain_words():
    assert set(PUBLIC_STATES) == set(CaseState)


def test_the_page_shows_the_answers_and_the_public_history_but_never_internal_notes_or_staff(client):
    setup = workflow_setup("grant")
    case = setup.case_after("take", "request_information", language="en", plan="A week of choir rehearsals")
    note_add(case=case, actor=staff_actor(setup.reviewer, case), text="SECRET: the treasurer is unreliable")
    applicant_message(case=case, actor=staff_actor(setup.reviewer, case), text="Please also send the budget.")
    response = client.get(_status_path(_link_for(case), "en"))
    page = response.text
    assert response.status_code == 200
    assert "We need more information from you" in page
    assert "A week of choir rehearsals" in page
    assert "Bitte reichen Sie ein Programm" in page  # the office's question
    assert "Please also send the budget." in page
    assert "SECRET" not in page
    assert setup.reviewer.get_full_name() not in page
    assert setup.reviewer.email not in page


def test_internal_stages_read_as_the_review_they_belong_to(client):
    setup = workflow_setup("grant")
    case = setup.case_after("take", "recommend_rejection")
    page = client.get(_status_path(_link_for(case), "en")).text
    assert "We are reviewing your application" in page
    assert "reject" not in page.lower()
    assert "Die Begegnung hat bereits stattgefunden" not in page  # the reviewer's reasoning is internal


def test_the_page_reads_in_the_language_chosen_and_links_to_the_others(client):
    setup = workflow_setup("grant")
    case = setup.new_case(language="pl")
    token = _link_for(case)
    polish = client.get(_status_path(token, "pl")).text
    arabic = client.get(_status_path(token, "ar"))
    assert 'lang="pl"' in polish and 'dir="rtl"' in arabic.text
    assert f'href="/ar/status/{token}/"' in polish
    assert arabic.status_code == 200


# Answering a query


def test_the_query_round_trip_moves_the_case_back_to_review_and_tells_the_reviewer(
    client, django_capture_on_commit_callbacks
):
    setup = workflow_setup("grant")
    case = setup.case_after("take", "request_information", language="pl")
    token = _link_for(case)
    with django_capture_on_commit_callbacks(execute=True):
        response = _step(
            client,
            token,
            case,
            "answer_query",
            {"comment": "Program w załączniku."},
            {"attachments": [upload("program.pdf", pdf_bytes()), upload("lista.pdf", pdf_bytes(10))]},
            language="pl",
        )
    assert response.status_code == 303
    assert _fresh(case).state == CaseState.IN_REVIEW
    entry = AuditEntry.objects.filter(submission=case).latest("pk")
    assert (entry.transition, entry.actor_role, entry.comment) == ("answer_query", "applicant", "Program w załączniku.")
    assert [item["name"] for item in entry.data["attachments"]] == ["program.pdf", "lista.pdf"]
    assert SubmissionFile.objects.filter(submission=case, field_key="answer_query.attachments").count() == 2
    send_case_emails.call(entry.pk)
    assert [message.to for message in mail.outbox] == [[setup.reviewer.email]]
    page = client.get(_status_path(token, "pl") + "?done=1").text
    assert "program.pdf" in page and "Program w załączniku." in page


def test_a_wrong_answer_is_shown_again_with_the_reason_in_the_applicants_language_and_nothing_is_stored(client):
    setup = workflow_setup("grant")
    case = setup.case_after("take", "request_information", language="fr")
    token = _link_for(case)
    entries = AuditEntry.objects.count()
    response = _step(
        client,
        token,
        case,
        "answer_query",
        {"comment": ""},
        {"attachments": [upload("virus.pdf", executable_bytes())]},
        language="fr",
    )
    assert response.status_code == 400
    assert "virus.pdf" in response.text and "error-summary" in response.text
    assert "Votre réponse: Champ requis." in response.text
    assert AuditEntry.objects.count() == entries
    assert not SubmissionFile.objects.filter(submission=case, field_key__startswith="answer_query").exists()
    assert _fresh(case).state == CaseState.MORE_INFO


def test_an_answer_to_a_case_that_moved_on_meanwhile_is_refused_and_nothing_is_stored(client):
    setup = workflow_setup("grant")
    case = setup.case_after("take", "request_information")
    token = _link_for(case)
    seen = _fresh(case)
    setup.fire(case, "withdraw")  # stands for any change since the page was loaded
    response = _step(client, token, seen, "answer_query", {"comment": "Hier die Antwort."})
    assert response.status_code == 409
    assert not AuditEntry.objects.filter(submission=case, transition="answer_query").exists()


def test_a_withdrawal_sent_from_a_page_showing_an_older_state_is_refused_until_the_applicant_has_read_the_new_one(
    client,
):
    setup = workflow_setup("grant")
    case = setup.case_after("take")
    token = _link_for(case)
    seen = _fresh(case)
    setup.fire(case, "recommend_approval")  # withdrawing is still possible, but the case is not what the page showed
    response = _step(client, token, seen, "withdraw")
    assert response.status_code == 409
    assert "Es wurde nichts übermittelt." in response.text
    assert _fresh(case).state == CaseState.RECOMMENDED_APPROVAL


def test_an_answer_sent_twice_is_taken_once(client):
    setup = workflow_setup("grant")
    case = setup.case_after("take", "request_information")
    token = _link_for(case)
    first = _step(client, token, case, "answer_query", {"comment": "Antwort"})
    second = _step(client, token, case, "answer_query", {"comment": "Antwort"})
    assert (first.status_code, second.status_code) == (303, 409)
    assert AuditEntry.objects.filter(submission=case, transition="answer_query").count() == 1


def test_a_request_larger_than_allowed_is_refused_without_storing_anything(client, settings):
    settings.FORM_MAX_REQUEST_BYTES = 1000
    setup = workflow_setup("grant")
    case = setup.case_after("take", "request_information")
    response = _step(
        client,
        _link_for(case),
        case,
        "answer_query",
        {"comment": "x"},
        {"attachments": upload("a.pdf", pdf_bytes(5000))},
    )
    assert response.status_code == 413
    assert _fresh(case).state == CaseState.MORE_INFO


# Withdrawing


def test_withdrawal_asks_first_and_then_withdraws(client):
    setup = workflow_setup("grant")
    case = setup.case_after("take")
    token = _link_for(case)
    status = client.get(_status_path(token, "en")).text
    confirm_url = _status_path(token, "en", "status_step", "withdraw")
    assert confirm_url in status
    question = client.get(confirm_url)
    assert "Do you really want to withdraw" in question.text
    assert _fresh(case).state == CaseState.IN_REVIEW
    response = _step(client, token, case, "withdraw", {"comment": "Die Reise fällt aus."}, language="en")
    assert response.status_code == 303
    assert _fresh(case).state == CaseState.WITHDRAWN
    assert "You have withdrawn your application" in client.get(_status_path(token, "en")).text


def test_withdrawal_is_offered_and_possible_only_where_the_workflow_allows_it(client):
    setup = workflow_setup("grant")
    case = setup.case_after("take", "recommend_approval", "approve", "issue_decision")
    token = _link_for(case)
    withdraw_url = _status_path(token, "de", "status_step", "withdraw")
    assert withdraw_url not in client.get(_status_path(token)).text
    assert client.get(withdraw_url).status_code == 409
    response = _step(client, token, case, "withdraw")
    assert response.status_code == 409
    assert _fresh(case).state == CaseState.DECISION_ISSUED


def test_steps_of_the_office_cannot_be_taken_through_the_status_page(client):
    setup = workflow_setup("grant")
    case = setup.case_after("take", "recommend_approval")
    token = _link_for(case)
    response = _step(client, token, case, "approve", {"amount": "2000.00"})
    assert response.status_code == 409
    assert _fresh(case).state == CaseState.RECOMMENDED_APPROVAL


# Proof of use


def _paid_case(setup, **options):
    return setup.case_after("take", "recommend_approval", "approve", "issue_decision", "pay", **options)


def test_after_payment_the_proof_of_use_is_sent_from_the_status_page(client):
    setup = workflow_setup("grant")
    case = _paid_case(setup)
    token = _link_for(case)
    page = client.get(_status_path(token, "en")).text
    assert "Submit the proof of use" in page and "Of them under 27" in page
    data = {
        "actual_costs": "4100,00",
        "amount_spent": "2000,00",
        "participants": "22",
        "participants_under_27": "17",
        "comment": "Zwölf Tage Chorwerkstatt mit Konzert im Rathaus.",
    }
    response = _step(client, token, case, "submit_proof_of_use", data, {"receipts": upload("belege.pdf", pdf_bytes())})
    assert response.status_code == 303
    assert _fresh(case).state == CaseState.PROOF_SUBMITTED
    entry = AuditEntry.objects.filter(submission=case).latest("pk")
    assert entry.data["participants_under_27"] == 17
    assert entry.data["actual_costs"] == "4100.00"
    assert entry.data["receipts"][0]["name"] == "belege.pdf"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"participants_under_27": "30"}, "participants_under_27"),
        ({"amount_spent": "5000,00"}, "amount_spent"),
        ({"actual_costs": "100,00"}, "amount_spent"),
        ({"participants": "-3"}, "participants"),
        ({"comment": ""}, "comment"),
    ],
)
def test_an_inconsistent_proof_of_use_is_refused_with_the_field_named(client, change, field):
    setup = workflow_setup("grant")
    case = _paid_case(setup)
    data = {
        "actual_costs": "4100,00",
        "amount_spent": "2000,00",
        "participants": "22",
        "participants_under_27": "17",
        "comment": "Bericht",
        **change,
    }
    response = _step(
        client, _link_for(case), case, "submit_proof_of_use", data, {"receipts": upload("b.pdf", pdf_bytes())}
    )
    assert response.status_code == 400
    assert f'href="#field-{field}"' in response.text
    assert _fresh(case).state == CaseState.PAID


def test_the_proof_of_use_needs_receipts(client):
    setup = workflow_setup("grant")
    case = _paid_case(setup)
    data = {"actual_costs": "1", "amount_spent": "1", "participants": "1", "participants_under_27": "0", "comment": "x"}
    response = _step(client, _link_for(case), case, "submit_proof_of_use", data)
    assert response.status_code == 400
    assert 'href="#field-receipts"' in response.text


# Documents


def test_the_issued_decision_is_downloaded_from_the_status_page(client):
    setup = workflow_setup("grant")
    case = setup.case_after("take", "recommend_approval", "approve", "issue_decision")
    decision = Decision.objects.get(submission=case)
    token = _link_for(case)
    assert _status_path(token, "de", "status_decision", 1) not in client.get(_status_path(token)).text  # pending
    decision_render(decision_id=decision.pk)
    page = client.get(_status_path(token)).text
    assert _status_path(token, "de", "status_decision", 1) in page
    response = client.get(_status_path(token, "de", "status_decision", 1))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Referrer-Policy"] == "no-referrer"


def test_another_applicants_files_and_decisions_are_never_reachable(client):
    setup = workflow_setup("grant")
    mine = setup.case_after("take", "request_information")
    theirs = setup.case_after("take", "recommend_approval", "approve", "issue_decision", email="other@example.org")
    decision_render(decision_id=Decision.objects.get(submission=theirs).pk)
    their_file = SubmissionFile.objects.create(
        submission=theirs,
        field_key="x",
        file=upload("geheim.pdf", pdf_bytes()),
        original_name="geheim.pdf",
        kind="pdf",
        size=10,
        sha256="0" * 64,
    )
    token = _link_for(mine)
    assert client.get(_status_path(token, "de", "status_file", their_file.pk)).status_code == 404
    assert client.get(_status_path(token, "de", "status_decision", 1)).status_code == 404
    assert client.get(_status_path(token, "de", "status_decision", 2**40)).status_code == 404


# Lost links


def test_asking_for_lost_links_reads_the_same_for_known_and_unknown_addresses_and_mails_only_known_ones(client):
    setup = workflow_setup("grant")
    first = setup.new_case(email="Jan@Example.pl", language="pl")
    second = setup.new_case(email="jan@example.pl", language="pl")
    path = reverse("workflows:lost_link")
    known = client.post(path, {"email": "jan@example.pl"})
    unknown = client.post(path, {"email": "nobody@example.pl"})
    assert known.status_code == unknown.status_code == 200
    assert known.content.replace(b"jan@example.pl", b"X") == unknown.content.replace(b"nobody@example.pl", b"X")
    queued = DBTaskResult.objects.filter(task_path="workflows.tasks.send_status_links")
    assert queued.count() == 2  # both asked: nothing tells them apart before the worker
    for task in queued:
        send_status_links.call(*task.args_kwargs["args"])
    [message] = mail.outbox
    assert message.to == ["jan@example.pl"]
    tokens = LINK.findall(message.body)
    assert len(tokens) == 2
    opened = {client.get(_status_path(token)).context["case"].pk for token in tokens}
    assert opened == {first.pk, second.pk}


def test_asking_for_lost_links_is_rate_limited(client, settings):
    settings.STATUS_LINK_RATE_LIMIT = (3, 3600)
    path = reverse("workflows:lost_link")
    statuses = [client.post(path, {"email": f"person{n}@example.org"}).status_code for n in range(5)]
    assert statuses == [200, 200, 200, 429, 429]


def test_a_malformed_address_is_refused_with_a_clear_message(client):
    response = client.post("/fr/status/", {"email": "pas une adresse"})
    assert response.status_code == 400
    assert "Saisissez une adresse de courriel valide." in response.text
    assert not DBTaskResult.objects.filter(task_path="workflows.tasks.send_status_links").exists()
