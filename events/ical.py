"""Events as iCalendar (RFC 5545), built with the icalendar library: Stuttgart's local times with a VTIMEZONE for
Europe/Berlin, a UID per event that is the same in every language and every feed, and each event's address in the
feed's language."""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone

from events.vocabulary import BERLIN

PRODUCT = "-//Landeshauptstadt Stuttgart//Städtepartnerschaften//DE"
STUTTGART = ZoneInfo(BERLIN)


def event_uid(event) -> str:
    """Stable: all translations of an event are one event, in every feed and on every day."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return f"event-{event.translation_key}@{host}"


def local_or_utc(moment: datetime) -> datetime:
    """`moment` in Stuttgart's time, unless that local time names no single instant (it is skipped or repeated when
    the clocks change): then in UTC, which a calendar cannot misread."""
    local = moment.astimezone(STUTTGART)
    earlier, later = local.replace(fold=0), local.replace(fold=1)
    unambiguous = earlier.utcoffset() == later.utcoffset()
    return local if unambiguous else moment.astimezone(UTC)


def ical_event(event, request) -> icalendar.Event:
    entry = icalendar.Event()
    entry.add("uid", event_uid(event))
    entry.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(UTC))
    if event.last_published_at:
        entry.add("last-modified", event.last_published_at.astimezone(UTC))
    if event.all_day:
        entry.add("dtstart", timezone.localdate(event.start))
        entry.add("dtend", timezone.localdate(event.end or event.start) + timedelta(days=1))  # the day after
    else:
        entry.add("dtstart", local_or_utc(event.start))
        if event.end:
            entry.add("dtend", local_or_utc(event.end))
    entry.add("summary", event.title)
    url = event.get_full_url(request)
    entry.add("url", url)
    entry.add("description", "\n\n".join(part for part in (event.intro, url) if part))
    location = ", ".join(part for part in (event.venue, event.address) if part) or event.online_url
    if location:
        entry.add("location", location)
    entry.add("categories", [str(event.get_category_display())])
    if event.contact_email:
        organiser = icalendar.vCalAddress(f"mailto:{event.contact_email}")
        if event.organiser:
            organiser.params["cn"] = icalendar.vText(event.organiser)
        entry.add("organizer", organiser)
    entry.add("status", "CONFIRMED")
    return entry


def ical_calendar(events, *, name: str, request) -> bytes:
    """A calendar of `events` (pages in the feed's language), with the time zones their times use."""
    feed = icalendar.Calendar()
    feed.add("prodid", PRODUCT)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("x-wr-calname", name)
    feed.add("x-wr-timezone", BERLIN)
    for event in events:
        feed.add_component(ical_event(event, request))
    feed.add_missing_timezones()
    return feed.to_ical()
