from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Public site")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .models import PartnerCityPage
        from .selectors import forget_partner_city_choices

        page_published.connect(forget_partner_city_choices, sender=PartnerCityPage)
        page_unpublished.connect(forget_partner_city_choices, sender=PartnerCityPage)
