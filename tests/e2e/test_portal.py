"""The applicant's journey without an account: a Polish application, a query answered on the status page, a decision
by two people, and the PDF downloaded from the status page. The screenshots (tests/artifacts/) are those of
docs/screenshots/."""

import re
from urllib.parse import urlsplit

from django.core import mail
from playwright.sync_api import expect

from tests.e2e.axe import wcag_violations
from tests.e2e.test_application_form import exchange_form, fill_exchange_form
from tests.e2e.test_inbox import log_in
from tests.factories import pdf_bytes
from tests.worker import run_worker_until_queue_is_empty
from workflows.models import AuditEntry, Submission
from workflows.tasks import send_case_emails

QUESTION = "Bitte senden Sie uns das Programm der Begegnung mit Tagesablauf."


def _staff_page(browser, server, username):
    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE").new_page()
    log_in(page, server, username)
    return page


def _take_step(page, case, step, **fields):
    """On the case page, open `step`, fill in `fields` and take it."""
    page.goto(f"{page.url.split('/admin/')[0]}/admin/cases/{case.pk}/")
    form = page.locator("details.case-step", has=page.locator(f"input[name=step][value={step}]"))
    form.locator("summary").click()
    for name, value in fields.items():
        form.locator(f"[name={name}]").fill(value)
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("ausgeführt")


def test_applicant_follows_the_case_answers_a_query_and_downloads_the_decision(
    demo_live_server, browser, screenshot, tmp_path
):
    attachment = tmp_path / "plan.pdf"
    attachment.write_bytes(pdf_bytes())
    applicant = browser.new_context(viewport={"width": 1280, "height": 900}, locale="pl-PL").new_page()

    # The applicant applies in Polish; the confirmation email carries the status link.
    applicant.goto(f"{demo_live_server.url}{exchange_form('pl').url}")
    fill_exchange_form(
        applicant,
        language="pl",
        organisation="Stowarzyszenie Łódź–Stuttgart",
        contact="Jan Kowalski",
        email="jan.kowalski@example.pl",
        city="lodz",
        partner="Teatr Nowy w Łodzi",
        plan="Wspólne warsztaty teatralne i spektakl w Stuttgarcie. " * 6,
        attachment=attachment,
    )
    applicant.locator(".confirmation__reference").wait_for()
    case = Submission.objects.get(applicant_email="jan.kowalski@example.pl")
    send_case_emails.call(AuditEntry.objects.get(submission=case, transition="submit").pk)
    [confirmation] = [message for message in mail.outbox if message.to == ["jan.kowalski@example.pl"]]
    status_url = demo_live_server.url + urlsplit(re.search(r"http://\S+/status/\S+/", confirmation.body)[0]).path
    assert "/pl/status/" in status_url

    applicant.goto(status_url)
    expect(applicant.locator("h1")).to_be_visible()
    expect(applicant.locator(".status-box h2")).not_to_be_empty()

    # A reviewer asks a question.
    reviewer = _staff_page(browser, demo_live_server, "aussen.sachbearbeitung")
    _take_step(reviewer, case, "take")
    _take_step(reviewer, case, "request_information", comment=QUESTION)

    # The applicant answers it on the status page, with a document.
    applicant.goto(status_url)
    step = applicant.locator("#step-answer_query")
    expect(step).to_contain_text(QUESTION)
    assert wcag_violations(applicant) == ""
    screenshot(applicant, "portal-status-pl")
    applicant.locator("a[href$='/steps/withdraw/']").click()  # asks first; the applicant thinks better of it
    expect(applicant.locator("button.button--danger")).to_be_visible()
    assert wcag_violations(applicant) == ""
    applicant.goto(status_url)
    step.locator("textarea").fill("Program w załączniku; przyjedzie 18 osób.")
    step.locator("input[type=file]").set_input_files(str(attachment))
    step.locator("button[type=submit]").click()
    expect(applicant.locator(".confirmation[role=status]")).to_be_visible()
    expect(applicant.locator(".history__item--own").first).to_contain_text("plan.pdf")

    # The reviewer reads the answer and recommends; another person approves; the decision is issued.
    reviewer.goto(f"{demo_live_server.url}/admin/cases/{case.pk}/")
    expect(reviewer.locator(".case-timeline")).to_contain_text("Program w załączniku")
    expect(reviewer.locator(".case-timeline__files")).to_contain_text("plan.pdf")
    _take_step(reviewer, case, "recommend_approval", comment="Schlüssiges Programm, Kosten angemessen.")
    approver = _staff_page(browser, demo_live_server, "aussen.leitung")
    _take_step(approver, case, "approve")
    _take_step(reviewer, case, "issue_decision")
    assert run_worker_until_queue_is_empty(timeout=180).returncode == 0  # renders the PDF, sends the emails

    # The applicant downloads the decision from the status page.
    applicant.goto(status_url)
    document = applicant.locator(".document-list a").first
    expect(document).to_be_visible()
    with applicant.expect_download() as download:
        document.click()
    assert download.value.suggested_filename == f"{case.reference}-1.pdf"
    assert download.value.path().read_bytes()[:5] == b"%PDF-"

    # The same page in Arabic, right to left.
    applicant.locator(".language-switcher summary").click()
    applicant.locator(".language-switcher__list a[hreflang=ar]").click()
    expect(applicant.locator("html")).to_have_attribute("dir", "rtl")
    expect(applicant.locator(".document-list a")).to_have_count(1)
    assert wcag_violations(applicant) == ""
    screenshot(applicant, "portal-status-ar")

    # A lost link is asked for from the footer of any page.
    applicant.locator(".site-footer a[href$='/status/']").click()
    applicant.locator("input[type=email]").fill("jan.kowalski@example.pl")
    applicant.locator("form button[type=submit]").click()
    expect(applicant.locator(".confirmation[role=status]")).to_contain_text("jan.kowalski@example.pl")
    assert wcag_violations(applicant) == ""
