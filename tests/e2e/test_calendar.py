"""A visitor browses the events calendar as a month in German and in Hebrew, filters it, and opens a round table.
The screenshots (tests/artifacts/) are those of docs/screenshots/."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.axe import wcag_violations
from tests.factories import demo_calendar


def test_visitor_reads_the_month_filters_by_city_and_opens_a_round_table(demo_live_server, page, screenshot):
    month = (timezone.localdate() + timedelta(days=12)).strftime("%Y-%m")  # the month of the round table on Brno
    page.goto(f"{demo_live_server.url}{demo_calendar('de').url}?view=month&month={month}")
    grid = page.locator("table.month__grid")
    expect(grid).to_contain_text("Runder Tisch Brno")
    assert wcag_violations(page) == ""
    screenshot(page, "calendar-month-de")

    page.locator(".language-switcher summary").click()
    page.locator(".language-switcher__list a[hreflang=he]").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("table.month__grid a").first).to_be_visible()
    assert wcag_violations(page) == ""
    screenshot(page, "calendar-month-he")

    page.goto(f"{demo_live_server.url}{demo_calendar('de').url}")
    page.select_option("#id_city", "brno")
    page.locator("form.calendar-filters button[type=submit]").click()
    titles = page.locator(".event-list__title")
    expect(titles).to_have_count(1)
    titles.get_by_role("link").click()
    expect(page.locator("h1")).to_have_text("Runder Tisch Brno")
    expect(page.locator(".registration-box")).to_contain_text("Warteliste")
    assert wcag_violations(page) == ""
