"""Background work about cases, run by the task worker."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import TaskResult, TaskResultStatus, task

from workflows.models import AuditEntry, CaseEmail
from workflows.notifications import case_emails

logger = logging.getLogger(__name__)

MAX_MAIL_ATTEMPTS = 6


def retry_delay(attempt: int) -> timedelta:
    """Back off 1, 2, 4, 8, 16 minutes between attempts."""
    return timedelta(minutes=2 ** (attempt - 1))


@task()
def send_case_emails(entry_id: int, attempt: int = 1) -> None:
    """Send the emails about one step of a case (audit entry `entry_id`). A failed send is tried again later, up to
    MAX_MAIL_ATTEMPTS times, skipping recipients who already got theirs; the case itself is never touched."""
    entry = AuditEntry.objects.select_related("submission").get(pk=entry_id)
    already_sent = set(CaseEmail.objects.filter(audit_entry=entry).values_list("recipient", flat=True))
    failure = None
    for audience, email in case_emails(entry):
        recipient = email.to[0]
        if recipient in already_sent:
            continue
        try:
            email.send()
        except OSError as error:  # smtplib.SMTPException and connection errors are OSErrors
            failure = error
            continue
        CaseEmail.objects.create(
            submission=entry.submission,
            audit_entry=entry,
            audience=audience,
            recipient=recipient,
            subject=email.subject[:255],
        )
    if failure is None:
        return
    if attempt >= MAX_MAIL_ATTEMPTS:
        logger.error("Emails for %s failed %s times, giving up: %s", entry, attempt, failure)
        raise failure
    logger.warning("Emails for %s failed (attempt %s), retrying: %s", entry, attempt, failure)
    send_case_emails.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(entry_id, attempt + 1)


@task()
def render_decision(decision_id: int) -> None:
    """Render a pending decision to PDF and store it; its step's emails go out once it is stored."""
    from workflows.services.decisions import decision_render  # the services enqueue this task: import when run

    decision_render(decision_id=decision_id)


def record_failed_rendering(sender, task_result: TaskResult, **kwargs) -> None:
    """Receives django-tasks' `task_finished`. A rendering task that failed outside the rendering (its workers died
    too often, or the database failed) fails its decision with the reason, which staff can try again; the decision
    would otherwise wait as pending for a rendering that never comes."""
    if task_result.status != TaskResultStatus.FAILED or task_result.task.module_path != render_decision.module_path:
        return
    from workflows.services.decisions import decision_fail  # the services enqueue render_decision: import when run

    error = task_result.errors[-1].exception_class_path.rsplit(".", 1)[-1] if task_result.errors else ""
    with translation.override(settings.LANGUAGE_CODE):  # kept in the office's language, whoever's process it is
        reason = _("The task worker could not produce this decision (%(error)s).") % {"error": error}
    decision_fail(decision_id=task_result.args[0], reason=reason)


@task()
def send_status_links(address: str, language: str) -> None:
    """Email new status links for every case sent from `address`; nothing when there are none."""
    from workflows.services.portal import status_links_send  # the services enqueue this task: import when run

    status_links_send(address=address, language=language)
