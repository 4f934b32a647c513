"""Who may fire a transition. Workflows name roles; each form page maps its staff roles to Wagtail groups."""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    REVIEWER = "reviewer", _("Reviewer")
    APPROVER = "approver", _("Approver")
    SYSTEM = "system", _("Automatic")


#: Roles played by members of Wagtail groups, as configured on each form page.
STAFF_ROLES = (Role.REVIEWER, Role.APPROVER)


@dataclass(frozen=True)
class Actor:
    """Whoever fires a transition: a staff user with the roles they play for this case (build it with
    `workflows.selectors.access.staff_actor`), the applicant (only from code that has proven who they are, e.g. the
    portal's signed link), or the system (automatic transitions)."""

    roles: frozenset[str]
    user: object = None
    name: str = field(default="", compare=False)

    @classmethod
    def applicant(cls, name: str = "") -> "Actor":
        return cls(roles=frozenset({Role.APPLICANT}), name=name)

    @classmethod
    def system(cls) -> "Actor":
        return cls(roles=frozenset({Role.SYSTEM}), name=str(Role.SYSTEM.label))

    def plays(self, role: str) -> bool:
        return role in self.roles


def by(*roles: Role):
    """A transition's `permission`: the actor plays one of `roles` for the case."""

    def permitted(case, actor) -> bool:
        return isinstance(actor, Actor) and any(actor.plays(role) for role in roles)

    permitted.roles = tuple(roles)
    return permitted
