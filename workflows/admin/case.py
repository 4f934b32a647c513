"""The case page: everything about one case, and the work a reviewer does on it.

Every change goes through a service (transitions, assignment, messages, notes); this view only reads the request,
calls the service and shows what happened. A case the user may not see is a 404, as if it did not exist.
"""

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflows.definitions.decisions import DecisionKind
from workflows.definitions.forms import MAX_TEXT, step_form
from workflows.definitions.roles import STAFF_ROLES
from workflows.definitions.states import STATE_TONES, CaseState
from workflows.downloads import private_file_response
from workflows.forms.display import AnswerReader
from workflows.forms.uploads import FILE_KINDS
from workflows.models import Decision, StatusLink, SubmissionFile
from workflows.models.notes import MAX_NOTE
from workflows.selectors.access import (
    MAX_CASE_ID,
    available_steps,
    issuing_roles,
    staff_actor,
    submission_list_for_user,
    transition_of,
    users_playing,
)
from workflows.selectors.configuration import decision_kinds
from workflows.selectors.deadlines import is_overdue
from workflows.selectors.forms import form_title
from workflows.selectors.timelines import staff_timeline
from workflows.services import TransitionRefused, submission_transition
from workflows.services.casework import (
    applicant_message,
    decision_correct,
    note_add,
    status_link_renew,
    submission_assign,
)
from workflows.services.decisions import decision_retry
from workflows.services.transitions import CaseChanged

PREVIEWABLE = {"pdf", "jpeg", "png"}


def visible_case(user, pk):
    """The case `pk` as its workflow's class, or 404 when it does not exist or `user` may not see it."""
    if not 0 < pk <= MAX_CASE_ID:
        raise Http404
    return get_object_or_404(submission_list_for_user(user).select_related("programme", "assignee"), pk=pk)


def _text(label, limit: int, rows: int, help_text) -> forms.CharField:
    return forms.CharField(
        label=label, max_length=limit, widget=forms.Textarea(attrs={"rows": rows}), help_text=help_text
    )


class NoteForm(forms.Form):
    text = _text(
        gettext_lazy("Internal note"),
        MAX_NOTE,
        3,
        gettext_lazy("Only staff read notes; the applicant never sees them."),
    )


class MessageToApplicantForm(forms.Form):
    text = _text(
        gettext_lazy("Message to the applicant"),
        MAX_TEXT,
        4,
        gettext_lazy("Sent by email in the applicant's language and kept in the case's history."),
    )


class CorrectionForm(forms.Form):
    reason = _text(
        gettext_lazy("What does the correction change?"),
        MAX_TEXT,
        3,
        gettext_lazy("Told to the applicant with the corrected decision, and kept in the case's history."),
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=gettext_lazy("Assign to"), queryset=None, required=False, empty_label=gettext_lazy("Nobody")
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = users_playing(STAFF_ROLES, case.form_key).order_by("first_name", "last_name")
        self.fields["assignee"].label_from_instance = lambda user: user.get_full_name() or user.get_username()
        self.fields["assignee"].initial = case.assignee_id


class CaseView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "workflows/admin/case.html"
    header_icon = "form"
    index_url_name = None
    file_url_name = None

    def dispatch(self, request, pk):
        self.case = visible_case(request.user, pk)
        self.actor = staff_actor(request.user, self.case)
        self.bound_forms = {}
        return super().dispatch(request, pk)

    def get_page_title(self):
        return self.case.reference

    def get_page_subtitle(self):
        return self.form_title

    @cached_property
    def form_title(self) -> str:
        return form_title(self.case.form_key, get_language()) or self.case.form_title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Inbox")},
            {"url": "", "label": self.case.reference, "sublabel": self.form_title},
        ]

    # Reading

    @cached_property
    def reader(self) -> AnswerReader:
        """Reads answers, options and partner cities in the reader's language."""
        return AnswerReader(get_language())

    @cached_property
    def steps(self) -> list[dict]:
        steps = []
        for transition in available_steps(self.case, self.actor):
            form = self.bound_forms.get(transition.name) or step_form(self.case, transition)
            steps.append(
                {
                    "name": transition.name,
                    "label": transition.custom["label"],
                    "target": CaseState(transition.target).label,
                    "form": form,
                    "open": transition.name in self.bound_forms,
                }
            )
        return steps

    def answers(self) -> list[dict]:
        """Every question with the answer, labelled in the reader's language, with the applicant's own label where
        it reads otherwise; files with their records for preview and download."""
        reader, applicants_reader = self.reader, AnswerReader(self.case.language)
        files = {}
        for record in self.case.files.order_by("original_name"):
            files.setdefault(record.field_key, []).append(record)
        rows = []
        for field in self.case.definition.fields:
            label = reader.label(field)
            original = applicants_reader.label(field)
            value = self.case.answers.get(field["key"])
            rows.append(
                {
                    "label": label,
                    "original_label": original if original != label else "",
                    "value": reader.display(field, value),
                    "files": [self.file_context(record) for record in files.get(field["key"], [])],
                    "is_long": field["type"] == "multiline",
                }
            )
        return rows

    def file_context(self, record: SubmissionFile) -> dict:
        url = reverse(self.file_url_name, args=[self.case.pk, record.pk])
        return {
            "name": record.original_name,
            "size": record.size,
            "kind": FILE_KINDS[record.kind].label if record.kind in FILE_KINDS else "",
            "url": url,
            "preview": f"{url}?inline=1" if record.kind in PREVIEWABLE else "",
            "is_image": record.kind in ("jpeg", "png"),
        }

    def decisions(self) -> list[dict]:
        """Every version of the case's decision, newest first, with its PDF's address once issued, and whether the
        worker may be asked to produce it again."""
        versions = Decision.objects.filter(submission=self.case)
        retryable = set(versions.retryable().values_list("pk", flat=True))
        rows = []
        for decision in versions.order_by("-version"):
            url = reverse("cases:decision", args=[self.case.pk, decision.version])
            issued = decision.status == Decision.Status.ISSUED
            rows.append(
                {
                    "decision": decision,
                    "url": url if issued else "",
                    "preview": f"{url}?inline=1" if issued else "",
                    "retryable": decision.pk in retryable,
                }
            )
        return rows

    def status_links(self) -> dict:
        active = StatusLink.objects.active().filter(submission_id=self.case.pk)
        return {
            "active": active.count(),
            "latest": active.order_by("-created_at").values_list("created_at", flat=True).first(),
        }

    def get_context_data(self, **kwargs):
        case = self.case
        is_staff = bool(self.actor.roles & set(STAFF_ROLES))
        answers = self.answers()
        return super().get_context_data(
            case=case,
            state_tone=STATE_TONES.get(case.state, "working"),
            overdue=is_overdue(case),
            answers=answers,
            shows_original_labels=any(answer["original_label"] for answer in answers),
            timeline=staff_timeline(case),
            steps=self.steps,
            is_staff=is_staff,
            assign_form=self.bound_forms.get("assign") or AssignForm(case=case),
            note_form=self.bound_forms.get("note") or NoteForm(),
            message_form=self.bound_forms.get("message") or MessageToApplicantForm(),
            programme=case.programme,
            decisions=self.decisions(),
            decision_previews=[
                {
                    "label": DecisionKind(kind).label,
                    "url": reverse("cases:decision_preview", args=[case.pk]) + f"?kind={kind}",
                }
                for kind in decision_kinds(case)
            ],
            issues_decisions=bool(self.actor.roles & issuing_roles(case)),
            correction_form=self.bound_forms.get("correct_decision") or CorrectionForm(),
            status_links=self.status_links(),
            form_title=self.form_title,
            partner_city=self.reader.city_names.get(case.partner_city, case.partner_city),
            **kwargs,
        )

    # Working

    def post(self, request, pk):
        handlers = {
            "step": self.take_step,
            "assign": self.assign,
            "take": self.take,
            "message": self.send_message,
            "note": self.add_note,
            "correct_decision": self.correct_decision,
            "retry_decision": self.retry_decision,
            "renew_link": self.renew_link,
        }
        handler = handlers.get(request.POST.get("action"))
        if handler is None:
            messages.error(request, _("This action is unknown. Please reload the page and try again."))
            return redirect(request.path)
        try:
            success = handler(request.POST)
        except TransitionRefused as refusal:
            messages.error(request, refusal.message)
            self.case = visible_case(request.user, pk)  # as stored: a refused step may have changed the copy in hand
            if self.bound_forms:  # show the form again with what was typed and what is wrong
                return self.render_to_response(self.get_context_data(), status=422)
            return redirect(request.path)
        if success is None:
            return self.render_to_response(self.get_context_data(), status=422)
        messages.success(request, success)
        return redirect(request.path)

    def _valid(self, key, form):
        """The form's cleaned data, or None after keeping the form to be shown again with its errors."""
        if form.is_valid():
            return form.cleaned_data
        self.bound_forms[key] = form
        messages.error(self.request, _("Please correct the errors below."))
        return None

    def take_step(self, data):
        name = data.get("step", "")
        if data.get("state") != self.case.state:
            raise CaseChanged()
        transition = transition_of(self.case, name)
        if transition is not None:  # shown again with the errors if the service refuses the data
            self.bound_forms[name] = step_form(self.case, transition, data)
        submission_transition(submission=self.case, name=name, actor=self.actor, data=data)
        case = type(self.case).objects.get(pk=self.case.pk)
        return _("“%(step)s” done: the case is now “%(state)s”.") % {
            "step": transition.custom["label"],
            "state": case.get_state_display(),
        }

    def assign(self, data):
        cleaned = self._valid("assign", AssignForm(data, case=self.case))
        if cleaned is None:
            return None
        assignee = cleaned["assignee"]
        submission_assign(case=self.case, assignee=assignee, actor=self.actor)
        if assignee is None:
            return _("Nobody is assigned to the case now.")
        return _("The case is assigned to %(name)s.") % {"name": assignee.get_full_name() or assignee.get_username()}

    def take(self, data):
        submission_assign(case=self.case, assignee=self.request.user, actor=self.actor)
        return _("You have taken the case.")

    def send_message(self, data):
        cleaned = self._valid("message", MessageToApplicantForm(data))
        if cleaned is None:
            return None
        applicant_message(case=self.case, actor=self.actor, text=cleaned["text"])
        return _("Your message is on its way to the applicant.")

    def add_note(self, data):
        cleaned = self._valid("note", NoteForm(data))
        if cleaned is None:
            return None
        note_add(case=self.case, actor=self.actor, text=cleaned["text"])
        return _("Your note has been added.")

    def correct_decision(self, data):
        cleaned = self._valid("correct_decision", CorrectionForm(data))
        if cleaned is None:
            return None
        decision = decision_correct(case=self.case, actor=self.actor, reason=cleaned["reason"])
        return _("Version %(version)d of the decision is being produced; the applicant gets it by email.") % {
            "version": decision.version
        }

    def retry_decision(self, data):
        decision = Decision.objects.filter(submission=self.case, pk=_int(data.get("decision"))).first()
        if decision is None or not decision_retry(decision=decision, actor=self.actor):
            raise TransitionRefused(_("This decision is not waiting for another try."))
        return _("The decision is being produced again.")

    def renew_link(self, data):
        status_link_renew(case=self.case, actor=self.actor)
        return _("All earlier links are revoked; a new one is on its way to the applicant.")


def _int(value) -> int:
    return int(value) if str(value).isdigit() and int(value) <= MAX_CASE_ID else 0


@xframe_options_sameorigin
def case_file(request, pk, file_id):
    """An applicant's file, for staff who may see the case: inline (PDF and images, for the preview) or as a
    download. Anything else is the same 404 as a file that does not exist."""
    case = visible_case(request.user, pk)
    record = SubmissionFile.objects.filter(submission=case, pk=file_id).first()
    if record is None:
        raise Http404
    inline = request.GET.get("inline") == "1" and record.kind in PREVIEWABLE
    content_type = FILE_KINDS[record.kind].mime if inline else "application/octet-stream"
    return private_file_response(record.file.open("rb"), record.original_name, inline=inline, content_type=content_type)
