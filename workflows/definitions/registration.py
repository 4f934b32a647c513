"""Anmeldung: registration for a round table or an event with a limited number of places.

registered → confirmed, or waiting list when all places are taken (both automatic) → cancelled.
A cancelled confirmation frees a place, which goes automatically to the first on the waiting list.
"""

from django.utils.translation import gettext_lazy as _
from django_fsm import transition

from workflows.models.submissions import Submission

from . import messages
from .base import WorkflowCase
from .forms import TransitionForm
from .roles import Role, by
from .states import CaseState as S


def has_free_place(case) -> bool:
    places = case.form_settings.places if case.form_settings else None
    if places is None:
        return True
    confirmed = Submission.objects.filter(form_key=case.form_key, state=S.CONFIRMED).exclude(pk=case.pk)
    return confirmed.count() < places


def is_fully_booked(case) -> bool:
    return not has_free_place(case)


class RegistrationCase(WorkflowCase, Submission):
    workflow_name = "registration"
    workflow_label = _("Registration (Anmeldung)")
    workflow_description = _("Places for round tables and events, with an automatic waiting list.")
    states = (S.REGISTERED, S.CONFIRMED, S.WAITING_LIST, S.CANCELLED)
    final_states = frozenset({S.CANCELLED})
    roles = (Role.APPLICANT, Role.REVIEWER, Role.SYSTEM)

    class Meta:
        proxy = True
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    @transition(
        field="state",
        source=S.REGISTERED,
        target=S.CONFIRMED,
        permission=by(Role.SYSTEM),
        conditions=[has_free_place],
        custom={"label": _("Confirm the place"), "notify": messages.REGISTRATION_CONFIRMED},
    )
    def confirm(self, actor, data):
        """A place was free: the registration is confirmed at once."""

    @transition(
        field="state",
        source=S.REGISTERED,
        target=S.WAITING_LIST,
        permission=by(Role.SYSTEM),
        conditions=[is_fully_booked],
        custom={"label": _("Put on the waiting list"), "notify": messages.REGISTRATION_WAITING},
    )
    def put_on_waiting_list(self, actor, data):
        """All places are taken: the registration waits for a cancellation."""

    @transition(
        field="state",
        source=S.WAITING_LIST,
        target=S.CONFIRMED,
        permission=by(Role.SYSTEM),
        conditions=[has_free_place],
        custom={"label": _("Give the free place"), "notify": messages.REGISTRATION_CONFIRMED},
    )
    def promote(self, actor, data):
        """A place became free and this registration was first on the waiting list."""

    @transition(
        field="state",
        source=[S.REGISTERED, S.CONFIRMED, S.WAITING_LIST],
        target=S.CANCELLED,
        permission=by(Role.APPLICANT, Role.REVIEWER),
        custom={
            "label": _("Cancel the registration"),
            "form": TransitionForm,
            "notify": messages.REGISTRATION_CANCELLED,
            "confirm": _("Do you really want to cancel your registration? Your place goes to the next person waiting."),
        },
    )
    def cancel(self, actor, data):
        """The applicant, or the office on their behalf, cancels; a confirmed place goes to the waiting list."""

    def lock_shared_resources(self) -> None:
        # Counting confirmed places and taking one must not interleave with another registration of this form.
        if self.form_settings:
            type(self.form_settings).objects.select_for_update().filter(pk=self.form_settings.pk).exists()

    def cases_to_advance(self) -> list:
        if self.state != S.CANCELLED:
            return []
        # First come, first served: ids follow the order in which registrations were stored, one at a time
        # under the form's lock (their received times may tie or cross when many arrive at once).
        first_waiting = (
            RegistrationCase.objects.filter(form_key=self.form_key, state=S.WAITING_LIST).order_by("pk").first()
        )
        return [first_waiting] if first_waiting else []
