"""The reviewers' inbox: the cases one may see, filtered, searched, sorted, paged and exported."""

from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.generic import IndexView

from workflows.selectors.access import forms_for_user, submission_list_for_user
from workflows.selectors.deadlines import state_deadlines

from .columns import AmountColumn, ApplicantColumn, PartnerCityColumn, StateColumn
from .export import CaseExport, StreamedInReadersLanguage
from .filters import CaseFilterSet

#: Big columns the listing never shows; the export and the case page read them.
LISTING_DEFERS = ("answers", "search_text", "details")


class InboxView(StreamedInReadersLanguage, IndexView):
    page_title = _("Inbox")
    header_icon = "form"
    template_name = "workflows/admin/inbox.html"
    filterset_class = CaseFilterSet
    default_ordering = "-created_at"
    is_searchable = True
    search_fields = ["search_text"]
    export_filename = "applications"
    case_url_name = None  # set by the viewset

    @cached_property
    def forms_seen(self) -> list[tuple[str, str]]:
        return forms_for_user(self.request.user, get_language())

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "forms_seen": self.forms_seen}

    @cached_property
    def columns(self):
        deadlines = state_deadlines()
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="submission"),
            TitleColumn(
                "reference",
                label=_("Reference"),
                url_name=self.case_url_name,
                sort_key="reference",
                classname="case-reference",
                width="13%",
                get_title_id=lambda case: f"submission_{case.pk}_title",
            ),
            ApplicantColumn(
                "applicant_name",
                label=_("Applicant"),
                sort_key="applicant_name",
                form_titles=dict(self.forms_seen),
                width="17%",
            ),
            PartnerCityColumn("partner_city", label=_("Partner city"), sort_key="partner_city", width="13%"),
            StateColumn("state", label=_("State"), sort_key="state_changed_at", deadlines=deadlines, width="18%"),
            AmountColumn("amount_requested", label=_("Amount"), sort_key="amount_requested", width="12%"),
            DateColumn("created_at", label=_("Received"), sort_key="created_at"),
            UserColumn("assignee", label=_("Assignee"), width="11%"),
        ]

    def get_base_queryset(self):
        cases = submission_list_for_user(self.request.user).select_related("assignee__wagtail_userprofile", "programme")
        return cases if self.is_export else cases.defer(*LISTING_DEFERS)

    def search_queryset(self, queryset):
        """Reference, applicant's name and email, and the text of every answer, case-insensitively."""
        if not self.is_searching:
            return queryset
        return queryset.filter(search_text__contains=self.search_query.strip().lower())

    def get_queryset(self):
        # A stable order for paging and export: the newest case first among equals.
        return super().get_queryset().order_by(*self.ordering_with_tiebreak)

    @property
    def ordering_with_tiebreak(self):
        ordering = self.ordering or self.default_ordering
        return [ordering, "-pk" if ordering.startswith("-") else "pk"]

    def get(self, request, *args, **kwargs):
        if self.is_export:
            return self.as_spreadsheet(self.get_queryset(), request.GET["export"])
        return super().get(request, *args, **kwargs)

    # Wagtail's spreadsheet writer, fed with the case export's columns and rows.

    show_export_buttons = True

    @cached_property
    def export(self):
        return CaseExport(self.get_queryset())

    @property
    def list_export(self):
        return self.export.columns

    def get_heading(self, queryset, field):
        return self.export.heading(field)

    def stream_csv(self, queryset):
        return super().stream_csv(self.export.rows())

    def write_xlsx(self, queryset, output):
        super().write_xlsx(self.export.rows(), output)

    def to_row_dict(self, item):
        return item
