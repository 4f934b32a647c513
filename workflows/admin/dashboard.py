"""Panels on the admin's home page for everyone who works on cases: their open cases, what is overdue, and how
many cases rest in each state."""

from django.db.models import Count
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from workflows.definitions.registry import FINAL_STATES
from workflows.definitions.states import STATE_TONES, CaseState
from workflows.selectors.access import forms_for_user, submission_list_for_user
from workflows.selectors.deadlines import is_overdue, overdue_filter, state_deadlines

from .inbox import LISTING_DEFERS

LISTED = 8


def _inbox_url(**filters) -> str:
    return reverse("cases:index") + ("?" + urlencode(filters, doseq=True) if filters else "")


class CaseListPanel(Component):
    """A short list of cases with a link to the full, filtered inbox."""

    template_name = "workflows/admin/panels/case_list.html"
    panel_id = heading = empty_text = ""
    inbox_filters = {}

    def __init__(self, user):
        self.user = user

    def cases(self, visible, deadlines):
        """The panel's cases among those the user may see."""
        raise NotImplementedError

    def get_context_data(self, parent_context):
        deadlines = state_deadlines()
        cases = list(
            self.cases(submission_list_for_user(self.user), deadlines)
            .defer(*LISTING_DEFERS)
            .order_by("state_changed_at", "pk")[: LISTED + 1]
        )
        form_titles = dict(forms_for_user(self.user, get_language())) if cases else {}
        return {
            "panel_id": self.panel_id,
            "heading": self.heading,
            "empty_text": self.empty_text,
            "cases": [
                {
                    "case": case,
                    "form_title": form_titles.get(str(case.form_key), case.form_title),
                    "tone": STATE_TONES.get(case.state),
                    "overdue": is_overdue(case, deadlines=deadlines),
                }
                for case in cases[:LISTED]
            ],
            "more": len(cases) > LISTED,
            "inbox_url": _inbox_url(**self.inbox_filters),
        }


class MyOpenCasesPanel(CaseListPanel):
    order = 50
    panel_id = "my-open-cases"
    heading = _("My open cases")
    empty_text = _("No open case is assigned to you.")
    inbox_filters = {"mine": "on"}

    def cases(self, visible, deadlines):
        return visible.filter(assignee=self.user).exclude(state__in=FINAL_STATES)


class OverdueCasesPanel(CaseListPanel):
    order = 60
    panel_id = "overdue-cases"
    heading = _("Overdue cases")
    empty_text = _("No case is overdue.")
    inbox_filters = {"overdue": "on"}

    def cases(self, visible, deadlines):
        return visible.filter(overdue_filter(deadlines))


class CasesByStatePanel(Component):
    order = 70
    template_name = "workflows/admin/panels/cases_by_state.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        counts = dict(submission_list_for_user(self.user).order_by().values_list("state").annotate(count=Count("pk")))
        return {
            "states": [
                {
                    "label": state.label,
                    "tone": STATE_TONES.get(state),
                    "count": counts[state],
                    "url": _inbox_url(state=state.value),
                }
                for state in CaseState
                if counts.get(state)
            ],
            "total": sum(counts.values()),
            "inbox_url": _inbox_url(),
        }
