"""Admin screens of programmes and their decision templates beyond what every office-scoped snippet has."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from workflows.definitions.decisions import DecisionKind
from workflows.models import DecisionTemplate, Programme
from workflows.models.programmes import BudgetBelowReserved

from .office_scope import EditView, scoped_objects


class ProgrammeEditView(EditView):
    def form_valid(self, form):
        """The form checked the budget against what was reserved when it was read; approvals that committed since
        are checked by the save, under the programme's row lock. Either way the editor reads the same error."""
        try:
            return super().form_valid(form)
        except BudgetBelowReserved as refusal:
            form.add_error(None, refusal)
            return self.form_invalid(form)


class DecisionTemplateFilterSet(WagtailFilterSet):
    """Filters of the decision templates' listing; the programmes offered are those the user may see."""

    kind = django_filters.ChoiceFilter(label=_("Kind of decision"), choices=DecisionKind.choices)
    programme = django_filters.ModelChoiceFilter(label=_("Programme"), queryset=Programme.objects.none())
    locale = django_filters.ChoiceFilter(
        label=_("Language"), field_name="locale__language_code", choices=settings.LANGUAGES
    )

    class Meta:
        model = DecisionTemplate
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.filters["programme"].queryset = scoped_objects(Programme, request.user, "view", "change")
