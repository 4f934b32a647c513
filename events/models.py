"""Events and round tables, announced in the events calendar; people register through a form page below the event."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.models import PartnerCityPage, SitePage
from workflows.models import FormPage

from . import calendar
from .vocabulary import EventCategory, start_of


class EventQuerySet(PageQuerySet):
    def with_finish(self):
        """Annotated with `finishes`: when each event ends (its start, for events without an end)."""
        return self.annotate(finishes=Coalesce("end", "start"))

    def filtered(self, filters: dict):
        """The events matching a calendar's filters: {"city": German city slug, "category", "language"}."""
        events = self
        if filters.get("city"):
            events = events.filter(partner_cities__slug=filters["city"])
        if filters.get("category"):
            events = events.filter(category=filters["category"])
        if filters.get("language"):
            events = events.filter(event_language=filters["language"])
        return events.distinct()

    def upcoming(self):
        """Events that have not ended before today (today's stay all day), soonest first. Needs `with_finish()`."""
        return self.filter(finishes__gte=start_of(timezone.localdate())).order_by("start", "pk")

    def past(self):
        return self.filter(finishes__lt=start_of(timezone.localdate())).order_by("-start", "-pk")

    def next_in(self, locale: Locale, *, city=None, limit: int = 3) -> list:
        """The next live events in `locale`, on the partner city `city` (any of its translations) if given."""
        events = self.live().filter(locale=locale).with_finish()
        if city is not None:
            events = events.filter(partner_cities__translation_key=city.translation_key)
        return list(events.distinct().upcoming()[:limit])


class EventPageForm(WagtailAdminPageForm):
    """Editors pick partner cities among the German city pages, which translations of the event share."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "partner_cities" in self.fields:
            cities = PartnerCityPage.objects.filter(locale=Locale.get_default()).order_by("title")
            self.fields["partner_cities"].queryset = cities


class EventIndexPage(RoutablePageMixin, SitePage):
    """The events calendar: upcoming events as a list or a month, filtered; the archive; iCalendar feeds."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    template = "events/event_index_page.html"

    class Meta:
        verbose_name = _("events calendar")
        verbose_name_plural = _("events calendars")

    def events(self, filters: dict | None = None):
        """The calendar's live events (in its language), filtered, with `finishes`."""
        return EventPage.objects.live().child_of(self).with_finish().filtered(filters or {})

    @path("")
    def upcoming_view(self, request):
        return calendar.calendar_response(self, request, archive=False)

    @path("archiv/", name="archive")
    def archive_view(self, request):
        return calendar.calendar_response(self, request, archive=True)

    @path("ical/", name="ical")
    def ical_view(self, request):
        return calendar.calendar_feed(self, request)


class EventPage(RoutablePageMixin, SitePage):
    """One event or round table. Times are entered and shown in Stuttgart's time (Europe/Berlin); registration, where
    there is one, goes through a registration form page placed below the event, whose places are the capacity."""

    category = models.CharField(_("category"), max_length=20, choices=EventCategory.choices)
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), null=True, blank=True)
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Only the days count; the times of start and end are ignored.")
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True, help_text=_("e.g. “Rathaus, Großer Sitzungssaal”"))
    address = models.CharField(_("address"), max_length=255, blank=True)
    online_url = models.URLField(_("online link"), blank=True, help_text=_("For events held online or streamed."))
    partner_cities = ParentalManyToManyField(
        "cms.PartnerCityPage", verbose_name=_("partner cities"), blank=True, related_name="events"
    )
    region = models.CharField(
        _("region"), max_length=120, blank=True, help_text=_("For round tables on a region, e.g. “North Africa”.")
    )
    event_language = models.CharField(
        _("language of the event"), max_length=12, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Registrations close then; without a deadline, when the event starts."),
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["workflows.FormPage"]

    objects = PageManager.from_queryset(EventQuerySet)()
    template = "events/event_page.html"
    base_form_class = EventPageForm

    content_panels = [
        *SitePage.content_panels[:2],
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("category"), FieldPanel("event_language")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("partner_cities", widget=forms.CheckboxSelectMultiple), FieldPanel("region")],
            heading=_("Partner cities concerned"),
        ),
        MultiFieldPanel(
            [FieldPanel("organiser"), FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")])],
            heading=_("Organiser and contact"),
        ),
        FieldPanel(
            "registration_deadline",
            help_text=_(
                "To take registrations, add a registration form below this event (workflow “Registration”); its "
                "places are the event's capacity."
            ),
        ),
        *SitePage.content_panels[2:],
    ]
    search_fields = [
        *SitePage.search_fields,
        index.FilterField("start"),
        index.FilterField("category"),
        index.SearchField("venue"),
    ]
    override_translatable_fields = [
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
        SynchronizedField("all_day", overridable=False),
        SynchronizedField("category", overridable=False),
        SynchronizedField("event_language", overridable=False),
        SynchronizedField("online_url", overridable=False),
        SynchronizedField("partner_cities", overridable=False),
        SynchronizedField("contact_email", overridable=False),
        SynchronizedField("contact_phone", overridable=False),
        SynchronizedField("registration_deadline", overridable=False),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start"]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must not be before the start.")})
        if self.start and self.registration_deadline and self.registration_deadline > self.start:
            raise ValidationError({"registration_deadline": _("Registration must close before the event starts.")})

    @property
    def ends(self):
        return self.end or self.start

    @property
    def closes_at(self):
        """When registration closes: the deadline, or the start of the event."""
        return self.registration_deadline or self.start

    def registration_closed_reason(self, *, now=None) -> str:
        """Why the event's registration form takes no more registrations, or "" while it does. Read by the form
        page below the event before it shows or accepts its form."""
        now = now or timezone.now()
        if now < self.closes_at:
            return ""
        closed = date_format(timezone.localtime(self.closes_at), "DATETIME_FORMAT")
        return gettext("Registration for this event closed on %(date)s.") % {"date": closed}

    @cached_property
    def registration_form(self):
        """The live registration form below the event, in the event's language, or None."""
        return FormPage.objects.child_of(self).live().filter(workflow="registration").first()

    def get_context(self, request, *args, **kwargs):
        return {**super().get_context(request, *args, **kwargs), **calendar.event_context(self, request)}

    @path("ical/", name="ical")
    def ical_view(self, request):
        return calendar.event_feed(self, request)
