"""Public views of the workflows app: applicants' files, served only to those allowed to see them, and decisions
behind the signed links emailed to applicants."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from workflows.decisions.delivery import decision_from_link
from workflows.downloads import private_file_response
from workflows.forms.access import submissions_of_visitor
from workflows.models import SubmissionFile
from workflows.selectors.access import submission_list_for_user


def can_view_submission(request, submission) -> bool:
    """The browser that submitted it, or staff who may see the case (reviewers use the admin's case page)."""
    if submission.pk in submissions_of_visitor(request):
        return True
    return submission_list_for_user(request.user).filter(pk=submission.pk).exists()


@never_cache
@require_GET
def submission_file(request, file_id):
    """Download an uploaded file. Anyone else gets the same 404 as for a file that does not exist."""
    record = SubmissionFile.objects.select_related("submission").filter(pk=file_id).first()
    if record is None or not can_view_submission(request, record.submission):
        raise Http404
    return private_file_response(record.file.open("rb"), record.original_name)


@never_cache
@require_GET
def decision_download(request, token):
    """An issued decision, for whoever holds the link from the applicant's email. A broken or expired link gets a
    page that says so and what to do."""
    decision = decision_from_link(token)
    if decision is None:
        context = {"link_days": settings.DECISION_LINK_DAYS}
        return render(request, "workflows/decisions/link_invalid.html", context, status=404)
    return private_file_response(decision.file.open("rb"), decision.file_name)
