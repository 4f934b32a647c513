"""Stored answers as a reviewer reads them: labels and chosen options in the reader's language.

The case page and the export read a case through an AnswerReader, so an answer reads the same everywhere. `field` is
one question of a form snapshot (FormDefinition.fields).
"""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from cms.selectors import partner_city_choices


def in_language(texts: dict, language: str) -> str:
    """The text for `language` from {language: text}, else the German one, else any."""
    return texts.get(language) or texts.get(settings.LANGUAGE_CODE) or next(iter(texts.values()), "")


def _date(value: str) -> str:
    try:
        return formats.date_format(date.fromisoformat(value), "SHORT_DATE_FORMAT")
    except (TypeError, ValueError):
        return str(value)


def _number(value, places: int | None = None) -> str:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return formats.number_format(number, places, force_grouping=True)


class AnswerReader:
    """Reads answers for someone reading `language` (the active language formats dates and numbers). One reader
    serves any number of answers: what it looks up once (partner city names), it keeps."""

    def __init__(self, language: str):
        self.language = language

    @cached_property
    def city_names(self) -> dict[str, str]:
        return dict(partner_city_choices(self.language))

    def label(self, field: dict) -> str:
        return in_language(field.get("label") or {}, self.language) or field["key"]

    def _choice(self, field: dict, value: str) -> str:
        if field["type"] == "partner_city":
            return self.city_names.get(value, value)
        choice = next((choice for choice in field.get("choices", []) if choice["value"] == value), None)
        return in_language(choice["label"], self.language) if choice else value

    def display(self, field: dict, value) -> str:
        """One answer as text: chosen options by their label, dates and amounts formatted, files by name, an IBAN
        with its BIC. Empty answers give ""."""
        if value in (None, "", [], {}):
            return ""
        kind = field["type"]
        if kind == "file":
            return ", ".join(item.get("name", "") for item in value)
        if kind == "iban" and isinstance(value, dict):
            return f"{value['iban']} (BIC {value['bic']})" if value.get("bic") else value["iban"]
        if kind == "date_range" and isinstance(value, dict):
            return f"{_date(value.get('start'))} – {_date(value.get('end'))}"
        if kind == "date":
            return _date(value)
        if kind == "amount":
            return f"{_number(value, 2)} €"
        if kind in ("number", "participants"):
            return _number(value)
        if kind == "consent" or isinstance(value, bool):
            return _("Yes") if value else _("No")
        if isinstance(value, list):
            return ", ".join(self._choice(field, str(item)) for item in value)
        if field.get("choices") or kind == "partner_city":
            return self._choice(field, str(value))
        return str(value)
