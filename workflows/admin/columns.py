"""Inbox columns that need more than a field: the state as a coloured badge with the overdue flag, money, the
applicant with the form, and the partner city by name with the applicant's language.

Columns are built per request: they hold what they read once for all rows (names in the reader's language,
deadlines)."""

from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.admin.ui.tables import Column

from cms.selectors import partner_city_choices
from workflows.definitions.states import STATE_TONES
from workflows.money import euros
from workflows.selectors.deadlines import is_overdue


class StateColumn(Column):
    """The state's label in the reader's language on a badge coloured by what the state means (see STATE_TONES),
    flagged when the case rests in it longer than its form allows."""

    cell_template_name = "workflows/admin/cells/state.html"

    def __init__(self, name, *, deadlines, **kwargs):
        super().__init__(name, **kwargs)
        self.deadlines = deadlines

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["label"] = instance.get_state_display()
        context["tone"] = STATE_TONES.get(instance.state, "working")
        context["overdue"] = is_overdue(instance, deadlines=self.deadlines)
        return context


class ApplicantColumn(Column):
    """Who applied, and through which form (named in the reader's language)."""

    cell_template_name = "workflows/admin/cells/two_lines.html"

    def __init__(self, name, *, form_titles, **kwargs):
        super().__init__(name, **kwargs)
        self.form_titles = form_titles

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["detail"] = self.form_titles.get(str(instance.form_key), instance.form_title)
        return context


class AmountColumn(Column):
    """The amount requested, and below it the amount approved once there is one."""

    cell_template_name = "workflows/admin/cells/money.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["value"] = euros(instance.amount_requested)
        if instance.amount_approved is not None:
            context["detail"] = _("approved %(amount)s") % {"amount": euros(instance.amount_approved)}
        return context


class PartnerCityColumn(Column):
    """The city's name in the reader's language (cases store the German page's slug), and the language the
    applicant wrote in."""

    cell_template_name = "workflows/admin/cells/two_lines.html"

    @cached_property
    def names(self):
        return dict(partner_city_choices(get_language()))

    def get_value(self, instance):
        return self.names.get(instance.partner_city, instance.partner_city)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["detail"] = translation.get_language_info(instance.language)["name_translated"]
        return context
