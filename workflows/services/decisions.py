"""Issuing decisions: a version is written as pending in the step's transaction, rendered by the task worker, and
then kept unchanged for good. Corrections are new versions; failed renderings, and those pending for longer than a
rendering may take, can be tried again."""

import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import TaskResult, TaskResultStatus

from workflows.decisions.document import decision_html
from workflows.decisions.letter import case_facts, letter_languages, responsible_official
from workflows.decisions.pdf import RenderingFailed, render_pdf
from workflows.definitions.roles import Actor
from workflows.models import AuditEntry, Decision, DecisionBatch, Submission
from workflows.models.decisions import decision_file_path
from workflows.selectors.access import issuing_roles
from workflows.tasks import render_decision, send_case_emails

from .refusals import TransitionRefused


def decision_prepare(*, case, kind: str, actor: Actor, entry: AuditEntry | None, notify: bool, reason="") -> Decision:
    """Write the case's next decision version as pending and have the worker render it once the transaction
    commits. Call inside the transaction of the step that issues it."""
    Submission.objects.select_for_update().filter(pk=case.pk).exists()  # versions are numbered one at a time
    latest = Decision.objects.filter(submission_id=case.pk).aggregate(latest=Max("version"))["latest"] or 0
    decision = Decision.objects.create(
        submission_id=case.pk,
        version=latest + 1,
        kind=kind,
        audit_entry=entry,
        courtesy_language=next(iter(letter_languages(case)[1:]), ""),
        official=responsible_official(case, kind) or actor.name,
        issued_by=actor.user,
        correction_reason=reason,
        notify=notify,
    )
    transaction.on_commit(lambda: render_decision.enqueue(decision.pk))
    return decision


def decision_preview(*, case, kind: str, language: str | None = None, official: str = "") -> bytes:
    """The PDF the case's decision of `kind` would be if issued today, marked as a draft; nothing is stored.
    `language` replaces the applicant's language for the courtesy translation."""
    facts = case_facts(case, kind, official=responsible_official(case, kind) or official)
    languages = letter_languages(case) if language is None else list(dict.fromkeys([settings.LANGUAGE_CODE, language]))
    return render_pdf(decision_html(facts, version=1, languages=languages, draft=True))


def decision_render(*, decision_id: int) -> Decision:
    """Render a pending decision and store it for good; a failure is recorded with its reason, to be retried."""
    decision = Decision.objects.select_related("submission").get(pk=decision_id)
    if decision.status != Decision.Status.PENDING:
        return decision
    case = decision.submission
    facts = case_facts(
        case, decision.kind, issued_on=timezone.localdate(decision.created_at), official=decision.official
    )
    languages = [settings.LANGUAGE_CODE] + ([decision.courtesy_language] if decision.courtesy_language else [])
    try:
        pdf = render_pdf(decision_html(facts, version=decision.version, languages=languages))
        name = decision.file.storage.save(decision_file_path(decision, ""), ContentFile(pdf))
    except (RenderingFailed, OSError) as error:  # OSError: the storage could not keep it
        decision_fail(decision_id=decision.pk, reason=str(error))
        return Decision.objects.get(pk=decision.pk)
    issued = Decision.objects.filter(pk=decision.pk, status=Decision.Status.PENDING).update(
        status=Decision.Status.ISSUED,
        file=name,
        sha256=hashlib.sha256(pdf).hexdigest(),
        size=len(pdf),
        issued_at=timezone.now(),
        failure="",
    )
    if not issued:  # another worker issued it meanwhile: keep theirs, drop this copy
        decision.file.storage.delete(name)
    elif decision.notify and decision.audit_entry_id:
        send_case_emails.enqueue(decision.audit_entry_id)
    return Decision.objects.get(pk=decision.pk)


def decision_fail(*, decision_id: int, reason: str) -> bool:
    """Record that a pending decision could not be produced, and why (shown to staff, who may try again); False
    when it is no longer pending."""
    failed = Decision.objects.filter(pk=decision_id, status=Decision.Status.PENDING).update(
        status=Decision.Status.FAILED, failure=reason[:2000]
    )
    return bool(failed)


def decision_retry(*, decision: Decision, actor: Actor) -> bool:
    """Have the worker produce a decision again: a failed one, or one pending for longer than a rendering may take
    (its task may be lost with a dead worker; a second rendering of a decision changes nothing, the first one to
    finish issues it). False when it is neither (any more). Refused for anyone who does not issue decisions on the
    case."""
    if not actor.roles & issuing_roles(decision.submission):
        raise TransitionRefused(_("You may not issue decisions on this case."))
    retried = (
        Decision.objects.retryable()
        .filter(pk=decision.pk)
        .update(status=Decision.Status.PENDING, failure="", queued_at=timezone.now())
    )
    if retried:
        transaction.on_commit(lambda: render_decision.enqueue(decision.pk))
    return bool(retried)


def decision_batch_create(*, decisions, user) -> DecisionBatch | None:
    """Group the decisions one bulk step issued, so that the admin can follow the worker's progress."""
    if not decisions:
        return None
    batch = DecisionBatch.objects.create(created_by=user)
    batch.decisions.set(decisions)
    return batch


def record_failed_rendering(sender, task_result: TaskResult, **kwargs) -> None:
    """Receives django-tasks' `task_finished`. A rendering task that failed outside the rendering (its workers died
    too often, or the database failed) fails its decision with the reason, which staff can try again; the decision
    would otherwise wait as pending for a rendering that never comes."""
    if task_result.status != TaskResultStatus.FAILED or task_result.task.module_path != render_decision.module_path:
        return
    error = task_result.errors[-1].exception_class_path.rsplit(".", 1)[-1] if task_result.errors else ""
    with translation.override(settings.LANGUAGE_CODE):  # kept in the office's language, whoever's process it is
        reason = _("The task worker could not produce this decision (%(error)s).") % {"error": error}
    decision_fail(decision_id=task_result.args[0], reason=reason)
