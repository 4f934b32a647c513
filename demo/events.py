"""The demo's events calendar: round tables for cities and regions and other events over the coming months, some
with a registration form, two of them fully booked with a waiting list; and two past events for the archive.

Times are relative to the day the demo is loaded, in Stuttgart's time.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone

from cms.models import PartnerCityPage
from events.models import EventPage
from events.vocabulary import EventCategory

from .forms import CONSENT, EMAIL, NAME, question
from .spec import DemoPage

RATHAUS = "Rathaus Stuttgart, Marktplatz 1, 70173 Stuttgart"
ORGANISER = "Landeshauptstadt Stuttgart, Abteilung Außenbeziehungen"
CONTACT = {"organiser": ORGANISER, "contact_email": "aussenbeziehungen@stuttgart.example"}


def _at(days: int, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=days), time(hour, minute)))


def _paragraph(text: str):
    return ("paragraph", f"<p>{text}</p>")


@dataclass(frozen=True)
class DemoRegistration:
    """An event's registration form: its places, and how many demo registrations to make."""

    places: int
    registrations: int


def _registration_form(event_slug: str) -> DemoPage:
    return DemoPage(
        slug=f"anmeldung-{event_slug}",
        page_type="workflows.FormPage",
        title="Anmeldung",
        intro="<p>Melden Sie sich hier an. Sie erhalten eine Bestätigung oder einen Platz auf der Warteliste.</p>",
        show_in_menus=False,
        fields={
            "reference_prefix": "VA",
            "thank_you_text": "<p>Die Bestätigung mit allen Einzelheiten kommt per E-Mail.</p>",
            "fields": [
                NAME,
                EMAIL,
                question("singleline", "Verein oder Einrichtung", required=False, purpose="organization"),
                CONSENT,
            ],
        },
    )


def _event(slug, title, intro, text, *, category, start, end=None, cities=(), registration=None, **fields):
    children = [_registration_form(slug)] if registration else []
    return DemoPage(
        slug=slug,
        page_type="events.EventPage",
        title=title,
        intro=intro,
        body=[_paragraph(text)],
        show_in_menus=False,
        fields={"category": category, "start": start, "end": end, **fields},
        children=children,
    )


@dataclass(frozen=True)
class DemoEvent:
    page: DemoPage
    cities: tuple[str, ...] = ()
    registration: DemoRegistration | None = None


DEMO_EVENTS = [
    DemoEvent(
        _event(
            "runder-tisch-brno",
            "Runder Tisch Brno",
            "Vereine, Schulen und Engagierte planen die Projekte mit Brno für das kommende Jahr.",
            "Wir sammeln Ideen für Begegnungen, stellen die Fördermöglichkeiten vor und bilden Arbeitsgruppen.",
            category=EventCategory.ROUND_TABLE,
            start=_at(12, 18),
            end=_at(12, 20),
            venue="Rathaus, Mittlerer Sitzungssaal",
            address=RATHAUS,
            registration_deadline=_at(10, 12),
            registration=True,
            **CONTACT,
        ),
        cities=("brno",),
        registration=DemoRegistration(places=10, registrations=12),
    ),
    DemoEvent(
        _event(
            "runder-tisch-nordafrika",
            "Runder Tisch Nordafrika",
            "Austausch mit Kairo und Menzel Bourguiba: Projekte, Partner und Erfahrungen.",
            "Engagierte aus Vereinen, Hochschulen und Gemeinden berichten von ihrer Arbeit mit den Partnern in"
            " Ägypten und Tunesien.",
            category=EventCategory.ROUND_TABLE,
            start=_at(26, 17, 30),
            end=_at(26, 19, 30),
            venue="Rathaus, Kleiner Sitzungssaal",
            address=RATHAUS,
            region="Nordafrika",
            registration=True,
            **CONTACT,
        ),
        cities=("kairo", "menzel-bourguiba"),
        registration=DemoRegistration(places=20, registrations=6),
    ),
    DemoEvent(
        _event(
            "jubilaeum-st-helens",
            "Runder Tisch zum Jubiläum der Partnerschaft mit St Helens",
            "Wir feiern die älteste Partnerschaft Stuttgarts und planen das Jubiläumsjahr.",
            "Nach einem Rückblick mit Zeitzeugen sammeln wir Vorschläge für Begegnungen im Jubiläumsjahr.",
            category=EventCategory.ANNIVERSARY,
            start=_at(40, 18),
            end=_at(40, 21),
            venue="Rathaus, Großer Sitzungssaal",
            address=RATHAUS,
            event_language="en",
            registration=True,
            **CONTACT,
        ),
        cities=("st-helens",),
        registration=DemoRegistration(places=8, registrations=10),
    ),
    DemoEvent(
        _event(
            "klimawandel-mumbai",
            "Städte im Klimawandel: Stuttgart und Mumbai im Gespräch",
            "Hitze, Starkregen, Mobilität: Fachleute beider Städte diskutieren, was Städte voneinander lernen.",
            "Die Diskussion findet im Rathaus statt und wird live übertragen; Fragen aus dem Publikum sind willkommen.",
            category=EventCategory.EVENT,
            start=_at(19, 19),
            end=_at(19, 21),
            venue="Rathaus, Großer Sitzungssaal",
            address=RATHAUS,
            online_url="https://stream.stuttgart.example/klimawandel-mumbai",
            **CONTACT,
        ),
        cities=("mumbai",),
    ),
    DemoEvent(
        _event(
            "filmtage-lodz",
            "Filmtage Łódź",
            "Drei Tage Kino aus der Filmstadt Łódź, mit Gästen der Filmhochschule.",
            "Gezeigt werden Spiel- und Dokumentarfilme mit deutschen Untertiteln. Der Eintritt ist frei.",
            category=EventCategory.CULTURE,
            start=_at(33, 0),
            end=_at(35, 0),
            all_day=True,
            venue="Kommunales Kino",
            address="Filmhaus, Friedrichstraße 23A, 70174 Stuttgart",
            event_language="pl",
            organiser="Kulturamt Stuttgart",
        ),
        cities=("lodz",),
    ),
    DemoEvent(
        _event(
            "partnerschaftslauf-strassburg",
            "Partnerschaftslauf Stuttgart–Straßburg",
            "Laufgruppen aus beiden Städten laufen gemeinsam um den Max-Eyth-See.",
            "Gelaufen werden fünf und zehn Kilometer; anschließend gibt es ein Fest mit den Gästen aus Straßburg.",
            category=EventCategory.SPORT,
            start=_at(55, 10),
            end=_at(55, 13),
            venue="Max-Eyth-See",
            address="Mühlhäuser Straße, 70378 Stuttgart",
            organiser="Amt für Sport und Bewegung",
            registration=True,
        ),
        cities=("strassburg",),
        registration=DemoRegistration(places=50, registrations=3),
    ),
    DemoEvent(
        _event(
            "runder-tisch-chmelnyzkyj",
            "Runder Tisch Chmelnyzkyj",
            "Hilfe, die ankommt: Engagierte stimmen die Unterstützung für Stuttgarts ukrainische Partnerstadt ab.",
            "Wir berichten über laufende Hilfsprojekte und planen die nächsten gemeinsam mit der Stadtverwaltung"
            " von Chmelnyzkyj, die online zugeschaltet ist.",
            category=EventCategory.ROUND_TABLE,
            start=_at(68, 18),
            end=_at(68, 20),
            venue="Rathaus, Mittlerer Sitzungssaal",
            address=RATHAUS,
            online_url="https://meet.stuttgart.example/runder-tisch-chmelnyzkyj",
            event_language="uk",
            **CONTACT,
        ),
        cities=("chmelnyzkyj",),
    ),
    DemoEvent(
        _event(
            "runder-tisch-cardiff",
            "Runder Tisch Cardiff",
            "Schulen und Chöre berichten von ihren Begegnungen mit Cardiff.",
            "Ein Rückblick auf das Jahr der Partnerschaft mit Bildern und Berichten der Gruppen.",
            category=EventCategory.ROUND_TABLE,
            start=_at(-20, 18),
            end=_at(-20, 20),
            venue="Rathaus, Kleiner Sitzungssaal",
            address=RATHAUS,
            **CONTACT,
        ),
        cities=("cardiff",),
    ),
    DemoEvent(
        _event(
            "empfang-strassburg",
            "Empfang für die Delegation aus Straßburg",
            "Der Oberbürgermeister empfängt die Gäste aus Straßburg im Rathaus.",
            "Zum Empfang sind die Vereine eingeladen, die Begegnungen mit Straßburg pflegen.",
            category=EventCategory.EVENT,
            start=_at(-45, 11),
            end=_at(-45, 13),
            venue="Rathaus, Großer Sitzungssaal",
            address=RATHAUS,
            event_language="fr",
            **CONTACT,
        ),
        cities=("strassburg",),
    ),
]

EVENT_PAGES = [event.page for event in DEMO_EVENTS]


def link_event_cities(pages) -> None:
    """Name each demo event's partner cities, unless an editor has: the city pages exist only once the whole tree is
    built. Translations made afterwards copy them."""
    cities = {page.slug: page for page in pages if isinstance(page, PartnerCityPage)}
    events = {event.page.slug: event for event in DEMO_EVENTS}
    for page in pages:
        event = events.get(page.slug)
        if event is None or not isinstance(page, EventPage) or page.partner_cities.exists():
            continue
        page.partner_cities = [cities[slug] for slug in event.cities]
        page.save_revision().publish()
