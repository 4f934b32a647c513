"""The one entry point that builds the demo: pages in twelve languages, office groups and demo users."""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.locales import ensure_content_locales

from .bulk import pages_built_in_bulk
from .cases import ensure_demo_cases
from .events import link_event_cities
from .form_settings import configure_forms
from .pages import ensure_source_pages, link_privacy_page, make_demo_site_default, translate_pages
from .people import ensure_groups, ensure_offices, ensure_users


@dataclass(frozen=True)
class DemoReport:
    source_pages: int
    translations_created: int
    users: int
    cases: int


def _silent(message: str) -> None:
    """The default progress reporter: says nothing."""


def load_demo(say=_silent) -> DemoReport:
    """Create whatever part of the demo is missing; running it again changes nothing.

    Demo users (with a well-known password), and the demo cases they work on, are created only where
    settings.DEMO_USERS_ENABLED is true. `say(message)` is told what is being built, with counts.
    """
    ensure_content_locales()
    groups = ensure_groups()
    offices = ensure_offices(groups)
    # Hundreds of pages are saved here: index their references and their search entries once at the end, rather
    # than queueing a task per save for the worker.
    with disable_reference_index_auto_update(), pages_built_in_bulk():
        pages = ensure_source_pages()
        say(f"German pages: {len(pages)}")
        make_demo_site_default(pages[0])
        link_privacy_page(pages)
        link_event_cities(pages)
        configure_forms(pages, offices)
        translations_created = translate_pages(pages, progress=_every_tenth_page(say))
    if translations_created:
        say("Indexing pages for search and references")
        call_command("rebuild_references_index", stdout=io.StringIO())
        call_command("update_index", stdout=io.StringIO())
    users = ensure_users(groups) if settings.DEMO_USERS_ENABLED else []
    cases = ensure_demo_cases(pages) if settings.DEMO_USERS_ENABLED else 0
    if settings.DEMO_USERS_ENABLED:
        say(f"Demo users: {len(users)}; demo cases created: {cases}")
    return DemoReport(source_pages=len(pages), translations_created=translations_created, users=len(users), cases=cases)


def _every_tenth_page(say):
    def progress(done: int, total: int) -> None:
        if done % 10 == 0 or done == total:
            say(f"Translations: {done} of {total} pages in all {len(settings.LANGUAGES)} languages")

    return progress
