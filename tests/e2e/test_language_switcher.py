from wagtail.models import Locale, Page


def test_visitor_switches_from_german_to_arabic_and_the_page_turns_right_to_left(demo_live_server, page, screenshot):
    german_home = Page.objects.get(locale__language_code="de", slug="startseite")
    arabic_home = german_home.get_translation(Locale.objects.get(language_code="ar"))

    page.goto(f"{demo_live_server.url}/de/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("h1").inner_text() == german_home.title

    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="العربية").click()
    page.wait_for_url(f"{demo_live_server.url}/ar/")

    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("h1").inner_text() == arabic_home.title
    assert screenshot(page, "home-ar").exists()
