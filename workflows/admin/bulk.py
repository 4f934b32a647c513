"""Taking one step on many cases at once: the reviewer picks a step every selected case allows them, fills in its
form once, and gets a report of what happened to each case. Each case goes through the transition service on its
own, so one refusal never stops or undoes the others."""

from django import forms
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.bulk_action import BulkAction

from workflows.definitions.forms import TransitionForm
from workflows.models import Decision, Submission
from workflows.selectors.access import MAX_CASE_ID, available_steps, staff_actor, submission_list_for_user
from workflows.services import TransitionRefused, submission_transition
from workflows.services.decisions import decision_batch_create

#: Selections are made on one page of the inbox.
MAX_CASES = 100


class StepChoiceForm(forms.Form):
    step = forms.ChoiceField(label=gettext_lazy("Step"))

    def __init__(self, *args, steps, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = [(name, label) for name, (label, _form_class) in steps.items()]


class StepBulkAction(BulkAction):
    display_name = gettext_lazy("Take a step")
    action_type = "step"
    aria_label = gettext_lazy("Take a workflow step on the selected cases")
    template_name = "workflows/admin/bulk_step.html"
    models = [Submission]
    action_priority = 10

    @cached_property
    def cases(self) -> list:
        """The selected cases the user may see, oldest first (first come, first served when money runs out)."""
        ids = [int(value) for value in self.request.GET.getlist("id") if value.isdigit()]
        ids = [pk for pk in ids if pk <= MAX_CASE_ID][:MAX_CASES]
        visible = submission_list_for_user(self.request.user).filter(pk__in=ids).order_by("created_at", "pk")
        cases = list(visible)
        if not cases:
            raise Http404
        return cases

    def __init__(self, request, model):
        super().__init__(request, model)
        self._actors = {}  # form key → the user's roles for that form's cases

    def actor_for(self, case):
        """The roles the user plays for the case; they follow from its form, so they are read once per form."""
        if case.form_key not in self._actors:
            self._actors[case.form_key] = staff_actor(self.request.user, case)
        return self._actors[case.form_key]

    def get_actionable_objects(self):
        return self.cases, {"items_with_no_access": []}

    @cached_property
    def common_steps(self) -> dict:
        """{name: (label, form class)} of the steps the user may take on every selected case now."""
        per_case = [
            {t.name: (t.custom["label"], t.custom.get("form", TransitionForm)) for t in available_steps(case, actor)}
            for case, actor in ((case, self.actor_for(case)) for case in self.cases)
        ]
        return {name: step for name, step in per_case[0].items() if all(name in steps for steps in per_case[1:])}

    @cached_property
    def step(self) -> str | None:
        name = self.request.GET.get("step")
        return name if name in self.common_steps else None

    def get_form_class(self):
        return self.common_steps[self.step][1] if self.step else StepChoiceForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.step:
            kwargs["case"] = self.cases[0]  # for the form's defaults; each case validates the data on its own
        else:
            kwargs["steps"] = self.common_steps
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["step_label"] = self.common_steps[self.step][0] if self.step else ""
        context["has_common_steps"] = bool(self.common_steps)
        return context

    def form_valid(self, form):
        if not self.step:  # the step was chosen: ask for its data
            return self.render_to_response(self.get_context_data(form=form))
        outcomes = [self.take_step(case, form.data) for case in self.cases]
        entries = [outcome["entry"] for outcome in outcomes if outcome["done"]]
        batch = decision_batch_create(
            decisions=list(Decision.objects.filter(audit_entry__in=entries)), user=self.request.user
        )
        return render(
            self.request,
            "workflows/admin/bulk_step_report.html",
            {
                "step_label": self.common_steps[self.step][0],
                "outcomes": outcomes,
                "done": sum(outcome["done"] for outcome in outcomes),
                "next": self.next_url,
                "batch_url": reverse("cases:decision_batch", args=[batch.pk]) if batch else "",
            },
        )

    def take_step(self, case, data) -> dict:
        try:
            entry = submission_transition(submission=case, name=self.step, actor=self.actor_for(case), data=data)
        except TransitionRefused as refusal:
            errors = [f"{error}" for field_errors in refusal.errors.values() for error in field_errors]
            return {"case": case, "done": False, "reason": " ".join([refusal.message, *errors])}
        case = Submission.objects.get(pk=case.pk)
        state = _("Now “%(state)s”.") % {"state": case.get_state_display()}
        return {"case": case, "done": True, "reason": state, "entry": entry}
