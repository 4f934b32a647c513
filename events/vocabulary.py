"""What kinds of event there are, and the time zone every event is entered and shown in."""

from datetime import date, datetime, time

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

#: Events take place in Stuttgart's time, wherever the visitor is.
BERLIN = "Europe/Berlin"


def start_of(day: date) -> datetime:
    """Midnight at the start of `day` in Stuttgart (the project's time zone)."""
    return timezone.make_aware(datetime.combine(day, time.min))


class EventCategory(models.TextChoices):
    ROUND_TABLE = "round_table", _("Round table")
    EVENT = "event", pgettext_lazy("event category", "Event")
    CULTURE = "culture", _("Culture")
    SPORT = "sport", _("Sport")
    ANNIVERSARY = "anniversary", _("Anniversary")
