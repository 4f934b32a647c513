"""Reads about the site that other apps need: the partner cities, as forms and filters offer them."""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Locale

from .models import PartnerCityPage

CACHE_KEY = "partner-city-choices:{}"


def forget_partner_city_choices(**kwargs) -> None:
    """Drop the cached choices of every language (connected to publishing and unpublishing city pages)."""
    cache.delete_many([CACHE_KEY.format(code) for code, _name in settings.LANGUAGES])


def partner_city_choices(language_code: str | None = None) -> list[tuple[str, str]]:
    """(stored value, name) of every live partner city, named in the given or the active language.

    The stored value is the German page's slug ("brno"), the same whatever language the form is filled in; a city
    not yet translated keeps its German name. Cached until a city page is published or unpublished.
    """
    language_code = language_code or get_language()
    return cache.get_or_set(CACHE_KEY.format(language_code), lambda: _partner_city_choices(language_code), 3600)


def _partner_city_choices(language_code: str) -> list[tuple[str, str]]:
    default_locale = Locale.get_default()
    locale = Locale.objects.filter(language_code=language_code).first() or default_locale
    cities = (
        PartnerCityPage.objects.live()
        .filter(locale__in=[default_locale, locale])
        .values_list("translation_key", "locale_id", "slug", "title")
    )
    german = {key: (slug, title) for key, locale_id, slug, title in cities if locale_id == default_locale.pk}
    local_names = {key: title for key, locale_id, _slug, title in cities if locale_id == locale.pk}
    choices = [(slug, local_names.get(key, title)) for key, (slug, title) in german.items()]
    return sorted(choices, key=lambda choice: choice[1])
