"""The one way a case changes state: every admin button, bulk action, portal step and task calls
submission_transition()."""

from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition

from workflows.definitions import events
from workflows.definitions.forms import TransitionForm
from workflows.definitions.roles import Actor, Role
from workflows.models import AuditEntry, Programme, Submission
from workflows.selectors.access import transition_of

from .audit import audit_entry_create
from .budgets import BudgetExceeded, budget_release, budget_reserve
from .decisions import decision_prepare
from .files import step_files_store
from .refusals import CaseChanged, TransitionRefused


def submission_transition(
    *,
    submission: Submission,
    name: str,
    actor: Actor,
    data=None,
    files=None,
    at: datetime | None = None,
    notify: bool = True,
) -> AuditEntry:
    """Fire transition `name` on the case as `actor`, with `data` and `files` for the transition's form.

    Checks the actor's role, the four-eyes rule, the conditions and the data; then, in one transaction, changes the
    state (refused with CaseChanged if someone else got there first), reserves or releases money under the
    programme's row lock, stores uploaded files with the case, writes the audit entry, and fires the automatic
    transitions that now apply. Emails go out after the commit. `at` records a step that happened earlier (demo
    data, imports); `notify=False` sends no email. Raises TransitionRefused with a message for the person acting.
    """
    case = submission
    transition = transition_of(case, name)
    if transition is None:
        label = next((t.custom.get("label") for t in case.all_transitions() if t.name == name), name)
        raise TransitionRefused(
            _("“%(step)s” is not possible while the case is “%(state)s”.")
            % {"step": label, "state": case.get_state_display()}
        )
    if not transition.has_perm(case, actor):
        raise TransitionRefused(_("You may not “%(step)s” this case.") % {"step": transition.custom["label"]})
    _check_four_eyes(case, transition, actor)
    form = transition.custom.get("form", TransitionForm)(data or {}, files, case=case)
    if not form.is_valid():
        raise TransitionRefused(_("Please correct the errors below."), errors=form.errors)
    with transaction.atomic():
        return _fire(case, transition, actor, form.cleaned_data, at or timezone.now(), notify)


def _check_four_eyes(case, transition, actor: Actor) -> None:
    if not (case.four_eyes and transition.custom.get("decides") and actor.user):
        return
    recommending = [t.name for t in case.all_transitions() if t.custom.get("recommends")]
    recommendation = (
        AuditEntry.objects.filter(submission_id=case.pk, transition__in=recommending).order_by("-pk").first()
    )
    if recommendation and recommendation.actor_id == actor.user.pk:
        raise TransitionRefused(_("You recommended this case, so someone else has to decide it (four-eyes rule)."))


def _fire(case, transition, actor: Actor, cleaned_data: dict, at: datetime, notify: bool) -> AuditEntry:
    case.lock_shared_resources()
    if not all(condition(case) for condition in transition.conditions):
        raise TransitionRefused(
            _("“%(step)s” is not possible for this case now.") % {"step": transition.custom["label"]}
        )
    source, reserved_before = case.state, case.amount_reserved
    data = {key: value for key, value in cleaned_data.items() if key != "comment"}
    getattr(case, transition.name)(actor, data)
    case.state_changed_at = at
    try:
        case.save()
    except ConcurrentTransition:
        raise CaseChanged() from None
    data = step_files_store(case=case, step=transition.name, data=data)
    _settle_budget(case, case.amount_reserved - reserved_before)
    role = next(iter(sorted(actor.roles & set(case.transition_roles(transition)))), "")
    decision_kind_for = transition.custom.get("decision")  # the kind of decision this step issues, if any
    # A step that issues a decision tells people once its PDF exists: the rendering task sends the emails then.
    entry = audit_entry_create(
        case=case,
        event=transition.name,
        source=source,
        actor=actor,
        role=role,
        comment=cleaned_data.get("comment", ""),
        data=data,
        at=at,
        notify=notify and not decision_kind_for,
    )
    if decision_kind_for:
        decision_prepare(case=case, kind=decision_kind_for(case), actor=actor, entry=entry, notify=notify)
    for other in case.cases_to_advance():
        fire_automatic_transitions(case=other, at=at, notify=notify)
    fire_automatic_transitions(case=case, at=at, notify=notify)
    return entry


def _settle_budget(case, change: Decimal) -> None:
    """Reserve or release the change in the money the case holds, under the programme's row lock."""
    if not change:
        return
    if case.programme_id is None:
        raise TransitionRefused(_("This form draws on no programme, so no money can be approved."))
    programme = Programme(pk=case.programme_id)  # the budget services read the row themselves, under the lock
    try:
        if change > 0:
            budget_reserve(programme=programme, amount=change)
        else:
            budget_release(programme=programme, amount=-change)
    except BudgetExceeded as error:
        raise TransitionRefused(str(error)) from None


def fire_automatic_transitions(*, case: Submission, at=None, notify=True) -> None:
    """Fire the first automatic (system) transition whose conditions hold; firing it looks for the next one."""
    for transition in case.get_available_state_transitions():
        if Role.SYSTEM in case.transition_roles(transition):
            submission_transition(submission=case, name=transition.name, actor=Actor.system(), at=at, notify=notify)
            return


def case_opened(*, case: Submission, notify: bool = True) -> AuditEntry:
    """Record a new case's first state, confirm it to the applicant after commit, and let automatic transitions
    (e.g. a registration taking a free place) run. Call inside the transaction that saves the submission."""
    case.lock_shared_resources()
    applicant = Actor.applicant(case.applicant_name)
    entry = audit_entry_create(
        case=case,
        event=events.SUBMIT,
        source="",
        actor=applicant,
        role=Role.APPLICANT,
        at=case.created_at,
        notify=notify,
    )
    fire_automatic_transitions(case=case, at=case.created_at, notify=notify)
    return entry
