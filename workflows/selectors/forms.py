"""Reads about form pages: the page whose settings govern a form's cases, form titles, places taken."""

from django.conf import settings

from workflows.definitions.states import CaseState
from workflows.models import (
    FormPage,
    Submission,
)


def of_form(form_key, path: str = "page__") -> dict:
    """Filter arguments for rows of the form page in the default language, whose settings govern its cases."""
    return {f"{path}translation_key": form_key, f"{path}locale__language_code": settings.LANGUAGE_CODE}


def form_settings_page(form_key) -> FormPage | None:
    """The form page whose workflow settings govern the cases of `form_key`: the one in the default language
    (forms are written in German; translations carry copies of its settings)."""
    return FormPage.objects.filter(**of_form(form_key, path="")).first()


def form_titles(pages, language: str) -> dict[str, str]:
    """{form key: title in `language`, else the German one} of the form pages `pages`, any translations among them."""
    titles = {}
    rows = pages.filter(locale__language_code__in={settings.LANGUAGE_CODE, language}).values_list(
        "translation_key", "locale__language_code", "title"
    )
    for key, code, title in rows:
        if code == language or str(key) not in titles:
            titles[str(key)] = title
    return titles


def form_title(form_key, language: str) -> str:
    """The form's title in `language`, or the German one when it has no translation into it."""
    return form_titles(FormPage.objects.filter(translation_key=form_key), language).get(str(form_key), "")


def places_taken(form_key) -> int:
    """How many registrations through a form (any of its translations) hold a confirmed place."""
    return Submission.objects.filter(form_key=form_key, state=CaseState.CONFIRMED).count()
