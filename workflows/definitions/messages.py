"""Default texts of the emails applicants get on public steps, in all twelve languages through gettext.

Editors may replace any of them per workflow and step (Notification texts in the admin). Placeholders in braces are
filled in when the email is written: {reference}, {applicant}, {form}, {amount} and {comment} (what the reviewer
wrote with the step).
"""

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PLACEHOLDERS = ("reference", "applicant", "form", "amount", "comment")
#: A placeholder as editors write it: a name in braces.
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def placeholder_errors(texts: dict[str, str], known) -> dict:
    """{field name: error} for each of `texts` ({field name: text}) that uses a placeholder not in `known`."""
    errors = {}
    for name, text in texts.items():
        unknown = sorted({key for key in PLACEHOLDER.findall(text) if key not in known})
        if unknown:
            errors[name] = _("Unknown placeholder: %(names)s. You can use %(known)s.") % {
                "names": ", ".join(f"{{{key}}}" for key in unknown),
                "known": ", ".join(f"{{{key}}}" for key in known),
            }
    return errors


def fill_placeholders(text: str, values: dict) -> str:
    """Replace {name} by its value; anything else in braces stays as the editor wrote it. Nothing else in the text
    is interpreted (no attribute access, no template code)."""
    return PLACEHOLDER.sub(lambda match: str(values.get(match.group(1), match.group(0))), text)


@dataclass(frozen=True)
class Message:
    subject: Promise
    body: Promise


RECEIVED = Message(
    _("We received your application {reference}"),
    _(
        "Hello {applicant},\n\nthank you for your application “{form}”. We received it and will review it. "
        "Please quote the reference {reference} whenever you contact us."
    ),
)
MORE_INFO_REQUESTED = Message(
    _("Your application {reference}: we need more information"),
    _(
        "Hello {applicant},\n\nto review your application {reference} we need more information:\n\n{comment}\n\n"
        "Please answer through the link in your confirmation email."
    ),
)
APPROVED = Message(
    _("Your application {reference} has been approved"),
    _(
        "Hello {applicant},\n\nwe are pleased to tell you that your application {reference} has been approved "
        "with {amount} €. The formal decision follows separately."
    ),
)
REJECTED = Message(
    _("Your application {reference} could not be approved"),
    _(
        "Hello {applicant},\n\nwe regret that we cannot approve your application {reference}.\n\n{comment}\n\n"
        "The formal decision with the legal remedy notice follows separately."
    ),
)
DECISION_ISSUED = Message(
    _("The decision on your application {reference}"),
    _("Hello {applicant},\n\nthe decision on your application {reference} has been issued. You can download it now."),
)
DECISION_CORRECTED = Message(
    _("A corrected decision on your application {reference}"),
    _(
        "Hello {applicant},\n\nwe have issued a corrected decision on your application {reference}. It replaces the "
        "earlier one.\n\n{comment}"
    ),
)
PAID = Message(
    _("Payment for your application {reference}"),
    _(
        "Hello {applicant},\n\nwe have paid {amount} € for your application {reference}. Please remember to "
        "submit the proof of use after your project."
    ),
)
PROOF_ACCEPTED = Message(
    _("Your proof of use for {reference} has been accepted"),
    _("Hello {applicant},\n\nwe checked and accepted your proof of use for {reference}. The case is now closed."),
)
REPAYMENT_REQUESTED = Message(
    _("Repayment for your application {reference}"),
    _(
        "Hello {applicant},\n\nafter checking your proof of use for {reference} we ask you to repay {amount} €.\n\n"
        "{comment}"
    ),
)
REGISTRATION_CONFIRMED = Message(
    _("Your registration {reference} is confirmed"),
    _("Hello {applicant},\n\nyour place for “{form}” is confirmed. We look forward to seeing you."),
)
REGISTRATION_WAITING = Message(
    _("Your registration {reference} is on the waiting list"),
    _(
        "Hello {applicant},\n\n“{form}” is fully booked at the moment. We have put you on the waiting list and will "
        "write to you as soon as a place becomes free."
    ),
)
REGISTRATION_CANCELLED = Message(
    _("Your registration {reference} has been cancelled"),
    _("Hello {applicant},\n\nyour registration {reference} for “{form}” has been cancelled.\n\n{comment}"),
)
REQUEST_RECEIVED = Message(
    _("We received your request {reference}"),
    _(
        "Hello {applicant},\n\nthank you for your request “{form}”. We will answer as soon as we can. "
        "Please quote the reference {reference} whenever you contact us."
    ),
)
REQUEST_ANSWERED = Message(
    _("Our answer to your request {reference}"),
    _("Hello {applicant},\n\nhere is our answer to your request {reference}:\n\n{comment}"),
)
STATUS_LINK_RENEWED = Message(
    _("A new link to your case {reference}"),
    _(
        "Hello {applicant},\n\nhere is a new link to the page where you can follow your case {reference} "
        "(“{form}”). Earlier links to it no longer work."
    ),
)
OFFICE_MESSAGE = Message(
    _("A message about your case {reference}"),
    _("Hello {applicant},\n\nabout your case {reference} (“{form}”) we would like to tell you:\n\n{comment}"),
)
