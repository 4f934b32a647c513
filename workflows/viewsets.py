"""Admin screens of the workflows app, built on Wagtail's viewsets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.models import Programme


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "euro"
    menu_label = _("Programmes")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "year", "budget", "reserved", "remaining", "reference_prefix"]
    list_filter = ["year"]
    search_fields = ["name"]
