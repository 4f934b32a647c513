"""The snapshot of a form's questions, in every language, that each submission keeps."""

import hashlib
import json

from django.db import IntegrityError, transaction

from workflows.models.submissions import FormDefinition

from .definitions import field_definitions


def _snapshot_fields(page) -> list[dict]:
    translations = type(page).objects.filter(translation_key=page.translation_key, live=True).select_related("locale")
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
            }
        )
    return fields


def form_definition_for(page) -> FormDefinition:
    """The stored definition matching the form as it reads now, created the first time it is needed."""
    fields = _snapshot_fields(page)
    payload = json.dumps({"form": str(page.translation_key), "fields": fields}, sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(payload.encode()).hexdigest()
    definition = FormDefinition.objects.filter(digest=digest).first()
    if definition is not None:
        return definition
    try:
        with transaction.atomic():
            return FormDefinition.objects.create(form_key=page.translation_key, digest=digest, fields=fields)
    except IntegrityError:  # created by a concurrent submission a moment ago
        return FormDefinition.objects.get(digest=digest)
