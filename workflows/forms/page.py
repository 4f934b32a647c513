"""The application form page: a Wagtail form page whose questions are blocks and whose submissions are cases."""

from django import forms
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent, ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.forms.models import FormMixin
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from workflows.definitions.registry import DEFAULT_WORKFLOW, workflow_choices

from .access import remember_submission, submissions_of_visitor
from .admin_form import FormPageAdminForm
from .blocks import FormFieldsBlock
from .builder import SubmissionFormBuilder
from .definitions import field_definitions
from .keys import key_from_label
from .ratelimit import request_too_large, submission_allowed

TOO_LARGE = _("Your submission is too large. Please send fewer or smaller files.")
TOO_MANY = _("We received many submissions from your network in a short time. Please try again in a few minutes.")


class ApplicationFormMixin(RoutablePageMixin, FormMixin):
    """Behaviour: build the form from the `fields` blocks, store valid answers as a case, confirm on a page of its
    own (so reloading it never submits twice).

    Override points: `form_builder`, `get_form_fields()`, `store_submission()`.
    """

    form_builder = SubmissionFormBuilder

    def get_form_fields(self):
        return field_definitions(self.fields)

    def store_submission(self, form, language):
        # Imported here: the services import the models package, which imports this page module.
        from workflows.services import submission_create

        return submission_create(
            page=self, cleaned_data=form.cleaned_data, language=language, definitions=form.definitions
        )

    def _render_form(self, request, form, status=200, error=None):
        context = self.get_context(request)
        context.update(form=form, form_error=error)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def _refusal(self, request, status, message):
        context = self.get_context(request)
        context.update(refusal=message)
        return TemplateResponse(request, "workflows/forms/form_refused.html", context, status=status)

    def closed_reason(self) -> str:
        """Why the form takes no submissions now, or "" while it does. The page above may close it: an event
        closes its registration form at its registration deadline."""
        parent = self.get_parent().specific
        closed_reason = getattr(parent, "registration_closed_reason", None)
        return closed_reason() if closed_reason else ""

    @path("")
    def form_view(self, request):
        if closed := self.closed_reason():
            context = {**self.get_context(request), "closed": closed, "parent": self.get_parent().specific}
            status = 403 if request.method == "POST" else 200
            return TemplateResponse(request, "workflows/forms/form_closed.html", context, status=status)
        if request.method != "POST":
            return self._render_form(request, self.get_form(page=self, user=request.user))
        if request_too_large(request):
            return self._refusal(request, 413, TOO_LARGE)
        try:
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        except (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent):
            return self._refusal(request, 413, TOO_LARGE)
        if form.is_spam:
            return HttpResponseRedirect(self.url + self.reverse_subpage("confirmation"))
        if not form.is_valid():
            return self._render_form(request, form, status=400)
        if not submission_allowed(request):
            return self._render_form(request, form, status=429, error=TOO_MANY)
        submission = self.store_submission(form, get_language())
        response = HttpResponseRedirect(self.url + self.reverse_subpage("confirmation"), status=303)
        remember_submission(request, response, submission.pk)
        return response

    @path("bestaetigung/", name="confirmation")
    def confirmation_view(self, request):
        from workflows.models import Submission  # see store_submission()

        submission = (
            Submission.objects.filter(pk__in=submissions_of_visitor(request), form_key=self.translation_key)
            .order_by("-pk")
            .first()
        )
        context = self.get_context(request)
        context["submission"] = submission
        return TemplateResponse(request, self.get_landing_page_template(request), context)

    def serve_preview(self, request, mode_name):
        if mode_name == "landing":
            return self.confirmation_view(request)
        return self._render_form(request, self.get_form(page=self, user=request.user))


class ApplicationFormFields(models.Model):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    fields = StreamField(FormFieldsBlock(), verbose_name=_("questions"), blank=True)
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Shown with the reference after a successful submission."),
    )
    office = models.ForeignKey(
        "workflows.Office",
        verbose_name=_("office"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="form_pages",
        help_text=_(
            "The office that runs this form: its notification texts word the applicants' emails. A form drawing on a "
            "programme belongs to the programme's office."
        ),
    )
    programme = models.ForeignKey(
        "workflows.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="form_pages",
        help_text=_("The programme whose budget this form's cases draw on; its prefix starts their references."),
    )
    reference_prefix = models.CharField(
        _("reference prefix"),
        max_length=8,
        default="ANT",
        help_text=_(
            "Letters before the year in this form's references, e.g. ANT-2026-00017. A form drawing on a programme "
            "takes the programme's prefix when it is saved."
        ),
        validators=[RegexValidator(r"^[A-Z]{2,8}$", _("Use 2 to 8 capital letters."))],
    )
    workflow = models.CharField(
        _("workflow"),
        max_length=32,
        choices=workflow_choices,
        default=DEFAULT_WORKFLOW,
        help_text=_("The approval process new cases of this form follow. Cases keep the workflow they started with."),
    )
    places = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("For registrations: how many can take part. Leave empty for no limit."),
    )

    class Meta:
        abstract = True


class FormPage(ApplicationFormMixin, ApplicationFormFields, Page):
    """An application form editors build from blocks, placeable under any section."""

    parent_page_types = ["cms.HomePage", "cms.ContentPage", "events.EventPage"]
    subpage_types = []
    template = "workflows/forms/form_page.html"
    landing_page_template = "workflows/forms/form_page_landing.html"

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("fields"), FieldPanel("thank_you_text")]
    form_settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("office"),
                # All programmes, whichever office runs them: editors set up the forms of every office.
                FieldPanel("programme", widget=forms.Select),
                FieldPanel("reference_prefix"),
            ],
            heading=_("Cases"),
        ),
        MultiFieldPanel(
            [
                HelpPanel(template="workflows/admin/workflow_settings_help.html"),
                FieldPanel("workflow"),
                InlinePanel("workflow_roles", heading=_("Roles"), label=_("role"), min_num=1),
                InlinePanel(
                    "state_deadlines", heading=_("Deadlines (days a case may rest in a state)"), label=_("deadline")
                ),
                FieldPanel("places"),
            ],
            heading=_("Workflow"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(form_settings_panels, heading=_("Form settings")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    base_form_class = FormPageAdminForm
    override_translatable_fields = [
        SynchronizedField("reference_prefix", overridable=False),
        SynchronizedField("office", overridable=False),
        SynchronizedField("programme", overridable=False),
        SynchronizedField("workflow", overridable=False),
        SynchronizedField("places", overridable=False),
        SynchronizedField("workflow_roles", overridable=False),
        SynchronizedField("state_deadlines", overridable=False),
    ]

    class Meta:
        verbose_name = _("application form")
        verbose_name_plural = _("application forms")

    def full_clean(self, *args, **kwargs):
        self.assign_missing_keys()
        self.take_programme_settings()
        super().full_clean(*args, **kwargs)

    def take_programme_settings(self):
        """A form drawing on a programme starts its references with the programme's prefix, and belongs to the
        programme's office unless one is chosen. Copied when the page is saved (a programme's prefix never changes
        once forms use it), so that a submission need not read them."""
        if self.programme_id:
            self.reference_prefix = self.programme.reference_prefix
            self.office_id = self.office_id or self.programme.office_id

    def assign_missing_keys(self):
        """Give new questions and choices a key made from their (German) label; existing keys never change."""
        taken = {child.value["key"] for child in self.fields if child.value.get("key")}
        for child in self.fields:
            if child.block_type in FormFieldsBlock.LAYOUT_BLOCKS:
                continue
            if not child.value["key"]:
                child.value["key"] = key_from_label(child.value["label"], taken)
                taken.add(child.value["key"])
            for option in child.value.get("choices") or []:
                if not option["value"]:
                    values = {other["value"] for other in child.value["choices"] if other["value"]}
                    option["value"] = key_from_label(option["label"], values)

    def clean(self):
        super().clean()
        keys = [d.key for d in field_definitions(self.fields)]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise ValidationError(_("Two questions share the key %(keys)s.") % {"keys": ", ".join(duplicates)})
