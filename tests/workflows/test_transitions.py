"""The transition service: four eyes, money, stale and wrong requests, the audit trail."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from tests.factories import UserFactory, workflow_setup
from workflows.definitions.roles import Actor
from workflows.models import AuditEntry, Programme, StateDeadline, Submission
from workflows.models.audit import AppendOnly
from workflows.selectors.access import staff_actor
from workflows.selectors.deadlines import is_overdue
from workflows.services import CaseChanged, TransitionRefused, submission_transition

pytestmark = pytest.mark.django_db

RECOMMENDED = ("take", "recommend_approval")
APPROVED = (*RECOMMENDED, "approve")
PAID = (*APPROVED, "issue_decision", "pay")


def _remaining(setup) -> Decimal:
    return Programme.objects.get(pk=setup.programme.pk).remaining


def _state(case) -> str:
    return Submission.objects.get(pk=case.pk).state


# Four eyes


def test_whoever_recommended_a_case_may_not_approve_it_even_when_they_lead_the_office():
    setup = workflow_setup("grant")
    setup.reviewer.groups.add(setup.approvers)
    case = setup.case_after(*RECOMMENDED)
    with translation.override("en"), pytest.raises(TransitionRefused, match="four-eyes"):
        setup.fire(case, "approve", actor=staff_actor(setup.reviewer, case))
    assert _state(case) == "recommended_approval"
    assert setup.fire(case, "approve", actor=staff_actor(setup.approver, case)).state == "approved"


def test_superusers_are_not_exempt_from_the_four_eyes_rule():
    setup = workflow_setup("grant")
    chief = UserFactory(is_superuser=True, is_staff=True)
    case = setup.case_after("take")
    setup.fire(case, "recommend_rejection", actor=staff_actor(chief, case))
    with pytest.raises(TransitionRefused):
        setup.fire(case, "reject", actor=staff_actor(chief, case))
    assert setup.fire(case, "reject").state == "rejected"


def test_after_a_send_back_the_latest_recommendation_decides_who_may_approve():
    setup = workflow_setup("grant")
    setup.reviewer.groups.add(setup.approvers)
    colleague = UserFactory(groups=[setup.reviewers])
    case = setup.case_after(*RECOMMENDED, "send_back")
    setup.fire(case, "recommend_approval", actor=staff_actor(colleague, case))
    assert setup.fire(case, "approve", actor=staff_actor(setup.reviewer, case)).state == "approved"


# Money


def test_approval_reserves_the_amount_may_not_exceed_the_request_and_needs_reasons_when_partial():
    setup = workflow_setup("grant")
    case = setup.case_after(*RECOMMENDED, amount="1500.00")
    with translation.override("de"), pytest.raises(TransitionRefused) as refused:
        setup.fire(case, "approve", data={"amount": "1500.01"})
    assert "1.500,00" in refused.value.errors["amount"][0]
    assert _remaining(setup) == Decimal("100000.00")
    with translation.override("en"):
        with pytest.raises(TransitionRefused) as refused:
            setup.fire(case, "approve", data={"amount": "1200.00"})
        assert refused.value.errors["comment"] == ["Please give the reasons for approving less than was requested."]
    approved = setup.fire(
        case, "approve", data={"amount": "1200.00", "comment": "Die Verpflegung ist nicht förderfähig."}
    )
    assert (approved.amount_approved, approved.amount_reserved) == (Decimal("1200.00"), Decimal("1200.00"))
    assert _remaining(setup) == Decimal("98800.00")


def test_approval_beyond_the_remaining_budget_is_refused_and_changes_nothing():
    setup = workflow_setup("grant", budget="1000.00")
    case = setup.case_after(*RECOMMENDED, amount="1500.00")
    entries = AuditEntry.objects.filter(submission=case).count()
    with translation.override("de"), pytest.raises(TransitionRefused, match=r"1\.000,00"):
        setup.fire(case, "approve", data={"amount": "1500.00"})
    assert _state(case) == "recommended_approval"
    assert AuditEntry.objects.filter(submission=case).count() == entries
    assert _remaining(setup) == Decimal("1000.00")


def test_withdrawing_after_approval_gives_the_money_back():
    setup = workflow_setup("grant")
    case = setup.case_after(*APPROVED)
    assert _remaining(setup) == Decimal("98000.00")
    withdrawn = setup.fire(case, "withdraw")
    assert (withdrawn.state, withdrawn.amount_reserved) == ("withdrawn", Decimal("0.00"))
    assert _remaining(setup) == Decimal("100000.00")


def test_a_proof_of_use_below_the_approved_amount_releases_the_rest():
    setup = workflow_setup("grant")
    case = setup.case_after(*PAID, "submit_proof_of_use")
    closed = setup.fire(case, "accept_proof_of_use", data={"amount_eligible": "1650.00"})
    assert closed.amount_reserved == Decimal("1650.00")
    assert _remaining(setup) == Decimal("98350.00")


def test_a_repayment_frees_its_amount_once_it_arrived():
    setup = workflow_setup("grant")
    case = setup.case_after(*PAID, "submit_proof_of_use")
    case = setup.fire(case, "request_repayment", data={"amount_repayable": "300.00", "comment": "Zu viel."})
    assert _remaining(setup) == Decimal("98000.00")
    assert setup.fire(case, "confirm_repayment").state == "closed"
    assert _remaining(setup) == Decimal("98300.00")


def test_a_repayment_cannot_exceed_what_was_paid():
    setup = workflow_setup("grant")
    case = setup.case_after(*PAID, "submit_proof_of_use")
    with pytest.raises(TransitionRefused) as refused:
        setup.fire(case, "request_repayment", data={"amount_repayable": "2000.01", "comment": "Zu viel."})
    assert "amount_repayable" in refused.value.errors


def test_payment_is_only_recorded_for_approved_cases_and_never_in_the_future():
    setup = workflow_setup("grant")
    rejected = setup.case_after("take", "recommend_rejection", "reject", "issue_decision")
    with pytest.raises(TransitionRefused):
        setup.fire(rejected, "pay")
    approved = setup.case_after(*APPROVED, "issue_decision")
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(TransitionRefused) as refused:
        setup.fire(approved, "pay", data={"paid_on": tomorrow.isoformat()})
    assert "paid_on" in refused.value.errors


@pytest.mark.parametrize("amount", ["", "abc", "-5", "1e12", "12.345", "<script>"])
def test_hostile_amounts_are_refused_with_a_field_error(amount):
    setup = workflow_setup("grant")
    case = setup.case_after("take")
    with pytest.raises(TransitionRefused) as refused:
        setup.fire(case, "recommend_approval", data={"amount": amount, "comment": "ok"})
    assert "amount" in refused.value.errors
    assert _state(case) == "in_review"


# Wrong and stale requests


def test_a_second_attempt_from_a_stale_page_is_told_the_case_changed_and_nothing_happens_twice():
    setup = workflow_setup("grant")
    case = setup.new_case()
    stale = Submission.objects.get(pk=case.pk)
    setup.fire(case, "take")
    with translation.override("en"), pytest.raises(CaseChanged, match="changed by someone else"):
        submission_transition(submission=stale, name="take", actor=staff_actor(setup.reviewer, stale))
    assert AuditEntry.objects.filter(submission=case, transition="take").count() == 1


@pytest.mark.parametrize("name", ["approve", "delete", "save", "__init__", "state", "all_transitions", ""])
def test_steps_the_case_does_not_offer_are_refused_in_the_users_language(name):
    setup = workflow_setup("grant")
    case = setup.new_case()
    with translation.override("de"), pytest.raises(TransitionRefused) as refused:
        submission_transition(submission=case, name=name, actor=staff_actor(setup.approver, case))
    assert "nicht möglich" in refused.value.message
    assert _state(case) == "submitted"


def test_taking_a_case_makes_the_reviewer_its_assignee():
    setup = workflow_setup("grant")
    assert setup.case_after("take").assignee == setup.reviewer


def test_the_audit_trail_cannot_be_changed_or_deleted():
    setup = workflow_setup("advice")
    entry = AuditEntry.objects.get(submission=setup.case_after("take"), transition="take")
    entry.comment = "rewritten"
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()
    with pytest.raises(AppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(comment="rewritten")
    with pytest.raises(AppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).delete()


def test_inactive_and_anonymous_people_play_no_role():
    setup = workflow_setup("grant")
    case = setup.new_case()
    setup.reviewer.is_active = False
    setup.reviewer.save()
    with pytest.raises(TransitionRefused):
        submission_transition(submission=case, name="take", actor=staff_actor(setup.reviewer, case))
    with pytest.raises(TransitionRefused):
        submission_transition(submission=case, name="take", actor=Actor(roles=frozenset()))


def test_a_case_resting_longer_than_its_form_allows_is_overdue():
    setup = workflow_setup("grant")
    StateDeadline.objects.create(page=setup.page, state="in_review", days=14)
    case = setup.case_after("take")
    assert not is_overdue(case)
    assert is_overdue(case, now=timezone.now() + timedelta(days=15))
    assert not is_overdue(setup.new_case(), now=timezone.now() + timedelta(days=365))  # no deadline for submitted
