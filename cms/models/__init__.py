from .cities import PartnerCityIndexPage, PartnerCityPage, PartnershipStatus, Relationship
from .pages import ContentPage, HomePage, SitePage
from .site_settings import OfficeContactSettings

__all__ = [
    "ContentPage",
    "HomePage",
    "OfficeContactSettings",
    "PartnerCityIndexPage",
    "PartnerCityPage",
    "PartnershipStatus",
    "Relationship",
    "SitePage",
]
