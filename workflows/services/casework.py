"""Work on a case that does not move it: giving it to a reviewer, writing to the applicant, keeping internal notes,
correcting an issued decision, sending the applicant a new status link."""

from django.db import transaction
from django.utils.translation import gettext as _

from workflows.definitions import events
from workflows.definitions.forms import MAX_TEXT
from workflows.definitions.registry import FINAL_STATES
from workflows.definitions.roles import STAFF_ROLES, Actor
from workflows.models import AuditEntry, Decision, InternalNote, StatusLink, Submission
from workflows.models.notes import MAX_NOTE
from workflows.selectors.access import issuing_roles, staff_actor

from .audit import audit_entry_create
from .decisions import decision_prepare
from .refusals import TransitionRefused


def _staff_role(actor: Actor, refusal: str) -> str:
    """The staff role `actor` acts in; `refusal` for anyone who plays none for this case."""
    roles = sorted(actor.roles & set(STAFF_ROLES))
    if not roles or actor.user is None:
        raise TransitionRefused(refusal)
    return roles[0]


@transaction.atomic
def submission_assign(*, case: Submission, assignee, actor: Actor, notify: bool = True) -> AuditEntry:
    """Give the case to `assignee` (None: to nobody), who must play a staff role for it; the new assignee is
    told by email unless they took the case themselves. Refused for closed cases."""
    role = _staff_role(actor, _("You may not assign this case."))
    if case.state in FINAL_STATES:
        raise TransitionRefused(_("This case is closed; it can no longer be assigned."))
    if assignee is not None and not staff_actor(assignee, case).roles:
        raise TransitionRefused(
            _("%(name)s plays no role for this form and cannot take the case.")
            % {"name": assignee.get_full_name() or assignee.get_username()}
        )
    Submission.objects.filter(pk=case.pk).update(assignee=assignee)
    case.assignee = assignee
    data = (
        {"assignee_id": assignee.pk, "assignee": assignee.get_full_name() or assignee.get_username()}
        if assignee
        else {}
    )
    tell = notify and assignee is not None and assignee.pk != actor.user.pk
    return audit_entry_create(case=case, event=events.ASSIGN, actor=actor, role=role, data=data, notify=tell)


@transaction.atomic
def applicant_message(*, case: Submission, actor: Actor, text: str, notify: bool = True) -> AuditEntry:
    """Write to the applicant without moving the case: the message is kept in the case's history and emailed in
    the applicant's language (the editors' wording of the "message" step, or the default)."""
    role = _staff_role(actor, _("You may not write to the applicant of this case."))
    text = text.strip()
    if not text:
        raise TransitionRefused(_("Please write a message."))
    if not case.applicant_email:
        raise TransitionRefused(_("The applicant gave no email address, so no message can be sent."))
    if len(text) > MAX_TEXT:
        raise TransitionRefused(_("Please keep the message under %(limit)d characters.") % {"limit": MAX_TEXT})
    return audit_entry_create(case=case, event=events.MESSAGE, actor=actor, role=role, comment=text, notify=notify)


def note_add(*, case: Submission, actor: Actor, text: str) -> InternalNote:
    """Keep an internal note on the case. Notes are for staff only: nothing an applicant sees ever reads them."""
    _staff_role(actor, _("You may not write notes on this case."))
    note = InternalNote(submission_id=case.pk, author=actor.user, author_name=actor.name, text=text.strip())
    if not note.text:
        raise TransitionRefused(_("Please write a note."))
    if len(note.text) > MAX_NOTE:
        raise TransitionRefused(_("Please keep the note under %(limit)d characters.") % {"limit": MAX_NOTE})
    note.save()
    return note


@transaction.atomic
def decision_correct(*, case, actor: Actor, reason: str) -> Decision:
    """Issue a corrected version of the case's latest decision, e.g. after a typing error; the earlier versions stay
    as they were. The applicant gets the new version like the first one."""
    roles = sorted(actor.roles & issuing_roles(case))
    if not roles or actor.user is None:
        raise TransitionRefused(_("You may not issue decisions on this case."))
    latest = Decision.objects.filter(submission_id=case.pk).order_by("-version").first()
    if latest is None:
        raise TransitionRefused(_("This case has no decision yet; issue it through its workflow step."))
    if latest.status != Decision.Status.ISSUED:
        raise TransitionRefused(_("The latest decision is still being produced or failed; wait for it or retry it."))
    reason = reason.strip()
    if not reason:
        raise TransitionRefused(_("Please say what the correction changes."))
    if len(reason) > MAX_TEXT:
        raise TransitionRefused(_("Please keep the reason under %(limit)d characters.") % {"limit": MAX_TEXT})
    entry = audit_entry_create(
        case=case,
        event=events.DECISION_CORRECTED,
        actor=actor,
        role=roles[0],
        comment=reason,
        data={"kind": latest.kind},
        notify=False,  # the rendering task tells the applicant once the corrected PDF exists
    )
    return decision_prepare(case=case, kind=latest.kind, actor=actor, entry=entry, notify=True, reason=reason)


@transaction.atomic
def status_link_renew(*, case: Submission, actor: Actor) -> AuditEntry:
    """Revoke every link to the case's status page (e.g. the applicant forwarded one by mistake) and email the
    applicant a new one; the old links show the same page as a link that never existed."""
    role = _staff_role(actor, _("You may not send status links for this case."))
    if not case.applicant_email:
        raise TransitionRefused(_("The applicant gave no email address, so no new link can be sent."))
    StatusLink.objects.filter(submission_id=case.pk).revoke(by=actor.user)
    return audit_entry_create(case=case, event=events.LINK_RENEWED, actor=actor, role=role, notify=True)
