"""What applicants do without an account: take their own steps on the status page, and ask for their links again."""

from django.utils import translation

from workflows.models import AuditEntry, Submission
from workflows.notifications import status_links_email
from workflows.selectors.access import applicant_actor, applicant_steps

from .refusals import CaseChanged, TransitionRefused
from .transitions import submission_transition

#: At most this many links in one email; the newest cases first.
MAX_LINKS_PER_EMAIL = 50


def applicant_step(*, case: Submission, name: str, seen_state: str, data, files) -> AuditEntry:
    """Take the applicant's step `name` with what they sent from the status page. `seen_state` is the state the page
    showed: if the case moved on meanwhile (e.g. the office withdrew its query), the step is refused with CaseChanged
    rather than taken on a case the applicant has not seen."""
    if seen_state != case.state:
        raise CaseChanged()
    if name not in {transition.name for transition in applicant_steps(case)}:
        raise TransitionRefused(translation.gettext("This step is not possible for your case now."))
    return submission_transition(submission=case, name=name, actor=applicant_actor(case), data=data, files=files)


def status_links_send(*, address: str, language: str) -> bool:
    """Email new links to every case sent from `address` (the newest MAX_LINKS_PER_EMAIL), in `language`. Tells
    whether there were any; nobody else learns it, as the one who asked always reads the same answer."""
    cases = list(
        Submission.objects.filter(applicant_email__iexact=address.strip()).order_by("-created_at")[:MAX_LINKS_PER_EMAIL]
    )
    if not cases:
        return False
    status_links_email(cases[0].applicant_email, language, cases).send()
    return True
