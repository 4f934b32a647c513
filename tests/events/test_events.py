"""The events calendar as visitors and calendar apps meet it: upcoming events, a month, the archive, filters, feeds
that any calendar reads right, and registration with places, a deadline and a waiting list."""

import json
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale

from cms.models import PartnerCityPage
from demo.events import DEMO_EVENTS
from events.models import EventPage
from events.vocabulary import EventCategory
from tests.factories import EventPageFactory, FormPageFactory, demo_calendar
from workflows.definitions.roles import Actor, Role
from workflows.definitions.states import CaseState
from workflows.models import AuditEntry, FormRole, Submission
from workflows.services import submission_transition
from workflows.tasks import send_case_emails

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _titles(response) -> list[str]:
    return re.findall(r'class="event-list__title"><a href="[^"]+">([^<]+)</a>', response.text)


def _feed(client, url) -> icalendar.Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def _event(**fields):
    return EventPageFactory(parent=demo_calendar(), **fields)


# The demo


def test_every_demo_event_is_live_in_all_twelve_languages_and_reads_in_each(client):
    for spec in DEMO_EVENTS:
        event = EventPage.objects.get(slug=spec.page.slug, locale__language_code="de")
        translations = event.get_translations(inclusive=True).live()
        assert translations.count() == 12
        for translation in translations:
            response = client.get(translation.url)
            assert response.status_code == 200, translation.url
            assert f'lang="{translation.locale.language_code}"' in response.text


def test_the_demo_has_full_round_tables_with_a_waiting_list():
    brno = EventPage.objects.get(slug="runder-tisch-brno", locale__language_code="de")
    form = brno.registration_form
    states = list(Submission.objects.filter(form_key=form.translation_key).values_list("state", flat=True))
    assert states.count(CaseState.CONFIRMED) == form.places == 10
    assert states.count(CaseState.WAITING_LIST) == 2


# The calendar


def test_the_calendar_lists_upcoming_events_soonest_first_and_the_archive_the_past_ones(client):
    calendar = demo_calendar()
    later = _event(title="Später", start=timezone.now() + timedelta(days=300))
    sooner = _event(title="Früher", start=timezone.now() + timedelta(days=1))
    over = _event(title="Vorbei", start=timezone.now() - timedelta(days=400), end=None)
    upcoming = _titles(client.get(calendar.url + "?category=event"))
    assert upcoming.index(sooner.title) < upcoming.index(later.title)
    assert over.title not in upcoming
    archive = _titles(client.get(calendar.url + "archiv/?category=event"))
    assert over.title in archive and later.title not in archive


def test_filters_by_partner_city_category_and_language(client):
    calendar = demo_calendar()
    brno = PartnerCityPage.objects.get(slug="brno", locale__language_code="de")
    with_brno = _event(title="Brünner Abend", category=EventCategory.CULTURE, event_language="cs")
    with_brno.partner_cities.set([brno])
    with_brno.save_revision().publish()
    _event(title="Ohne Stadt", category=EventCategory.CULTURE, event_language="de")
    assert _titles(client.get(calendar.url + "?city=brno&category=culture")) == ["Brünner Abend"]
    assert "Brünner Abend" in _titles(client.get(calendar.url + "?language=cs"))
    assert "Ohne Stadt" not in _titles(client.get(calendar.url + "?language=cs"))
    assert "Runder Tisch Brno" in _titles(client.get(calendar.url + "?city=brno"))


@pytest.mark.parametrize(
    "query",
    ["?city=atlantis", "?category=<script>", "?page=abc", "?page=99999", "?view=month&month=2026-13", "?month=x"],
)
def test_nonsense_in_the_address_shows_the_calendar_rather_than_an_error(client, query):
    response = client.get(demo_calendar().url + query)
    assert response.status_code == 200
    assert "<script>" not in response.text.split("<main", 1)[1].split("</main>")[0].replace("ld+json", "")


def test_the_list_is_paged(client):
    for number in range(12):
        _event(title=f"Serie {number:02d}", category=EventCategory.SPORT, start=timezone.now() + timedelta(days=number))
    first = _titles(client.get(demo_calendar().url + "?category=sport"))
    second = _titles(client.get(demo_calendar().url + "?category=sport&page=2"))
    assert len(first) == 10 and not set(first) & set(second)
    assert {title for title in first + second if title.startswith("Serie")} == {f"Serie {n:02d}" for n in range(12)}


def test_the_month_view_shows_each_event_on_its_days(client):
    start = datetime(2031, 5, 14, tzinfo=BERLIN)
    _event(title="Filmwoche", all_day=True, start=start, end=start + timedelta(days=2))
    response = client.get(demo_calendar().url + "?view=month&month=2031-05")
    assert response.status_code == 200
    cells = re.findall(r'<td class="month__day[^"]*"[^>]*>(.*?)</td>', response.text, re.S)
    days_with_event = [re.search(r'datetime="([\d-]+)"', cell)[1] for cell in cells if "Filmwoche" in cell]
    assert days_with_event == ["2031-05-14", "2031-05-15", "2031-05-16"]
    assert 'rel="next"' in response.text and "month=2031-06" in response.text


def test_the_calendar_reads_in_hebrew_right_to_left(client):
    response = client.get(demo_calendar("he").url + "?view=month")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.text and "<table" in response.text


# Feeds


def test_the_feed_is_valid_icalendar_with_berlin_time_and_stable_uids(client):
    german = _feed(client, demo_calendar().url + "ical/")
    polish = _feed(client, demo_calendar("pl").url + "ical/")
    assert german["VERSION"] == "2.0" and german["PRODID"]
    [zone] = german.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Berlin"
    german_events = {event["UID"]: event for event in german.walk("VEVENT")}
    polish_events = {event["UID"]: event for event in polish.walk("VEVENT")}
    assert german_events.keys() == polish_events.keys() and len(german_events) >= 7
    uid, event = next(iter(polish_events.items()))
    assert "/pl/" in str(event["URL"]) and "/de/" in str(german_events[uid]["URL"])
    assert _feed(client, demo_calendar().url + "ical/")["X-WR-CALNAME"] == german["X-WR-CALNAME"]


def test_a_filtered_feed_has_only_the_filtered_events(client):
    feed = _feed(client, demo_calendar().url + "ical/?city=brno")
    assert [str(event["SUMMARY"]) for event in feed.walk("VEVENT")] == ["Runder Tisch Brno"]


@pytest.mark.parametrize(
    ("local", "fold"),
    [
        (datetime(2026, 10, 25, 2, 30), 0),  # the clocks go back: 02:30 happens twice
        (datetime(2026, 10, 25, 2, 30), 1),
        (datetime(2027, 3, 28, 2, 30), 0),  # the clocks go forward: 02:30 never happens
        (datetime(2027, 3, 28, 12, 0), 0),
    ],
)
def test_an_event_on_a_day_the_clocks_change_keeps_its_utc_time_in_the_feed(client, local, fold):
    moment = local.replace(tzinfo=BERLIN, fold=fold)
    event = _event(title="Nachtwanderung", start=moment, end=None)
    feed = _feed(client, event.url + "ical/")
    [entry] = feed.walk("VEVENT")
    assert entry.decoded("DTSTART").astimezone(UTC) == moment.astimezone(UTC)
    assert entry["UID"] == f"event-{event.translation_key}@127.0.0.1"


def test_an_all_day_event_is_a_date_in_the_feed_ending_the_day_after(client):
    start = datetime(2031, 5, 14, tzinfo=BERLIN)
    event = _event(title="Filmtage", all_day=True, start=start, end=start + timedelta(days=2))
    [entry] = _feed(client, event.url + "ical/").walk("VEVENT")
    assert entry.decoded("DTSTART") == start.date()
    assert entry.decoded("DTEND") == (start + timedelta(days=3)).date()


def test_event_pages_describe_themselves_as_schema_org_events(client):
    german = EventPage.objects.get(slug="runder-tisch-nordafrika", locale__language_code="de")
    event = german.get_translation(Locale.objects.get(language_code="fr"))
    data = json.loads(JSON_LD.search(client.get(event.url).text)[1])
    assert data["@type"] == "Event" and data["name"] == event.title
    assert datetime.fromisoformat(data["startDate"]) == event.start
    assert data["location"]["@type"] == "Place"
    assert data["inLanguage"] == "de"
    assert {city["name"] for city in data["about"]} == {"Le Caire", "Menzel Bourguiba"}


def test_editors_text_cannot_break_out_of_the_json_ld(client):
    event = _event(title="</script><script>alert(1)</script>")
    page = client.get(event.url).text
    assert "<script>alert(1)" not in page


# Other pages


def test_partner_city_pages_and_the_home_page_show_the_next_events(client):
    brno = PartnerCityPage.objects.get(slug="brno", locale__language_code="de")
    assert "Runder Tisch Brno" in client.get(brno.url).text
    polish_home = Locale.objects.get(language_code="pl")
    home = brno.get_site().root_page.localized
    response = client.get(home.get_translation(polish_home).url)
    assert 'class="event-list"' in response.text


# Registration


def _registration_form(event, places):
    form = FormPageFactory(parent=event, workflow="registration", places=places)
    FormRole.objects.create(page=form, role=Role.REVIEWER, group_id=FormRole.objects.first().group_id)
    return form


def _register(client, form, name):
    return client.post(form.url, {"name": name, "email": f"{name.lower()}@example.org"})


def test_registrations_beyond_the_places_wait_and_a_cancellation_promotes_the_first_waiting(client):
    event = _event(title="Runder Tisch Test")
    form = _registration_form(event, places=2)
    for name in ("Ada", "Ben", "Cem", "Dana"):
        assert _register(client, form, name).status_code == 303
    cases = list(Submission.objects.filter(form_key=form.translation_key).order_by("pk"))
    assert [case.state for case in cases] == ["confirmed", "confirmed", "waiting_list", "waiting_list"]
    assert "Für die Warteliste anmelden" in client.get(event.url).text

    submission_transition(submission=cases[0], name="cancel", actor=Actor.applicant("Ada"))
    states = dict(Submission.objects.filter(form_key=form.translation_key).values_list("applicant_name", "state"))
    assert states == {"Ada": "cancelled", "Ben": "confirmed", "Cem": "confirmed", "Dana": "waiting_list"}
    promotion = AuditEntry.objects.get(submission=cases[2], transition="promote")
    send_case_emails.call(promotion.pk)
    [message] = [message for message in mail.outbox if message.to == ["cem@example.org"]]
    assert "bestätigt" in message.subject


def test_registration_after_the_deadline_is_refused_with_a_clear_message_and_nothing_is_stored(client):
    event = _event(title="Geschlossen", registration_deadline=timezone.now() - timedelta(minutes=1))
    form = _registration_form(event, places=10)
    shown = client.get(form.url)
    assert shown.status_code == 200
    assert "Die Anmeldung für diese Veranstaltung ist seit dem" in shown.text
    assert "<form" not in shown.text.split("<main", 1)[1]
    refused = _register(client, form, "Zoe")
    assert refused.status_code == 403
    assert not Submission.objects.filter(form_key=form.translation_key).exists()
    assert "Die Anmeldung für diese Veranstaltung ist seit dem" in client.get(event.url).text


def test_the_confirmation_of_a_registration_links_to_a_page_where_it_can_be_cancelled(client):
    event = _event(title="Stammtisch")
    form = _registration_form(event, places=5)
    _register(client, form, "Ida")
    case = Submission.objects.get(form_key=form.translation_key)
    send_case_emails.call(AuditEntry.objects.get(submission=case, transition="confirm").pk)
    [message] = [message for message in mail.outbox if message.to == ["ida@example.org"]]
    status_url = re.search(r"http://\S+(/de/status/\S+/)", message.body)[1]
    assert "Anmeldung stornieren" in client.get(status_url).text


def test_editors_choose_partner_cities_among_the_german_city_pages(admin_client):
    calendar = demo_calendar()
    response = admin_client.get(f"/admin/pages/add/events/eventpage/{calendar.pk}/")
    assert response.status_code == 200
    choices = re.findall(r'name="partner_cities" value="(\d+)"', response.text)
    assert len(choices) == PartnerCityPage.objects.filter(locale__language_code="de").count() == 14
