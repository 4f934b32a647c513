"""Checks on a form page's workflow settings that span several fields, in the editor's language."""

from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from workflows.definitions.registry import WORKFLOWS
from workflows.definitions.roles import Role
from workflows.definitions.states import CaseState


def _kept_rows(formset):
    """The cleaned rows of an inline formset that the editor did not delete."""
    return [form.cleaned_data for form in formset.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]


class FormPageAdminForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        case_class = WORKFLOWS.get(cleaned_data.get("workflow"))
        if case_class is None:
            return cleaned_data
        self._check_roles(case_class)
        self._check_deadlines(case_class)
        if case_class.uses_budget and not cleaned_data.get("programme"):
            self.add_error("programme", _("This workflow reserves money: choose the programme whose budget it uses."))
        self._check_office(cleaned_data.get("office"), cleaned_data.get("programme"))
        return cleaned_data

    def _check_office(self, office, programme):
        if office and programme and programme.office_id and programme.office_id != office.pk:
            self.add_error(
                "office",
                _("%(programme)s is run by %(office)s: choose that office, or another programme.")
                % {"programme": programme, "office": programme.office},
            )

    def _check_roles(self, case_class):
        formset = self.formsets.get("workflow_roles")
        if formset is None or not formset.is_valid():
            return
        mapped = {row["role"] for row in _kept_rows(formset)}
        needed = set(case_class.staff_roles())
        missing = [role.label for role in case_class.staff_roles() if role not in mapped]
        if missing:
            self.add_error(
                None,
                ValidationError(
                    format_lazy(_("Choose at least one group for: {roles}."), roles=", ".join(map(str, missing)))
                ),
            )
        unused = mapped - needed
        if unused:
            self.add_error(
                None,
                ValidationError(
                    format_lazy(
                        _("The workflow “{workflow}” has no role {roles}; remove it."),
                        workflow=case_class.workflow_label,
                        roles=", ".join(str(Role(role).label) for role in sorted(unused)),
                    )
                ),
            )

    def _check_deadlines(self, case_class):
        formset = self.formsets.get("state_deadlines")
        if formset is None or not formset.is_valid():
            return
        open_states = set(case_class.states) - case_class.final_states
        wrong = [row["state"] for row in _kept_rows(formset) if row["state"] not in open_states]
        if wrong:
            self.add_error(
                None,
                ValidationError(
                    format_lazy(
                        _("Deadlines only apply to open states of the workflow “{workflow}”; remove: {states}."),
                        workflow=case_class.workflow_label,
                        states=", ".join(str(CaseState(state).label) for state in wrong),
                    )
                ),
            )
