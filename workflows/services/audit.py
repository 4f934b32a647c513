"""The case's history: one audit entry per step, written in the step's transaction."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from workflows.definitions.roles import Actor
from workflows.forms.answers import answer_value
from workflows.models import AuditEntry, Submission
from workflows.tasks import send_case_emails


def audit_entry_create(
    *,
    case: Submission,
    event: str,
    actor: Actor,
    role: str,
    notify: bool,
    source: str | None = None,
    comment: str = "",
    data: dict | None = None,
    at: datetime | None = None,
) -> AuditEntry:
    """Record `event` (a transition's name, or one of definitions.events) on the case as `actor` in `role`.

    `source` is the state the case left (a step that does not move it leaves none: its current state); the target is
    the state it is in now. With `notify`, the people to tell are emailed once the transaction commits."""
    entry = AuditEntry.objects.create(
        submission_id=case.pk,
        created_at=at or timezone.now(),
        actor=actor.user,
        actor_name=actor.name,
        actor_role=role,
        transition=event,
        source=case.state if source is None else source,
        target=case.state,
        comment=comment,
        data={key: answer_value(value) for key, value in (data or {}).items()},
    )
    if notify:
        transaction.on_commit(lambda: send_case_emails.enqueue(entry.pk))
    return entry
