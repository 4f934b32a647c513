"""Translations of the demo content: one PO file per language, keyed by the German source text."""

from functools import cache
from pathlib import Path

import polib

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
TEMPLATE_PATH = TRANSLATIONS_DIR / "demo.pot"


class MissingDemoTranslation(Exception):
    """A German text of the demo content has no translation in a language's PO file."""

    def __init__(self, language_code: str, missing: list[str]):
        self.language_code = language_code
        self.missing = missing
        preview = "; ".join(text[:60] for text in missing[:5])
        super().__init__(
            f"{len(missing)} demo text(s) lack a {language_code} translation in "
            f"{TRANSLATIONS_DIR / (language_code + '.po')}: {preview}"
        )


def catalogue_path(language_code: str) -> Path:
    return TRANSLATIONS_DIR / f"{language_code}.po"


@cache
def demo_catalogue(language_code: str) -> dict[str, str]:
    """German text → translation for every translated, non-fuzzy entry of the language's PO file."""
    path = catalogue_path(language_code)
    if not path.exists():
        return {}
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.msgstr and not entry.fuzzy and not entry.obsolete
    }


def write_template(texts: list[tuple[str, str]]) -> Path:
    """Write the German texts (with where they occur) as a PO template for translators."""
    template = polib.POFile(wrapwidth=0)
    template.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "de"}
    seen = {}
    for occurrence, text in texts:
        if text in seen:
            seen[text].occurrences.append((occurrence, ""))
            continue
        entry = polib.POEntry(msgid=text, msgstr="", occurrences=[(occurrence, "")])
        seen[text] = entry
        template.append(entry)
    template.save(str(TEMPLATE_PATH))
    return TEMPLATE_PATH
