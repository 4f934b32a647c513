"""A case's history as staff read it (case page: every step, email and internal note) and as its applicant reads it
(status page: the steps they were told of, their own steps and the office's messages; internal steps, staff names
and internal notes never appear)."""

from dataclasses import dataclass
from datetime import date, datetime

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from workflows.definitions import events
from workflows.definitions.forms import TransitionForm
from workflows.definitions.roles import Role
from workflows.money import euros
from workflows.portal.states import public_state


@dataclass(frozen=True)
class TimelineItem:
    """One line of a case's history as staff read it."""

    at: datetime
    kind: str  # "step", "event", "message", "email" or "note"
    title: str
    who: str = ""
    text: str = ""
    facts: tuple[tuple[str, str], ...] = ()
    state: str = ""  # the state the case reached, for steps
    files: tuple[tuple[str, str], ...] = ()  # (name, file id) of documents sent with the step


def _is_file_list(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) and "file" in item for item in value)


def step_facts(case, name: str, data: dict) -> tuple[tuple[str, str], ...]:
    """The data recorded with a step, labelled as its form asked for it; files are listed by step_files()."""
    transition = next((t for t in case.all_transitions() if t.name == name), None)
    if transition is None or not data:
        return ()
    fields = transition.custom.get("form", TransitionForm)(case=case).fields
    return tuple(
        (str(fields[key].label) if key in fields else key, _fact_value(fields.get(key), value))
        for key, value in data.items()
        if value not in (None, "", [], {}) and not _is_file_list(value)
    )


def step_files(data: dict) -> tuple[tuple[str, str], ...]:
    """(name, file id) of every document sent with a step."""
    return tuple((item["name"], item["file"]) for value in data.values() if _is_file_list(value) for item in value)


def _fact_value(field, value) -> str:
    if isinstance(field, forms.DecimalField) and value not in (None, ""):
        return euros(value)
    if isinstance(field, forms.DateField) and value:
        return formats.date_format(date.fromisoformat(value), "SHORT_DATE_FORMAT")
    return str(value)


def staff_timeline(case) -> list[TimelineItem]:
    """Everything that happened to the case, oldest first: steps and other entries of the audit log, the emails
    sent, and the internal notes."""
    labels = {t.name: t.custom["label"] for t in case.all_transitions()}
    items = []
    for entry in case.audit_entries.all():
        if entry.transition == events.MESSAGE:
            kind = "message"
        elif entry.transition in events.EVENT_LABELS:
            kind = "event"
        else:
            kind = "step"
        title = labels.get(entry.transition) or events.EVENT_LABELS.get(entry.transition, entry.transition)
        facts = step_facts(case, entry.transition, entry.data)
        if entry.transition == events.ASSIGN:
            facts = ((str(_("Assignee")), entry.data.get("assignee") or str(_("nobody"))),)
        items.append(
            TimelineItem(
                at=entry.created_at,
                kind=kind,
                title=str(title),
                who=entry.actor_name,
                text=entry.comment,
                facts=facts,
                state=entry.get_target_display() if kind == "step" else "",
                files=step_files(entry.data),
            )
        )
    for email in case.emails.all():
        items.append(
            TimelineItem(
                at=email.sent_at,
                kind="email",
                title=email.subject,
                who=email.recipient,
                text=str(email.get_audience_display()),
            )
        )
    for note in case.internal_notes.all():
        items.append(
            TimelineItem(
                at=note.created_at, kind="note", title=str(_("Internal note")), who=note.author_name, text=note.text
            )
        )
    return sorted(items, key=lambda item: item.at)


#: What applicants read for entries that do not move the case.
EVENT_TITLES = {
    events.MESSAGE: _("Message from the office"),
    events.DECISION_CORRECTED: _("A corrected decision has been issued"),
    events.LINK_RENEWED: _("A new link to this page was sent; earlier links no longer work"),
}


@dataclass(frozen=True)
class PublicEvent:
    """One line of a case's history as its applicant reads it."""

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
            title = str(EVENT_TITLES[entry.transition])
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
