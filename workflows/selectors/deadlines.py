"""How long a case may rest in a state, and which cases have rested too long (the inbox's overdue filter)."""

from datetime import timedelta
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from workflows.models import (
    StateDeadline,
)


def state_deadlines() -> dict[tuple, int]:
    """{(form key, state): days} for every deadline any form sets; a handful of rows."""
    rows = StateDeadline.objects.filter(page__locale__language_code=settings.LANGUAGE_CODE).values_list(
        "page__translation_key", "state", "days"
    )
    return {(form_key, state): days for form_key, state, days in rows}


def overdue_filter(deadlines: dict[tuple, int], *, now=None) -> Q:
    """Cases resting in their state longer than their form allows, as one condition the database can index."""
    now = now or timezone.now()
    conditions = [
        Q(form_key=form_key, state=state, state_changed_at__lt=now - timedelta(days=days))
        for (form_key, state), days in deadlines.items()
    ]
    return reduce(or_, conditions) if conditions else Q(pk__in=[])


def is_overdue(case, *, now=None, deadlines=None) -> bool:
    """Whether the case has rested in its state longer than its form allows (`deadlines` from state_deadlines())."""
    deadlines = state_deadlines() if deadlines is None else deadlines
    days = deadlines.get((case.form_key, case.state))
    if days is None:
        return False
    return (now or timezone.now()) - case.state_changed_at > timedelta(days=days)
