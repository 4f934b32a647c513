"""The reviewers' inbox: who sees which cases, filters, search, sorting, paging and the export."""

import csv
import io
import re
from datetime import timedelta

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from tests.factories import UserFactory, workflow_setup
from workflows.models import StateDeadline, Submission

pytestmark = pytest.mark.django_db

INBOX = "/admin/cases/"


def references(response) -> list[str]:
    """The references listed, in the order shown."""
    return re.findall(r'id="submission_\d+_title"[^>]*>\s*([A-Z]+-\d{4}-\d{5})', response.content.decode())


def inbox(client, user, **params):
    client.force_login(user)
    return client.get(INBOX, params)


def export_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(body)))


@pytest.fixture
def setup():
    return workflow_setup("grant")


# Who sees what


def test_reviewers_see_only_the_cases_of_forms_their_groups_play_a_role_in(client, setup):
    other = workflow_setup("grant")
    mine, theirs = setup.new_case(), other.new_case()
    listed = references(inbox(client, setup.reviewer))
    assert mine.reference in listed
    assert theirs.reference not in listed


def test_a_kulturamt_reviewer_never_sees_austausch_cases_not_even_by_url(client):
    kultur = get_user_model().objects.get(username="kultur.sachbearbeitung")
    austausch = Submission.objects.filter(reference__startswith="AUS-").first()
    assert not [reference for reference in references(inbox(client, kultur)) if reference.startswith("AUS-")]
    # The same answer as for a case that does not exist: nothing tells that the case is there.
    assert client.get(reverse("cases:case", args=[austausch.pk]), follow=True).status_code == 404
    assert client.get(reverse("cases:case", args=[10**9]), follow=True).status_code == 404
    assert client.get(reverse("cases:case", args=[10**30]), follow=True).status_code == 404
    assert references(client.get(INBOX, {"q": austausch.reference})) == []


def test_superusers_see_every_case(client, setup):
    case = setup.new_case()
    admin = get_user_model().objects.get(username="admin")
    response = inbox(client, admin, q=case.reference)
    assert references(response) == [case.reference]


def test_users_playing_no_role_get_no_inbox(client, setup):
    response = inbox(client, setup.outsider)
    assert response.status_code == 302  # Wagtail's "no permission" redirect to the dashboard
    assert INBOX not in client.get("/admin/").content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, setup):
    case = setup.new_case()
    assert client.get(INBOX)["Location"].startswith("/admin/login/")
    assert client.get(reverse("cases:case", args=[case.pk]))["Location"].startswith("/admin/login/")


# Listing


def test_listing_shows_each_case_with_its_facts_in_the_readers_language(client, setup):
    case = setup.new_case(name="Jana Nováková", amount="1234.50", partner_city="brno", language="cs")
    body = inbox(client, setup.reviewer, q=case.reference).content.decode()
    assert "Jana Nováková" in body
    assert setup.page.title in body
    assert "Brno" in body
    assert "Tschechisch" in body  # the applicant's language, named in German for this reviewer
    assert "Eingegangen" in body
    assert "1.234,50 €" in body


def test_overdue_cases_are_flagged(client, setup):
    StateDeadline.objects.create(page=setup.page, state="submitted", days=3)
    late = setup.new_case(received_at=timezone.now() - timedelta(days=5))
    fresh = setup.new_case()
    body = inbox(client, setup.reviewer, overdue="on").content.decode()
    assert references(inbox(client, setup.reviewer, overdue="on")) == [late.reference]
    assert "Überfällig" in body
    assert fresh.reference not in body


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"state": "in_review"}, ["taken"]),
        ({"state": ["in_review", "submitted"]}, ["brno", "taken"]),
        ({"partner_city": "brno"}, ["brno"]),
        ({"language": "pl"}, ["polish"]),
        ({"mine": "on"}, ["taken"]),
    ],
)
def test_each_filter_narrows_the_list(client, setup, params, expected):
    cases = {
        "brno": setup.new_case(partner_city="brno"),
        "polish": setup.case_after("take", language="pl"),
        "taken": setup.case_after("take"),
    }
    Submission.objects.filter(pk=cases["polish"].pk).update(assignee=setup.second_approver, state="more_info")
    listed = set(references(inbox(client, setup.reviewer, **params)))
    assert listed == {cases[name].reference for name in expected}


def test_filter_by_form_and_programme(client):
    first, second = workflow_setup("grant"), workflow_setup("grant")
    reviewer = UserFactory(groups=[first.reviewers, second.reviewers])
    a, b = first.new_case(), second.new_case()
    assert references(inbox(client, reviewer, form_key=str(first.page.translation_key))) == [a.reference]
    assert references(inbox(client, reviewer, programme=second.programme.pk)) == [b.reference]


def test_filter_by_date_received(client, setup):
    old = setup.new_case(received_at=timezone.now() - timedelta(days=40))
    new = setup.new_case()
    today = timezone.localdate()
    since = (today - timedelta(days=10)).isoformat()
    assert references(inbox(client, setup.reviewer, created_at_from=since)) == [new.reference]
    until = (today - timedelta(days=30)).isoformat()
    assert references(inbox(client, setup.reviewer, created_at_to=until)) == [old.reference]


def test_filters_stay_in_the_url_of_the_paging_links(client, setup):
    for _index in range(52):
        setup.new_case(partner_city="brno")
    body = inbox(client, setup.reviewer, partner_city="brno").content.decode()
    assert re.search(r'href="[^"]*partner_city=brno[^"]*p=2|href="[^"]*p=2[^"]*partner_city=brno', body)


def test_an_unknown_filter_value_is_an_error_message_not_a_crash(client, setup):
    response = inbox(client, setup.reviewer, state="no-such-state", created_at_from="yesterday")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "query",
    ["TST-", "anna beispiel", "ANNA@EXAMPLE", "Schüleraustausch mit Łódź", "łódź"],
)
def test_search_finds_cases_by_reference_applicant_email_and_answer_text(client, setup, query):
    case = setup.new_case(plan="Ein Schüleraustausch mit Łódź im Mai")
    other = setup.new_case(name="Bruno Beispiel", email="bruno@example.org")
    listed = references(inbox(client, setup.reviewer, q=query))
    assert case.reference in listed
    if query != "TST-":
        assert other.reference not in listed


def test_sorting_by_amount_and_by_reference(client, setup):
    small = setup.new_case(amount="100.00")
    large = setup.new_case(amount="9000.00")
    assert references(inbox(client, setup.reviewer, ordering="-amount_requested")) == [large.reference, small.reference]
    assert references(inbox(client, setup.reviewer, ordering="reference")) == [small.reference, large.reference]


def test_paging_shows_fifty_cases_a_page_with_the_newest_first(client, setup):
    cases = [setup.new_case() for _index in range(51)]
    first_page = references(inbox(client, setup.reviewer))
    assert len(first_page) == 50
    assert first_page[0] == cases[-1].reference
    assert references(inbox(client, setup.reviewer, p=2)) == [cases[0].reference]


# Export


def test_csv_export_has_the_case_facts_and_one_column_per_question_in_the_readers_language(client, setup):
    case = setup.new_case(partner_city="brno", plan="Wanderwoche", amount="2500.00")
    setup.new_case(partner_city="lodz")
    rows = export_rows(inbox(client, setup.reviewer, export="csv", partner_city="brno"))
    header, *data = rows
    assert header[:3] == ["Aktenzeichen", "Formular", "Förderprogramm"]
    assert header[-7:] == ["Name", "E-Mail", "Betrag", "Partnerstadt", "Vorhaben", "Organisation", "Zeitraum"]
    assert len(data) == 1
    row = dict(zip(header, data[0], strict=True))
    assert row["Aktenzeichen"] == case.reference
    assert row["Partnerstadt"] == "Brno"
    assert row["Vorhaben"] == "Wanderwoche"
    assert row["Betrag"] == "2.500,00 €"
    assert row["Status"] == "Eingegangen"


def test_the_streamed_csv_is_written_in_the_readers_own_admin_language(client, setup):
    profile = UserProfile.get_for_user(setup.reviewer)
    profile.preferred_language = "en"
    profile.save()
    setup.new_case(partner_city="lodz")
    header, row = export_rows(inbox(client, setup.reviewer, export="csv"))
    assert header[:4] == ["Reference", "Form", "Programme", "State"]
    assert row[3] == "Submitted"
    assert "Łódź" in row


def test_xlsx_export_holds_the_same_filtered_cases(client, setup):
    cases = [setup.new_case(partner_city="brno") for _index in range(3)]
    response = inbox(client, setup.reviewer, export="xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    listed = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert listed == [case.reference for case in reversed(cases)]


def test_export_never_contains_cases_one_may_not_see(client, setup):
    other = workflow_setup("grant")
    hidden = other.new_case()
    rows = export_rows(inbox(client, setup.reviewer, export="csv"))
    assert hidden.reference not in {row[0] for row in rows}
