"""Building hundreds of pages without the work each save does for an editor's one-at-a-time change.

Every save of an indexed model queues a search-index task for the worker (Wagtail's search auto-update): the demo
saves each of its 504 pages about five times, which left 2,474 tasks in front of the first email after `make run`.
And a translation starts as a copy under the German slug, so renaming it to its translated slug made Wagtail
record a redirect from a German address that never existed in that language (343 of them). While the demo is built,
neither happens; the loader indexes the pages once at the end.
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.contrib.redirects.signal_handlers import autocreate_redirects_on_slug_change
from wagtail.signals import page_slug_changed


@contextmanager
def pages_built_in_bulk():
    """Queue no search-index task and record no redirect for pages saved inside; the caller indexes them later."""
    indexed = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in indexed:
        post_save.disconnect(post_save_signal_handler, sender=model)
    page_slug_changed.disconnect(autocreate_redirects_on_slug_change)
    try:
        yield
    finally:
        page_slug_changed.connect(autocreate_redirects_on_slug_change)
        for model in indexed:
            post_save.connect(post_save_signal_handler, sender=model)
