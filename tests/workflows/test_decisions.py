"""Decisions (Bescheide): archivable PDFs in German with a courtesy translation, issued by the worker, never changed
afterwards, safe against whatever applicants and editors write."""

import hashlib
import io
import re
from datetime import date, timedelta
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader
from wagtail.models import Locale

from taskworker.recovery import abandoned_tasks_recover
from tests.factories import workflow_setup
from tests.worker import abandon
from workflows.decisions.document import decision_html
from workflows.decisions.fetcher import AssetFetcher, RefusedURL
from workflows.decisions.letter import add_months, amount_in_words, case_facts
from workflows.decisions.pdf import pdf_from_html
from workflows.models import AuditEntry, Decision, DecisionTemplate, Submission
from workflows.models.audit import AppendOnly
from workflows.models.decisions import pending_time_limit
from workflows.services.decisions import decision_render
from workflows.tasks import send_case_emails

pytestmark = pytest.mark.django_db

COURTESY_NOTE = (
    "Courtesy translation. It is provided for your information only and is not binding: only the German decision "
    "above is legally binding."
)
PERIOD = (date(2027, 5, 3), date(2027, 5, 9))


@pytest.fixture
def setup():
    return workflow_setup("grant")


def approved_case(setup, **options):
    options = {"partner_city": "brno", "organisation": "Stuttgarter Wanderfreunde e. V.", "period": PERIOD, **options}
    return setup.case_after("take", "recommend_approval", "approve", **options)


def issue(setup, case, *, notify=False) -> Decision:
    """Take the issuing step and do what the worker does: render the decision."""
    setup.fire(case, "issue_decision", notify=notify)
    decision = Decision.objects.filter(submission=case).latest("version")
    return decision_render(decision_id=decision.pk)


def pdf_of(decision: Decision) -> bytes:
    with decision.file.open("rb") as stored:
        return stored.read()


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def fonts_of(reader: PdfReader):
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            yield font["/BaseFont"], described["/FontDescriptor"].get_object()


def words(text: str) -> list[str]:
    return [word.strip(".,:;()") for word in text.split() if word.strip(".,:;()")]


# The document


def test_an_issued_approval_is_an_archivable_tagged_pdf_in_german(setup):
    decision = issue(setup, approved_case(setup))
    pdf = pdf_of(decision)
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    xmp = reader.xmp_metadata.stream.get_data().decode()

    assert (decision.status, decision.version, decision.kind) == ("issued", 1, "approval")
    assert decision.sha256 == hashlib.sha256(pdf).hexdigest() and decision.size == len(pdf)
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="U"' in xmp
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "de"
    assert decision.submission.reference in reader.metadata.title
    fonts = list(fonts_of(reader))
    assert fonts and all({"/FontFile2", "/FontFile3"} & set(descriptor) for _name, descriptor in fonts)
    text = " ".join(text_of(pdf).split())
    for expected in (
        decision.submission.reference,
        "Bewilligungsbescheid",
        "2.000,00 €",
        "zweitausend Euro",
        "3. Mai 2027 – 9. Mai 2027",
        "Brno",
        "Stuttgarter Wanderfreunde e. V.",
        "Nebenbestimmungen",
        "Rechtsbehelfsbelehrung",
        "innerhalb eines Monats",
        "Anton Approver",
        "ohne Unterschrift gültig",
    ):
        assert expected in text, expected
    assert "Begründung" not in text  # full approval: nothing to give reasons for
    assert re.search(r"Seite 1 von \d", text)


@pytest.mark.parametrize("language", ["ar", "ja", "uk"])
def test_the_courtesy_translation_follows_in_the_applicants_language_and_extracts_intact(setup, language):
    decision = issue(setup, approved_case(setup, language=language))
    reader = PdfReader(io.BytesIO(pdf_of(decision)))
    text = text_of(pdf_of(decision))
    with translation.override(language):
        note = translation.gettext(COURTESY_NOTE)
        legal_remedy = translation.gettext("Legal remedy notice")
    assert note != COURTESY_NOTE
    assert "Rechtsbehelfsbelehrung" in text  # the binding German comes first
    if language == "ja":
        assert note.replace(" ", "") in re.sub(r"\s", "", text)
    else:  # right-to-left lines may come out in visual order: every word must be there, whole
        assert all(word in text for word in words(note))
    assert legal_remedy in text
    assert "\ufffd" not in text
    assert len(reader.pages) >= 2 and decision.courtesy_language == language


def test_right_to_left_languages_are_set_right_to_left(setup):
    case = approved_case(setup, language="he")
    html = decision_html(case_facts(case, "approval", official="Anton Approver"), version=1)
    assert '<article class="letter" lang="de" dir="ltr"' in html
    assert '<article class="letter" lang="he" dir="rtl"' in html


def test_a_partial_approval_gives_its_reasons_and_rejects_the_rest(setup):
    case = setup.case_after("take", "recommend_approval", amount="2000.00")
    case = setup.fire(case, "approve", data={"amount": "1500.00", "comment": "Die Verpflegung ist nicht förderfähig."})
    text = " ".join(text_of(pdf_of(issue(setup, case))).split())
    assert "1.500,00 €" in text and "eintausendfünfhundert Euro" in text
    assert "nur teilweise entsprochen" in text
    assert "Die Verpflegung ist nicht förderfähig." in text
    assert "Im Übrigen (beantragt waren 2.000,00 €) wird Ihr Antrag abgelehnt." in text


def test_a_rejection_is_an_ablehnungsbescheid_with_the_approvers_reasons(setup):
    case = setup.case_after("take", "recommend_rejection")
    case = setup.fire(case, "reject", data={"comment": "Das Vorhaben hat keinen Bezug zu einer Partnerstadt."})
    decision = issue(setup, case)
    text = " ".join(text_of(pdf_of(decision)).split())
    assert decision.kind == "rejection"
    assert "Ablehnungsbescheid" in text and "wird abgelehnt" in text
    assert "Das Vorhaben hat keinen Bezug zu einer Partnerstadt." in text
    assert "Rechtsbehelfsbelehrung" in text


def test_internships_get_a_funding_commitment_and_a_repayment_gets_its_own_decision():
    setup = workflow_setup("internship")
    case = setup.case_after("take", "record_placement", "recommend_approval", "approve")
    assert issue(setup, case).kind == "commitment"
    case = setup.case_after("take", "record_placement", "recommend_approval", "approve", "issue_decision", "pay")
    case = setup.fire(case, "submit_proof_of_use")
    case = setup.fire(case, "request_repayment", data={"amount_repayable": "400.00", "comment": "Weniger Reisetage."})
    repayment = Decision.objects.filter(submission=case).latest("version")
    decision_render(decision_id=repayment.pk)
    text = " ".join(text_of(pdf_of(Decision.objects.get(pk=repayment.pk))).split())
    assert repayment.kind == "repayment" and repayment.version == 2
    assert "Änderungs- und Rückforderungsbescheid" in text
    assert "400,00 €" in text and "vierhundert Euro" in text and "Weniger Reisetage." in text


def test_amounts_are_written_in_words_where_the_language_has_number_words():
    assert amount_in_words(Decimal("1550.00"), "de") == "eintausendfünfhundertfünfzig Euro"
    assert amount_in_words(Decimal("20.05"), "de") == "zwanzig Euro und fünf Cent"
    with translation.override("en"):
        assert amount_in_words(Decimal("1550.00"), "mr") == "1,550.00 €"  # no Marathi number words: figures


def test_deadlines_in_months_end_on_the_last_day_of_a_shorter_month():
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2027, 11, 15), 3) == date(2028, 2, 15)


# Safety


HOSTILE = [
    '<img src="file:///etc/passwd"><link rel="stylesheet" href="file:///etc/passwd">',
    '<img src="http://127.0.0.1:8000/admin/"><iframe src="https://example.org/">',
    "<style>@import url(http://127.0.0.1:9/x.css); body { background: url(file:///etc/shadow) }</style>",
    "{{ settings.SECRET_KEY }} {% debug %} {reference.__class__}",
    "Ü" * 1_000_000,
]


@pytest.mark.parametrize("hostile", HOSTILE, ids=["file", "http", "css", "template", "1MB"])
def test_hostile_answers_are_printed_as_text_fetch_nothing_and_still_render(setup, hostile, monkeypatch, settings):
    case = setup.case_after(
        "take", "recommend_approval", name=hostile, organisation=hostile, partner_city=hostile[:64], plan=hostile
    )
    case = setup.fire(case, "approve", data={"amount": "1000.00", "comment": hostile[:5000]})
    fetched = []
    fetch = AssetFetcher.fetch
    monkeypatch.setattr(AssetFetcher, "fetch", lambda self, url, headers=None: fetched.append(url) or fetch(self, url))
    pdf_from_html(decision_html(case_facts(case, "approval", official="Anton"), version=1))  # in this process
    assert set(fetched) <= {"asset:decision.css", "asset:logo.svg", "asset:fold-marks.svg"}

    decision = issue(setup, case)  # the real path: the worker's rendering in its child process
    text = text_of(pdf_of(decision))
    assert decision.status == "issued"
    assert settings.SECRET_KEY not in text and "root:" not in text
    if hostile.startswith("{{"):
        assert "{{ settings.SECRET_KEY }}" in text
    elif hostile.startswith("<"):
        assert hostile[:12] in text  # printed as the applicant typed it
    else:
        assert decision.size < 2_000_000  # long answers are cut, not set on hundreds of pages


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:8000/",
        "https://example.org/style.css",
        "ftp://example.org/x",
        "asset:../pdf.py",
        "asset:/etc/passwd",
        "asset:",
        "data:text/css;base64," + "A" * 20_000,
    ],
)
def test_the_renderer_may_fetch_only_our_own_assets(url):
    with pytest.raises(RefusedURL):
        AssetFetcher().fetch(url)


def test_raw_markup_with_outside_urls_renders_without_fetching_them():
    fetcher = AssetFetcher()
    assert b"@page" in fetcher.fetch("asset:decision.css").read()
    assert fetcher.fetch("data:text/plain,ok").read() == b"ok"
    html = '<html lang="de"><title>t</title><img src="file:///etc/passwd"><p>Text</p></html>'
    assert "Text" in text_of(pdf_from_html(html))


def test_editors_wording_is_used_and_their_template_code_is_printed_literally(setup):
    DecisionTemplate.objects.create(
        programme=setup.page.programme,
        kind="approval",
        locale=Locale.objects.get(language_code="de"),
        office="Kulturamt",
        operative_part="Wir bewilligen {amount} € für {organisation}. {{ settings.SECRET_KEY }} {% now 'Y' %}",
    )
    text = " ".join(text_of(pdf_of(issue(setup, approved_case(setup)))).split())
    assert "Wir bewilligen 2.000,00 € für Stuttgarter Wanderfreunde e. V." in text
    assert "{{ settings.SECRET_KEY }} {% now 'Y' %}" in text
    assert "Kulturamt" in text


def test_editors_cannot_save_unknown_placeholders(setup):
    template = DecisionTemplate(
        kind="rejection", locale=Locale.objects.get(language_code="de"), legal_remedy="{secret} und {reference}"
    )
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        template.full_clean()
    assert "Unknown placeholder: {secret}" in str(refused.value)


def test_a_rendering_that_takes_too_long_is_stopped_recorded_and_can_be_retried(client, setup, settings):
    case = approved_case(setup)
    settings.DECISION_RENDER_SECONDS = 0.001
    decision = issue(setup, case)
    assert decision.status == "failed" and "longer than" in decision.failure and not decision.file
    client.force_login(setup.reviewer)
    url = reverse("cases:case", args=[case.pk])
    assert "Erneut versuchen" in client.get(url).content.decode()
    client.post(url, {"action": "retry_decision", "decision": decision.pk})
    assert Decision.objects.get(pk=decision.pk).status == "pending"
    settings.DECISION_RENDER_SECONDS = 60
    assert decision_render(decision_id=decision.pk).status == "issued"
    response = client.post(url, {"action": "retry_decision", "decision": decision.pk}, follow=True)
    assert "wartet nicht auf einen neuen Versuch" in response.content.decode()


RETRY_BUTTON = '<input type="hidden" name="action" value="retry_decision">'


def renderings_of(decision) -> list[DBTaskResult]:
    return list(
        DBTaskResult.objects.filter(task_path="workflows.tasks.render_decision", args_kwargs__args=[decision.pk])
    )


def test_a_rendering_whose_workers_died_too_often_fails_its_decision_which_staff_retry(
    client, setup, settings, django_capture_on_commit_callbacks
):
    case = approved_case(setup)
    with django_capture_on_commit_callbacks(execute=True):
        setup.fire(case, "issue_decision")
    decision = Decision.objects.get(submission=case)
    [rendering] = renderings_of(decision)
    abandon(rendering.pk, starts=settings.TASK_MAX_ATTEMPTS)

    abandoned_tasks_recover()  # as every worker does at its start and then every TASK_WORKER_TIMEOUT_SECONDS

    decision.refresh_from_db()
    assert decision.status == "failed"
    assert decision.failure == "Der Hintergrunddienst konnte diesen Bescheid nicht erstellen (TaskAbandoned)."
    client.force_login(setup.reviewer)
    url = reverse("cases:case", args=[case.pk])
    page = client.get(url).content.decode()
    assert decision.failure in page and RETRY_BUTTON in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "retry_decision", "decision": decision.pk})
    assert Decision.objects.get(pk=decision.pk).status == "pending"
    assert [task.status for task in renderings_of(decision)] == ["FAILED", "READY"]
    assert decision_render(decision_id=decision.pk).status == "issued"


def test_staff_can_retry_a_decision_still_pending_past_its_time_limit(
    client, setup, django_capture_on_commit_callbacks
):
    case = approved_case(setup)
    setup.fire(case, "issue_decision")  # and no worker ever renders it
    decision = Decision.objects.get(submission=case)
    client.force_login(setup.reviewer)
    url = reverse("cases:case", args=[case.pk])
    assert RETRY_BUTTON not in client.get(url).content.decode()  # a rendering may still be on its way
    refused = client.post(url, {"action": "retry_decision", "decision": decision.pk}, follow=True)
    assert "wartet nicht auf einen neuen Versuch" in refused.content.decode()

    waited = pending_time_limit() + timedelta(minutes=2)
    Decision.objects.filter(pk=decision.pk).update(queued_at=timezone.now() - waited)
    page = client.get(url).content.decode()
    assert RETRY_BUTTON in page and "Der Hintergrunddienst ist vielleicht ausgefallen" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "retry_decision", "decision": decision.pk})
    assert len(renderings_of(decision)) == 1 and Decision.objects.get(pk=decision.pk).status == "pending"
    assert RETRY_BUTTON not in client.get(url).content.decode()  # asked again just now
    assert decision_render(decision_id=decision.pk).status == "issued"


# Issued for good


def test_issued_decisions_cannot_be_changed_or_deleted(admin_client, setup):
    decision = issue(setup, approved_case(setup))
    pdf = pdf_of(decision)
    decision.sha256 = "0" * 64
    with pytest.raises(AppendOnly):
        decision.save()
    with pytest.raises(AppendOnly):
        decision.delete()
    with pytest.raises(AppendOnly):
        Decision.objects.filter(pk=decision.pk).delete()
    assert Decision.objects.filter(pk=decision.pk).update(sha256="0" * 64, file="elsewhere.pdf") == 0
    stored = Decision.objects.get(pk=decision.pk)
    assert stored.sha256 == hashlib.sha256(pdf).hexdigest() and pdf_of(stored) == pdf
    for path in ("/admin/snippets/workflows/decision/", f"/admin/snippets/workflows/decision/edit/{decision.pk}/"):
        assert admin_client.get(path, follow=True).status_code == 404


def test_a_correction_issues_version_two_and_leaves_version_one_as_it_was(client, setup):
    case = approved_case(setup)
    first = issue(setup, case)
    first_pdf = pdf_of(first)
    client.force_login(setup.reviewer)
    url = reverse("cases:case", args=[case.pk])
    response = client.post(url, {"action": "correct_decision", "reason": "Der Zeitraum war falsch angegeben."})
    assert response.status_code == 302
    second = decision_render(decision_id=Decision.objects.get(submission=case, version=2).pk)
    assert second.status == "issued" and second.correction_reason == "Der Zeitraum war falsch angegeben."
    assert "Fassung 2" in " ".join(text_of(pdf_of(second)).split())
    assert pdf_of(Decision.objects.get(pk=first.pk)) == first_pdf
    assert Decision.objects.get(pk=first.pk).sha256 == first.sha256
    entry = AuditEntry.objects.get(submission=case, transition="correct_decision")
    assert entry.comment == "Der Zeitraum war falsch angegeben."
    page = client.get(url).content.decode()
    assert f"{case.reference}-1.pdf" in page and f"{case.reference}-2.pdf" in page


def test_corrections_need_a_reason_and_someone_who_issues_decisions(client, setup):
    case = approved_case(setup)
    issue(setup, case)
    url = reverse("cases:case", args=[case.pk])
    client.force_login(setup.reviewer)
    response = client.post(url, {"action": "correct_decision", "reason": "   "})
    assert response.status_code == 422 and Decision.objects.filter(submission=case).count() == 1
    client.force_login(setup.approver)  # approvers decide; reviewers issue and correct
    client.post(url, {"action": "correct_decision", "reason": "Tippfehler"})
    assert Decision.objects.filter(submission=case).count() == 1


# Reaching the applicant


def test_the_applicant_is_emailed_once_the_pdf_exists_with_link_and_attachment(client, setup):
    case = approved_case(setup, language="fr")
    with translation.override("de"):
        setup.fire(case, "issue_decision", notify=True)
    entry = AuditEntry.objects.get(submission=case, transition="issue_decision")
    queued = DBTaskResult.objects.filter(task_path="workflows.tasks.send_case_emails")
    assert not [task for task in queued if task.args_kwargs["args"][:1] == [entry.pk]]  # not before the PDF
    decision = Decision.objects.get(submission=case)
    decision_render(decision_id=decision.pk)
    send_case_emails.call(entry.pk)
    [email] = [message for message in mail.outbox if message.to == ["anna@example.org"]]
    [(name, content, mimetype)] = email.attachments
    assert (name, mimetype) == (f"{case.reference}-1.pdf", "application/pdf")
    assert content == pdf_of(Decision.objects.get(pk=decision.pk))
    path = urlsplit(re.search(r"https?://\S+/decisions/\S+/", email.body).group(0)).path
    assert path.startswith("/fr/")
    response = client.get(path)
    assert response.status_code == 200 and b"".join(response.streaming_content) == content
    forged = client.get(path.replace(":", "x", 1))
    with translation.override("fr"):
        explanation = translation.gettext("This link no longer works")
    assert forged.status_code == 404 and explanation in forged.content.decode()


def test_without_attachment_the_email_only_links_to_the_decision(setup):
    DecisionTemplate.objects.create(
        programme=setup.page.programme, kind="approval", locale=Locale.objects.get(language_code="de"), attach_pdf=False
    )
    case = approved_case(setup)
    decision = issue(setup, case, notify=True)
    send_case_emails.call(decision.audit_entry_id)
    [email] = [message for message in mail.outbox if message.to == ["anna@example.org"]]
    assert email.attachments == [] and "/decisions/" in email.body


# The admin


def test_the_case_page_lists_the_versions_and_previews_a_draft_before_issuing(client, setup):
    case = approved_case(setup)
    client.force_login(setup.reviewer)
    page = client.get(reverse("cases:case", args=[case.pk])).content.decode()
    preview = reverse("cases:decision_preview", args=[case.pk])
    assert f"{preview}?kind=approval" in page
    response = client.get(preview, {"kind": "approval"})
    assert response["Content-Type"] == "application/pdf"
    draft = b"".join(response.streaming_content)
    assert PdfReader(io.BytesIO(draft)).metadata.title.startswith("Entwurf – nicht erlassen: ")
    assert not Decision.objects.filter(submission=case).exists()
    assert client.get(preview, {"kind": "rejection"}, follow=True).status_code == 404
    assert client.get(preview, {"kind": "approval", "lang": "xx"}, follow=True).status_code == 404
    client.force_login(setup.outsider)
    assert client.get(preview, {"kind": "approval"}, follow=True).status_code == 404


def test_only_staff_who_see_the_case_download_its_decision(client, setup):
    case = approved_case(setup)
    decision = issue(setup, case)
    url = reverse("cases:decision", args=[case.pk, decision.version])
    client.force_login(setup.reviewer)
    response = client.get(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == pdf_of(decision)
    for version in (2, 0, 10**30):
        assert client.get(reverse("cases:decision", args=[case.pk, version]), follow=True).status_code == 404
    assert client.get(reverse("cases:decision_batch", args=[10**30]), follow=True).status_code == 404
    client.force_login(setup.outsider)
    assert client.get(url, follow=True).status_code == 404


def test_a_bulk_issue_shows_progress_failures_and_retries_them(client, setup, settings):
    cases = [approved_case(setup) for _ in range(3)]
    client.force_login(setup.reviewer)
    ids = "&".join(f"id={case.pk}" for case in cases)
    bulk = reverse("wagtail_bulk_action", args=["workflows", "submission", "step"])
    report = client.post(f"{bulk}?{ids}&step=issue_decision&next=/admin/cases/", {"comment": ""}).content.decode()
    batch_url = re.search(r'href="(/admin/cases/decision-batches/\d+/)"', report).group(1)
    assert "0 von 3 Bescheiden erlassen" in client.get(batch_url).content.decode()

    pending = list(Decision.objects.filter(submission__in=cases).order_by("pk"))
    for decision in pending[:2]:
        decision_render(decision_id=decision.pk)
    settings.DECISION_RENDER_SECONDS = 0.001
    decision_render(decision_id=pending[2].pk)
    progress = client.get(batch_url, {"fragment": "1"}).content.decode()
    assert "2 von 3 Bescheiden erlassen" in progress and "longer than" in progress
    assert "Fehlgeschlagene erneut versuchen" in progress

    client.post(batch_url)
    assert Decision.objects.get(pk=pending[2].pk).status == "pending"
    client.force_login(setup.outsider)
    assert client.get(batch_url, follow=True).status_code == 404


def test_the_batch_page_offers_another_try_for_decisions_pending_too_long(client, setup):
    cases = [approved_case(setup) for _ in range(2)]
    client.force_login(setup.reviewer)
    ids = "&".join(f"id={case.pk}" for case in cases)
    bulk = reverse("wagtail_bulk_action", args=["workflows", "submission", "step"])
    report = client.post(f"{bulk}?{ids}&step=issue_decision&next=/admin/cases/", {"comment": ""}).content.decode()
    batch_url = re.search(r'href="(/admin/cases/decision-batches/\d+/)"', report).group(1)
    stalled, waiting = Decision.objects.filter(submission__in=cases).order_by("pk")
    long_ago = timezone.now() - pending_time_limit() - timedelta(minutes=2)
    Decision.objects.filter(pk=stalled.pk).update(queued_at=long_ago)

    progress = client.get(batch_url, {"fragment": "1"}).content.decode()
    assert "1 wartet zu lange" in progress and "Diese Bescheide erneut versuchen" in progress

    client.post(batch_url)
    assert Decision.objects.get(pk=stalled.pk).queued_at > long_ago  # asked again
    assert Decision.objects.get(pk=waiting.pk).queued_at == waiting.queued_at  # left to its first rendering


def test_render_decision_writes_a_draft_for_operators(setup, tmp_path):
    case = approved_case(setup)
    output = tmp_path / "preview.pdf"
    call_command("render_decision", case.reference, "--lang", "uk", "--output", str(output), stdout=io.StringIO())
    text = text_of(output.read_bytes())
    assert PdfReader(output).metadata.title.startswith("Entwurf") and case.reference in text
    with translation.override("uk"):
        assert translation.gettext("Legal remedy notice") in text
    with pytest.raises(CommandError, match="No case"):
        call_command("render_decision", "NOPE-1", "--output", str(output))
    with pytest.raises(CommandError, match="no decision"):
        call_command("render_decision", setup.new_case().reference, "--output", str(output))
    assert Submission.objects.get(pk=case.pk).decisions.count() == 0


def test_editors_find_decision_templates_with_their_placeholders_in_the_admin(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_workflows_decisiontemplate:add"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "{amount_in_words}" in body and "{proof_deadline}" in body
    assert "Bescheidvorlagen" in admin_client.get("/admin/").content.decode()
