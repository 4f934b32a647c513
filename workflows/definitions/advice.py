"""Anfrage: a request for advice. submitted → assigned (a reviewer takes it) → answered → closed."""

from django.utils.translation import gettext_lazy as _
from django_fsm import transition

from workflows.models.submissions import Submission

from . import messages
from .base import WorkflowCase
from .forms import MessageForm, TransitionForm
from .roles import Role, by
from .states import CaseState as S


class AdviceCase(WorkflowCase, Submission):
    workflow_name = "advice"
    workflow_label = _("Advice request (Anfrage)")
    workflow_description = _("Questions and requests that get an answer, without money.")
    states = (S.SUBMITTED, S.ASSIGNED, S.ANSWERED, S.CLOSED)
    final_states = frozenset({S.CLOSED})
    roles = (Role.REVIEWER,)
    received_message = messages.REQUEST_RECEIVED

    class Meta:
        proxy = True
        verbose_name = _("advice request")
        verbose_name_plural = _("advice requests")

    @transition(
        field="state",
        source=S.SUBMITTED,
        target=S.ASSIGNED,
        permission=by(Role.REVIEWER),
        custom={"label": _("Take the request"), "form": TransitionForm},
    )
    def take(self, actor, data):
        """A reviewer takes the request and becomes its assignee."""
        self.assignee = actor.user

    @transition(
        field="state",
        source=S.ASSIGNED,
        target=S.ANSWERED,
        permission=by(Role.REVIEWER),
        custom={"label": _("Send the answer"), "form": MessageForm, "notify": messages.REQUEST_ANSWERED},
    )
    def answer(self, actor, data):
        """The answer goes to the applicant by email."""

    @transition(
        field="state",
        source=S.ANSWERED,
        target=S.CLOSED,
        permission=by(Role.REVIEWER),
        custom={"label": _("Close the request"), "form": TransitionForm},
    )
    def close(self, actor, data):
        """Nothing more to do."""
