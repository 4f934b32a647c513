"""The data transitions ask for: small forms that validate against the case they are about."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from workflows import money
from workflows.forms.fields import MEGABYTE, AmountField, ParticipantsField, UploadField

MAX_TEXT = 5000


def not_above(amount: Decimal, limit: Decimal | None, message: str, placeholder: str) -> Decimal:
    """`amount`, unless it exceeds `limit` (None: no limit); then an error `message` naming the limit."""
    if limit is not None and amount > limit:
        raise forms.ValidationError(message % {placeholder: money.amount(limit)})
    return amount


class TransitionForm(forms.Form):
    """Base of every transition's form: `case` is the case the transition is about, for validation and defaults.

    `comment` always exists; it is stored in the audit entry and, on public steps, quoted to the applicant.
    """

    comment = forms.CharField(label=_("Comment"), required=False, max_length=MAX_TEXT, widget=forms.Textarea)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case


def step_form(case, transition, data=None, files=None) -> TransitionForm:
    """The form of a step of `case`, bound to `data` and `files` if given; its ids name the step, as pages show the
    forms of several steps at once."""
    form_class = transition.custom.get("form", TransitionForm)
    return form_class(data, files, case=case, auto_id=f"id_{transition.name}_%s")


class MessageForm(TransitionForm):
    comment = forms.CharField(
        label=_("Message to the applicant"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 5})
    )


class ReasonForm(TransitionForm):
    comment = forms.CharField(label=_("Reason"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 5}))


def _documents_help(count: int) -> str:
    return ngettext(
        "PDF, images or office documents; %(count)d file of at most 10 MB.",
        "PDF, images or office documents; up to %(count)d files of at most 10 MB each.",
        count,
    ) % {"count": count}


def documents_field(label, *, required: bool, max_files: int = 5) -> UploadField:
    """Files an applicant sends with a step, under the rules of the forms' file questions: PDF, images and office
    documents, checked by their content, at most 10 MB each."""
    return UploadField(
        label=label,
        required=required,
        multiple=True,
        max_files=max_files,
        max_size=10 * MEGABYTE,
        help_text=lazy(_documents_help, str)(max_files),
    )


class AnswerForm(TransitionForm):
    """The applicant's answer to a query: text, and documents if the office asked for them."""

    comment = forms.CharField(label=_("Your answer"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 8}))
    attachments = documents_field(_("Documents"), required=False)


class WithdrawalForm(TransitionForm):
    comment = forms.CharField(
        label=_("Why are you withdrawing? (optional)"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AmountForm(TransitionForm):
    """An amount that may not exceed what the applicant asked for."""

    amount = forms.DecimalField(label=_("Amount (€)"), min_value=Decimal("0.01"), max_digits=12, decimal_places=2)

    def clean_amount(self):
        message = _("The amount may not exceed the %(requested)s € requested.")
        return not_above(self.cleaned_data["amount"], self.case.amount_requested, message, "requested")


class RecommendationForm(AmountForm):
    comment = forms.CharField(label=_("Reasoning"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.fields["amount"].label = _("Proposed amount (€)")
        self.fields["amount"].initial = case.amount_requested


class ApprovalForm(AmountForm):
    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.fields["amount"].label = _("Approved amount (€)")
        self.fields["amount"].initial = case.amount_recommended or case.amount_requested
        self.fields["comment"].label = _("Reasons")
        self.fields["comment"].help_text = _(
            "Needed when you approve less than was requested: the decision states them as its reasons."
        )

    def clean(self):
        cleaned = super().clean()
        amount, requested = cleaned.get("amount"), self.case.amount_requested
        if amount is not None and requested is not None and amount < requested and not cleaned.get("comment"):
            self.add_error("comment", _("Please give the reasons for approving less than was requested."))
        return cleaned


class PlacementForm(TransitionForm):
    host_organisation = forms.CharField(label=_("Host organisation"), max_length=255)


class PaymentForm(TransitionForm):
    paid_on = forms.DateField(label=_("Payment date"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean_paid_on(self):
        paid_on = self.cleaned_data["paid_on"]
        if paid_on > timezone.localdate():
            raise forms.ValidationError(_("The payment date cannot be in the future."))
        return paid_on


class ProofOfUseForm(TransitionForm):
    """The applicant's proof of use (Verwendungsnachweis): what the project cost, how much of the grant it used,
    who took part, a short report and the receipts."""

    actual_costs = AmountField(label=_("Actual total costs of the project (€)"))
    amount_spent = AmountField(label=_("Amount of the grant spent (€)"))
    participants = ParticipantsField(label=_("Number of participants"))
    participants_under_27 = ParticipantsField(label=_("Of them under 27"), min_value=0)
    comment = forms.CharField(
        label=_("Short report on the project"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What took place, with whom, and what came of it."),
    )
    receipts = documents_field(_("Receipts"), required=True, max_files=10)

    field_order = ["actual_costs", "amount_spent", "participants", "participants_under_27", "comment", "receipts"]

    def clean_amount_spent(self):
        message = _("The amount spent may not exceed the %(approved)s € approved.")
        return not_above(self.cleaned_data["amount_spent"], self.case.amount_approved, message, "approved")

    def clean(self):
        cleaned = super().clean()
        costs, spent = cleaned.get("actual_costs"), cleaned.get("amount_spent")
        if costs is not None and spent is not None and spent > costs:
            self.add_error("amount_spent", _("The grant spent cannot be more than the total costs."))
        everyone, young = cleaned.get("participants"), cleaned.get("participants_under_27")
        if everyone is not None and young is not None and young > everyone:
            self.add_error("participants_under_27", _("This cannot be more than the number of participants."))
        return cleaned


class ProofAcceptanceForm(TransitionForm):
    """The reviewer confirms how much of the approved amount was properly used; the rest goes back to the budget."""

    amount_eligible = forms.DecimalField(
        label=_("Eligible amount (€)"), min_value=Decimal(0), max_digits=12, decimal_places=2
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.fields["amount_eligible"].initial = case.amount_approved

    def clean_amount_eligible(self):
        message = _("The eligible amount may not exceed the %(approved)s € approved.")
        approved = self.case.amount_approved or Decimal(0)
        return not_above(self.cleaned_data["amount_eligible"], approved, message, "approved")


class RepaymentForm(TransitionForm):
    amount_repayable = forms.DecimalField(
        label=_("Amount to repay (€)"), min_value=Decimal("0.01"), max_digits=12, decimal_places=2
    )
    comment = forms.CharField(label=_("Reason"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 5}))

    def clean_amount_repayable(self):
        message = _("The repayment may not exceed the %(approved)s € paid.")
        approved = self.case.amount_approved or Decimal(0)
        return not_above(self.cleaned_data["amount_repayable"], approved, message, "approved")
