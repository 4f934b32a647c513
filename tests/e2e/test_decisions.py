"""A reviewer issues the decisions of the decided cases at once and follows the real task worker rendering them;
then reads the case's decision. The screenshots (tests/artifacts/) are those of docs/screenshots/."""

import re
import threading

from playwright.sync_api import expect

from tests.e2e.axe import wcag_violations
from tests.e2e.test_inbox import log_in, whole_page
from tests.worker import run_worker_until_queue_is_empty


def test_reviewer_issues_decisions_in_bulk_and_follows_the_worker(demo_live_server, page, screenshot):
    log_in(page, demo_live_server, "aussen.sachbearbeitung")
    page.goto(f"{demo_live_server.url}/admin/cases/?state=approved&state=rejected")
    rows = page.locator("table.listing tbody tr")
    expect(rows.first).to_be_visible()
    decided = rows.count()
    assert decided >= 2
    page.locator("input[data-bulk-action-select-all-checkbox]").first.check()
    page.get_by_role(
        "link", name="Einen Schritt des Bearbeitungsablaufs bei den ausgewählten Vorgängen ausführen"
    ).click()

    page.select_option("#id_step", "issue_decision")
    page.get_by_role("button", name="Weiter").click()
    page.get_by_role("button", name="Schritt ausführen").click()
    expect(page.locator("p[role=status]")).to_contain_text(f"{decided} von {decided}")
    page.get_by_role("link", name="Fortschritt der Bescheide verfolgen").click()

    progress = page.locator("#decision-batch-progress")
    expect(progress).to_contain_text(f"0 von {decided} Bescheiden erlassen")
    finished = []
    worker = threading.Thread(target=lambda: finished.append(run_worker_until_queue_is_empty(timeout=180)))
    worker.start()
    expect(progress).to_contain_text(f"{decided} von {decided} Bescheiden erlassen", timeout=120_000)  # by itself
    worker.join()
    assert [process.returncode for process in finished] == [0]  # and the worker (with its renderer) ended
    assert wcag_violations(page) == ""
    whole_page(page, screenshot, "admin-decision-batch")

    progress.locator("summary").click()
    progress.get_by_role("link", name="AUS-2026-00005").click()
    decisions = page.locator("section[aria-labelledby=case-decisions]")
    expect(decisions).to_contain_text("Bewilligungsbescheid")
    expect(decisions).to_contain_text("Deutsch, mit unverbindlicher Übersetzung")
    expect(decisions.locator("a[download='AUS-2026-00005-1.pdf']")).to_have_accessible_name("PDF – Bescheid, Fassung 1")
    expect(decisions.locator("iframe")).to_have_attribute("src", re.compile(r"/decisions/1/\?inline=1$"))
    assert wcag_violations(page) == ""
    whole_page(page, screenshot, "admin-case-decision")
