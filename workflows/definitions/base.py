"""What every workflow shares. A workflow is a proxy of Submission that mixes this in and declares its transitions
with django-fsm's @transition; see grant.py for the model to follow."""

import inspect
from functools import cache
from typing import ClassVar

from django.utils.functional import Promise, cached_property
from django.utils.translation import gettext_lazy as _

from workflows.models.submissions import Submission

from . import events
from .messages import DECISION_CORRECTED, OFFICE_MESSAGE, STATUS_LINK_RENEWED, Message
from .roles import STAFF_ROLES, Role
from .states import CaseState


@cache
def _declared_transitions(case_class) -> tuple:
    """The transitions a workflow class declares; read once per class, as classes do not change."""
    methods = inspect.getmembers(case_class, lambda member: hasattr(member, "_django_fsm"))
    transitions = [transition for _name, method in methods for transition in method._django_fsm.transitions.values()]
    position = {state: index for index, state in enumerate(case_class.states)}
    return tuple(sorted(transitions, key=lambda t: (position.get(t.source, len(position)), position.get(t.target, 0))))


class WorkflowCase:
    """Declarations a workflow module fills in, and what the service, the checks and the diagram read from them.

    Transition `custom` keys: `label` (required, what the button says), `form` (a TransitionForm subclass asking for
    the transition's data), `notify` (a Message the applicant gets, making the step public), `recommends` /
    `decides` (the two halves of the four-eyes rule), `decision` (the kind of decision the step issues).
    Applicants' steps on their status page may add `public_label` (how the step reads in their history) and
    `confirm` (a question asked on a page of its own before a step that cannot be undone).
    """

    workflow_name: ClassVar[str]
    workflow_label: ClassVar[Promise]
    workflow_description: ClassVar[Promise]
    #: In reading order; the first is where a new case starts.
    states: ClassVar[tuple[CaseState, ...]]
    final_states: ClassVar[frozenset[CaseState]]
    roles: ClassVar[tuple[Role, ...]]
    #: Whoever recommended a case may not decide it (superusers included).
    four_eyes: ClassVar[bool] = False
    #: Approvals reserve money, so the form must name the programme whose budget they draw on.
    uses_budget: ClassVar[bool] = False
    #: The email confirming a new case, or None for silence.
    received_message: ClassVar[Message | None] = None

    def __init_subclass__(cls, **kwargs):
        """A class naming its workflow is what rows of that workflow load as (see Submission.from_db)."""
        super().__init_subclass__(**kwargs)
        if "workflow_name" in cls.__dict__:
            Submission.workflow_classes[cls.workflow_name] = cls

    @classmethod
    def initial_state(cls) -> CaseState:
        return cls.states[0]

    @classmethod
    def staff_roles(cls) -> tuple[Role, ...]:
        return tuple(role for role in cls.roles if role in STAFF_ROLES)

    @classmethod
    def all_transitions(cls) -> list:
        """django-fsm Transition objects (name, source, target, permission, custom), one per source state, in the
        order of the workflow's states."""
        return list(_declared_transitions(cls))

    @classmethod
    def transition_roles(cls, transition) -> tuple[str, ...]:
        return getattr(transition.permission, "roles", ())

    @classmethod
    def roles_acting_in(cls, state: str) -> set[str]:
        """The roles that may move a case on from `state`: they are told when a case reaches it."""
        return {
            role
            for transition in cls.all_transitions()
            if transition.source == state
            for role in cls.transition_roles(transition)
        }

    @classmethod
    def public_steps(cls) -> dict[str, tuple[str, Message]]:
        """The steps applicants hear of, by name: (label, default message). Besides the workflow's public
        transitions, "submit" (the new case, if the workflow confirms it) and "message" (the office writes to the
        applicant without moving the case), "renew_link" (a new link to the status page), and "correct_decision" in
        workflows that issue decisions."""
        steps = (
            {events.SUBMIT: (events.EVENT_LABELS[events.SUBMIT], cls.received_message)} if cls.received_message else {}
        )
        steps[events.MESSAGE] = (_("Message from the office"), OFFICE_MESSAGE)
        steps[events.LINK_RENEWED] = (events.EVENT_LABELS[events.LINK_RENEWED], STATUS_LINK_RENEWED)
        if any(transition.custom.get("decision") for transition in cls.all_transitions()):
            steps[events.DECISION_CORRECTED] = (events.EVENT_LABELS[events.DECISION_CORRECTED], DECISION_CORRECTED)
        for transition in cls.all_transitions():
            if transition.custom.get("notify"):
                steps[transition.name] = (transition.custom["label"], transition.custom["notify"])
        return steps

    @cached_property
    def form_settings(self):
        """The form page whose settings (roles, places, deadlines) govern this case: the one in the default
        language, of which the translations are copies."""
        from workflows.selectors.forms import form_settings_page  # the selectors import the page model, which needs us

        return form_settings_page(self.form_key)

    def lock_shared_resources(self) -> None:
        """Lock rows other cases compete for (e.g. places), first thing in the transition's transaction."""

    def cases_to_advance(self) -> list:
        """Other cases whose automatic transitions may now apply, e.g. the first on a waiting list."""
        return []
