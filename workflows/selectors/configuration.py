"""The editors' configuration of a case's letters and emails: decision templates and notification texts."""

from django.db.models import Q

from workflows.models import (
    DecisionTemplate,
    NotificationText,
)


def decision_template(kind: str, programme_id, language: str):
    """The editors' wording of a decision of `kind` in `language`: the programme's own, else the one for every
    programme, else None (the default wording applies)."""
    templates = DecisionTemplate.objects.filter(kind=kind, locale__language_code=language).filter(
        Q(programme_id=programme_id) | Q(programme__isnull=True)
    )
    return min(templates, key=lambda template: template.programme_id is None, default=None)


def notification_text(step: str, office_id, language: str):
    """The editors' wording of the applicant's email at `step` ("workflow.step") in `language`: the office's own,
    else the one shared by every office, else None (the default wording applies)."""
    texts = NotificationText.objects.filter(step=step, locale__language_code=language).filter(
        Q(office_id=office_id) | Q(office__isnull=True)
    )
    return min(texts, key=lambda text: text.office_id is None, default=None)


def decision_kinds(case) -> list[str]:
    """The kinds of decision one may preview on the case: the one each step open to it now would issue, and those
    it already has (for a correction)."""
    upcoming = [
        transition.custom["decision"](case)
        for transition in case.get_available_state_transitions()
        if transition.custom.get("decision")
    ]
    issued = case.decisions.values_list("kind", flat=True).distinct()
    return list(dict.fromkeys([*upcoming, *issued]))
