"""Reviewers acting at the same moment, each in their own database connection, on PostgreSQL.

SQLite serialises every writer behind one file lock, so what is tested here (row locks and the conditional update of
the state) only exists on PostgreSQL; CI runs the suite on both.
"""

import queue
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.budgets import assert_budgets_add_up
from tests.factories import UserFactory, workflow_setup
from tests.threads import run_together
from workflows.definitions.roles import Actor
from workflows.models import AuditEntry, Programme, StatusLink, Submission
from workflows.selectors.access import staff_actor
from workflows.services import CaseChanged, TransitionRefused, submission_transition

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent transactions with row locks need PostgreSQL"
)


def test_fifty_reviewers_taking_one_case_at_once_give_one_success_and_49_clear_conflicts(migrated_database):
    setup = workflow_setup("grant")
    case = setup.new_case()
    reviewers = [UserFactory(groups=[setup.reviewers]) for _ in range(50)]

    def take(index, start):
        stale = Submission.objects.get(pk=case.pk)
        actor = staff_actor(reviewers[index], stale)
        start.wait(timeout=60)
        submission_transition(submission=stale, name="take", actor=actor)
        return "took"

    outcomes = run_together(50, take)

    assert outcomes.count("took") == 1
    conflicts = [outcome for outcome in outcomes if isinstance(outcome, CaseChanged)]
    assert len(conflicts) == 49, [outcome for outcome in outcomes if outcome != "took"][:3]
    assert AuditEntry.objects.filter(submission=case, transition="take").count() == 1
    taken = Submission.objects.get(pk=case.pk)
    assert taken.state == "in_review"
    assert taken.assignee in reviewers


def test_200_approvals_against_a_budget_for_100_approve_exactly_100(migrated_database):
    setup = workflow_setup("grant", budget="50000.00")
    work = queue.Queue()
    for _ in range(200):
        work.put(setup.case_after("take", "recommend_approval", amount="500.00").pk)

    def approve_until_done(index, start):
        results = []
        start.wait(timeout=60)
        while True:
            try:
                case_id = work.get_nowait()
            except queue.Empty:
                return results
            case = Submission.objects.get(pk=case_id)
            try:
                submission_transition(
                    submission=case, name="approve", actor=staff_actor(setup.approver, case), data={"amount": "500.00"}
                )
                results.append("approved")
            except TransitionRefused as refusal:
                results.append(refusal)

    sessions = run_together(50, approve_until_done)

    assert not [outcome for outcome in sessions if isinstance(outcome, Exception)]
    outcomes = [outcome for session in sessions for outcome in session]
    assert len(outcomes) == 200
    assert outcomes.count("approved") == 100
    refusals = [outcome for outcome in outcomes if outcome != "approved"]
    assert len(refusals) == 100
    assert all(not isinstance(refusal, CaseChanged) for refusal in refusals)
    programme = Programme.objects.get(pk=setup.programme.pk)
    assert programme.reserved == Decimal("50000.00")
    assert programme.remaining == Decimal("0.00")
    assert Submission.objects.filter(programme=programme, state="approved").count() == 100
    assert Submission.objects.filter(programme=programme, state="recommended_approval").count() == 100
    assert AuditEntry.objects.filter(submission__programme=programme, transition="approve").count() == 100
    assert_budgets_add_up()


def test_five_cancellations_at_once_hand_five_places_to_the_next_five_on_the_waiting_list(migrated_database):
    setup = workflow_setup("registration", places=5)
    cases = [setup.new_case(email=f"person{index}@example.org") for index in range(15)]
    confirmed, waiting = cases[:5], cases[5:]

    def cancel(index, start):
        case = Submission.objects.get(pk=confirmed[index].pk)
        start.wait(timeout=60)
        return submission_transition(submission=case, name="cancel", actor=Actor.applicant()).pk

    outcomes = run_together(5, cancel)

    assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)], outcomes
    states = dict(Submission.objects.filter(pk__in=[case.pk for case in cases]).values_list("pk", "state"))
    assert [states[case.pk] for case in confirmed] == ["cancelled"] * 5
    assert [states[case.pk] for case in waiting] == ["confirmed"] * 5 + ["waiting_list"] * 5


def test_two_approvers_bulk_approving_overlapping_selections_approve_each_case_once(migrated_database):
    """Both approvers select the same 20 cases (plus 5 of their own) and take the bulk step at the same moment:
    every case is approved once, the money is reserved once, and each report names every case it tried."""
    setup = workflow_setup("grant", budget="100000.00")
    shared = [setup.case_after("take", "recommend_approval", amount="100.00") for _ in range(20)]
    own = [[setup.case_after("take", "recommend_approval", amount="100.00") for _ in range(5)] for _ in range(2)]
    approvers = [setup.approver, setup.second_approver]
    url = reverse("wagtail_bulk_action", args=["workflows", "submission", "step"])

    def approve(index, start):
        client = Client()
        client.force_login(approvers[index])
        ids = "&".join(f"id={case.pk}" for case in shared + own[index])
        start.wait(timeout=60)
        response = client.post(f"{url}?{ids}&step=approve&next=/admin/cases/", {"amount": "100.00"})
        return response.status_code, response.content.decode()

    outcomes = run_together(2, approve)

    assert [status for status, _body in outcomes] == [200, 200], outcomes
    for case in shared + own[0] + own[1]:
        assert Submission.objects.get(pk=case.pk).state == "approved"
        assert AuditEntry.objects.filter(submission=case, transition="approve").count() == 1
    bodies = [body for _status, body in outcomes]
    for case in shared:
        assert all(case.reference in body for body in bodies)
    for index, cases in enumerate(own):
        assert all(case.reference in bodies[index] for case in cases)
    assert Programme.objects.get(pk=setup.programme.pk).reserved == Decimal("3000.00")
    assert_budgets_add_up()


def test_an_applicant_withdrawing_while_the_approver_approves_leaves_one_outcome_and_the_right_budget(
    migrated_database,
):
    setup = workflow_setup("grant", budget="10000.00")
    case = setup.case_after("take", "recommend_approval", amount="2000.00")
    path = f"/de/status/{StatusLink.objects.issue(case)}/steps/withdraw/"

    def act(index, start):
        if index == 0:
            stale = Submission.objects.get(pk=case.pk)
            actor = staff_actor(setup.approver, stale)
            start.wait(timeout=60)
            submission_transition(submission=stale, name="approve", actor=actor, data={"amount": "2000.00"})
            return "approved"
        client = Client()
        start.wait(timeout=60)
        return client.post(path, {"state": "recommended_approval", "comment": "Die Reise fällt aus."}).status_code

    approval, withdrawal = run_together(2, act)

    decided = Submission.objects.get(pk=case.pk)
    programme = Programme.objects.get(pk=setup.programme.pk)
    if decided.state == "approved":
        assert (approval, withdrawal) == ("approved", 409)
        assert programme.reserved == decided.amount_reserved == Decimal("2000.00")
    else:
        assert decided.state == "withdrawn"
        assert isinstance(approval, CaseChanged) and withdrawal == 303
        assert programme.reserved == decided.amount_reserved == 0
    assert AuditEntry.objects.filter(submission=case, transition__in=["approve", "withdraw"]).count() == 1
    assert_budgets_add_up()


def test_thirty_registrations_at_once_for_ten_places_confirm_ten_and_queue_twenty_in_arrival_order(
    migrated_database,
):
    setup = workflow_setup("registration", places=10)

    def register(index, start):
        start.wait(timeout=60)
        return setup.new_case(name=f"Person {index}", email=f"person{index}@example.org").pk

    outcomes = run_together(30, register)

    assert all(isinstance(outcome, int) for outcome in outcomes), outcomes
    states = list(Submission.objects.filter(form_key=setup.page.translation_key).order_by("pk").values_list("state"))
    assert [state for (state,) in states] == ["confirmed"] * 10 + ["waiting_list"] * 20


def test_approvals_while_an_office_lead_saves_the_programme_keep_every_reservation_and_the_budget(migrated_database):
    """80 approvals of 500 € against a budget for 40, while the office lead saves the unchanged programme form six
    times: exactly 40 are approved, and the programme has reserved exactly what its cases hold."""
    setup = workflow_setup("grant", budget="20000.00")
    setup.approvers.permissions.add(
        *Permission.objects.filter(content_type__app_label="workflows", codename__endswith="_programme")
    )
    work = queue.Queue()
    for _ in range(80):
        work.put(setup.case_after("take", "recommend_approval", amount="500.00").pk)
    programme = Programme.objects.get(pk=setup.programme.pk)
    form = {
        "name": programme.name,
        "office": programme.office_id,
        "year": programme.year,
        "budget": str(programme.budget),
        "reference_prefix": programme.reference_prefix,
    }
    edit_url = reverse("wagtailsnippets_workflows_programme:edit", args=[programme.pk])

    def save_the_programme_form(start):
        client = Client()
        client.force_login(setup.second_approver)
        start.wait(timeout=60)
        return [client.post(edit_url, form).status_code for _ in range(6)]

    def approve_until_done(start):
        results = []
        start.wait(timeout=60)
        while True:
            try:
                case = Submission.objects.get(pk=work.get_nowait())
            except queue.Empty:
                return results
            try:
                submission_transition(
                    submission=case, name="approve", actor=staff_actor(setup.approver, case), data={"amount": "500.00"}
                )
                results.append("approved")
            except TransitionRefused:
                results.append("refused")

    outcomes = run_together(
        11, lambda index, start: (save_the_programme_form if index == 0 else approve_until_done)(start)
    )

    assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)], outcomes
    assert outcomes[0] == [302] * 6
    approvals = [result for session in outcomes[1:] for result in session]
    assert approvals.count("approved") == 40
    assert approvals.count("refused") == 40
    programme.refresh_from_db()
    assert programme.reserved == programme.budget == Decimal("20000.00")
    assert_budgets_add_up()
