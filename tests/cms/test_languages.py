"""Language choice: the root redirect, our UI catalogues, and the direction of the page."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# Words that are genuinely the same in a translation as in the English source.
SAME_EVERYWHERE = {"IBAN", "PDF", "%(size)s MB"}
SAME_AS_SOURCE = {
    "de": {"Text", "Website", "Status", "Städtepartnerschaften Stuttgart", "Organisation", "Sport", "Online"},
    "fr": {
        "Page",
        "Image",
        "introduction",
        "Contact",
        "Date",
        "budget (€)",
        "Version",
        "version",
        "Document",
        "%(euros)s euros",
        "Culture",
        "Sport",
        "Pages",
    },
    "pl": {"status", "Status", "Sport", "region", "Online"},
    "cs": {"Text", "Sport", "region", "Online"},
}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{.*?\}\}|\{\w*\}")


def _catalogue(code):
    return polib.pofile(str(LOCALE_DIR / to_locale(code) / "LC_MESSAGES" / "django.po"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ar,en;q=0.5", "/ar/"),
        ("ja-JP,ja;q=0.9", "/ja/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("he-IL", "/he/"),
        ("pt-BR,pt;q=0.9", "/de/"),
        ("", "/de/"),
    ],
)
def test_root_redirects_to_the_browsers_language_with_german_as_fallback(client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_catalogue_has_no_empty_fuzzy_or_untranslated_message(code):
    catalogue = _catalogue(code)
    assert len(catalogue) > 0
    assert catalogue.percent_translated() == 100, [entry.msgid for entry in catalogue.untranslated_entries()]
    assert not catalogue.fuzzy_entries()
    if code != "en":
        allowed = SAME_EVERYWHERE | SAME_AS_SOURCE.get(code, set())
        copies = [entry.msgid for entry in catalogue if entry.msgstr == entry.msgid and entry.msgid not in allowed]
        assert not copies, f"{code} copies the source text of: {copies}"


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_catalogue_keeps_every_placeholder(code):
    for entry in _catalogue(code):
        expected = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            assert sorted(PLACEHOLDER.findall(translation)) == expected, entry.msgid


def test_every_catalogue_holds_the_same_messages():
    reference = {entry.msgid for entry in _catalogue("de")}
    for code in LANGUAGE_CODES:
        assert {entry.msgid for entry in _catalogue(code)} == reference, code


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "skip_link"),
    [("de", "Zum Inhalt springen"), ("en", "Skip to content")],
)
def test_interface_text_follows_the_page_language(client, language, skip_link):
    assert skip_link in client.get(f"/{language}/").content.decode()


@pytest.mark.django_db
def test_an_unknown_address_gets_a_404_page_in_the_requested_language(client):
    response = client.get("/fr/cette-page-nexiste-pas/")
    assert response.status_code == 404
    body = response.content.decode()
    assert 'lang="fr"' in body
    assert _catalogue("fr").find("Page not found").msgstr in body
