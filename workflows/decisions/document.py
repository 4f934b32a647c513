"""A decision as one HTML document: the binding German letter, then the courtesy translation, ready for rendering."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from workflows.definitions.messages import PLACEHOLDER

from .letter import CaseFacts, LetterWriter, letter_languages


def css_string(text: str) -> str:
    """`text` as a CSS string literal that cannot end the string or the <style> element it is written in."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ").replace("<", "\\3C ")
    return f'"{escaped}"'


def page_number_content(language: str) -> str:
    """CSS `content` for "Page x of y" in `language`, e.g. "Seite " counter(page) " von " counter(pages)."""
    with translation.override(language):
        wording = _("Page {page} of {pages}")
    parts = []
    for index, piece in enumerate(PLACEHOLDER.split(wording)):
        if index % 2:  # the names captured between the pieces of text
            parts.append({"page": "counter(page)", "pages": "counter(pages)"}.get(piece, ""))
        elif piece:
            parts.append(css_string(piece))
    return " ".join(part for part in parts if part)


def page_rules(count: int, languages: list[str]) -> str:
    """One named page per letter: its footer and its page numbers in its language."""
    rules = []
    for number, language in enumerate(languages[:count], start=1):
        rules.append(
            f"@page letter-{number} {{ @bottom-left {{ content: element(footer-{number}); width: 125mm; }}"
            f" @bottom-right {{ content: {page_number_content(language)}; font-size: 7.5pt; color: #444; }} }}"
        )
    return "\n".join(rules)


def decision_html(facts: CaseFacts, *, version: int, languages: list[str] | None = None, draft: bool = False) -> str:
    """The decision's HTML: German first (binding), then the applicant's language if another (courtesy)."""
    languages = languages or letter_languages(facts.case)
    writer = LetterWriter(facts)
    letters = [writer.write(language, binding=index == 0) for index, language in enumerate(languages)]
    with translation.override(languages[0]):
        return render_to_string(
            "workflows/decisions/letter.html",
            {
                "letters": letters,
                "reference": facts.case.reference,
                "issued_on": facts.issued_on,
                "version": version,
                "draft": draft,
                "reason_language": settings.LANGUAGE_CODE,
                "page_rules": page_rules(len(letters), languages),
            },
        )
