import json

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from cms.navigation import language_links, localized_home, view_language_links

register = template.Library()


@register.simple_tag(takes_context=True)
def site_home(context):
    return localized_home(context["request"])


@register.simple_tag(takes_context=True)
def translations_of(context, page=None):
    """Language links for `page`, computed once per request. Without a page: links to the same address in each
    language where the view says it reads in all (`translatable_url` in its context), else to the language homes."""
    request = context["request"]
    if not isinstance(page, Page):
        page = None  # error pages and non-page views have no page, or an empty string in its place
    same_view = page is None and context.get("translatable_url")
    cache_key = ("language_links", getattr(page, "pk", None), bool(same_view))
    cache = request.__dict__.setdefault("_site_tags_cache", {})
    if cache_key not in cache:
        if same_view:
            cache[cache_key] = view_language_links(request, get_language())
        else:
            cache[cache_key] = language_links(request, page, get_language())
    return cache[cache_key]


@register.simple_tag
def nav_state(section, page=None):
    """`aria-current` value of a menu entry: "page" on the section itself, "true" anywhere below it."""
    if page is None or not hasattr(page, "path"):
        return ""
    if page.pk == section.pk:
        return "page"
    return "true" if page.path.startswith(section.path) else ""


#: What would let a string end the script element it is in, escaped as JSON allows.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """`data` as a JSON-LD script element; editors' texts in it cannot close the element."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
