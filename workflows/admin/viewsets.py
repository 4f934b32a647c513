"""Admin screens of the workflows app, built on Wagtail's viewsets and grouped under "Applications"."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.models import NotificationText, Programme

from .views import WorkflowOverviewView


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "euro"
    menu_label = _("Programmes")
    list_display = ["name", "year", "budget", "reserved", "remaining", "reference_prefix"]
    list_filter = ["year"]
    search_fields = ["name"]


class NotificationTextViewSet(SnippetViewSet):
    model = NotificationText
    icon = "mail"
    menu_label = _("Notification texts")
    list_display = ["step", "subject", "locale"]
    list_filter = ["locale"]
    search_fields = ["subject", "body"]


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
    items = (ProgrammeViewSet, WorkflowOverviewViewSet, NotificationTextViewSet)
