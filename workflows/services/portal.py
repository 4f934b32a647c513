"""What applicants do without an account: take their own steps on the status page (new links: services/emails.py)."""

from django.utils import translation

from workflows.models import AuditEntry, Submission
from workflows.selectors.access import applicant_actor, applicant_steps

from .refusals import CaseChanged, TransitionRefused
from .transitions import submission_transition


def applicant_step(*, case: Submission, name: str, seen_state: str, data, files) -> AuditEntry:
    """Take the applicant's step `name` with what they sent from the status page. `seen_state` is the state the page
    showed: if the case moved on meanwhile (e.g. the office withdrew its query), the step is refused with CaseChanged
    rather than taken on a case the applicant has not seen."""
    if seen_state != case.state:
        raise CaseChanged()
    if name not in {transition.name for transition in applicant_steps(case)}:
        raise TransitionRefused(translation.gettext("This step is not possible for your case now."))
    return submission_transition(submission=case, name=name, actor=applicant_actor(case), data=data, files=files)
