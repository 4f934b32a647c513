"""An applicant fills in the Arabic exchange form in Chromium, attaches a file and gets a reference."""

from decimal import Decimal

from django.utils import timezone, translation
from django.utils.formats import number_format
from wagtail.models import Locale

from tests.e2e.axe import wcag_violations
from tests.factories import pdf_bytes
from workflows.models import FormPage, Submission


def exchange_form(language):
    """The demo exchange form in `language`."""
    german = FormPage.objects.get(locale__language_code="de", slug="antrag-austausch")
    return german if language == "de" else german.get_translation(Locale.objects.get(language_code=language))


def _choose(page, key, value):
    page.locator(f'input[name="{key}"][value="{value}"]').check()


def fill_exchange_form(page, *, language, organisation, contact, email, city, partner, plan, attachment):
    """Answer every question of the demo exchange form (a visit next year, 1,800 €) and send it."""
    start = timezone.localdate().replace(year=timezone.localdate().year + 1)
    page.fill("#id_name_der_organisation", organisation)
    _choose(page, "art_der_organisation", "verein")
    _choose(page, "sitz_in_stuttgart", "ja")
    page.fill("#id_ansprechperson", contact)
    page.fill("#id_e_mail_adresse", email)
    page.select_option("#id_partnerstadt", city)
    page.fill("#id_partnerorganisation", partner)
    _choose(page, "richtung_der_begegnung", "gaste_kommen_nach_stuttgart")
    page.fill("#id_zeitraum_der_begegnung_0", start.isoformat())
    page.fill("#id_zeitraum_der_begegnung_1", start.replace(day=min(start.day + 4, 28)).isoformat())
    page.fill("#id_zahl_der_teilnehmenden", "18")
    page.fill("#id_programm_und_beitrag_zur_stadtepartnerschaft", plan)
    page.set_input_files("#id_kosten_und_finanzierungsplan", str(attachment))
    with translation.override(language):
        page.fill("#id_beantragter_zuschuss", number_format(Decimal("1800.00"), 2))
    page.fill("#id_iban_des_kontos_fur_die_auszahlung", "DE89 3704 0044 0532 0130 00")
    page.check("#id_ich_bin_mit_der_verarbeitung_meiner_angaben_zur_bearbeitung")
    page.locator("form.application-form button[type=submit]").click()


def test_applicant_submits_the_arabic_exchange_form_with_a_file_and_sees_the_reference(
    demo_live_server, page, screenshot, tmp_path
):
    plan = tmp_path / "finanzplan.pdf"
    plan.write_bytes(pdf_bytes())

    page.goto(f"{demo_live_server.url}{exchange_form('de').url}")
    screenshot(page, "form-austausch-de")  # docs/screenshots/ holds reviewed copies of these

    page.goto(f"{demo_live_server.url}{exchange_form('ar').url}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    screenshot(page, "form-austausch-ar")

    fill_exchange_form(
        page,
        language="ar",
        organisation="جمعية الصداقة",
        contact="ليلى حسن",
        email="layla@example.org",
        city="kairo",
        partner="جامعة القاهرة",
        plan="برنامج تبادل ثقافي وزيارات ومحاضرات مشتركة. " * 6,
        attachment=plan,
    )
    reference = page.locator(".confirmation__reference")
    reference.wait_for()
    submission = Submission.objects.filter(language="ar").latest("pk")
    assert reference.inner_text() == submission.reference
    assert submission.answers["partnerstadt"] == "kairo"
    assert submission.files.get().kind == "pdf"
    assert screenshot(page, "form-austausch-ar-confirmation").exists()


def test_errors_are_summarised_and_focused_for_keyboard_and_screen_reader_users(demo_live_server, page, screenshot):
    page.goto(f"{demo_live_server.url}{exchange_form('ja').url}")
    assert wcag_violations(page) == ""
    page.locator("form.application-form button[type=submit]").click()
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert summary.evaluate("element => element === document.activeElement")
    assert page.locator("#id_ansprechperson").get_attribute("aria-invalid") == "true"
    assert wcag_violations(page) == ""
    screenshot(page, "form-austausch-ja-errors")
