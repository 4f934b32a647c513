"""Turns a form's questions into a Django form class: one `create_<type>_field` method per block type."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from cms.selectors import partner_city_choices

from .fields import (
    MEGABYTE,
    AmountField,
    ConsentField,
    DateRangeField,
    IbanField,
    ParticipantsField,
    UploadField,
)

HONEYPOT_FIELD = "homepage"


class ApplicationForm(BaseForm):
    """Base of every generated form. Carries a honeypot field that people never see and bots fill in."""

    homepage = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    # Set by the builder: the questions the form was built from, and (key, other key) pairs of which at least one
    # must be answered.
    definitions: tuple = ()
    either_or: tuple[tuple[str, str], ...] = ()

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))

    def clean(self):
        cleaned_data = super().clean()
        for key, other in self.either_or:
            if key in self.errors or other in self.errors:
                continue
            if not cleaned_data.get(key) and not cleaned_data.get(other):
                message = _("Answer this question or “%(other)s”.") % {"other": self.fields[other].label}
                self.add_error(key, forms.ValidationError(message, code="either_or"))
        return cleaned_data


def _not_before_today(value):
    if value and value < timezone.localdate():
        raise forms.ValidationError(_("The date must not be in the past."), code="in_past")


def _decimal(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


class SubmissionFormBuilder(FormBuilder):
    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["initial"] = None
        if field.options.get("required_unless"):
            options["required"] = False  # checked together with the other question in ApplicationForm.clean()
        return options

    def get_formatted_field_choices(self, field):
        return list(field.choices)

    def get_formatted_field_initial(self, field):
        return []

    def create_singleline_field(self, field, options):
        purpose = field.options.get("purpose")
        options["widget"] = forms.TextInput(attrs={"autocomplete": purpose} if purpose else {})
        options["max_length"] = 255
        return forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["widget"] = forms.Textarea(attrs={"rows": 6})
        options["min_length"] = field.options.get("min_length") or None
        options["max_length"] = field.options.get("max_length") or 20_000
        return forms.CharField(**options)

    def create_email_field(self, field, options):
        options["widget"] = forms.EmailInput(attrs={"autocomplete": "email"})
        return forms.EmailField(**options)

    def create_number_field(self, field, options):
        options["min_value"] = _decimal(field.options.get("min_value"))
        options["max_value"] = _decimal(field.options.get("max_value"))
        return forms.DecimalField(localize=True, widget=forms.TextInput(attrs={"inputmode": "decimal"}), **options)

    def create_date_field(self, field, options):
        if field.options.get("not_before_today"):
            options["validators"] = [_not_before_today]
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **options)

    def create_file_field(self, field, options):
        return UploadField(
            kinds=list(field.options.get("kinds") or []),
            max_size=int(field.options.get("max_size_mb") or 10) * MEGABYTE,
            multiple=bool(field.options.get("multiple")),
            max_files=int(field.options.get("max_files") or 5),
            **options,
        )

    def create_amount_field(self, field, options):
        min_amount = _decimal(field.options.get("min_amount"))
        options["min_value"] = min_amount if min_amount is not None else Decimal(0)
        options["max_value"] = _decimal(field.options.get("max_amount"))
        return AmountField(**options)

    def create_iban_field(self, field, options):
        return IbanField(**options)

    def create_date_range_field(self, field, options):
        return DateRangeField(not_before_today=bool(field.options.get("not_before_today")), **options)

    def create_participants_field(self, field, options):
        options["min_value"] = field.options.get("min_value") or 1
        options["max_value"] = field.options.get("max_value") or None
        return ParticipantsField(**options)

    def create_partner_city_field(self, field, options):
        options["choices"] = [("", "—"), *partner_city_choices()]
        return forms.ChoiceField(**options)

    def create_consent_field(self, field, options):
        options.pop("required")
        return ConsentField(**options)

    def get_form_class(self):
        either_or = tuple(
            (field.key, field.options["required_unless"])
            for field in self.fields
            if field.options.get("required_unless") and field.required
        )
        attributes = {**self.formfields, "definitions": tuple(self.fields), "either_or": either_or}
        return type("ApplicationForm", (ApplicationForm,), attributes)
