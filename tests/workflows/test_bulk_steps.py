"""One step on many cases: offered only when every selected case allows it, each case decided on its own, and a
report that says what happened to each."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tests.factories import workflow_setup
from workflows.models import AuditEntry, Submission

pytestmark = pytest.mark.django_db


def bulk_url(cases, **params) -> str:
    query = [("id", case.pk) for case in cases] + [("next", "/admin/cases/"), *params.items()]
    return reverse("wagtail_bulk_action", args=["workflows", "submission", "step"]) + "?" + urlencode(query)


@pytest.fixture
def setup():
    return workflow_setup("grant", budget="3000.00")


def test_only_steps_valid_for_every_selected_case_are_offered(client, setup):
    in_review = [setup.case_after("take") for _index in range(2)]
    client.force_login(setup.reviewer)
    body = client.get(bulk_url(in_review)).content.decode()
    assert 'value="request_information"' in body
    assert 'value="recommend_approval"' in body
    assert 'value="take"' not in body
    mixed = client.get(bulk_url([*in_review, setup.new_case()])).content.decode()
    assert 'value="request_information"' not in mixed  # not possible for the new case
    assert 'name="step"' not in mixed


def test_choosing_a_step_asks_for_its_data(client, setup):
    cases = [setup.case_after("take") for _index in range(2)]
    client.force_login(setup.reviewer)
    body = client.get(bulk_url(cases, step="request_information")).content.decode()
    assert 'name="comment"' in body


def test_a_bulk_step_with_mixed_outcomes_reports_each_case(client, setup):
    """Two approvals fit into the budget, the third does not: it is refused with the reason, the others are done."""
    cases = [setup.case_after("take", "recommend_approval", amount="1200.00") for _index in range(3)]
    client.force_login(setup.approver)
    response = client.post(bulk_url(cases, step="approve"), {"amount": "1200.00", "comment": ""})
    assert response.status_code == 200
    body = response.content.decode()
    states = [Submission.objects.get(pk=case.pk).state for case in cases]
    assert states == ["approved", "approved", "recommended_approval"]
    for case in cases:
        assert case.reference in body
    assert "2 von 3" in body or "2 of 3" in body
    assert "600,00" in body  # the third case: only 600 € remain in the programme


def test_cases_one_may_not_see_are_left_out_of_a_bulk_step(client, setup):
    other = workflow_setup("grant")
    mine, theirs = setup.new_case(), other.new_case()
    client.force_login(setup.reviewer)
    client.post(bulk_url([mine, theirs], step="take"), {"comment": ""})
    assert Submission.objects.get(pk=mine.pk).state == "in_review"
    assert Submission.objects.get(pk=theirs.pk).state == "submitted"
    assert not AuditEntry.objects.filter(submission=theirs, transition="take").exists()


def test_a_selection_of_only_hidden_or_unknown_cases_is_not_found(client, setup):
    other = workflow_setup("grant")
    client.force_login(setup.reviewer)
    assert client.get(bulk_url([other.new_case()]), follow=True).status_code == 404
    url = reverse("wagtail_bulk_action", args=["workflows", "submission", "step"]) + "?id=abc&id=all&id=" + "9" * 30
    assert client.get(url, follow=True).status_code == 404


def test_no_common_step_is_said_plainly(client, setup):
    closed = setup.case_after("withdraw")
    client.force_login(setup.reviewer)
    body = client.get(bulk_url([closed])).content.decode()
    assert 'name="step"' not in body
