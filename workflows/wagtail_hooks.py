from wagtail import hooks

from workflows.admin.viewsets import ApplicationsViewSetGroup


@hooks.register("register_admin_viewset")
def register_applications_menu():
    return ApplicationsViewSetGroup()


@hooks.register("construct_main_menu")
def hide_wagtail_form_submissions(request, menu_items):
    """Our submissions are cases with their own inbox; Wagtail's generic form-submission listing would not fit."""
    menu_items[:] = [item for item in menu_items if item.name != "forms"]
