"""The demo looks lived in: cases in every state of every workflow, with histories that add up."""

from itertools import pairwise

import pytest

from tests.budgets import assert_budgets_add_up
from workflows.definitions.registry import WORKFLOWS
from workflows.definitions.states import CaseState
from workflows.models import AuditEntry, Programme, Submission

pytestmark = pytest.mark.django_db

#: A registration leaves this state within the transaction that creates it.
PASSING_STATES = {CaseState.REGISTERED}


@pytest.mark.parametrize("workflow", list(WORKFLOWS))
def test_the_demo_has_cases_in_every_state_of_every_workflow(workflow):
    states = set(Submission.objects.filter(workflow=workflow).values_list("state", flat=True))
    assert states == set(WORKFLOWS[workflow].states) - PASSING_STATES


def test_every_demo_case_has_a_history_from_its_receipt_to_its_state():
    for case in Submission.objects.filter(reference__isnull=False):
        entries = list(AuditEntry.objects.filter(submission=case))
        assert entries[0].transition == "submit"
        assert entries[-1].target == case.state
        assert all(earlier.target == later.source for earlier, later in pairwise(entries))
        assert all(earlier.created_at <= later.created_at for earlier, later in pairwise(entries))


def test_demo_budgets_hold_exactly_what_their_cases_hold():
    assert_budgets_add_up()
    assert all(programme.remaining >= 0 for programme in Programme.objects.all())
