from .cities import PartnerCityIndexPage, PartnerCityPage, PartnershipStatus, Relationship
from .events import EventCategory, EventIndexPage, EventPage
from .pages import ContentPage, HomePage
from .site_settings import OfficeContactSettings

__all__ = [
    "ContentPage",
    "EventCategory",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "OfficeContactSettings",
    "PartnerCityIndexPage",
    "PartnerCityPage",
    "PartnershipStatus",
    "Relationship",
]
