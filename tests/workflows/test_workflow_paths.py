"""Every path through every workflow, walked through the transition service on the real database.

From each state the walk takes every step the case offers (savepoints undo each branch), never entering a state twice
on one path; every path must end in a final state, and together they must take every transition and reach every
state. Money is checked on the way: the programme holds exactly what the case holds.
"""

from itertools import pairwise

import pytest
from django.db import transaction

from tests.factories import workflow_setup
from workflows.definitions.registry import workflow_class
from workflows.definitions.roles import Role
from workflows.models import AuditEntry, Programme, Submission

pytestmark = pytest.mark.django_db


def _human_steps(case):
    return [
        transition
        for transition in case.get_available_state_transitions()
        if Role.SYSTEM not in case.transition_roles(transition)
    ]


def _walk_every_path(setup, case, path, seen_states, outcome):
    outcome["states"].add(case.state)
    steps = _human_steps(case)
    if not steps:
        outcome["ends"].append((tuple(path), case.state))
    for transition in steps:
        outcome["transitions"].add((transition.name, transition.source))
        with transaction.atomic():
            moved = setup.fire(case, transition.name)
            assert moved.state == transition.target
            if setup.programme:
                assert Programme.objects.get(pk=setup.programme.pk).reserved == moved.amount_reserved
            # A loop (more information, sent back) is taken once; the rest was walked from the first visit.
            if moved.state not in seen_states:
                _walk_every_path(setup, moved, [*path, transition.name], seen_states | {moved.state}, outcome)
            transaction.set_rollback(True)


@pytest.mark.parametrize("workflow", ["grant", "internship", "advice"])
def test_every_path_ends_in_a_final_state_and_together_they_cover_the_whole_workflow(workflow):
    setup = workflow_setup(workflow)
    case = setup.new_case()
    case_class = workflow_class(workflow)
    outcome = {"states": set(), "transitions": set(), "ends": []}

    _walk_every_path(setup, case, [], {case.state}, outcome)

    assert outcome["ends"], "no path was walked"
    assert {state for _path, state in outcome["ends"]} <= case_class.final_states
    assert outcome["states"] == set(case_class.states)
    assert outcome["transitions"] == {(t.name, t.source) for t in case_class.all_transitions()}
    # Every branch was rolled back: the case is untouched.
    assert Submission.objects.get(pk=case.pk).state == case_class.initial_state()


def test_a_grant_path_leaves_one_audit_entry_per_step_in_order():
    setup = workflow_setup("grant")
    steps = ["take", "request_information", "answer_query", "recommend_approval", "approve", "issue_decision", "pay"]
    case = setup.case_after(*steps)
    entries = list(AuditEntry.objects.filter(submission=case))
    assert [entry.transition for entry in entries] == ["submit", *steps]
    assert [entry.target for entry in entries][-1] == "paid"
    assert all(earlier.target == later.source for earlier, later in pairwise(entries))
    approval = entries[5]
    assert approval.actor == setup.approver
    assert approval.actor_role == Role.APPROVER
    assert approval.data == {"amount": "2000.00"}
    assert (
        case.amount_approved
        == case.amount_reserved
        == setup.programme.budget - Programme.objects.get(pk=setup.programme.pk).remaining
    )
