"""Admin screens of the workflows app, built on Wagtail's viewsets and grouped under "Applications"."""

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.models import DecisionTemplate, NotificationText, Office, Programme, Submission
from workflows.selectors.access import user_sees_cases

from .case import CaseView, case_file
from .decisions import DecisionBatchView, case_decision, case_decision_preview
from .inbox import InboxView
from .office_forms import DecisionTemplateForm, OfficeOwnedForm
from .office_scope import OfficeScopedSnippetViewSet
from .programmes import DecisionTemplateFilterSet, ProgrammeEditView
from .report import ReportView
from .views import WorkflowOverviewView


class CaseViewSet(ModelViewSet):
    """The inbox and the case pages. Cases are never added, edited or deleted here: they change only through the
    workflow's steps on the case page (and the bulk action), so those are the only views."""

    model = Submission
    name = "cases"
    icon = "form"
    menu_label = _("Inbox")
    add_to_reference_index = False
    index_view_class = InboxView
    list_per_page = 50
    case_view_class = CaseView

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(case_url_name=self.get_url_name("case"), **kwargs)

    def get_permissions_to_register(self):
        return Permission.objects.none()  # who sees which case follows from the forms' roles, not from permissions

    def get_urlpatterns(self):
        case_view = self.case_view_class.as_view(
            index_url_name=self.get_url_name("index"), file_url_name=self.get_url_name("file")
        )
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", case_view, name="case"),
            path("<int:pk>/files/<uuid:file_id>/", case_file, name="file"),
            path("<int:pk>/decisions/<int:version>/", case_decision, name="decision"),
            path("<int:pk>/decisions/preview/", case_decision_preview, name="decision_preview"),
            path("decision-batches/<int:pk>/", DecisionBatchView.as_view(), name="decision_batch"),
        ]


class CaseWorkerMenuItem(MenuItem):
    """Shown to those who work on cases: superusers and members of groups playing a role for some form."""

    def is_shown(self, request):
        return user_sees_cases(request.user)


class ReportViewSet(ViewSet):
    name = "case-report"
    icon = "table"
    menu_label = _("Report")
    menu_item_class = CaseWorkerMenuItem

    def get_urlpatterns(self):
        return [path("", ReportView.as_view(), name="index")]


class ProgrammeViewSet(OfficeScopedSnippetViewSet):
    model = Programme
    icon = "euro"
    menu_label = _("Programmes")
    list_display = ["name", "year", "office", "budget", "reserved", "remaining", "reference_prefix"]
    list_filter = ["year"]
    search_fields = ["name"]
    form_class = OfficeOwnedForm
    edit_view_class = ProgrammeEditView


class NotificationTextViewSet(OfficeScopedSnippetViewSet):
    model = NotificationText
    icon = "mail"
    menu_label = _("Notification texts")
    list_display = ["step", "office", "subject", "locale"]
    list_filter = ["locale"]
    search_fields = ["subject", "body"]
    form_class = OfficeOwnedForm


class DecisionTemplateViewSet(OfficeScopedSnippetViewSet):
    model = DecisionTemplate
    icon = "doc-full"
    menu_label = _("Decision templates")
    list_display = ["kind", "programme", "locale"]
    filterset_class = DecisionTemplateFilterSet
    search_fields = ["subject", "operative_part"]
    form_class = DecisionTemplateForm


class OfficeViewSet(SnippetViewSet):
    """Which groups work for which office; administrators keep it (no group is given its permissions)."""

    model = Office
    icon = "group"
    menu_label = _("Offices")
    list_display = ["name"]
    menu_item_is_registered = True


class WorkflowOverviewViewSet(ViewSet):
    name = "approval-workflows"
    icon = "tasks"
    menu_label = _("Approval workflows")

    def get_urlpatterns(self):
        return [path("", WorkflowOverviewView.as_view(), name="index")]


class ApplicationsViewSetGroup(ViewSetGroup):
    menu_label = _("Applications")
    menu_icon = "form"
    menu_order = 300
    items = (
        CaseViewSet,
        ReportViewSet,
        ProgrammeViewSet,
        WorkflowOverviewViewSet,
        NotificationTextViewSet,
        DecisionTemplateViewSet,
        OfficeViewSet,
    )
