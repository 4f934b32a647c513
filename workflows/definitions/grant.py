"""Zuwendung: a grant from a programme's budget, for exchanges, culture and sport.

submitted → in review (a reviewer takes the case) ⇄ more information requested (the applicant answers)
→ recommended for approval / for rejection (by the reviewer) → approved or rejected (by the approver; four eyes)
→ decision issued → paid → proof of use submitted (by the applicant) → closed, or repayment requested → closed.
The applicant may withdraw in every open state before the decision.

Money: approval reserves the approved amount in the programme's budget; withdrawal gives it back, and so does the
part of it that the proof of use shows was not needed or that is paid back.
"""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from django_fsm import transition

from workflows.models.submissions import Submission

from . import messages
from .base import WorkflowCase
from .decisions import DecisionKind, approval_or_rejection, repayment
from .forms import (
    AnswerForm,
    ApprovalForm,
    MessageForm,
    PaymentForm,
    ProofAcceptanceForm,
    ProofOfUseForm,
    ReasonForm,
    RecommendationForm,
    RepaymentForm,
    TransitionForm,
    WithdrawalForm,
)
from .roles import Role, by
from .states import CaseState as S

BEFORE_DECISION = [
    S.SUBMITTED,
    S.IN_REVIEW,
    S.MORE_INFO,
    S.RECOMMENDED_APPROVAL,
    S.RECOMMENDED_REJECTION,
    S.APPROVED,
]
RECOMMENDED = [S.RECOMMENDED_APPROVAL, S.RECOMMENDED_REJECTION]
#: The applicant's withdrawal, the same in every workflow that allows one.
WITHDRAWAL = {
    "label": _("Withdraw the application"),
    "form": WithdrawalForm,
    "public_label": _("You withdrew the application"),
    "confirm": _("Do you really want to withdraw your application? We will stop processing it; this cannot be undone."),
}


def was_approved(case) -> bool:
    return case.amount_approved is not None


def was_rejected(case) -> bool:
    return case.amount_approved is None


class GrantCase(WorkflowCase, Submission):
    workflow_name = "grant"
    workflow_label = _("Grant (Zuwendung)")
    workflow_description = _("Applications for money from a programme's budget, decided by two people.")
    states = (
        S.SUBMITTED,
        S.IN_REVIEW,
        S.MORE_INFO,
        S.RECOMMENDED_APPROVAL,
        S.RECOMMENDED_REJECTION,
        S.APPROVED,
        S.REJECTED,
        S.DECISION_ISSUED,
        S.PAID,
        S.PROOF_SUBMITTED,
        S.REPAYMENT_REQUESTED,
        S.CLOSED,
        S.WITHDRAWN,
    )
    final_states = frozenset({S.CLOSED, S.WITHDRAWN})
    roles = (Role.APPLICANT, Role.REVIEWER, Role.APPROVER)
    four_eyes = True
    uses_budget = True
    received_message = messages.RECEIVED
    approval_decision = DecisionKind.APPROVAL

    class Meta:
        proxy = True
        verbose_name = _("grant case")
        verbose_name_plural = _("grant cases")

    # Review

    @transition(
        field="state",
        source=S.SUBMITTED,
        target=S.IN_REVIEW,
        permission=by(Role.REVIEWER),
        custom={"label": _("Take the case"), "form": TransitionForm},
    )
    def take(self, actor, data):
        """A reviewer takes the case and becomes its assignee."""
        self.assignee = actor.user

    @transition(
        field="state",
        source=S.IN_REVIEW,
        target=S.MORE_INFO,
        permission=by(Role.REVIEWER),
        custom={"label": _("Request more information"), "form": MessageForm, "notify": messages.MORE_INFO_REQUESTED},
    )
    def request_information(self, actor, data):
        """The reviewer asks the applicant a question; the message goes out by email."""

    @transition(
        field="state",
        source=S.MORE_INFO,
        target=S.IN_REVIEW,
        permission=by(Role.APPLICANT),
        custom={"label": _("Answer the query"), "form": AnswerForm, "public_label": _("Your answer")},
    )
    def answer_query(self, actor, data):
        """The applicant answers; the case is back with the reviewer."""

    @transition(
        field="state",
        source=S.IN_REVIEW,
        target=S.RECOMMENDED_APPROVAL,
        permission=by(Role.REVIEWER),
        custom={"label": _("Recommend approval"), "form": RecommendationForm, "recommends": True},
    )
    def recommend_approval(self, actor, data):
        """The reviewer proposes an amount, at most the one requested, with reasons."""
        self.amount_recommended = data["amount"]

    @transition(
        field="state",
        source=S.IN_REVIEW,
        target=S.RECOMMENDED_REJECTION,
        permission=by(Role.REVIEWER),
        custom={"label": _("Recommend rejection"), "form": ReasonForm, "recommends": True},
    )
    def recommend_rejection(self, actor, data):
        """The reviewer proposes to reject, with reasons."""
        self.amount_recommended = None

    # Decision (four eyes: the approver is never the one who recommended)

    @transition(
        field="state",
        source=RECOMMENDED,
        target=S.IN_REVIEW,
        permission=by(Role.APPROVER),
        custom={"label": _("Send back for review"), "form": ReasonForm},
    )
    def send_back(self, actor, data):
        """The approver wants the recommendation reworked."""

    @transition(
        field="state",
        source=RECOMMENDED,
        target=S.APPROVED,
        permission=by(Role.APPROVER),
        custom={"label": _("Approve"), "form": ApprovalForm, "decides": True, "notify": messages.APPROVED},
    )
    def approve(self, actor, data):
        """The approver grants an amount, at most the one requested; it is reserved in the programme's budget,
        which refuses it when not enough money is left."""
        self.amount_approved = data["amount"]
        self.amount_reserved = data["amount"]

    @transition(
        field="state",
        source=RECOMMENDED,
        target=S.REJECTED,
        permission=by(Role.APPROVER),
        custom={"label": _("Reject"), "form": ReasonForm, "decides": True, "notify": messages.REJECTED},
    )
    def reject(self, actor, data):
        """The approver rejects the application; the reason is required and goes to the applicant."""

    @transition(
        field="state",
        source=[S.APPROVED, S.REJECTED],
        target=S.DECISION_ISSUED,
        permission=by(Role.REVIEWER),
        custom={
            "label": _("Issue the decision"),
            "form": TransitionForm,
            "notify": messages.DECISION_ISSUED,
            "decision": approval_or_rejection,
        },
    )
    def issue_decision(self, actor, data):
        """The formal decision (Bescheid) is issued to the applicant: the worker renders it as PDF, and the
        applicant's email goes out with it."""

    # After the decision

    @transition(
        field="state",
        source=S.DECISION_ISSUED,
        target=S.PAID,
        permission=by(Role.REVIEWER),
        conditions=[was_approved],
        custom={"label": _("Record the payment"), "form": PaymentForm, "notify": messages.PAID},
    )
    def pay(self, actor, data):
        """The approved amount has been paid out on the given date."""
        self.details["paid_on"] = data["paid_on"].isoformat()

    @transition(
        field="state",
        source=S.DECISION_ISSUED,
        target=S.CLOSED,
        permission=by(Role.REVIEWER),
        conditions=[was_rejected],
        custom={"label": _("Close the case"), "form": TransitionForm},
    )
    def close_rejected(self, actor, data):
        """A rejected case ends once its decision is out."""

    @transition(
        field="state",
        source=S.PAID,
        target=S.PROOF_SUBMITTED,
        permission=by(Role.APPLICANT),
        custom={
            "label": _("Submit the proof of use"),
            "form": ProofOfUseForm,
            "public_label": _("Your proof of use"),
        },
    )
    def submit_proof_of_use(self, actor, data):
        """The applicant reports how the grant was used."""
        self.details["amount_spent"] = str(data["amount_spent"])

    @transition(
        field="state",
        source=S.PROOF_SUBMITTED,
        target=S.CLOSED,
        permission=by(Role.REVIEWER),
        custom={"label": _("Accept the proof of use"), "form": ProofAcceptanceForm, "notify": messages.PROOF_ACCEPTED},
    )
    def accept_proof_of_use(self, actor, data):
        """The proof of use holds; whatever part of the approved amount was not needed goes back to the budget."""
        self.amount_reserved = data["amount_eligible"]

    @transition(
        field="state",
        source=S.PROOF_SUBMITTED,
        target=S.REPAYMENT_REQUESTED,
        permission=by(Role.REVIEWER),
        custom={
            "label": _("Request repayment"),
            "form": RepaymentForm,
            "notify": messages.REPAYMENT_REQUESTED,
            "decision": repayment,
        },
    )
    def request_repayment(self, actor, data):
        """The proof of use falls short: the applicant must pay part of the grant back."""
        self.details["amount_repayable"] = str(data["amount_repayable"])

    @transition(
        field="state",
        source=S.REPAYMENT_REQUESTED,
        target=S.CLOSED,
        permission=by(Role.REVIEWER),
        custom={"label": _("Confirm the repayment"), "form": TransitionForm},
    )
    def confirm_repayment(self, actor, data):
        """The money came back; it is free in the budget again."""
        self.amount_reserved -= Decimal(self.details["amount_repayable"])

    # The applicant's way out

    @transition(
        field="state",
        source=BEFORE_DECISION,
        target=S.WITHDRAWN,
        permission=by(Role.APPLICANT),
        custom=WITHDRAWAL,
    )
    def withdraw(self, actor, data):
        """The applicant withdraws; money reserved by an approval goes back to the budget."""
        self.amount_reserved = Decimal(0)
