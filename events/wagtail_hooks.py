from wagtail import hooks

from cms.models import HomePage, PartnerCityPage
from cms.models.pages import PAGE_CONTEXT_HOOK

from .models import EventPage


@hooks.register(PAGE_CONTEXT_HOOK)
def show_the_next_events(page, request, context):
    """The home page shows the next three events in its language; a partner city page the next five on the city."""
    if isinstance(page, HomePage):
        context["next_events"] = EventPage.objects.next_in(page.locale)
    elif isinstance(page, PartnerCityPage):
        context["city_events"] = EventPage.objects.next_in(page.locale, city=page, limit=5)
