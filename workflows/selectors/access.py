"""Who may see and act on which cases: the roles a person plays for a case, and the cases and steps open to them."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from workflows.definitions.roles import STAFF_ROLES, Actor, Role
from workflows.models import (
    FormPage,
    FormRole,
    Submission,
)

from .forms import form_titles, of_form


def staff_actor(user, case) -> Actor:
    """The roles `user` plays for `case`: those its form gives the user's groups; superusers play every staff role
    (the four-eyes rule still holds for them)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Actor(roles=frozenset())
    name = user.get_full_name() or user.get_username()
    if user.is_superuser:
        return Actor(roles=frozenset(STAFF_ROLES), user=user, name=name)
    roles = FormRole.objects.filter(**of_form(case.form_key), group__user=user).values_list("role", flat=True)
    return Actor(roles=frozenset(roles), user=user, name=name)


def users_playing(roles, form_key):
    """Active users who play one of `roles` for the form `form_key`."""
    return (
        get_user_model()
        .objects.filter(
            **of_form(form_key, path="groups__form_roles__page__"), is_active=True, groups__form_roles__role__in=roles
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


def user_sees_cases(user) -> bool:
    """Whether `user` has an inbox at all: a superuser, or a member of a group playing a role for some form."""
    keys = visible_form_keys(user)
    return keys is None or bool(keys)


def available_steps(case, actor: Actor) -> list:
    """The transitions `actor` may take on `case` now (django-fsm Transition objects), in the workflow's order;
    automatic ones are left to the system."""
    return [
        transition
        for transition in case.get_available_state_transitions()
        if transition.has_perm(case, actor) and Role.SYSTEM not in case.transition_roles(transition)
    ]


def forms_for_user(user, language: str) -> list[tuple[str, str]]:
    """(form key, title in `language` or else German) of every form whose cases `user` sees, sorted by title."""
    keys = visible_form_keys(user)
    pages = FormPage.objects.all() if keys is None else FormPage.objects.filter(translation_key__in=keys)
    return sorted(form_titles(pages, language).items(), key=lambda form: form[1].casefold())


def transition_of(case, name: str):
    """The django-fsm transition `name` of the case's workflow from its current state, or None."""
    method = getattr(case, name, None)
    meta = getattr(method, "_django_fsm", None)
    return meta.get_transition(case.state) if meta else None


def issuing_roles(case) -> set:
    """The roles that issue the case's decisions: those of its workflow's steps that issue one."""
    return {role for t in case.all_transitions() if t.custom.get("decision") for role in case.transition_roles(t)}


def applicant_actor(case) -> Actor:
    """The applicant, proven by holding the case's status link."""
    return Actor.applicant(case.applicant_name)


def applicant_steps(case) -> list:
    """The steps the applicant may take on the case now (django-fsm Transition objects)."""
    return available_steps(case, applicant_actor(case))
