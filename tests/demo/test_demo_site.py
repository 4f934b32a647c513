"""The demo site as a visitor meets it: every page in twelve languages, switchers that lead somewhere."""

import io
import re

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Locale, Page

from demo.catalogues import TEMPLATE_PATH, demo_catalogue
from demo.content import SITE
from demo.people import DEMO_USERS

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
RTL_LANGUAGES = {"ar", "he"}
HTML_TAG = re.compile(r"<html\b[^>]*>")
SWITCHER_LINKS = re.compile(r'<ul class="language-switcher__list".*?</ul>', re.S)
HREF = re.compile(r'href="([^"]+)"')

pytestmark = pytest.mark.django_db


def _demo_slugs(spec=SITE):
    yield spec.slug
    for child in spec.children:
        yield from _demo_slugs(child)


def _german_demo_pages():
    german = Locale.objects.get(language_code="de")
    pages = Page.objects.filter(locale=german, slug__in=list(_demo_slugs())).specific()
    assert len(pages) == len(list(_demo_slugs()))
    return pages


def _all_demo_urls():
    urls = []
    for page in _german_demo_pages():
        for translation in page.get_translations(inclusive=True).live():
            urls.append(translation.url)
    return urls


def test_every_demo_page_is_live_in_all_twelve_languages():
    for page in _german_demo_pages():
        languages = set(page.get_translations(inclusive=True).live().values_list("locale__language_code", flat=True))
        assert languages == set(LANGUAGE_CODES), page.title


def test_every_demo_page_answers_in_its_language_with_the_right_direction(client):
    for url in _all_demo_urls():
        language = url.strip("/").split("/")[0]
        response = client.get(url)
        assert response.status_code == 200, url
        html_tag = HTML_TAG.search(response.content.decode()).group(0)
        assert f'lang="{language}"' in html_tag, url
        expected_direction = "rtl" if language in RTL_LANGUAGES else "ltr"
        assert f'dir="{expected_direction}"' in html_tag, url


def test_every_language_switcher_link_of_every_demo_page_resolves(client):
    checked = {}
    for url in _all_demo_urls():
        body = client.get(url).content.decode()
        switcher = SWITCHER_LINKS.search(body)
        assert switcher, f"no language switcher on {url}"
        links = HREF.findall(switcher.group(0))
        assert len(links) == len(LANGUAGE_CODES), url
        for link in links:
            if link not in checked:
                checked[link] = client.get(link).status_code
            assert checked[link] == 200, f"{link} (from {url}) answers {checked[link]}"


def test_pages_carry_hreflang_alternates_for_every_language_and_a_german_default(client):
    german = Page.objects.get(locale__language_code="de", slug="partnerstaedte")
    french = german.get_translation(Locale.objects.get(language_code="fr"))
    body = client.get(french.url).content.decode()
    for translation in german.get_translations(inclusive=True):
        assert f'hreflang="{translation.locale.language_code}" href="{translation.full_url}"' in body
    assert f'hreflang="x-default" href="{german.full_url}"' in body


def test_translated_pages_have_their_own_text_not_the_german():
    for page in _german_demo_pages():
        for translation in page.get_translations().specific():
            assert translation.intro != page.intro or not page.intro, (translation.locale, page.title)
            assert translation.slug.isascii(), translation.url_path


def test_every_german_demo_text_has_a_translation_in_every_language():
    german_texts = {entry.msgid for entry in polib.pofile(str(TEMPLATE_PATH))}
    for code in LANGUAGE_CODES[1:]:
        missing = german_texts - set(demo_catalogue(code))
        assert not missing, f"{code}: {sorted(missing)[:3]}"


def test_suspended_partnership_is_marked_on_the_city_page(client):
    samara = Page.objects.get(locale__language_code="de", slug="samara")
    body = client.get(samara.url).content.decode()
    assert "ausgesetzt" in body


def test_loading_the_demo_twice_changes_nothing():
    def snapshot():
        page_columns = ("pk", "path", "locale_id", "title", "slug", "live", "latest_revision_id")
        pages = list(Page.objects.order_by("pk").values_list(*page_columns))
        users = list(get_user_model().objects.order_by("pk").values_list("pk", "username", "password", "is_superuser"))
        groups = [
            (group.name, sorted(group.permissions.values_list("codename", flat=True)))
            for group in Group.objects.order_by("name")
        ]
        return pages, users, groups

    before = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == before


def test_demo_users_exist_with_their_groups():
    User = get_user_model()
    for spec in DEMO_USERS:
        user = User.objects.get(username=spec.username)
        assert user.is_superuser == spec.is_superuser
        if spec.group:
            assert list(user.groups.values_list("name", flat=True)) == [spec.group]
