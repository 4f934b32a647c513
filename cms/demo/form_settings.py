"""The demo forms' settings as an editor would make them: programme, workflow, which office groups play its roles,
deadlines per state, places."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import Group
from django.utils import timezone

from workflows.definitions.roles import Role
from workflows.definitions.states import CaseState
from workflows.models import FormPage, FormRole, Programme, StateDeadline

from .events import DEMO_EVENTS
from .people import (
    CULTURE_APPROVERS,
    CULTURE_REVIEWERS,
    EXTERNAL_RELATIONS_APPROVERS,
    EXTERNAL_RELATIONS_REVIEWERS,
    SPORT_APPROVERS,
    SPORT_REVIEWERS,
)

PROGRAMMES = [
    ("AUS", "Austauschbegegnungen", Decimal("60000.00")),
    ("PRA", "Praktika in Partnerstädten", Decimal("20000.00")),
    ("KUL", "Kulturaustausch", Decimal("30000.00")),
    ("SPO", "Sportbegegnungen", Decimal("25000.00")),
]

GRANT_DEADLINES = {
    CaseState.SUBMITTED: 5,
    CaseState.IN_REVIEW: 14,
    CaseState.MORE_INFO: 21,
    CaseState.RECOMMENDED_APPROVAL: 7,
    CaseState.RECOMMENDED_REJECTION: 7,
    CaseState.APPROVED: 10,
    CaseState.PAID: 120,
}


@dataclass(frozen=True)
class DemoFormSettings:
    workflow: str
    roles: dict[Role, str]
    programme: str | None = None
    deadlines: dict[CaseState, int] = field(default_factory=dict)
    places: int | None = None


FORM_SETTINGS = {
    "antrag-austausch": DemoFormSettings(
        "grant",
        {Role.REVIEWER: EXTERNAL_RELATIONS_REVIEWERS, Role.APPROVER: EXTERNAL_RELATIONS_APPROVERS},
        "AUS",
        GRANT_DEADLINES,
    ),
    "antrag-praktikum": DemoFormSettings(
        "internship",
        {Role.REVIEWER: EXTERNAL_RELATIONS_REVIEWERS, Role.APPROVER: EXTERNAL_RELATIONS_APPROVERS},
        "PRA",
        {**GRANT_DEADLINES, CaseState.PLACEMENT_FOUND: 30},
    ),
    "anfrage-kuenstleraustausch": DemoFormSettings(
        "grant", {Role.REVIEWER: CULTURE_REVIEWERS, Role.APPROVER: CULTURE_APPROVERS}, "KUL", GRANT_DEADLINES
    ),
    "anfrage-sportaustausch": DemoFormSettings(
        "grant", {Role.REVIEWER: SPORT_REVIEWERS, Role.APPROVER: SPORT_APPROVERS}, "SPO", GRANT_DEADLINES
    ),
    "interesse-runder-tisch": DemoFormSettings("registration", {Role.REVIEWER: EXTERNAL_RELATIONS_REVIEWERS}, places=3),
    "beratung-anfragen": DemoFormSettings(
        "advice",
        {Role.REVIEWER: EXTERNAL_RELATIONS_REVIEWERS},
        deadlines={CaseState.SUBMITTED: 3, CaseState.ASSIGNED: 10},
    ),
}


FORM_SETTINGS.update(
    {
        event.page.children[0].slug: DemoFormSettings(
            "registration", {Role.REVIEWER: EXTERNAL_RELATIONS_REVIEWERS}, places=event.registration.places
        )
        for event in DEMO_EVENTS
        if event.registration
    }
)


def ensure_programmes() -> dict[str, Programme]:
    year = timezone.localdate().year
    return {
        prefix: Programme.objects.get_or_create(
            name=name, year=year, defaults={"budget": budget, "reference_prefix": prefix}
        )[0]
        for prefix, name, budget in PROGRAMMES
    }


def configure_forms(pages) -> None:
    """Give each German demo form its settings, unless an editor has set its roles already (translations copy them
    when they are made)."""
    programmes = ensure_programmes()
    for page in pages:
        settings = FORM_SETTINGS.get(page.slug)
        if not isinstance(page, FormPage) or settings is None or page.workflow_roles.exists():
            continue
        page.workflow = settings.workflow
        page.programme = programmes[settings.programme] if settings.programme else None
        page.places = settings.places
        page.workflow_roles = [
            FormRole(role=role, group=Group.objects.get(name=group)) for role, group in settings.roles.items()
        ]
        page.state_deadlines = [StateDeadline(state=state, days=days) for state, days in settings.deadlines.items()]
        page.save_revision().publish()
