"""The default wording of each kind of decision, in all twelve languages through gettext.

Editors replace any part per programme and kind with a Decision template. Placeholders in braces are filled in
with the case's facts (workflows.models.decisions.DECISION_PLACEHOLDERS); the German text is the binding one.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from workflows.models.decisions import DecisionKind


@dataclass(frozen=True)
class DecisionWording:
    subject: Promise
    operative_part: Promise
    conditions: Promise | str
    reasons: Promise | str


GENERAL_CONDITIONS = _(
    "1. The General Subsidy Conditions for Project Funding of the City of Stuttgart (ANBest-P) are part of this "
    "decision.\n"
    "2. The subsidy may only be used for the purpose stated above. Please send the proof of use (a report on the "
    "project and a statement of its income and expenditure) by {proof_deadline} to {office}, {office_address}.\n"
    "3. The decision may be revoked and the subsidy reclaimed with interest if it is not used, or not used for its "
    "purpose, if the proof of use is not sent in time, or if it was obtained by incorrect or incomplete information "
    "(§§ 48, 49 and 49a of the Administrative Procedure Act of Baden-Württemberg, LVwVfG)."
)

WORDING = {
    DecisionKind.APPROVAL: DecisionWording(
        subject=_("Approval decision: {form}"),
        operative_part=_(
            "1. For the project “{form}” with {partner_city} in the period {period} you are granted a subsidy of "
            "{amount} € (in words: {amount_in_words}) as project funding in the form of a fixed-amount grant.\n"
            "2. The subsidy is paid to the account you named in your application."
        ),
        conditions=GENERAL_CONDITIONS,
        reasons=_("Your application is approved only in part, for the following reasons:"),
    ),
    DecisionKind.REJECTION: DecisionWording(
        subject=_("Rejection decision: {form}"),
        operative_part=_(
            "Your application {reference} for a subsidy of {amount_requested} € for the project “{form}” is rejected."
        ),
        conditions="",
        reasons=_(
            "There is no legal entitlement to a subsidy. The City decides on applications at its due discretion "
            "and within the budget available. Your application cannot be approved for the following reasons:"
        ),
    ),
    DecisionKind.REPAYMENT: DecisionWording(
        subject=_("Amendment and repayment decision: {form}"),
        operative_part=_(
            "1. The approval decision on your application {reference} is partly revoked, and the subsidy of "
            "{amount_approved} € is reduced to the amount your proof of use shows as eligible.\n"
            "2. You are required to repay {amount} € (in words: {amount_in_words}). Please transfer the amount by "
            "{repayment_deadline} to the account of the City of Stuttgart, quoting the reference {reference}.\n"
            "3. If the amount is not paid in time, interest is charged on it under § 49a (3) LVwVfG."
        ),
        conditions="",
        reasons=_("Your proof of use shows that the subsidy was not fully used for its purpose:"),
    ),
    DecisionKind.COMMITMENT: DecisionWording(
        subject=_("Funding commitment for your internship: {form}"),
        operative_part=_(
            "1. For your internship in {partner_city} in the period {period} you are granted a subsidy of {amount} € "
            "(in words: {amount_in_words}) as a fixed-amount grant towards your travel and living costs.\n"
            "2. The subsidy is paid to the account you named in your application."
        ),
        conditions=_(
            "1. The General Subsidy Conditions for Project Funding of the City of Stuttgart (ANBest-P) are part of "
            "this commitment.\n"
            "2. Please send a short report on your internship and proof of your travel costs by {proof_deadline} to "
            "{office}, {office_address}.\n"
            "3. The commitment may be revoked and the subsidy reclaimed if the internship does not take place, is "
            "broken off, or if the report is not sent in time."
        ),
        reasons=_("Your application is approved only in part, for the following reasons:"),
    ),
}

PARTIAL_REJECTION = _("3. Beyond that (you applied for {amount_requested} €), your application is rejected.")

LEGAL_REMEDY = _(
    "You may object to this decision (Widerspruch) within one month of its notification. The objection must be "
    "made in writing or recorded in person at the City of Stuttgart, {office}, {office_address}. It may also be "
    "made electronically, in a document bearing a qualified electronic signature, or by De-Mail."
)

AUTHORITY = _("City of Stuttgart")
OFFICE = _("Department of External Relations")
