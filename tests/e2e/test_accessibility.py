"""Automated WCAG 2.1 A/AA checks (axe-core) of the public pages, left-to-right and right-to-left."""

import itertools

from wagtail.models import Locale, Page

from tests.e2e.axe import wcag_violations


def _url(language: str, german_slug: str) -> str:
    german = Page.objects.get(locale__language_code="de", slug=german_slug)
    return german.get_translation(Locale.objects.get(language_code=language)).url


def test_public_pages_have_no_wcag_violations_in_latin_arabic_and_japanese_script(demo_live_server, page):
    for language, german_slug in itertools.product(
        ["de", "ar", "ja"], ["startseite", "austausch", "partnerstaedte", "samara"]
    ):
        url = _url(language, german_slug)
        page.goto(f"{demo_live_server.url}{url}")
        page.locator(".language-switcher summary").click()  # check the opened switcher as well
        assert wcag_violations(page) == "", url
    page.goto(f"{demo_live_server.url}/fr/page-qui-nexiste-pas/")
    assert wcag_violations(page) == ""


def test_keyboard_user_reaches_the_content_through_the_skip_link(demo_live_server, page):
    page.goto(f"{demo_live_server.url}/de/")
    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
