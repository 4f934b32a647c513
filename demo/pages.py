"""Creates the German demo pages and translates them with wagtail-localize."""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cms.models import OfficeContactSettings

from .catalogues import MissingDemoTranslation, demo_catalogue
from .content import PRIVACY_SLUG, SITE, DemoPage


def _stream_value(stream_field, blocks):
    """Native values for a StreamField from (block type, value) pairs, with every block's defaults filled in."""
    stream_block = stream_field.stream_block
    value = []
    for block_type, block_value in blocks:
        block = stream_block.child_blocks[block_type]
        if isinstance(block_value, dict):
            block_value = block.to_python({**block.get_prep_value(block.get_default()), **block_value})
        elif isinstance(block_value, str) and block_type in ("paragraph", "help_paragraph"):
            block_value = RichText(block_value)
        value.append((block_type, block_value))
    return value


def _create_page(model, spec: DemoPage, parent: Page) -> Page:
    values = {"title": spec.title, "slug": spec.slug, "show_in_menus": spec.show_in_menus, "intro": spec.intro}
    if spec.body:
        values["body"] = spec.body
    values.update(spec.fields)
    for name, value in values.items():
        if isinstance(value, list):
            values[name] = _stream_value(model._meta.get_field(name), value)
    page = model(**values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_source_pages(spec: DemoPage = SITE, parent: Page | None = None) -> list[Page]:
    """Create the German pages that do not exist yet (matched by slug under their parent), in tree order.

    Returns every German demo page, existing or new, parents before children.
    """
    parent = parent or Page.get_first_root_node()
    model = apps.get_model(*spec.page_type.split("."))
    page = parent.get_children().type(model).filter(slug=spec.slug, locale=Locale.get_default()).first()
    if page is None:
        page = _create_page(model, spec, parent)
    pages = [page.specific]
    for child in spec.children:
        pages.extend(ensure_source_pages(child, page))
    return pages


def make_demo_site_default(home: Page) -> Site:
    """Serve the demo home page from the default site and remove Wagtail's placeholder welcome page.

    The site's host and port come from WAGTAILADMIN_BASE_URL, so absolute links (hreflang, emails) point to where
    the demo actually runs.
    """
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if site.root_page_id != home.pk:
        previous_root = site.root_page if site.pk else None
        site.root_page = home
        site.site_name = "Städtepartnerschaften Stuttgart"
        site.hostname = base_url.hostname or "localhost"
        site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
        site.save()
        if previous_root is not None and previous_root.pk != home.pk and previous_root.depth == 2:
            previous_root.delete()
    return site


def link_privacy_page(pages: list[Page]) -> None:
    """Point the footer's privacy link at the demo privacy page, unless an editor chose another one."""
    contact = OfficeContactSettings.load()
    if contact.privacy_page_id is None:
        contact.privacy_page = next(page for page in pages if page.slug == PRIVACY_SLUG)
        contact.save(update_fields=["privacy_page"])


def source_texts(page: Page) -> list[tuple[str, str]]:
    """(context, German text) of every translatable segment of a page, in page order."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
    return [(f"{page.slug}:{segment.context.path.split('.')[0]}", segment.string.data) for segment in segments]


def _catalogue_translations(segments, locale: Locale) -> list[StringTranslation]:
    """The demo catalogue's translation of every segment into `locale`; MissingDemoTranslation names the gaps."""
    catalogue = demo_catalogue(locale.language_code)
    missing = [segment.string.data for segment in segments if segment.string.data not in catalogue]
    if missing:
        raise MissingDemoTranslation(locale.language_code, missing)
    translations = {
        (segment.string_id, segment.context_id): StringTranslation(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=catalogue[segment.string.data],
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
        for segment in segments
    }
    return list(translations.values())


@transaction.atomic
def _translate_page(page: Page, locales: list[Locale]) -> None:
    """Publish the translations of a German page into `locales` from the demo catalogues, as an editor's PO upload
    would: the translated strings are stored with the page's translation source (in one statement per language:
    the texts are our own, and the suite reads every page in every language), and wagtail-localize builds and
    publishes each translated page from them.

    The translations are published when this transaction commits. That must happen before the page's children are
    translated: publishing writes back the page as it was when translated, with no children."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    for locale in locales:
        StringTranslation.objects.bulk_create(
            _catalogue_translations(segments, locale),
            update_conflicts=True,
            unique_fields=["translation_of", "locale", "context"],
            update_fields=["data", "translation_type"],
        )
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        translation.save_target(publish=True)


def translate_pages(pages: list[Page], progress=None) -> int:
    """Translate every page into every other content language; returns how many translations were created.

    Pages come parents first, so each page's parent exists in every language before the page is translated.
    `progress(done, total)` is told after each page."""
    locales = list(Locale.objects.exclude(pk=Locale.get_default().pk).order_by("pk"))
    created = 0
    for done, page in enumerate(pages, start=1):
        missing = [locale for locale in locales if not page.has_translation(locale)]
        if missing:
            _translate_page(page, missing)
            created += len(missing)
        if progress:
            progress(done, len(pages))
    return created
