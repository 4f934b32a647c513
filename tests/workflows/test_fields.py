"""The form builder's own fields, as an applicant filling in a form meets them."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.test.html import parse_html
from django.utils import timezone, translation
from django.utils.datastructures import MultiValueDict
from django.utils.formats import number_format
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import docx_bytes, executable_bytes, image_bytes, pdf_bytes, upload
from workflows.forms.fields import (
    MEGABYTE,
    AmountField,
    ConsentField,
    DateRange,
    DateRangeField,
    IbanField,
    ParticipantsField,
    UploadField,
    bic_for_iban,
)


def _refusal(field, value, language: str = "en") -> tuple[list[str], list[str]]:
    """(codes, messages) of the field's refusal of `value`, the messages as someone using `language` reads them."""
    with translation.override(language):
        with pytest.raises(ValidationError) as refused:
            field.clean(value)
        # Translations may keep a number and its unit together with a no-break space; readers see a space.
        messages = [message.replace("\xa0", " ") for message in refused.value.messages]
        return [error.code for error in refused.value.error_list], messages


# Amounts


@pytest.mark.parametrize("typed", ["1234,56", "1.234,56", "1234,56 €", "€ 1.234,56"])
def test_amount_accepts_german_decimal_comma(typed):
    with translation.override("de"):
        assert AmountField().clean(typed) == Decimal("1234.56")


@pytest.mark.parametrize("typed", ["1234.56", "1,234.56"])
def test_amount_accepts_english_decimal_point(typed):
    with translation.override("en"):
        assert AmountField().clean(typed) == Decimal("1234.56")


def test_amount_in_german_reads_a_lone_dot_as_decimal_point():
    with translation.override("de"):
        assert AmountField().clean("12.5") == Decimal("12.5")


def test_amount_in_english_refuses_a_decimal_comma_rather_than_reading_ten_times_as_much():
    assert _refusal(AmountField(), "1,5", "en")[0] == ["invalid"]


@pytest.mark.parametrize("typed", ["zwölf", "NaN", "Infinity", "1.234.5"])
def test_amount_refuses_what_is_not_an_amount(typed):
    assert _refusal(AmountField(), typed, "de")[0] == ["invalid"]


def test_amount_refuses_fractions_of_a_cent():
    assert _refusal(AmountField(), "10.005") == (["max_decimal_places"], ["Enter at most 2 decimal places."])


def test_amount_refuses_a_negative_amount_by_default():
    codes, messages = _refusal(AmountField(), "-5", "de")
    assert codes == ["min_value"]
    assert "0,00 €" in messages[0]


@pytest.mark.parametrize(("language", "shown"), [("de", "1.234,50 €"), ("en", "1,234.50 €")])
def test_amount_above_the_maximum_names_the_limit_as_written_in_the_language(language, shown):
    codes, messages = _refusal(AmountField(max_value=Decimal("1234.5")), "2000", language)
    assert codes == ["max_value"]
    assert shown in messages[0]


def test_amount_below_a_given_minimum_is_refused():
    assert _refusal(AmountField(min_value=Decimal(100)), "99.99") == (
        ["min_value"],
        ["Enter an amount of at least 100.00 €."],
    )


def test_optional_amount_left_empty_is_none():
    assert AmountField(required=False).clean("  ") is None


def test_amount_is_typed_in_a_text_box_with_a_decimal_keyboard():
    html = AmountField().widget.render("amount", None)
    assert 'type="text"' in html
    assert 'inputmode="decimal"' in html


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_amount_written_as_the_language_writes_it_reads_back_unchanged(amount):
    for language in ("de", "en"):
        with translation.override(language):
            assert AmountField().clean(number_format(amount, decimal_pos=2, force_grouping=True)) == amount


# IBANs


def test_iban_typed_with_spaces_in_lower_case_is_cleaned_to_compact_form():
    assert IbanField().clean(" de89 3704 0044 0532 0130 00 ") == "DE89370400440532013000"


@pytest.mark.parametrize("typed", ["DE89370400440532013001", "DE8937040044053201300", "XX89370400440532013000"])
def test_iban_with_a_typo_is_refused(typed):
    assert _refusal(IbanField(), typed) == (["invalid_iban"], ["Enter a valid IBAN."])


def test_optional_iban_left_empty_is_empty():
    assert IbanField(required=False).clean("") == ""


def test_iban_box_neither_autocompletes_nor_corrects_spelling():
    html = IbanField().widget.render("iban", None)
    assert 'autocomplete="off"' in html
    assert 'spellcheck="false"' in html
    assert 'autocapitalize="characters"' in html


def test_bic_is_derived_from_the_iban_of_a_known_bank():
    assert bic_for_iban("DE89370400440532013000") == "COBADEFFXXX"


@pytest.mark.parametrize("iban", ["DE58100000011234567890", "DE89370400440532013001", ""])
def test_bic_is_none_for_an_unknown_bank_or_an_invalid_iban(iban):
    assert bic_for_iban(iban) is None


# Date ranges


def test_date_range_is_cleaned_to_its_first_and_last_day():
    cleaned = DateRangeField().clean(["2030-05-01", "2030-05-10"])
    assert cleaned == DateRange(start=date(2030, 5, 1), end=date(2030, 5, 10))
    assert cleaned.as_json() == {"start": "2030-05-01", "end": "2030-05-10"}


def test_date_range_of_a_single_day_is_accepted():
    assert DateRangeField().clean(["2030-05-01", "2030-05-01"]) == DateRange(date(2030, 5, 1), date(2030, 5, 1))


def test_date_range_ending_before_it_starts_is_refused():
    assert _refusal(DateRangeField(), ["2030-05-10", "2030-05-01"]) == (
        ["end_before_start"],
        ["The end date must not be before the start date."],
    )


def test_date_range_starting_yesterday_is_refused_when_it_must_not_be_in_the_past():
    yesterday = timezone.localdate() - timedelta(days=1)
    assert _refusal(DateRangeField(not_before_today=True), [yesterday.isoformat(), "2099-01-01"]) == (
        ["in_past"],
        ["The dates must not be in the past."],
    )


def test_date_range_starting_today_is_accepted_when_it_must_not_be_in_the_past():
    today = timezone.localdate()
    assert DateRangeField(not_before_today=True).clean([today.isoformat(), today.isoformat()]).start == today


def test_date_range_in_the_past_is_accepted_without_that_rule():
    assert DateRangeField().clean(["2001-01-01", "2001-01-02"]).start == date(2001, 1, 1)


@pytest.mark.parametrize("required", [True, False])
@pytest.mark.parametrize("typed", [["2030-05-01", ""], ["", "2030-05-10"]])
def test_half_filled_date_range_asks_for_both_dates(required, typed):
    assert _refusal(DateRangeField(required=required), typed) == (["incomplete"], ["Enter both dates."])


def test_required_date_range_left_empty_is_refused():
    assert _refusal(DateRangeField(), ["", ""])[0] == ["required"]


def test_optional_date_range_left_empty_is_none():
    assert DateRangeField(required=False).clean(["", ""]) is None


def test_date_range_with_an_impossible_date_is_refused():
    assert _refusal(DateRangeField(), ["2030-02-30", "2030-03-01"])[0] == ["invalid"]


class _TripForm(forms.Form):
    trip = DateRangeField()


def test_each_date_of_a_range_has_its_own_visible_label():
    with translation.override("en"):
        html = parse_html(str(_TripForm()["trip"]))
    assert parse_html('<label for="id_trip_0">From</label>') in html
    assert parse_html('<label for="id_trip_1">To</label>') in html
    assert parse_html('<input type="date" name="trip_start" id="id_trip_0" required>') in html
    assert parse_html('<input type="date" name="trip_end" id="id_trip_1" required>') in html


def test_date_range_shows_the_chosen_dates_in_the_form_date_pickers_need_in_any_language():
    form = _TripForm(initial={"trip": DateRange(date(2030, 5, 1), date(2030, 5, 10))})
    with translation.override("de"):
        html = str(form["trip"])
    assert 'value="2030-05-01"' in html
    assert 'value="2030-05-10"' in html


# Participants


def test_participants_accepts_a_whole_number():
    assert ParticipantsField().clean("12") == 12


def test_participants_refuses_a_fraction():
    assert _refusal(ParticipantsField(), "2.5") == (["invalid"], ["Enter a whole number."])


def test_participants_must_be_at_least_one_by_default():
    assert _refusal(ParticipantsField(), "0") == (["min_value"], ["Enter a number of at least 1."])


def test_participants_above_the_maximum_names_the_limit_as_written_in_the_language():
    codes, messages = _refusal(ParticipantsField(max_value=1000), "1001", "de")
    assert codes == ["max_value"]
    assert "1.000" in messages[0]


def test_participants_box_offers_a_numeric_keypad_in_whole_steps():
    html = ParticipantsField(max_value=40).widget.render("participants", None)
    for attribute in ('type="number"', 'inputmode="numeric"', 'step="1"', 'min="1"', 'max="40"'):
        assert attribute in html


# Uploads


def test_upload_of_an_allowed_pdf_is_accepted():
    pdf = upload("antrag.pdf", pdf_bytes(), "application/pdf")
    assert UploadField(kinds=["pdf"]).clean(pdf) == [pdf]


def test_upload_with_pdf_extension_but_png_content_is_refused():
    disguised = upload("antrag.pdf", image_bytes("PNG"), "application/pdf")
    assert _refusal(UploadField(kinds=["pdf"]), disguised) == (
        ["kind"],
        ["“antrag.pdf” is not an allowed kind of file. Allowed: PDF."],
    )


def test_upload_named_oddly_is_accepted_for_what_its_content_is():
    photo = upload("foto.txt", image_bytes("JPEG"), "text/plain")
    assert UploadField(kinds=["jpeg", "png"]).clean(photo) == [photo]


def test_upload_of_an_executable_is_refused_even_when_every_kind_is_allowed():
    assert _refusal(UploadField(), upload("antrag.pdf", executable_bytes(), "application/pdf"))[0] == ["kind"]


def test_upload_of_an_empty_file_is_refused_by_name():
    assert _refusal(UploadField(), upload("leer.pdf", b"", "application/pdf")) == (["empty"], ["“leer.pdf” is empty."])


@pytest.mark.parametrize(
    ("language", "max_size", "shown"), [("en", MEGABYTE, "1 MB"), ("de", 5 * MEGABYTE // 2, "2,5 MB")]
)
def test_upload_larger_than_the_limit_is_refused_naming_the_limit(language, max_size, shown):
    too_large = upload("scan.pdf", pdf_bytes(padding=max_size), "application/pdf")
    codes, messages = _refusal(UploadField(max_size=max_size), too_large, language)
    assert codes == ["size"]
    assert messages[0].endswith(f"{shown}.")
    assert "scan.pdf" in messages[0]


def test_upload_of_exactly_the_size_limit_is_accepted():
    content = pdf_bytes()
    assert len(UploadField(max_size=len(content)).clean(upload("antrag.pdf", content))) == 1


def test_upload_is_refused_when_the_default_limit_of_ten_megabytes_is_exceeded():
    assert _refusal(UploadField(), upload("scan.pdf", pdf_bytes(padding=10 * MEGABYTE)))[0] == ["size"]


def test_multiple_upload_accepts_several_files_of_different_kinds():
    files = [upload("antrag.pdf", pdf_bytes()), upload("plan.docx", docx_bytes())]
    assert UploadField(kinds=["pdf", "docx"], multiple=True).clean(files) == files


def test_multiple_upload_refuses_more_files_than_allowed():
    files = [upload(f"seite-{number}.pdf", pdf_bytes()) for number in range(3)]
    assert _refusal(UploadField(multiple=True, max_files=2), files) == (["too_many"], ["Upload at most 2 files."])


def test_multiple_upload_names_every_refused_file():
    files = [upload("gut.pdf", pdf_bytes()), upload("leer.pdf", b""), upload("virus.pdf", executable_bytes())]
    assert _refusal(UploadField(kinds=["pdf"], multiple=True), files)[0] == ["empty", "kind"]


def test_optional_upload_left_empty_is_an_empty_list():
    assert UploadField(required=False).clean(None) == []
    assert UploadField(required=False, multiple=True).clean([]) == []


def test_required_upload_left_empty_is_refused():
    assert _refusal(UploadField(multiple=True), [])[0] == ["required"]


class _AttachmentsForm(forms.Form):
    attachments = UploadField(kinds=["pdf", "jpeg"], multiple=True)


def test_several_files_chosen_in_one_file_picker_arrive_together():
    files = [upload("antrag.pdf", pdf_bytes()), upload("foto.jpg", image_bytes("JPEG"))]
    form = _AttachmentsForm(data={}, files=MultiValueDict({"attachments": files}))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["attachments"] == files


def test_file_picker_offers_only_the_allowed_kinds():
    html = str(_AttachmentsForm()["attachments"])
    assert 'accept="application/pdf,.pdf,image/jpeg,.jpg,.jpeg"' in html
    assert "multiple" in html


def test_upload_field_refuses_an_unknown_kind_when_the_form_is_built():
    with pytest.raises(ValueError, match="exe"):
        UploadField(kinds=["pdf", "exe"])


# Consent


def test_consent_must_be_given():
    assert _refusal(ConsentField(), False) == (["required"], ["Please agree to continue."])


def test_consent_given_is_true():
    assert ConsentField().clean("on") is True


# Every field's refusals reach the applicant in the page's language


@pytest.mark.parametrize("language", ["de", "ar", "ja"])
@pytest.mark.parametrize(
    ("field", "value"),
    [
        (AmountField(), "-1"),
        (AmountField(max_value=Decimal(100)), "150"),
        (IbanField(), "DE00 1234"),
        (DateRangeField(), ["2031-05-10", "2031-05-01"]),
        (DateRangeField(not_before_today=True), ["2001-05-01", "2001-05-02"]),
        (ParticipantsField(max_value=10), "11"),
        (ParticipantsField(), "2.5"),
        (UploadField(kinds=["pdf"]), upload("bild.pdf", image_bytes("PNG"), "application/pdf")),
        (UploadField(), upload("leer.pdf", b"", "application/pdf")),
        (ConsentField(), False),
    ],
)
def test_refusal_is_worded_in_the_page_language(field, value, language):
    english_codes, english = _refusal(field, value, "en")
    codes, messages = _refusal(field, value, language)
    assert codes == english_codes
    assert messages != english, f"{language} shows the English message {english}"
