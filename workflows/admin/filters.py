"""The inbox filters. Every choice is limited to what the reviewer may see, and all of them live in the URL."""

import django_filters
from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from cms.selectors import partner_city_choices
from workflows.definitions.states import CaseState
from workflows.models import Programme, Submission
from workflows.selectors.access import forms_for_user
from workflows.selectors.deadlines import overdue_filter, state_deadlines


class CheckboxFilter(django_filters.BooleanFilter):
    """A tick that narrows the list when ticked; unticked, it filters nothing."""

    field_class = forms.BooleanField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, widget=forms.CheckboxInput, required=False, **kwargs)


class CaseFilterSet(WagtailFilterSet):
    form_key = django_filters.ChoiceFilter(label=_("Form"), empty_label=_("All forms"))
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"), queryset=Programme.objects.none(), empty_label=_("All programmes")
    )
    state = django_filters.MultipleChoiceFilter(
        label=_("State"), choices=CaseState.choices, widget=forms.CheckboxSelectMultiple, distinct=False
    )
    partner_city = django_filters.ChoiceFilter(label=_("Partner city"), empty_label=_("All partner cities"))
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All languages")
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Received between"), widget=DateRangePickerWidget)
    mine = CheckboxFilter(label=_("Assigned to me"), method="assigned_to_me")
    overdue = CheckboxFilter(label=_("Overdue"), method="only_overdue")

    class Meta:
        model = Submission
        fields = []

    def __init__(self, *args, request=None, forms_seen=None, **kwargs):
        """`forms_seen`: (key, title) of the forms whose cases the user sees, when the caller has read them."""
        super().__init__(*args, request=request, **kwargs)
        language = get_language()
        forms_seen = forms_for_user(request.user, language) if forms_seen is None else forms_seen
        self.filters["form_key"].extra["choices"] = forms_seen
        self.filters["programme"].queryset = Programme.objects.filter(
            form_pages__translation_key__in=[key for key, _title in forms_seen]
        ).distinct()
        self.filters["partner_city"].extra["choices"] = partner_city_choices(language)

    def assigned_to_me(self, queryset, name, value):
        return queryset.filter(assignee=self.request.user) if value else queryset

    def only_overdue(self, queryset, name, value):
        return queryset.filter(overdue_filter(state_deadlines())) if value else queryset
