"""Stuttgart's partner, friendship and solidarity cities, one page each below an index page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from .pages import SitePage


class Relationship(models.TextChoices):
    PARTNERSHIP = "partnership", _("Partner city")
    FRIENDSHIP = "friendship", _("Friendship city")
    SOLIDARITY = "solidarity", _("Solidarity partnership")
    DISTRICT = "district", _("District partnership")


GROUP_HEADINGS = {
    Relationship.PARTNERSHIP: _("Partner cities"),
    Relationship.FRIENDSHIP: _("Friendship cities"),
    Relationship.SOLIDARITY: _("Solidarity partnerships"),
    Relationship.DISTRICT: _("District partnerships"),
}


class PartnershipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")


class PartnerCityIndexPage(SitePage):
    """Lists the cities, grouped by kind of relationship."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.PartnerCityPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner city index")
        verbose_name_plural = _("partner city indexes")

    def cities_by_relationship(self):
        """Pairs of (group heading, cities) in the order of `Relationship`, leaving out empty groups."""
        cities = PartnerCityPage.objects.child_of(self).live().order_by("since", "title")
        groups = []
        for relationship in Relationship:
            members = [city for city in cities if city.relationship == relationship.value]
            if members:
                groups.append((GROUP_HEADINGS[relationship], members))
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["city_groups"] = self.cities_by_relationship()
        return context


class PartnerCityPage(SitePage):
    """One city. The page title is the city's name in the page's language."""

    country = models.CharField(_("country"), max_length=80)
    since = models.PositiveSmallIntegerField(_("partner since (year)"))
    relationship = models.CharField(
        _("relationship"), max_length=20, choices=Relationship.choices, default=Relationship.PARTNERSHIP
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PartnershipStatus.choices,
        default=PartnershipStatus.ACTIVE,
        help_text=_("A suspended partnership stays listed, marked as suspended."),
    )
    languages = models.CharField(
        _("languages spoken"), max_length=160, help_text=_("As people in the city would name them, e.g. “Polish”.")
    )

    parent_page_types = ["cms.PartnerCityIndexPage"]
    subpage_types = []

    content_panels = [
        *SitePage.content_panels[:1],
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("since")]),
                FieldRowPanel([FieldPanel("relationship"), FieldPanel("status")]),
                FieldPanel("languages"),
            ],
            heading=_("Partnership"),
        ),
        *SitePage.content_panels[1:],
    ]
    search_fields = [*SitePage.search_fields, index.SearchField("country"), index.FilterField("relationship")]

    class Meta:
        verbose_name = _("partner city")
        verbose_name_plural = _("partner cities")

    @property
    def is_suspended(self) -> bool:
        return self.status == PartnershipStatus.SUSPENDED
