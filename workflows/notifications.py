"""Emails to applicants, written in the language they used."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from workflows.models import Submission


def submission_received_email(submission: Submission) -> EmailMessage:
    """The confirmation that a submission arrived, with its reference, in the submission's language."""
    with translation.override(submission.language):
        context = {"submission": submission}
        subject = render_to_string("workflows/emails/submission_received_subject.txt", context).strip()
        body = render_to_string("workflows/emails/submission_received.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[submission.applicant_email],
        headers={"Content-Language": submission.language, "Auto-Submitted": "auto-generated"},
    )
