"""Background work about cases, run by the task worker."""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

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

    decision_render(decision_id)


@task()
def send_status_links(address: str, language: str) -> None:
    """Email new status links for every case sent from `address`; nothing when there are none."""
    from workflows.services.portal import status_links_send  # the services enqueue this task: import when run

    status_links_send(address, language)
