"""Decisions in the admin: the case page's list of versions, their PDFs, the draft preview before issuing, and the
progress of decisions issued together by a bulk step."""

import io

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflows.decisions.pdf import RenderingFailed
from workflows.downloads import private_file_response
from workflows.models import Decision, DecisionBatch
from workflows.models.decisions import MAX_VERSION
from workflows.selectors.access import MAX_CASE_ID, staff_actor, submission_list_for_user
from workflows.selectors.configuration import decision_kinds
from workflows.services import TransitionRefused
from workflows.services.decisions import decision_preview, decision_retry

from .case import visible_case

PDF = "application/pdf"


@xframe_options_sameorigin
def case_decision(request, pk, version):
    """One issued version of a case's decision, for staff who may see the case."""
    case = visible_case(request.user, pk)
    if not 0 < version <= MAX_VERSION:
        raise Http404
    decision = get_object_or_404(Decision, submission=case, version=version, status=Decision.Status.ISSUED)
    inline = request.GET.get("inline") == "1"
    return private_file_response(decision.file.open("rb"), decision.file_name, inline=inline, content_type=PDF)


@xframe_options_sameorigin
def case_decision_preview(request, pk):
    """The decision the case would get now, as a draft: of a kind its next step would issue or it already has;
    `lang` chooses the courtesy translation's language."""
    case = visible_case(request.user, pk)
    kind = request.GET.get("kind", "")
    if kind not in decision_kinds(case):
        raise Http404
    language = request.GET.get("lang") or None
    if language is not None and language not in dict(settings.LANGUAGES):
        raise Http404
    try:
        pdf = decision_preview(case=case, kind=kind, language=language, official=request.user.get_full_name())
    except RenderingFailed as error:
        messages.error(request, _("The preview could not be produced: %(reason)s") % {"reason": error})
        return redirect("cases:case", pk)
    return private_file_response(io.BytesIO(pdf), f"{case.reference}-draft.pdf", inline=True, content_type=PDF)


class DecisionBatchView(WagtailAdminTemplateMixin, TemplateView):
    """How far the worker has got with the decisions of one bulk step: x of n issued, the failures with their
    reasons, those pending for longer than a rendering may take, and another try for both. The page refreshes its
    progress by itself while decisions are pending."""

    template_name = "workflows/admin/decision_batch.html"
    header_icon = "doc-full"

    def dispatch(self, request, pk):
        if not 0 < pk <= MAX_CASE_ID:
            raise Http404
        batch = get_object_or_404(DecisionBatch, pk=pk)
        visible = submission_list_for_user(request.user).values("pk")
        self.decisions = list(
            batch.decisions.filter(submission__in=visible)
            .select_related("submission")
            .order_by("submission__reference")
        )
        if not self.decisions:
            raise Http404
        self.retryable = set(batch.decisions.retryable().values_list("pk", flat=True))
        self.batch = batch
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Decisions being issued")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("cases:index"), "label": _("Inbox")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_template_names(self):
        if self.request.GET.get("fragment") == "1":
            return ["workflows/admin/includes/decision_batch_progress.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        counts = {status: 0 for status in Decision.Status.values}
        for decision in self.decisions:
            counts[decision.status] += 1
        return super().get_context_data(
            decisions=self.decisions,
            total=len(self.decisions),
            issued=counts[Decision.Status.ISSUED],
            pending=counts[Decision.Status.PENDING],
            failed=[decision for decision in self.decisions if decision.status == Decision.Status.FAILED],
            stalled=[
                decision
                for decision in self.decisions
                if decision.status == Decision.Status.PENDING and decision.pk in self.retryable
            ],
            **kwargs,
        )

    def post(self, request, pk):
        """Retry every decision of the batch that failed or is pending for too long, where this user may issue."""
        retried = 0
        for decision in self.decisions:
            if decision.pk not in self.retryable:
                continue
            try:
                retried += decision_retry(decision=decision, actor=staff_actor(request.user, decision.submission))
            except TransitionRefused as refusal:
                messages.error(request, f"{decision.submission.reference}: {refusal.message}")
        if retried:
            messages.success(request, _("The worker tries %(count)d decisions again.") % {"count": retried})
        return redirect(request.path)
