"""How applicants read the state of their case: plain words about what is happening and what, if anything, they
have to do. Internal stages (recommendations, a reviewer taking the case) read as the review they are part of."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from workflows.definitions.states import STATE_TONES, CaseState


@dataclass(frozen=True)
class PublicState:
    title: Promise
    text: Promise


IN_REVIEW = PublicState(
    _("We are reviewing your application"),
    _("Nothing is needed from you at the moment. We will write to you when there is news."),
)

PUBLIC_STATES = {
    CaseState.SUBMITTED: PublicState(
        _("Your application has arrived"), _("We will look at it soon and write to you when there is news.")
    ),
    CaseState.IN_REVIEW: IN_REVIEW,
    CaseState.RECOMMENDED_APPROVAL: IN_REVIEW,
    CaseState.RECOMMENDED_REJECTION: IN_REVIEW,
    CaseState.MORE_INFO: PublicState(
        _("We need more information from you"),
        _("Please answer our question below. We continue the review as soon as your answer arrives."),
    ),
    CaseState.PLACEMENT_FOUND: PublicState(
        _("A placement has been found"), _("We are now preparing the decision on your application.")
    ),
    CaseState.APPROVED: PublicState(_("Your application has been approved"), _("The formal decision follows shortly.")),
    CaseState.REJECTED: PublicState(
        _("Your application could not be approved"),
        _("The formal decision with the reasons and the legal remedy notice follows shortly."),
    ),
    CaseState.DECISION_ISSUED: PublicState(
        _("The decision has been issued"), _("You can download the decision below.")
    ),
    CaseState.PAID: PublicState(
        _("The grant has been paid"), _("After your project, please send us the proof of use below.")
    ),
    CaseState.PROOF_SUBMITTED: PublicState(
        _("We are checking your proof of use"), _("We will write to you when we have checked it.")
    ),
    CaseState.REPAYMENT_REQUESTED: PublicState(
        _("Please repay part of the grant"), _("The amount, the reasons and how to pay are in the decision below.")
    ),
    CaseState.CLOSED: PublicState(_("Your case is closed"), _("Nothing more is needed from you. Thank you.")),
    CaseState.WITHDRAWN: PublicState(
        _("You have withdrawn your application"), _("We will not process it any further.")
    ),
    CaseState.REGISTERED: PublicState(
        _("Your registration has arrived"), _("We are checking whether a place is free for you.")
    ),
    CaseState.CONFIRMED: PublicState(
        _("Your place is confirmed"),
        _(
            "We look forward to seeing you. If you cannot come, please cancel, so that someone else can take "
            "your place."
        ),
    ),
    CaseState.WAITING_LIST: PublicState(
        _("You are on the waiting list"), _("We will write to you as soon as a place becomes free.")
    ),
    CaseState.CANCELLED: PublicState(_("Your registration is cancelled"), _("Your place has been given up.")),
    CaseState.ASSIGNED: PublicState(_("We are working on your request"), _("We will answer as soon as we can.")),
    CaseState.ANSWERED: PublicState(_("We have answered your request"), _("Our answer is below and in your email.")),
}


def public_state(state: str) -> PublicState:
    return PUBLIC_STATES[CaseState(state)]


def public_tone(state: str) -> str:
    """How the state is coloured for applicants: internal stages take the colour of the review."""
    return "working" if public_state(state) is IN_REVIEW else STATE_TONES.get(state, "working")
