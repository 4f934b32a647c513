"""Reads about cases: whose settings govern them, who plays which role, which are overdue."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from workflows.definitions.roles import STAFF_ROLES, Actor
from workflows.models import FormPage, FormRole, StateDeadline


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
    """Active users with an email address who play one of `roles` for the form `form_key`."""
    return (
        get_user_model()
        .objects.filter(
            **_of_form(form_key, path="groups__form_roles__page__"), is_active=True, groups__form_roles__role__in=roles
        )
        .exclude(email="")
        .distinct()
    )


def deadline_days(form_key, state) -> int | None:
    deadline = StateDeadline.objects.filter(**_of_form(form_key), state=state).first()
    return deadline.days if deadline else None


def is_overdue(case, *, now=None) -> bool:
    """Whether the case has rested in its state longer than its form allows."""
    days = deadline_days(case.form_key, case.state)
    if days is None:
        return False
    return (now or timezone.now()) - case.state_changed_at > timedelta(days=days)
