from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from workflows.admin.bulk import StepBulkAction
from workflows.admin.dashboard import CasesByStatePanel, MyOpenCasesPanel, OverdueCasesPanel
from workflows.admin.office_scope import ScopedDeleteBulkAction, register_office_scope
from workflows.admin.permissions import CasePermissionPolicy
from workflows.admin.translation_scope import translation_urls_in_office_scope
from workflows.admin.viewsets import ApplicationsViewSetGroup
from workflows.models import DecisionTemplate, NotificationText, Programme, Submission
from workflows.selectors.access import user_sees_cases

register_permission_policy(Submission, CasePermissionPolicy(Submission))
register_office_scope(Programme, office_path="office")
register_office_scope(NotificationText, office_path="office")
register_office_scope(DecisionTemplate, office_path="programme__office")


@hooks.register("register_admin_viewset")
def register_applications_menu():
    return ApplicationsViewSetGroup()


hooks.register("register_bulk_action", StepBulkAction)
# After Wagtail's own bulk delete of snippets (registered by an app listed after ours), which it replaces for them.
hooks.register("register_bulk_action", ScopedDeleteBulkAction, order=1)
# Before wagtail-localize's own URLs, which would otherwise answer first for the same addresses.
hooks.register("register_admin_urls", translation_urls_in_office_scope, order=-1)


@hooks.register("insert_global_admin_css")
def case_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("workflows/admin.css"))


@hooks.register("construct_homepage_panels")
def add_case_panels(request, panels):
    """Reviewers start their day with their open cases, what is overdue and how many cases rest in each state."""
    if user_sees_cases(request.user):
        panels[:0] = [MyOpenCasesPanel(request.user), OverdueCasesPanel(request.user), CasesByStatePanel(request.user)]


@hooks.register("construct_main_menu")
def hide_wagtail_form_submissions(request, menu_items):
    """Our submissions are cases with their own inbox; Wagtail's generic form-submission listing would not fit."""
    menu_items[:] = [item for item in menu_items if item.name != "forms"]
