"""Admin page that shows every workflow: its diagram and a table of its steps, who takes them and what they ask."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflows.definitions.forms import TransitionForm
from workflows.definitions.graph import STATE_LABELS
from workflows.definitions.registry import WORKFLOWS
from workflows.definitions.roles import Role

from .diagram import diagram


def _steps(case_class) -> list[dict]:
    steps = {}
    for transition in case_class.all_transitions():
        step = steps.setdefault(
            transition.name,
            {
                "label": transition.custom["label"],
                "sources": [],
                "target": STATE_LABELS[transition.target],
                "roles": [Role(role).label for role in case_class.transition_roles(transition)],
                "asks": [
                    field.label
                    for field in transition.custom.get("form", TransitionForm)(case=case_class()).fields.values()
                ],
                "public": bool(transition.custom.get("notify")),
                "four_eyes": case_class.four_eyes and transition.custom.get("decides", False),
            },
        )
        step["sources"].append(STATE_LABELS[transition.source])
    return list(steps.values())


class WorkflowOverviewView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Approval workflows")
    header_icon = "tasks"
    template_name = "workflows/admin/workflows.html"
    breadcrumbs_items = [*WagtailAdminTemplateMixin.breadcrumbs_items, {"url": "", "label": page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["workflows"] = [
            {"class": case_class, "diagram": diagram(case_class), "steps": _steps(case_class)}
            for case_class in WORKFLOWS.values()
        ]
        return context
