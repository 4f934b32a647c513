"""Emails about cases: to the applicant on public steps, in the case's language, and to the staff whose role must
act next, in each one's admin language. This module writes them; services/emails.py sends them."""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from workflows import money
from workflows.decisions.delivery import attach_to_email, decision_link
from workflows.definitions import events
from workflows.definitions.messages import fill_placeholders
from workflows.definitions.roles import STAFF_ROLES
from workflows.models import AuditEntry, CaseEmail, Decision, Submission
from workflows.portal.links import lost_link_url
from workflows.selectors.access import users_playing
from workflows.selectors.configuration import notification_text

HEADERS = {"Auto-Submitted": "auto-generated"}


def _amount_of(case, entry: AuditEntry) -> str:
    """The amount a step is about: the one entered with it (approval, repayment), else the approved or requested."""
    amount = (
        entry.data.get("amount_repayable") or entry.data.get("amount") or case.amount_approved or case.amount_requested
    )
    return money.amount(amount)


def _wording(case, step: str, default) -> tuple[str, str]:
    """The editor's text for this workflow step in the case's language, or the default text."""
    office_id = case.form_settings.office_id if case.form_settings else None
    custom = notification_text(f"{case.workflow}.{step}", office_id, case.language)
    return (custom.subject, custom.body) if custom else (str(default.subject), str(default.body))


def applicant_email(entry: AuditEntry, *, status_link: Callable[[], str]) -> EmailMessage | None:
    """The email telling the applicant about a public step, or None when the step is internal. `status_link` gives
    the link to the status page the email carries ("" for none); it is asked only for an email that is written."""
    case = entry.submission
    step = case.public_steps().get(entry.transition)
    if step is None or not case.applicant_email:
        return None
    _label, default = step
    decision = entry.decisions.filter(status=Decision.Status.ISSUED).first()  # for steps that issue one
    with translation.override(case.language):
        subject, body = _wording(case, entry.transition, default)
        values = {
            "reference": case.reference,
            "applicant": case.applicant_name,
            "form": case.form_title,
            "amount": _amount_of(case, entry),
            "comment": entry.comment,
        }
        attach = decision is not None and attach_to_email(decision)
        text = render_to_string(
            "workflows/emails/applicant.txt",
            {
                "body": fill_placeholders(body, values),
                "decision_link": decision_link(decision) if decision else "",
                "link_days": settings.DECISION_LINK_DAYS,
                "attached": attach,
                "status_link": status_link(),
                "lost_link": lost_link_url(case.language),
            },
        )
    email = EmailMessage(
        subject=" ".join(fill_placeholders(subject, values).split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[case.applicant_email],
        headers={**HEADERS, "Content-Language": case.language},
    )
    if attach:
        with decision.file.open("rb") as pdf:
            email.attach(decision.file_name, pdf.read(), "application/pdf")
    return email


def _staff_to_tell(case, entry: AuditEntry):
    """Who hears of a step: the new assignee of an assignment; for a state change, every member of the roles that
    must act next, except whoever took the step. Messages to the applicant tell no staff."""
    if entry.transition == events.ASSIGN:
        return get_user_model().objects.filter(pk=entry.data.get("assignee_id"), is_active=True).exclude(email="")
    if entry.transition == events.MESSAGE:
        return get_user_model().objects.none()
    roles = case.roles_acting_in(entry.target) & set(STAFF_ROLES)
    users = users_playing(roles, case.form_key).exclude(email="") if roles else get_user_model().objects.none()
    return users.exclude(pk=entry.actor_id) if entry.actor_id else users


def staff_emails(entry: AuditEntry) -> list[EmailMessage]:
    """Emails to the staff who must act on the case now, each in their admin language, linking to the case."""
    case = entry.submission
    users = _staff_to_tell(case, entry).select_related("wagtail_userprofile")
    case_url = settings.WAGTAILADMIN_BASE_URL + reverse("cases:case", args=[case.pk])
    emails = []
    for user in users:
        profile = getattr(user, "wagtail_userprofile", None)
        language = (profile and profile.preferred_language) or settings.LANGUAGE_CODE
        with translation.override(language):
            context = {
                "case": case,
                "entry": entry,
                "user": user,
                "state": case.get_state_display(),
                "assigned": entry.transition == events.ASSIGN,
                "case_url": case_url,
            }
            subject = render_to_string("workflows/emails/staff_subject.txt", context)
            body = render_to_string("workflows/emails/staff.txt", context)
        emails.append(
            EmailMessage(
                subject=" ".join(subject.split()),
                body=body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[user.email],
                headers={**HEADERS, "Content-Language": language},
            )
        )
    return emails


def case_emails(entry: AuditEntry, *, status_link: Callable[[], str]) -> list[tuple[str, EmailMessage]]:
    """(audience, email) for everyone to be told about this step; `status_link` as for applicant_email()."""
    applicant = applicant_email(entry, status_link=status_link)
    emails = [(CaseEmail.Audience.APPLICANT, applicant)] if applicant else []
    return emails + [(CaseEmail.Audience.STAFF, email) for email in staff_emails(entry)]


def status_links_email(address: str, language: str, links: list[tuple[Submission, str]]) -> EmailMessage:
    """One email with a new status link for each case of `links` ((case, link)), all sent by `address`, in
    `language`."""
    with translation.override(language):
        links = [{"case": case, "url": url, "form": case.form_title} for case, url in links]
        subject = render_to_string("workflows/emails/status_links_subject.txt", {"count": len(links)})
        body = render_to_string("workflows/emails/status_links.txt", {"links": links})
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        headers={**HEADERS, "Content-Language": language},
    )
