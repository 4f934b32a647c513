"""Reads the forms need from the rest of the site."""

from django.utils.translation import get_language
from wagtail.models import Locale

from cms.models import PartnerCityPage


def partner_city_choices(language_code: str | None = None) -> list[tuple[str, str]]:
    """(stored value, name) of every live partner city, named in the given or the active language.

    The stored value is the German page's slug ("brno"), the same whatever language the form is filled in; a city
    not yet translated keeps its German name.
    """
    default_locale = Locale.get_default()
    locale = Locale.objects.filter(language_code=language_code or get_language()).first() or default_locale
    cities = (
        PartnerCityPage.objects.live()
        .filter(locale__in=[default_locale, locale])
        .values_list("translation_key", "locale_id", "slug", "title")
    )
    german = {key: (slug, title) for key, locale_id, slug, title in cities if locale_id == default_locale.pk}
    local_names = {key: title for key, locale_id, _slug, title in cities if locale_id == locale.pk}
    choices = [(slug, local_names.get(key, title)) for key, (slug, title) in german.items()]
    return sorted(choices, key=lambda choice: choice[1])
