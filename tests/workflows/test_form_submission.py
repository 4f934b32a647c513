"""Applicants fill in the demo forms: what is stored, what they see, what is refused."""

import re
from decimal import Decimal

import pytest
from django import forms
from django.conf import settings
from django.core import mail
from django.core.files.storage import storages
from django.utils import translation
from django.utils.formats import number_format
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale

from tests.factories import exchange_form_answers, image_bytes, pdf_bytes, upload
from workflows.models import AuditEntry, CaseEmail, FormPage, Submission, SubmissionFile
from workflows.tasks import send_case_emails

pytestmark = pytest.mark.django_db


@pytest.fixture
def arrived():
    """The submissions that arrive during the test (the demo's own cases are there already)."""
    last = Submission.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    return lambda: Submission.objects.filter(pk__gt=last)


def _form(language="de", slug="antrag-austausch"):
    german = FormPage.objects.get(locale__language_code="de", slug=slug)
    return german if language == "de" else german.get_translation(Locale.objects.get(language_code=language))


def _submit(client, language="de", **overrides):
    """Post the Austausch form as someone reading it in `language` would type it (amounts in local format)."""
    with translation.override(language):
        overrides.setdefault("beantragter_zuschuss", number_format(Decimal("2500.00"), 2))
    return client.post(_form(language).url, exchange_form_answers(**overrides))


def test_valid_submission_gets_a_reference_and_a_confirmation_page_in_its_language(client, arrived):
    response = _submit(client, "pl")
    assert response.status_code == 303
    confirmation = client.get(response["Location"])
    submission = arrived().get()
    assert re.fullmatch(r"AUS-20\d\d-\d{5}", submission.reference)
    body = confirmation.content.decode()
    assert submission.reference in body
    assert 'lang="pl"' in body
    assert submission.language == "pl"


def test_answers_are_stored_under_the_german_keys_with_choice_values_whatever_the_language(client, arrived):
    for language in ["de", "ar", "ja"]:
        assert _submit(client, language).status_code == 303
    submissions = list(arrived().order_by("pk"))
    assert [s.language for s in submissions] == ["de", "ar", "ja"]
    assert len({frozenset(s.answers) for s in submissions}) == 1
    for submission in submissions:
        assert submission.answers["art_der_organisation"] == "verein"
        assert submission.answers["partnerstadt"] == "brno"
        assert submission.answers["beantragter_zuschuss"] == "2500.00"
        assert submission.answers["iban_des_kontos_fur_die_auszahlung"] == {
            "iban": "DE89370400440532013000",
            "bic": "COBADEFFXXX",
        }
        assert submission.applicant_email == "anna@example.org"
        assert submission.applicant_name == "Anna Beispiel"


def test_snapshot_keeps_the_labels_of_every_language(client, arrived):
    _submit(client, "ar")
    field = arrived().get().definition.field("art_der_organisation")
    assert field["label"]["de"] == "Art der Organisation"
    assert set(field["label"]) == {code for code, _name in settings.LANGUAGES}
    assert [choice["value"] for choice in field["choices"]] == ["verein", "schule", "einrichtung"]
    assert field["choices"][0]["label"]["de"] == "Verein"
    assert field["choices"][0]["label"]["ar"] != "Verein"


def test_editing_the_form_later_does_not_change_how_an_old_submission_reads(client, arrived):
    _submit(client)
    page = _form()
    for child in page.fields:
        if child.block_type != "section_heading" and child.value["key"] == "art_der_organisation":
            child.value["label"] = "Rechtsform"
    page.save_revision().publish()
    old = arrived().get()
    assert old.definition.field("art_der_organisation")["label"]["de"] == "Art der Organisation"
    _submit(client)
    new = arrived().latest("pk")
    assert new.definition.field("art_der_organisation")["label"]["de"] == "Rechtsform"


def test_references_are_consecutive(client, arrived):
    for _ in range(3):
        _submit(client)
    numbers = [int(s.reference.rsplit("-", 1)[1]) for s in arrived().order_by("pk")]
    assert numbers == [numbers[0], numbers[0] + 1, numbers[0] + 2]


@pytest.mark.parametrize("language", ["de", "ar", "ja"])
def test_errors_appear_in_a_summary_and_next_to_the_field_in_the_page_language_and_answers_are_kept(
    client, language, arrived
):
    response = _submit(client, language, ansprechperson="", beantragter_zuschuss="-5")
    assert response.status_code == 400
    body = response.content.decode()
    assert 'class="error-summary"' in body
    assert 'href="#field-ansprechperson"' in body
    assert 'id="id_ansprechperson-error"' in body
    assert 'aria-describedby="id_ansprechperson-error"' in body or "id_ansprechperson-error" in body
    assert "Schwäbischer Albverein Ortsgruppe Vaihingen" in body  # the other answers are kept
    assert f'lang="{language}"' in body
    with translation.override(language):
        assert str(forms.Field.default_error_messages["required"]) in body
    assert not arrived().exists()


def test_upload_with_pdf_name_and_type_but_png_content_is_refused(client, arrived):
    disguised = upload("finanzplan.pdf", image_bytes("PNG"), "application/pdf")
    response = _submit(client, kosten_und_finanzierungsplan=disguised)
    assert response.status_code == 400
    assert "finanzplan.pdf" in response.content.decode()
    assert not arrived().exists()
    assert not SubmissionFile.objects.filter(submission__in=arrived()).exists()


def test_honeypot_submission_is_thanked_but_not_stored(client, arrived):
    response = _submit(client, homepage="http://spam.example")
    assert response.status_code == 302
    assert not arrived().exists()


def test_too_many_submissions_from_one_address_are_refused_with_a_clear_message(client, settings, arrived):
    settings.FORM_RATE_LIMIT = (2, 600)
    from django.core.cache import cache

    cache.clear()
    assert _submit(client).status_code == 303
    assert _submit(client).status_code == 303
    response = _submit(client, "de")
    assert response.status_code == 429
    assert "Anna Beispiel" in response.content.decode()
    assert arrived().count() == 2
    cache.clear()


def test_oversized_request_gets_413_and_nothing_is_stored(client, settings, arrived):
    settings.FORM_MAX_REQUEST_BYTES = 10_000
    big = upload("finanzplan.pdf", pdf_bytes(padding=50_000), "application/pdf")
    response = _submit(client, kosten_und_finanzierungsplan=big)
    assert response.status_code == 413
    assert not arrived().exists()


def test_text_answers_are_stored_as_given_and_escaped_on_output(client, arrived):
    hostile = '<script>alert("x")</script> {{ settings.SECRET_KEY }}'
    response = _submit(client, ansprechperson="", partnerorganisation=hostile)
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;" in body
    _submit(client, partnerorganisation=hostile)
    assert arrived().get().answers["partnerorganisation"] == hostile


@pytest.mark.parametrize("language", ["de", "ar", "ja"])
def test_confirmation_email_is_sent_by_the_worker_in_the_submission_language(
    client, django_capture_on_commit_callbacks, language, arrived
):
    with django_capture_on_commit_callbacks(execute=True):
        _submit(client, language)
    submission = arrived().get()
    entry = AuditEntry.objects.get(submission=submission, transition="submit")
    assert DBTaskResult.objects.filter(args_kwargs__args=[entry.pk]).exists()
    assert mail.outbox == []  # nothing is sent inside the request
    send_case_emails.call(entry.pk)
    [message] = [message for message in mail.outbox if message.to == ["anna@example.org"]]
    assert submission.reference in message.subject
    assert message.extra_headers["Content-Language"] == language
    with translation.override(language):
        assert str(translation.gettext("Kind regards")) in message.body
    assert CaseEmail.objects.filter(submission=submission, audience=CaseEmail.Audience.APPLICANT).exists()


def test_a_failing_mail_server_never_loses_the_submission_and_the_mail_is_retried(client, settings, arrived):
    settings.EMAIL_BACKEND = "tests.failing_mail.FailingEmailBackend"
    _submit(client)
    submission = arrived().get()
    entry = AuditEntry.objects.get(submission=submission, transition="submit")
    send_case_emails.call(entry.pk)
    assert Submission.objects.filter(pk=submission.pk, state="submitted").exists()
    assert not CaseEmail.objects.exists()
    retry = DBTaskResult.objects.filter(args_kwargs__args=[entry.pk, 2]).get()
    assert retry.run_after is not None


def test_uploaded_file_lives_in_private_storage_without_url(client, arrived):
    _submit(client)
    record = SubmissionFile.objects.get(submission__in=arrived())
    assert record.kind == "pdf"
    assert storages["private"].exists(record.file.name)
    assert "finanzplan" not in record.file.name
    with pytest.raises(NotImplementedError):
        record.file.url  # noqa: B018


def test_files_are_served_to_their_applicant_and_superusers_only(client, django_user_model, arrived):
    from django.test import Client

    _submit(client)
    record = SubmissionFile.objects.get(submission__in=arrived())
    url = f"/de/files/{record.pk}/"
    assert client.get(url).status_code == 200
    assert Client().get(url).status_code == 404
    other_applicant = Client()
    other_applicant.post(_form().url, exchange_form_answers())
    assert other_applicant.get(url).status_code == 404
    admin = Client()
    admin.force_login(django_user_model.objects.get(username="admin"))
    response = admin.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert Client().get("/de/files/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_deleting_the_form_page_keeps_its_submissions(client, arrived):
    _submit(client)
    _form().delete()
    submission = arrived().get()
    assert submission.form_page is None
    assert submission.definition.fields


def test_too_many_files_in_one_request_get_413_and_nothing_is_stored(client, settings, arrived):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    data = exchange_form_answers()
    data["kosten_und_finanzierungsplan"] = [upload(f"plan{n}.pdf", pdf_bytes(), "application/pdf") for n in range(5)]
    response = client.post(_form().url, data)
    assert response.status_code == 413
    assert not arrived().exists()


def test_translations_cannot_change_answer_keys_or_choice_values():
    """wagtail-localize offers labels for translation, never keys or stored values."""
    from wagtail_localize.models import StringSegment, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(_form())
    translatable = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert "Art der Organisation" in translatable
    assert "Verein" in translatable
    assert not translatable & {"art_der_organisation", "verein", "gaste_kommen_nach_stuttgart"}
    arabic = _form("ar")
    keys = {child.value["key"] for child in arabic.fields if "key" in child.value}
    assert keys == {child.value["key"] for child in _form().fields if "key" in child.value}
