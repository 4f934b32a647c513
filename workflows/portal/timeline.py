"""A case's history as its applicant reads it: the steps they were told of, their own steps, and the office's
messages. Internal steps, staff names and internal notes never appear."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from workflows.definitions import events
from workflows.definitions.roles import Role
from workflows.selectors import step_facts, step_files

from .states import public_state

#: What applicants read for entries that do not move the case.
EVENT_TITLES = {
    events.MESSAGE: lambda: _("Message from the office"),
    events.DECISION_CORRECTED: lambda: _("A corrected decision has been issued"),
    events.LINK_RENEWED: lambda: _("A new link to this page was sent; earlier links no longer work"),
}


@dataclass(frozen=True)
class PublicEvent:
    at: datetime
    title: str
    text: str = ""  # what the office or the applicant wrote with the step
    by_applicant: bool = False
    facts: tuple[tuple[str, str], ...] = ()
    files: tuple[tuple[str, str], ...] = ()  # (name, file id)


def public_timeline(case) -> list[PublicEvent]:
    """The applicant's view of the case's audit log, newest first."""
    public = case.public_steps()
    own_steps = {t.name: t for t in case.all_transitions() if Role.APPLICANT in case.transition_roles(t)}
    timeline = []
    for entry in case.audit_entries.order_by("-created_at", "-pk"):
        by_applicant = entry.actor_role == Role.APPLICANT and entry.transition in own_steps
        if entry.transition == events.SUBMIT:
            title = str(public_state(entry.target).title)
        elif by_applicant:
            own = own_steps[entry.transition].custom
            title = str(own.get("public_label") or own["label"])
        elif entry.transition in EVENT_TITLES:
            title = EVENT_TITLES[entry.transition]()
        elif entry.transition in public:
            title = str(public_state(entry.target).title)
        else:
            continue
        timeline.append(
            PublicEvent(
                at=entry.created_at,
                title=title,
                text=entry.comment,
                by_applicant=by_applicant,
                facts=step_facts(case, entry.transition, entry.data),
                files=step_files(entry.data),
            )
        )
    return timeline


def open_question(case) -> str:
    """What the office wrote with the public step that brought the case into its present state (e.g. its query)."""
    public = case.public_steps()
    entry = (
        case.audit_entries.filter(target=case.state, transition__in=list(public))
        .exclude(transition=events.SUBMIT)
        .order_by("-created_at", "-pk")
        .first()
    )
    return entry.comment if entry else ""
