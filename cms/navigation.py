"""Where a visitor can go from the page they are on: the same page in other languages, and the site's sections."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info
from wagtail.models import Page, Site


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    absolute_url: str
    is_current: bool
    bidi: bool


def localized_home(request) -> Page | None:
    """The site's home page in the active language (the German one where no translation exists)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.specific.localized


def language_links(request, page: Page | None, current_language: str) -> list[LanguageLink]:
    """Links to every live translation of `page`, in the order of settings.LANGUAGES and named in their own language,
    keeping the query string.

    Without a page (error pages, non-page views) the links lead to each language's home page.
    """
    target = page if page is not None else localized_home(request)
    if target is None:
        return []
    translations = {
        translation.locale.language_code: translation
        for translation in target.get_translations(inclusive=True).live().select_related("locale")
    }
    current_site = Site.find_for_request(request)
    # What the visitor chose on the page (e.g. a calendar's filters and month) stays chosen in the other language.
    query = f"?{request.META['QUERY_STRING']}" if request.META.get("QUERY_STRING") and page is not None else ""
    links = []
    for code, own_name in settings.LANGUAGES:
        translation = translations.get(code)
        url_parts = translation.get_url_parts(request) if translation is not None else None
        if url_parts is None:  # no translation, or one outside any site
            continue
        site_id, root_url, path = url_parts
        path += query
        links.append(
            LanguageLink(
                code=code,
                name=own_name,
                url=path if current_site and site_id == current_site.pk else root_url + path,
                absolute_url=root_url + path,
                is_current=code == current_language,
                bidi=get_language_info(code)["bidi"],
            )
        )
    return links


def view_language_links(request, current_language: str) -> list[LanguageLink]:
    """Links to the view the visitor is on (not a page, e.g. an applicant's status page) in every language."""
    links = []
    for code, own_name in settings.LANGUAGES:
        path = translate_url(request.get_full_path(), code)
        links.append(
            LanguageLink(
                code=code,
                name=own_name,
                url=path,
                absolute_url=request.build_absolute_uri(path),
                is_current=code == current_language,
                bidi=get_language_info(code)["bidi"],
            )
        )
    return links
