"""The events calendar as visitors read it: the events they ask for (upcoming or past, filtered by partner city,
category and language) as a paged list, a month, or an iCalendar feed; and what an event page shows besides its
fields. The pages hand over their events: this module reads no model itself."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext_lazy as _

from cms.selectors import partner_city_choices
from workflows.selectors.forms import places_taken

from .ical import ical_calendar
from .vocabulary import EventCategory, start_of

PER_PAGE = 10
#: Feeds carry the recent past too, so that calendar apps keep what people attended.
FEED_PAST_DAYS = 90


class CalendarFilterForm(forms.Form):
    """What visitors filter by; anything unknown in the address is ignored rather than an error."""

    city = forms.ChoiceField(label=_("Partner city"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    language = forms.ChoiceField(label=_("Language of the event"), required=False)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["city"].choices = [("", _("All partner cities")), *partner_city_choices()]
        self.fields["category"].choices = [("", _("All categories")), *EventCategory.choices]
        self.fields["language"].choices = [("", _("All languages")), *settings.LANGUAGES]

    def filters(self) -> dict:
        """The valid filters the visitor chose, as {field: value}."""
        if not self.is_bound:
            return {}
        return {name: self.data.get(name) for name in self.fields if self.data.get(name) in self.valid_values(name)}

    def valid_values(self, name: str) -> set[str]:
        return {value for value, _label in self.fields[name].choices if value}


def local_today() -> date:
    return timezone.localdate()


@dataclass(frozen=True)
class Day:
    day: date
    in_month: bool
    is_today: bool
    events: list


def month_of(value: str) -> date:
    """The first day of the month `value` names ("2026-12"), or of this month when it names none."""
    try:
        year, month = (int(part) for part in value.split("-"))
        return date(year, month, 1)
    except (AttributeError, TypeError, ValueError):
        return local_today().replace(day=1)


def month_weeks(events, first: date) -> list[list[Day]]:
    """The weeks (Monday first) of the month starting `first`, each day with the events taking place on it."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    grid_start, grid_end = weeks[0][0], weeks[-1][-1]
    in_grid = list(
        events.filter(start__lt=start_of(grid_end + timedelta(days=1)), finishes__gte=start_of(grid_start)).order_by(
            "start", "pk"
        )
    )
    today = local_today()
    return [
        [
            Day(
                day=day,
                in_month=day.month == first.month,
                is_today=day == today,
                events=[
                    event
                    for event in in_grid
                    if timezone.localdate(event.start) <= day <= timezone.localdate(event.finishes)
                ],
            )
            for day in week
        ]
        for week in weeks
    ]


def _query(filters: dict, **more) -> str:
    return urlencode({**filters, **{key: value for key, value in more.items() if value}})


def calendar_response(index_page, request, *, archive: bool):
    """The calendar page: the upcoming events (as a list or a month), or the archive of past ones."""
    form = CalendarFilterForm(request.GET or None)
    filters = form.filters()
    events = index_page.events(filters)
    view = "month" if not archive and request.GET.get("view") == "month" else "list"
    context = {
        "filter_form": form,
        "filters": filters,
        "view": view,
        "archive": archive,
        "feed_query": _query(filters),
        "list_query": _query(filters),
        "month_query": _query(filters, view="month"),
    }
    if view == "month":
        first = month_of(request.GET.get("month", ""))
        previous_month = (first - timedelta(days=1)).replace(day=1)
        next_month = (first + timedelta(days=32)).replace(day=1)
        context.update(
            month=first,
            weeks=month_weeks(events, first),
            weekdays=[(WEEKDAYS_ABBR[index], WEEKDAYS[index]) for index in range(7)],
            previous_query=_query(filters, view="month", month=f"{previous_month:%Y-%m}"),
            next_query=_query(filters, view="month", month=f"{next_month:%Y-%m}"),
        )
    else:
        listed = events.past() if archive else events.upcoming()
        context["events"] = Paginator(listed, PER_PAGE).get_page(request.GET.get("page"))
        context["page_query"] = _query(filters)
    return index_page.render(request, context_overrides=context)


def calendar_feed(index_page, request) -> HttpResponse:
    """The calendar's events (with the filters in the address) as an iCalendar feed in the calendar's language."""
    filters = CalendarFilterForm(request.GET or None).filters()
    since = start_of(local_today() - timedelta(days=FEED_PAST_DAYS))
    events = index_page.events(filters).filter(finishes__gte=since).order_by("start", "pk")
    return _calendar_response(ical_calendar(events, name=index_page.title, request=request), "calendar")


def event_feed(event, request) -> HttpResponse:
    """One event as an iCalendar file, to add it to one's calendar."""
    return _calendar_response(ical_calendar([event], name=event.title, request=request), event.slug)


def _calendar_response(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    return response


def event_context(event, request) -> dict:
    """What an event page shows besides its fields: its partner cities in the page's language, where registration
    stands, and its schema.org description."""
    cities = [city.localized for city in event.partner_cities.live().order_by("title")]
    return {
        "cities": cities,
        "registration": registration_state(event),
        "json_ld": event_json_ld(event, request, cities),
    }


def registration_state(event) -> dict | None:
    """The event's registration form with its places and how many are free, or why it is closed; None without
    a form."""
    form = event.registration_form
    if form is None:
        return None
    places = form.places
    free = max(places - places_taken(form.translation_key), 0) if places is not None else None
    return {"form": form, "places": places, "free": free, "closed": event.registration_closed_reason()}


def event_json_ld(event, request, cities) -> dict:
    """schema.org Event, for search engines and calendar tools."""
    attendance = "Mixed" if event.online_url and (event.venue or event.address) else None
    attendance = attendance or ("Online" if event.online_url and not (event.venue or event.address) else "Offline")
    locations = []
    if event.venue or event.address:
        locations.append(
            {"@type": "Place", "name": event.venue or event.address, "address": event.address or event.venue}
        )
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.intro,
        "url": event.get_full_url(request),
        "startDate": (
            timezone.localdate(event.start) if event.all_day else timezone.localtime(event.start)
        ).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{attendance}EventAttendanceMode",
        "inLanguage": event.event_language,
        "location": locations[0] if len(locations) == 1 else locations,
        "about": [{"@type": "City", "name": city.title} for city in cities],
    }
    if event.end:
        end = timezone.localdate(event.end) if event.all_day else timezone.localtime(event.end)
        data["endDate"] = end.isoformat()
    if event.organiser:
        organiser = {"@type": "Organization", "name": event.organiser}
        if event.contact_email:
            organiser["email"] = event.contact_email
        data["organizer"] = organiser
    return {key: value for key, value in data.items() if value not in ("", [], None)}
