"""The report: applications and money per partner city, programme and year, over the cases the reader may see."""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from cms.selectors import partner_city_choices
from workflows.selectors.access import submission_list_for_user, user_sees_cases
from workflows.selectors.reports import REPORT_GROUPINGS, case_totals

from .charts import Series, grouped_bars
from .export import StreamedInReadersLanguage

GROUPING_LABELS = {
    "partner_city": _("Per partner city"),
    "programme": _("Per programme"),
    "year": _("Per year"),
}
GROUP_HEADINGS = {"partner_city": _("Partner city"), "programme": _("Programme"), "year": _("Year")}
SERIES = [
    Series("requested", _("Requested"), "#5c6b7a"),
    Series("approved", _("Approved"), "#1d6fa5"),
    Series("paid", _("Paid"), "#1b7a3e"),
]


class ReportView(StreamedInReadersLanguage, SpreadsheetExportMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Report")
    header_icon = "table"
    template_name = "workflows/admin/report.html"
    list_export = ["group", "count", "requested", "approved", "paid"]
    export_headings = {
        "count": _("Applications"),
        "requested": _("Requested (€)"),
        "approved": _("Approved (€)"),
        "paid": _("Paid (€)"),
    }
    breadcrumbs_items = [*WagtailAdminTemplateMixin.breadcrumbs_items, {"url": "", "label": page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not user_sees_cases(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def grouping(self) -> str:
        by = self.request.GET.get("by")
        return by if by in REPORT_GROUPINGS else REPORT_GROUPINGS[0]

    @cached_property
    def years(self) -> list[int]:
        """The years in which cases arrived, newest first: the choices of the year filter."""
        return sorted({moment.year for moment in self.cases.dates("created_at", "year")}, reverse=True)

    @cached_property
    def year(self) -> int | None:
        chosen = self.request.GET.get("year", "")
        if self.grouping == "year" or not chosen.isdigit():
            return None
        return next((year for year in self.years if str(year) == chosen), None)

    @cached_property
    def cases(self):
        return submission_list_for_user(self.request.user)

    @cached_property
    def rows(self) -> list[dict]:
        cases = self.cases.filter(created_at__year=self.year) if self.year else self.cases
        names = dict(partner_city_choices(get_language()))
        rows = case_totals(cases, self.grouping)
        for row in rows:
            row["group"] = self.group_label(row["key"], names)
        return rows

    def group_label(self, key, city_names) -> str:
        if key in (None, ""):
            return str(_("none"))
        if self.grouping == "partner_city":
            return city_names.get(key, key)
        return str(key)

    def get_filename(self):
        return f"report-{self.grouping}"

    def get_heading_for_group(self) -> str:
        return str(GROUP_HEADINGS[self.grouping])

    def get_heading(self, queryset, field):
        return self.get_heading_for_group() if field == "group" else super().get_heading(queryset, field)

    def get(self, request, *args, **kwargs):
        if self.is_export:
            return self.as_spreadsheet(self.rows, request.GET["export"])
        return super().get(request, *args, **kwargs)

    def to_row_dict(self, item):
        return {field: item[field] for field in self.list_export}

    def get_context_data(self, **kwargs):
        totals = {s.key: sum((row[s.key] for row in self.rows), 0) for s in SERIES}
        return super().get_context_data(
            groupings=[(key, label, key == self.grouping) for key, label in GROUPING_LABELS.items()],
            grouping=self.grouping,
            year=self.year,
            years=self.years,
            rows=self.rows,
            count=sum(row["count"] for row in self.rows),
            totals=totals,
            chart=grouped_bars(self.rows, SERIES, lambda row: row["group"]),
            **kwargs,
        )
