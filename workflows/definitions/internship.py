"""Praktikum: support for an internship in a partner city. The grant workflow, plus a placement step: the financing
is recommended only once a host organisation has taken the intern."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from django_fsm import transition

from .decisions import DecisionKind
from .forms import PlacementForm, ReasonForm, RecommendationForm
from .grant import BEFORE_DECISION, WITHDRAWAL, GrantCase
from .roles import Role, by
from .states import CaseState as S


class InternshipCase(GrantCase):
    workflow_name = "internship"
    workflow_label = _("Internship (Praktikum)")
    workflow_description = _("Like the grant, with a placement at a host organisation before the financing.")
    states = (
        S.SUBMITTED,
        S.IN_REVIEW,
        S.MORE_INFO,
        S.PLACEMENT_FOUND,
        *GrantCase.states[3:],
    )
    approval_decision = DecisionKind.COMMITMENT

    class Meta:
        proxy = True
        verbose_name = _("internship case")
        verbose_name_plural = _("internship cases")

    @transition(
        field="state",
        source=S.IN_REVIEW,
        target=S.PLACEMENT_FOUND,
        permission=by(Role.REVIEWER),
        custom={"label": _("Record the placement"), "form": PlacementForm},
    )
    def record_placement(self, actor, data):
        """A host organisation has taken the intern."""
        self.details["host_organisation"] = data["host_organisation"]

    @transition(
        field="state",
        source=S.PLACEMENT_FOUND,
        target=S.RECOMMENDED_APPROVAL,
        permission=by(Role.REVIEWER),
        custom={"label": _("Recommend approval"), "form": RecommendationForm, "recommends": True},
    )
    def recommend_approval(self, actor, data):
        """With the placement settled, the reviewer proposes the financing."""
        self.amount_recommended = data["amount"]

    @transition(
        field="state",
        source=[S.IN_REVIEW, S.PLACEMENT_FOUND],
        target=S.RECOMMENDED_REJECTION,
        permission=by(Role.REVIEWER),
        custom={"label": _("Recommend rejection"), "form": ReasonForm, "recommends": True},
    )
    def recommend_rejection(self, actor, data):
        """The reviewer proposes to reject, with or without a placement."""
        self.amount_recommended = None

    @transition(
        field="state",
        source=[*BEFORE_DECISION, S.PLACEMENT_FOUND],
        target=S.WITHDRAWN,
        permission=by(Role.APPLICANT),
        custom=WITHDRAWAL,
    )
    def withdraw(self, actor, data):
        """The applicant withdraws; money reserved by an approval goes back to the budget."""
        self.amount_reserved = Decimal(0)
