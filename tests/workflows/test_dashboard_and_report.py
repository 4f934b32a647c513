"""The dashboard panels reviewers start their day with, and the report of applications and money."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.utils import timezone
from wagtail.users.models import UserProfile

from tests.factories import UserFactory, workflow_setup
from workflows.models import StateDeadline, Submission

pytestmark = pytest.mark.django_db

REPORT = "/admin/case-report/"


@pytest.fixture
def setup():
    return workflow_setup("grant")


def test_dashboard_lists_my_open_cases_and_the_overdue_ones(client, setup):
    StateDeadline.objects.create(page=setup.page, state="submitted", days=3)
    mine = setup.case_after("take")
    late = setup.new_case(received_at=timezone.now() - timedelta(days=10))
    closed = setup.case_after("take", "withdraw")
    Submission.objects.filter(pk=closed.pk).update(assignee=setup.reviewer)
    client.force_login(setup.reviewer)
    body = client.get("/admin/").content.decode()
    my_panel = body[body.index('id="my-open-cases') : body.index('id="overdue-cases')]
    overdue_panel = body[body.index('id="overdue-cases') : body.index('id="cases-by-state')]
    assert mine.reference in my_panel
    assert closed.reference not in my_panel
    assert late.reference in overdue_panel
    assert mine.reference not in overdue_panel


def test_dashboard_counts_cases_by_state_with_links_into_the_inbox(client, setup):
    for _index in range(2):
        setup.new_case()
    setup.case_after("take")
    client.force_login(setup.reviewer)
    body = client.get("/admin/").content.decode()
    counts = body[body.index('id="cases-by-state') :]
    assert "?state=submitted" in counts
    assert "<strong>2</strong>" in counts
    assert "<strong>1</strong>" in counts


def test_people_without_cases_get_no_case_panels(client, setup):
    client.force_login(setup.outsider)
    body = client.get("/admin/").content.decode()
    assert 'id="my-open-cases' not in body


def test_report_sums_applications_and_money_per_partner_city(client, setup):
    setup.case_after("take", "recommend_approval", "approve", partner_city="brno", amount="1000.00")
    setup.new_case(partner_city="brno", amount="500.00")
    setup.new_case(partner_city="lodz", amount="700.00")
    client.force_login(setup.reviewer)
    rows = list(csv.reader(io.StringIO(client.get(REPORT, {"export": "csv"}).getvalue().decode())))
    by_city = {row[0]: row[1:] for row in rows[1:]}
    assert by_city["Brno"] == ["2", "1500.00", "1000.00", "0.00"]
    assert by_city["Łódź"] == ["1", "700.00", "0.00", "0.00"]


def test_report_counts_paid_money_per_programme_and_year(client, setup):
    setup.case_after("take", "recommend_approval", "approve", "issue_decision", "pay", amount="800.00")
    client.force_login(setup.reviewer)
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(client.get(REPORT, {"by": "programme", "export": "xlsx"}).streaming_content))
    ).active
    [row] = list(sheet.iter_rows(min_row=2, values_only=True))
    assert row[0] == setup.programme.name
    assert [float(value) for value in row[2:]] == [800.0, 800.0, 800.0]
    body = client.get(REPORT, {"by": "year"}).content.decode()
    assert str(timezone.localdate().year) in body
    assert "<svg" in body


def test_report_only_counts_cases_the_reader_may_see(client, setup):
    other = workflow_setup("grant")
    other.new_case(partner_city="brno", amount="999.00")
    client.force_login(setup.reviewer)
    rows = list(csv.reader(io.StringIO(client.get(REPORT, {"export": "csv"}).getvalue().decode())))
    assert rows[1:] == []


def test_report_is_closed_to_people_without_cases(client):
    client.force_login(UserFactory(is_superuser=False))
    assert client.get(REPORT).status_code in (302, 403)


def test_report_export_is_written_in_the_readers_admin_language(client, setup):
    profile = UserProfile.get_for_user(setup.reviewer)
    profile.preferred_language = "en"
    profile.save()
    setup.new_case(partner_city="lodz", amount="700.00")
    client.force_login(setup.reviewer)
    header, row = csv.reader(io.StringIO(client.get(REPORT, {"export": "csv"}).getvalue().decode()))
    assert header == ["Partner city", "Applications", "Requested (€)", "Approved (€)", "Paid (€)"]
    assert row[0] == "Łódź"


@pytest.mark.parametrize("year", ["99999999999999999999", "-1", "abc", "1900", ""])
def test_report_ignores_a_year_without_cases_or_that_is_no_year(client, setup, year):
    setup.new_case(partner_city="brno")
    client.force_login(setup.reviewer)
    response = client.get(REPORT, {"year": year, "by": "partner_city"})
    assert response.status_code == 200
    assert "Brno" in response.content.decode()
