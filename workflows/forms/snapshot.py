"""The snapshot of a form's questions, in every language, that each submission keeps."""

import hashlib
import json

from django.core.cache import cache
from django.db import IntegrityError, transaction

from workflows.models.submissions import FormDefinition

from .definitions import field_definitions


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _live_translations(page):
    return type(page).objects.filter(translation_key=page.translation_key, live=True)


def _snapshot_fields(page) -> list[dict]:
    translations = _live_translations(page).select_related("locale")
    labels_by_language = {
        translation.locale.language_code: {d.key: d for d in field_definitions(translation.fields)}
        for translation in translations
    }
    fields = []
    for definition in field_definitions(page.fields):
        translated = {
            language: by_key[definition.key]
            for language, by_key in labels_by_language.items()
            if definition.key in by_key
        }
        fields.append(
            {
                "key": definition.key,
                "type": definition.field_type,
                "required": definition.required,
                "label": {language: item.label for language, item in translated.items()},
                "help_text": {language: item.help_text for language, item in translated.items() if item.help_text},
                "choices": [
                    {
                        "value": value,
                        "label": {
                            language: dict(item.choices).get(value, label) for language, item in translated.items()
                        },
                    }
                    for value, label in definition.choices
                ],
                # What the answer is (the applicant's name, organisation, address): decisions address letters by it.
                **({"purpose": definition.options["purpose"]} if definition.options.get("purpose") else {}),
            }
        )
    return fields


def form_definition_id_for(page) -> int:
    """Id of the stored definition matching the form as it reads now, created the first time it is needed.

    The live revisions of all translations identify what the form reads; while they stay the same, one cheap query
    and the cache find the definition without reading any translation's questions.
    """
    revisions = sorted(_live_translations(page).values_list("pk", "live_revision_id"))
    source = _digest({"page": page.pk, "revisions": revisions})
    cache_key = f"form-definition:{source}"  # content-addressed: an entry can never be stale
    definition_id = cache.get(cache_key)
    if definition_id is None:
        definition = FormDefinition.objects.filter(source=source).first() or _create_definition(page, source)
        definition_id = definition.pk
        # Only once the definition is committed: a rolled-back one must not be remembered.
        transaction.on_commit(lambda: cache.set(cache_key, definition_id, timeout=None))
    return definition_id


def _create_definition(page, source: str) -> FormDefinition:
    fields = _snapshot_fields(page)
    digest = _digest({"form": str(page.translation_key), "fields": fields})
    try:
        with transaction.atomic():
            return FormDefinition.objects.create(
                form_key=page.translation_key, digest=digest, source=source, fields=fields
            )
    except IntegrityError:  # stored by a concurrent submission a moment ago
        return FormDefinition.objects.get(source=source)
