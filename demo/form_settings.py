"""The demo forms' settings as an editor would make them: programme, workflow, which office groups play its roles,
deadlines per state, places."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import Group
from django.utils import timezone

from workflows.definitions.roles import Role
from workflows.definitions.states import CaseState
from workflows.models import FormPage, FormRole, Office, Programme, StateDeadline

from .events import DEMO_EVENTS
from .people import (
    CULTURE,
    CULTURE_APPROVERS,
    CULTURE_REVIEWERS,
    EXTERNAL_RELATIONS,
    EXTERNAL_RELATIONS_APPROVERS,
    EXTERNAL_RELATIONS_REVIEWERS,
    SPORT,
    SPORT_APPROVERS,
    SPORT_REVIEWERS,
)

PROGRAMMES = [
    ("AUS", "Austauschbegegnungen", Decimal("60000.00"), EXTERNAL_RELATIONS),
    ("PRA", "Praktika in Partnerstädten", Decimal("20000.00"), EXTERNAL_RELATIONS),
    ("KUL", "Kulturaustausch", Decimal("30000.00"), CULTURE),
    ("SPO", "Sportbegegnungen", Decimal("25000.00"), SPORT),
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
    office: str
    programme: str | None = None
    deadlines: dict[CaseState, int] = field(default_factory=dict)
    places: int | None = None


FORM_SETTINGS = {
    "antrag-austausch": DemoFormSettings(
        "grant",
        {Role.REVIEWER: EXTERNAL_RELATIONS_REVIEWERS, Role.APPROVER: EXTERNAL_RELATIONS_APPROVERS},
        EXTERNAL_RELATIONS,
        "AUS",
        GRANT_DEADLINES,
    ),
    "antrag-praktikum": DemoFormSettings(
        "internship",
        {Role.REVIEWER: EXTERNAL_RELATIONS_REVIEWERS, Role.APPROVER: EXTERNAL_RELATIONS_APPROVERS},
        EXTERNAL_RELATIONS,
        "PRA",
        {**GRANT_DEADLINES, CaseState.PLACEMENT_FOUND: 30},
    ),
    "anfrage-kuenstleraustausch": DemoFormSettings(
        "grant", {Role.REVIEWER: CULTURE_REVIEWERS, Role.APPROVER: CULTURE_APPROVERS}, CULTURE, "KUL", GRANT_DEADLINES
    ),
    "anfrage-sportaustausch": DemoFormSettings(
        "grant", {Role.REVIEWER: SPORT_REVIEWERS, Role.APPROVER: SPORT_APPROVERS}, SPORT, "SPO", GRANT_DEADLINES
    ),
    "interesse-runder-tisch": DemoFormSettings(
        "registration", {Role.REVIEWER: EXTERNAL_RELATIONS_REVIEWERS}, EXTERNAL_RELATIONS, places=3
    ),
    "beratung-anfragen": DemoFormSettings(
        "advice",
        {Role.REVIEWER: EXTERNAL_RELATIONS_REVIEWERS},
        EXTERNAL_RELATIONS,
        deadlines={CaseState.SUBMITTED: 3, CaseState.ASSIGNED: 10},
    ),
}


FORM_SETTINGS.update(
    {
        event.page.children[0].slug: DemoFormSettings(
            "registration",
            {Role.REVIEWER: EXTERNAL_RELATIONS_REVIEWERS},
            EXTERNAL_RELATIONS,
            places=event.registration.places,
        )
        for event in DEMO_EVENTS
        if event.registration
    }
)


def ensure_programmes(offices: dict[str, Office]) -> dict[str, Programme]:
    """This year's demo programmes, each run by its office (also one created before offices existed)."""
    year = timezone.localdate().year
    programmes = {}
    for prefix, name, budget, office in PROGRAMMES:
        programme, _created = Programme.objects.get_or_create(
            name=name, year=year, defaults={"budget": budget, "reference_prefix": prefix, "office": offices[office]}
        )
        if programme.office_id is None:
            programme.office = offices[office]
            programme.save(update_fields=["office"])
        programmes[prefix] = programme
    return programmes


def configure_forms(pages, offices: dict[str, Office]) -> None:
    """Give each German demo form its settings, unless an editor has set its roles already (translations copy them
    when they are made)."""
    programmes = ensure_programmes(offices)
    for page in pages:
        settings = FORM_SETTINGS.get(page.slug)
        if not isinstance(page, FormPage) or settings is None or page.workflow_roles.exists():
            continue
        page.workflow = settings.workflow
        page.office = offices[settings.office]
        page.programme = programmes[settings.programme] if settings.programme else None
        page.places = settings.places
        page.workflow_roles = [
            FormRole(role=role, group=Group.objects.get(name=group)) for role, group in settings.roles.items()
        ]
        page.state_deadlines = [StateDeadline(state=state, days=days) for state, days in settings.deadlines.items()]
        page.save_revision().publish()
