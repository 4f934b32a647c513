"""The content languages of settings.LANGUAGES as Wagtail locales."""

from django.conf import settings
from wagtail.models import Locale


def ensure_content_locales() -> list[Locale]:
    """Create any missing locale of settings.LANGUAGES; returns all of them in that order."""
    return [Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES]
