"""Sending what notifications.py writes: the emails about a step of a case, once each, retried after a failure;
and new status links to an applicant who lost theirs. The status links these emails carry are issued here."""

import logging
from datetime import timedelta

from django.utils import timezone

from workflows.definitions import events
from workflows.models import AuditEntry, CaseEmail, StatusLink, Submission
from workflows.notifications import case_emails, status_links_email
from workflows.portal.links import status_url
from workflows.tasks import send_case_emails

logger = logging.getLogger(__name__)

MAX_MAIL_ATTEMPTS = 6

#: At most this many links in one email; the newest cases first.
MAX_LINKS_PER_EMAIL = 50


def retry_delay(attempt: int) -> timedelta:
    """Back off 1, 2, 4, 8, 16 minutes between attempts."""
    return timedelta(minutes=2 ** (attempt - 1))


def status_link_issue(*, case: Submission) -> str:
    """A new link to the case's status page, in the case's language. Only its hash is stored, so each email that
    carries a link issues its own (an email sent again after a failure carries another valid link)."""
    return status_url(StatusLink.objects.issue(case), case.language)


def _status_link_for(entry: AuditEntry) -> str:
    """The link for the email about `entry`: a new one when the email confirms the case or renews its link, and for
    the first email of a case that has none yet (e.g. a registration's confirmation); "" for all other emails."""
    case = entry.submission
    if entry.transition in (events.SUBMIT, events.LINK_RENEWED) or not case.status_links.exists():
        return status_link_issue(case=case)
    return ""


def case_emails_send(*, entry_id: int, attempt: int = 1) -> None:
    """Send the emails about one step of a case (audit entry `entry_id`). A failed send is tried again later, up to
    MAX_MAIL_ATTEMPTS times, skipping recipients who already got theirs; the case itself is never touched."""
    entry = AuditEntry.objects.select_related("submission").get(pk=entry_id)
    already_sent = set(CaseEmail.objects.filter(audit_entry=entry).values_list("recipient", flat=True))
    failure = None
    for audience, email in case_emails(entry, status_link=lambda: _status_link_for(entry)):
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


def status_links_send(*, address: str, language: str) -> bool:
    """Email new links to every case sent from `address` (the newest MAX_LINKS_PER_EMAIL), in `language`. Tells
    whether there were any; nobody else learns it, as the one who asked always reads the same answer."""
    cases = list(
        Submission.objects.filter(applicant_email__iexact=address.strip()).order_by("-created_at")[:MAX_LINKS_PER_EMAIL]
    )
    if not cases:
        return False
    links = [(case, status_link_issue(case=case)) for case in cases]
    status_links_email(cases[0].applicant_email, language, links).send()
    return True
