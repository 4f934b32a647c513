"""How to reach the office: shown in every page's footer, editable in the admin (Settings → Office contact)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="mail")
class OfficeContactSettings(BaseGenericSetting):
    street = models.CharField(_("street"), max_length=160, default="Marktplatz 1")
    postcode_city = models.CharField(_("postcode and city"), max_length=80, default="70173 Stuttgart")
    phone = models.CharField(_("phone"), max_length=40, default="+49 711 216-0")
    email = models.EmailField(_("email"), default="aussenbeziehungen@stuttgart.example")
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every page's footer and from the consent of every form, in the visitor's language."),
    )

    class Meta:
        verbose_name = _("office contact")
