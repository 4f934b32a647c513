"""`manage.py check` refuses a workflow that would strand cases; the shipped workflows pass it."""

from django.core.management import call_command
from django.utils.translation import gettext_lazy as _
from django_fsm import transition

from workflows.checks import workflow_errors
from workflows.definitions.base import WorkflowCase
from workflows.definitions.roles import Role, by
from workflows.definitions.states import CaseState as S


class BrokenWorkflow(WorkflowCase):
    """A careless draft: nothing leads to "approved", "in review" has no way out, one step is unlabelled, and one
    leads to a state the workflow does not list; "forgotten" has no label."""

    workflow_name = "broken"
    workflow_label = "Broken"
    states = (S.SUBMITTED, S.IN_REVIEW, S.APPROVED, S.CLOSED, "forgotten")
    final_states = frozenset({S.CLOSED})
    roles = (Role.REVIEWER,)

    @transition(field="state", source=S.SUBMITTED, target=S.IN_REVIEW, permission=by(Role.REVIEWER))
    def take(self, actor, data):
        """No label."""

    @transition(
        field="state",
        source=S.SUBMITTED,
        target="limbo",
        permission=by(Role.REVIEWER),
        custom={"label": _("Lose the case")},
    )
    def lose(self, actor, data):
        """Leads nowhere declared."""


def test_the_check_names_every_problem_of_a_broken_workflow():
    messages = [error.msg for error in workflow_errors({"broken": BrokenWorkflow})]
    assert any("'take' has no label" in message for message in messages)
    assert any("undeclared state 'limbo'" in message for message in messages)
    assert any("'approved' cannot be reached" in message for message in messages)
    assert any("'closed' cannot be reached" in message for message in messages)
    assert any("'forgotten' has no label" in message for message in messages)
    assert any("'in_review' is not final but has no way out" in message for message in messages)
    assert all(error.id == "workflows.E001" for error in workflow_errors({"broken": BrokenWorkflow}))


def test_the_shipped_workflows_pass_the_system_check():
    call_command("check", "--fail-level", "ERROR")
    from workflows.definitions.registry import WORKFLOWS

    assert workflow_errors(WORKFLOWS) == []
