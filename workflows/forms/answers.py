"""Cleaned form data as JSON-safe answers, keyed by the stable field keys."""

from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import UploadedFile

from .definitions import FieldDefinition
from .fields import DateRange, bic_for_iban


def answer_value(value):
    """The JSON form of one cleaned value. Uploaded files are not answers; they are stored as files."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, DateRange):
        return value.as_json()
    if isinstance(value, list | tuple):
        return [answer_value(item) for item in value]
    return value


def answers_from_form(definitions: list[FieldDefinition], cleaned_data: dict) -> tuple[dict, dict]:
    """(answers, uploads): answers for every question except uploads, and the uploaded files per key.

    An IBAN is stored normalised together with the BIC derived from it where the bank registry knows it.
    """
    answers, uploads = {}, {}
    for definition in definitions:
        value = cleaned_data.get(definition.key)
        if definition.field_type == "file":
            uploads[definition.key] = [item for item in value or [] if isinstance(item, UploadedFile)]
        elif definition.field_type == "iban" and value:
            answers[definition.key] = {"iban": value, "bic": bic_for_iban(value)}
        else:
            answers[definition.key] = answer_value(value)
    return answers, uploads


def applicant_contact(definitions: list[FieldDefinition], answers: dict) -> tuple[str, str]:
    """(name, email) of the applicant: the first "Applicant's name" short text and the first email question."""
    name = next((answers.get(d.key) for d in definitions if d.options.get("purpose") == "name"), "") or ""
    email = next((answers.get(d.key) for d in definitions if d.field_type == "email"), "") or ""
    return name, email


def partner_city(definitions: list[FieldDefinition], answers: dict) -> str:
    """The partner city the case is about: the answer to the form's first partner city question, if any."""
    return next((answers.get(d.key) for d in definitions if d.field_type == "partner_city"), "") or ""


def answer_texts(value) -> list[str]:
    """Every piece of text in a stored answer (lists, date ranges, files and bank details included)."""
    if isinstance(value, dict):  # a file's stored id is no text anyone would search for
        return [text for key, item in value.items() if key != "file" for text in answer_texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in answer_texts(item)]
    return [str(value)] if value not in (None, "") else []


def requested_amount(definitions: list[FieldDefinition], answers: dict) -> Decimal | None:
    """The money asked for: the answer to the form's first amount question, if any was given."""
    value = next((answers.get(d.key) for d in definitions if d.field_type == "amount"), None)
    return Decimal(value) if value not in (None, "") else None
