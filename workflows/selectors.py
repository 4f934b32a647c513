"""Reads about cases: whose settings govern them, who may see them, who plays which role, which are overdue."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import reduce
from operator import or_

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Case, Count, F, Q, QuerySet, Sum, When
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from workflows.definitions import events
from workflows.definitions.forms import TransitionForm
from workflows.definitions.roles import STAFF_ROLES, Actor, Role
from workflows.definitions.states import CaseState
from workflows.models import (
    DecisionTemplate,
    FormPage,
    FormRole,
    NotificationText,
    Programme,
    StateDeadline,
    Submission,
)
from workflows.money import euros


def _of_form(form_key, path: str = "page__") -> dict:
    """Filter arguments for rows of the form page in the default language, whose settings govern its cases."""
    return {f"{path}translation_key": form_key, f"{path}locale__language_code": settings.LANGUAGE_CODE}


def form_settings_page(form_key) -> FormPage | None:
    """The form page whose workflow settings govern the cases of `form_key`: the one in the default language
    (forms are written in German; translations carry copies of its settings)."""
    return FormPage.objects.filter(**_of_form(form_key, path="")).first()


def staff_actor(user, case) -> Actor:
    """The roles `user` plays for `case`: those its form gives the user's groups; superusers play every staff role
    (the four-eyes rule still holds for them)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Actor(roles=frozenset())
    name = user.get_full_name() or user.get_username()
    if user.is_superuser:
        return Actor(roles=frozenset(STAFF_ROLES), user=user, name=name)
    roles = FormRole.objects.filter(**_of_form(case.form_key), group__user=user).values_list("role", flat=True)
    return Actor(roles=frozenset(roles), user=user, name=name)


def users_playing(roles, form_key):
    """Active users who play one of `roles` for the form `form_key`."""
    return (
        get_user_model()
        .objects.filter(
            **_of_form(form_key, path="groups__form_roles__page__"), is_active=True, groups__form_roles__role__in=roles
        )
        .distinct()
    )


def visible_form_keys(user) -> frozenset | None:
    """Keys of the forms whose cases `user` may see: those where one of the user's groups plays a role. None for
    superusers, who see every form. Read once per user object, i.e. once per request.

    The keys are few; handing them to the database as a list (rather than as a subquery) lets it count and page
    years of cases through the indexes alone.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return None
    if not hasattr(user, "_visible_form_keys"):
        roles = FormRole.objects.filter(page__locale__language_code=settings.LANGUAGE_CODE, group__user=user)
        user._visible_form_keys = frozenset(roles.values_list("page__translation_key", flat=True))
    return user._visible_form_keys


#: The largest id a case can have (a 64-bit key); larger numbers in URLs name no case.
MAX_CASE_ID = 2**63 - 1


def submission_list_for_user(user) -> QuerySet:
    """The cases `user` may see: those of forms where one of the user's groups plays a role; superusers see all."""
    keys = visible_form_keys(user)
    if keys is None:
        return Submission.objects.all()
    return Submission.objects.filter(form_key__in=keys) if keys else Submission.objects.none()


def _form_titles(pages, language: str) -> dict[str, str]:
    """{form key: title in `language`, else the German one} of the form pages `pages`, any translations among them."""
    titles = {}
    rows = pages.filter(locale__language_code__in={settings.LANGUAGE_CODE, language}).values_list(
        "translation_key", "locale__language_code", "title"
    )
    for key, code, title in rows:
        if code == language or str(key) not in titles:
            titles[str(key)] = title
    return titles


def forms_for_user(user, language: str) -> list[tuple[str, str]]:
    """(form key, title in `language` or else German) of every form whose cases `user` sees, sorted by title."""
    keys = visible_form_keys(user)
    pages = FormPage.objects.all() if keys is None else FormPage.objects.filter(translation_key__in=keys)
    return sorted(_form_titles(pages, language).items(), key=lambda form: form[1].casefold())


def form_title(form_key, language: str) -> str:
    """The form's title in `language`, or the German one when it has no translation into it."""
    return _form_titles(FormPage.objects.filter(translation_key=form_key), language).get(str(form_key), "")


def user_sees_cases(user) -> bool:
    """Whether `user` has an inbox at all: a superuser, or a member of a group playing a role for some form."""
    keys = visible_form_keys(user)
    return keys is None or bool(keys)


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


def places_taken(form_key) -> int:
    """How many registrations through a form (any of its translations) hold a confirmed place."""
    return Submission.objects.filter(form_key=form_key, state=CaseState.CONFIRMED).count()


def available_steps(case, actor: Actor) -> list:
    """The transitions `actor` may take on `case` now (django-fsm Transition objects), in the workflow's order;
    automatic ones are left to the system."""
    return [
        transition
        for transition in case.get_available_state_transitions()
        if transition.has_perm(case, actor) and Role.SYSTEM not in case.transition_roles(transition)
    ]


@dataclass(frozen=True)
class TimelineItem:
    """One line of a case's history as staff read it."""

    at: datetime
    kind: str  # "step", "event", "message", "email" or "note"
    title: str
    who: str = ""
    text: str = ""
    facts: tuple[tuple[str, str], ...] = ()
    state: str = ""  # the state the case reached, for steps
    files: tuple[tuple[str, str], ...] = ()  # (name, file id) of documents sent with the step


def _is_file_list(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) and "file" in item for item in value)


def step_facts(case, name: str, data: dict) -> tuple[tuple[str, str], ...]:
    """The data recorded with a step, labelled as its form asked for it; files are listed by step_files()."""
    transition = next((t for t in case.all_transitions() if t.name == name), None)
    if transition is None or not data:
        return ()
    fields = transition.custom.get("form", TransitionForm)(case=case).fields
    return tuple(
        (str(fields[key].label) if key in fields else key, _fact_value(fields.get(key), value))
        for key, value in data.items()
        if value not in (None, "", [], {}) and not _is_file_list(value)
    )


def step_files(data: dict) -> tuple[tuple[str, str], ...]:
    """(name, file id) of every document sent with a step."""
    return tuple((item["name"], item["file"]) for value in data.values() if _is_file_list(value) for item in value)


def _fact_value(field, value) -> str:
    if isinstance(field, forms.DecimalField) and value not in (None, ""):
        return euros(value)
    if isinstance(field, forms.DateField) and value:
        return formats.date_format(date.fromisoformat(value), "SHORT_DATE_FORMAT")
    return str(value)


def case_timeline(case) -> list[TimelineItem]:
    """Everything that happened to the case, oldest first: steps and other entries of the audit log, the emails
    sent, and the internal notes."""
    labels = {t.name: t.custom["label"] for t in case.all_transitions()}
    items = []
    for entry in case.audit_entries.all():
        if entry.transition == events.MESSAGE:
            kind = "message"
        elif entry.transition in events.EVENT_LABELS:
            kind = "event"
        else:
            kind = "step"
        title = labels.get(entry.transition) or events.EVENT_LABELS.get(entry.transition, entry.transition)
        facts = step_facts(case, entry.transition, entry.data)
        if entry.transition == events.ASSIGN:
            facts = ((str(_("Assignee")), entry.data.get("assignee") or str(_("nobody"))),)
        items.append(
            TimelineItem(
                at=entry.created_at,
                kind=kind,
                title=str(title),
                who=entry.actor_name,
                text=entry.comment,
                facts=facts,
                state=entry.get_target_display() if kind == "step" else "",
                files=step_files(entry.data),
            )
        )
    for email in case.emails.all():
        items.append(
            TimelineItem(
                at=email.sent_at,
                kind="email",
                title=email.subject,
                who=email.recipient,
                text=str(email.get_audience_display()),
            )
        )
    for note in case.internal_notes.all():
        items.append(
            TimelineItem(
                at=note.created_at, kind="note", title=str(_("Internal note")), who=note.author_name, text=note.text
            )
        )
    return sorted(items, key=lambda item: item.at)


@dataclass(frozen=True)
class BudgetMismatch:
    """A programme whose reserved sum differs from the money its cases hold: the books do not add up."""

    programme: Programme
    reserved: Decimal
    held_by_cases: Decimal


def budget_mismatches() -> list[BudgetMismatch]:
    """Every programme whose `reserved` is not the sum of its cases' reservations (none, unless something wrote
    the money columns around the budget services)."""
    programmes = Programme.objects.annotate(held=Coalesce(Sum("submissions__amount_reserved"), Decimal(0)))
    return [
        BudgetMismatch(programme, programme.reserved, programme.held)
        for programme in programmes.order_by("pk")
        if programme.reserved != programme.held
    ]


REPORT_GROUPINGS = ("partner_city", "programme", "year")
MONEY = ("requested", "approved", "paid")


def case_totals(cases: QuerySet, by: str) -> list[dict]:
    """Applications and money per partner city, programme or year of receipt: {key, count, requested, approved,
    paid}, largest number of applications first (years: newest first). Paid is the approved money of cases whose
    payment is recorded."""
    keys = {"partner_city": F("partner_city"), "programme": F("programme__name"), "year": ExtractYear("created_at")}
    paid = Case(When(details__has_key="paid_on", then=F("amount_approved")))
    rows = (
        cases.order_by()
        .annotate(key=keys[by])
        .values("key")
        .annotate(
            count=Count("pk"),
            requested=Coalesce(Sum("amount_requested"), Decimal(0)),
            approved=Coalesce(Sum("amount_approved"), Decimal(0)),
            paid=Coalesce(Sum(paid), Decimal(0)),
        )
    )
    cent = Decimal("0.01")
    rows = [{**row, **{money: Decimal(row[money]).quantize(cent) for money in MONEY}} for row in rows]
    order = (lambda row: -row["key"]) if by == "year" else (lambda row: (-row["count"], str(row["key"] or "")))
    return sorted(rows, key=order)


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
