"""Form fields of the form builder beyond Django's own: amount, IBAN, date range, participants, upload, consent."""

import operator
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, DecimalException

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import get_format, number_format
from django.utils.translation import gettext, ngettext_lazy, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from schwifty import IBAN
from schwifty.exceptions import SchwiftyException

from .uploads import FILE_KINDS, detect_kind

MEGABYTE = 1024 * 1024


class _LocalizedLimitsMixin:
    """For number fields: checks `min_value` and `max_value` itself instead of with Django's validators, whose messages
    show the bare limit ("1000" where a German reads "1.000,00 €"). Override `format_limit()` to change how it reads."""

    def __init__(self, *, min_value=None, max_value=None, **kwargs):
        super().__init__(**kwargs)
        self.min_value, self.max_value = min_value, max_value

    def format_limit(self, limit) -> str:
        return number_format(limit, force_grouping=True)

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        limits = (("min_value", self.min_value, operator.lt), ("max_value", self.max_value, operator.gt))
        for code, limit, beyond in limits:
            if limit is not None and beyond(value, limit):
                raise ValidationError(self.error_messages[code], code=code, params={"limit": self.format_limit(limit)})


_SPACES = " \xa0\u202f"  # ordinary, no-break and narrow no-break space, all used to group digits


def _canonical_amount(value: str) -> str:
    """The amount as typed in the active language, with "." as decimal point and no grouping: "1.234,56 €" (German)
    and "1,234.56" (English) both give "1234.56".

    Django drops thousand separators only when USE_THOUSAND_SEPARATOR is on, and then anywhere, so that "1,5" in
    English would become 15 euros. Here a separator (or a space) groups digits only between groups of three; anything
    else stays as typed: "1,5" in English is then not a number, and "1.5" in German is 1.5, as Django reads it.
    """
    text = value.strip().strip("€").strip()
    whole, decimal_separator, fraction = text.partition(get_format("DECIMAL_SEPARATOR"))
    grouping = f"[{re.escape(get_format('THOUSAND_SEPARATOR') + _SPACES)}]"
    if re.fullmatch(rf"[-+]?\d{{1,3}}(?:{grouping}\d{{3}})+", whole):
        whole = re.sub(grouping, "", whole)
    return f"{whole}.{fraction}" if decimal_separator else whole


class AmountField(_LocalizedLimitsMixin, forms.DecimalField):
    """An amount in euros and cents, written as people write numbers in the active language; not negative unless
    `min_value` says otherwise."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})  # type="number" would refuse "1.234,56"
    default_error_messages = {
        # Translators: write the example amounts as people write numbers in your language.
        "invalid": _("Enter an amount in euros, such as 25 or 1250.50."),
        "min_value": _("Enter an amount of at least %(limit)s €."),
        "max_value": _("Enter an amount of at most %(limit)s €."),
        "max_decimal_places": _("Enter at most %(max)s decimal places."),
        "max_digits": _("This amount is too large."),
        "max_whole_digits": _("This amount is too large."),
    }

    def __init__(self, *, min_value=Decimal(0), max_value=None, **kwargs):
        super().__init__(
            min_value=min_value, max_value=max_value, max_digits=12, decimal_places=2, localize=True, **kwargs
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = _canonical_amount(value)
        if value in self.empty_values:
            return None
        try:
            return Decimal(str(value))
        except DecimalException:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def format_limit(self, limit) -> str:
        return number_format(limit, decimal_pos=2, force_grouping=True)


class IbanField(forms.CharField):
    """An IBAN, typed with or without spaces, in any case; cleans to the compact form "DE89370400440532013000"."""

    widget = forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"})
    default_error_messages = {"invalid_iban": _("Enter a valid IBAN.")}

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        try:
            return IBAN(value).compact
        except SchwiftyException:
            raise ValidationError(self.error_messages["invalid_iban"], code="invalid_iban") from None


def bic_for_iban(iban: str) -> str | None:
    """The BIC of the IBAN's bank if schwifty's bank registry knows it; None otherwise or for an invalid IBAN."""
    try:
        bic = IBAN(iban).bic
    except SchwiftyException:
        return None
    return str(bic) if bic else None


@dataclass(frozen=True)
class DateRange:
    """A first and a last day, both included."""

    start: date
    end: date

    def as_json(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


class DateRangeWidget(forms.MultiWidget):
    """Two date pickers, each with its own visible label; a subclass may name them otherwise in `part_labels`."""

    template_name = "workflows/widgets/date_range.html"
    part_labels = (pgettext_lazy("date range", "From"), pgettext_lazy("date range", "To"))

    def __init__(self, attrs=None):
        # <input type="date"> takes and gives ISO dates whatever the language.
        parts = {part: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d") for part in ("start", "end")}
        super().__init__(parts, attrs)

    def decompress(self, value):
        return [value.start, value.end] if value else [None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(context["widget"]["subwidgets"], self.part_labels, strict=True):
            subwidget["label"] = label
        return context


class DateRangeField(forms.MultiValueField):
    """A first and a last day, cleaned to a DateRange; with `not_before_today`, it may not start in the past."""

    widget = DateRangeWidget
    default_error_messages = {
        "incomplete": _("Enter both dates."),
        "end_before_start": _("The end date must not be before the start date."),
        "in_past": _("The dates must not be in the past."),
    }

    def __init__(self, *, not_before_today: bool = False, **kwargs):
        self.not_before_today = not_before_today
        super().__init__(fields=(forms.DateField(), forms.DateField()), **kwargs)

    def clean(self, value):
        # Django would call half a range just "required", or let it through when the range is optional.
        if isinstance(value, list | tuple):
            filled = [part not in self.empty_values for part in value]
            if any(filled) and not all(filled):
                raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        return super().clean(value)

    def compress(self, data_list):
        return DateRange(*data_list) if data_list else None

    def validate(self, value):
        if value is None:
            return
        if value.end < value.start:
            raise ValidationError(self.error_messages["end_before_start"], code="end_before_start")
        if self.not_before_today and value.start < timezone.localdate():
            raise ValidationError(self.error_messages["in_past"], code="in_past")


class ParticipantsField(_LocalizedLimitsMixin, forms.IntegerField):
    """How many people take part: a whole number, at least 1 unless `min_value` says otherwise."""

    default_error_messages = {
        "min_value": _("Enter a number of at least %(limit)s."),
        "max_value": _("Enter a number of at most %(limit)s."),
    }

    def __init__(self, *, min_value=1, max_value=None, **kwargs):
        attrs = {"inputmode": "numeric", "step": 1, "min": min_value, "max": max_value}
        kwargs.setdefault("widget", forms.NumberInput(attrs={k: v for k, v in attrs.items() if v is not None}))
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


def _megabytes(size: int) -> str:
    """A size limit as editors set it: "10 MB", or "2,5 MB" in German."""
    megabytes = round(Decimal(size) / MEGABYTE, 1)
    return gettext("%(size)s MB") % {"size": number_format(megabytes, decimal_pos=0 if megabytes % 1 == 0 else 1)}


class UploadField(forms.FileField):
    """One file or, with `multiple`, up to `max_files`, each checked by its content to be one of `kinds` (keys of
    FILE_KINDS; none: any of them) and at most `max_size` bytes. Cleans to a list of uploaded files."""

    default_error_messages = {
        "empty": _("“%(name)s” is empty."),
        "size": _("“%(name)s” is larger than %(size)s."),
        "kind": _("“%(name)s” is not an allowed kind of file. Allowed: %(kinds)s."),
        "too_many": ngettext_lazy("Upload at most %(max)d file.", "Upload at most %(max)d files.", "max"),
    }

    def __init__(self, *, kinds=(), max_size=10 * MEGABYTE, multiple=False, max_files=5, **kwargs):
        if unknown := set(kinds) - FILE_KINDS.keys():
            raise ValueError(f"Unknown kinds of file: {', '.join(sorted(unknown))}")
        self.kinds = list(kinds) or list(FILE_KINDS)
        self.max_size, self.max_files = max_size, max_files
        kwargs.setdefault("widget", MultipleFileInput if multiple else forms.FileInput)
        # Empty files are refused in clean(), with their name in the message.
        super().__init__(allow_empty_file=True, **kwargs)

    def widget_attrs(self, widget):
        accept = [item for key in self.kinds for item in (FILE_KINDS[key].mime, *FILE_KINDS[key].extensions)]
        return {**super().widget_attrs(widget), "accept": ",".join(accept)}

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload]
        if not uploads:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(uploads) > self.max_files:
            raise ValidationError(self.error_messages["too_many"], code="too_many", params={"max": self.max_files})
        errors = []
        for upload in uploads:
            try:
                self.check_upload(super().clean(upload))
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return uploads

    def check_upload(self, upload):
        """Raise ValidationError if this one file may not be accepted; the message names the file."""
        name = upload.name
        if not upload.size:
            raise ValidationError(self.error_messages["empty"], code="empty", params={"name": name})
        if upload.size > self.max_size:
            size = _megabytes(self.max_size)
            raise ValidationError(self.error_messages["size"], code="size", params={"name": name, "size": size})
        if detect_kind(upload) not in self.kinds:
            kinds = ", ".join(str(FILE_KINDS[key].label) for key in self.kinds)
            raise ValidationError(self.error_messages["kind"], code="kind", params={"name": name, "kinds": kinds})


class ConsentField(forms.BooleanField):
    """A tick box that must be ticked, e.g. to agree to the processing of personal data."""

    default_error_messages = {"required": _("Please agree to continue.")}

    def __init__(self, **kwargs):
        super().__init__(required=True, **kwargs)
