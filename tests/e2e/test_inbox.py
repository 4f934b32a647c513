"""A reviewer works through the inbox in the browser: filters, opens a case, asks the applicant for more information
and sees it in the case's history. The screenshots (tests/artifacts/) are those of docs/screenshots/."""

import re

from playwright.sync_api import expect

from demo.people import DEMO_PASSWORD
from tests.e2e.axe import wcag_violations


def log_in(page, server, username):
    page.goto(f"{server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def whole_page(page, screenshot, name: str) -> None:
    """Screenshot the whole page (kept in docs/screenshots/ when it changes). The admin scrolls inside its own
    container, so the window is made as tall as the content first."""
    height = page.evaluate(
        "Math.max(...[document.body, ...document.querySelectorAll('main, .content-wrapper')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": 1280, "height": min(max(height, 900), 4000)})
    assert screenshot(page, name).exists()
    page.set_viewport_size({"width": 1280, "height": 900})


def open_filter(page, name: str):
    """Open one filter of the inbox's filter menu (Wagtail's drilldown)."""
    menu_item = page.locator(f"[aria-controls='drilldown-id_{name}']")
    if not menu_item.is_visible():
        page.locator("#filters-drilldown [data-w-dropdown-target='toggle']").click()
    menu_item.click()


def test_reviewer_filters_opens_a_case_and_asks_for_more_information(demo_live_server, page, screenshot):
    log_in(page, demo_live_server, "aussen.sachbearbeitung")
    page.goto(f"{demo_live_server.url}/admin/cases/")
    rows = page.locator("table.listing tbody tr")
    expect(rows.first).to_be_visible()

    open_filter(page, "state")
    page.locator("#drilldown-id_state input[value='in_review']").check()
    expect(page).to_have_url(re.compile(r"state=in_review"))
    page.locator("#drilldown-id_state .w-drilldown__back").click()
    open_filter(page, "partner_city")
    page.select_option("#id_partner_city", "lodz")
    expect(page).to_have_url(re.compile(r"partner_city=lodz"))
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("AUS-2026-00002")
    expect(rows.first).to_contain_text("Łódź")
    page.keyboard.press("Escape")
    assert wcag_violations(page) == ""
    whole_page(page, screenshot, "admin-inbox")

    rows.first.get_by_role("link", name="AUS-2026-00002").click()
    expect(page.locator("h1")).to_contain_text("AUS-2026-00002")
    step = page.locator("details.case-step", has=page.locator("input[name=step][value=request_information]"))
    step.locator("summary").click()
    step.locator("textarea").fill("Bitte senden Sie uns den Kosten- und Finanzierungsplan als PDF.")
    step.locator("button[type=submit]").click()

    expect(page.locator(".case-facts .case-state")).to_have_class(re.compile("case-state--waiting"))
    history = page.locator(".case-timeline__item").last
    expect(history).to_contain_text("Bitte senden Sie uns den Kosten- und Finanzierungsplan als PDF.")
    expect(history).to_contain_text("Sven Sachbearbeiter")
    assert wcag_violations(page) == ""
    whole_page(page, screenshot, "admin-case")


def test_report_and_dashboard_render_accessibly(demo_live_server, page, screenshot):
    log_in(page, demo_live_server, "aussen.leitung")
    assert page.locator("#my-open-cases-heading, #overdue-cases-heading, #cases-by-state-heading").count() >= 1
    whole_page(page, screenshot, "admin-dashboard")
    page.goto(f"{demo_live_server.url}/admin/case-report/?by=partner_city")
    chart = page.locator("svg.bar-chart")
    expect(chart).to_have_attribute("role", "img")
    expect(page.locator("table.listing tbody tr").first).to_be_visible()
    assert wcag_violations(page) == ""
    whole_page(page, screenshot, "admin-report")
