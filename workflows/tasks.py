"""Background work about submissions, run by the task worker."""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from workflows.models import Submission
from workflows.notifications import submission_received_email

logger = logging.getLogger(__name__)

MAX_MAIL_ATTEMPTS = 6


def retry_delay(attempt: int) -> timedelta:
    """Back off 1, 2, 4, 8, 16 minutes between attempts."""
    return timedelta(minutes=2 ** (attempt - 1))


@task()
def send_submission_confirmation(submission_id: int, attempt: int = 1) -> None:
    """Email the applicant that their submission arrived. A failed send is tried again later, up to
    MAX_MAIL_ATTEMPTS times; the submission itself is never touched by a failure."""
    submission = Submission.objects.get(pk=submission_id)
    if submission.confirmation_sent_at or not submission.applicant_email:
        return
    try:
        submission_received_email(submission).send()
    except OSError as error:  # smtplib.SMTPException and connection errors are OSErrors
        if attempt >= MAX_MAIL_ATTEMPTS:
            logger.error("Confirmation for %s failed %s times, giving up: %s", submission, attempt, error)
            raise
        logger.warning("Confirmation for %s failed (attempt %s), retrying: %s", submission, attempt, error)
        send_submission_confirmation.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
            submission_id, attempt + 1
        )
        return
    Submission.objects.filter(pk=submission_id).update(confirmation_sent_at=timezone.now())
