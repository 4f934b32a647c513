"""Wagtail groups of the three offices and the editors, and the demo users who belong to them."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page
from wagtail.users.models import UserProfile

from workflows.models import Office

DEMO_PASSWORD = "stuttgart-demo"

EDITORS = "Redaktion"
EXTERNAL_RELATIONS_REVIEWERS = "Außenbeziehungen – Sachbearbeitung"
EXTERNAL_RELATIONS_APPROVERS = "Außenbeziehungen – Leitung"
CULTURE_REVIEWERS = "Kulturamt – Sachbearbeitung"
CULTURE_APPROVERS = "Kulturamt – Leitung"
SPORT_REVIEWERS = "Amt für Sport und Bewegung – Sachbearbeitung"
SPORT_APPROVERS = "Amt für Sport und Bewegung – Leitung"

OFFICE_GROUPS = [
    EXTERNAL_RELATIONS_REVIEWERS,
    EXTERNAL_RELATIONS_APPROVERS,
    CULTURE_REVIEWERS,
    CULTURE_APPROVERS,
    SPORT_REVIEWERS,
    SPORT_APPROVERS,
]

OFFICE_LEADS = [EXTERNAL_RELATIONS_APPROVERS, CULTURE_APPROVERS, SPORT_APPROVERS]

EXTERNAL_RELATIONS = "Abteilung Außenbeziehungen"
CULTURE = "Kulturamt"
SPORT = "Amt für Sport und Bewegung"
#: Who works for which office: they see and manage its programmes, decision templates and notification texts.
OFFICES = {
    EXTERNAL_RELATIONS: [EXTERNAL_RELATIONS_REVIEWERS, EXTERNAL_RELATIONS_APPROVERS],
    CULTURE: [CULTURE_REVIEWERS, CULTURE_APPROVERS],
    SPORT: [SPORT_REVIEWERS, SPORT_APPROVERS],
}

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("cms", "change_officecontactsettings"),
    # Editors word the emails every office's forms send, unless an office words its own.
    *(("workflows", f"{action}_notificationtext") for action in ("add", "change", "view", "manage_shared")),
]
#: Office leads run their office's programmes and word the emails and decisions its applicants get.
LEAD_MODEL_PERMISSIONS = [
    *(("workflows", f"{action}_programme") for action in ("add", "change", "view")),
    *(("workflows", f"{action}_notificationtext") for action in ("add", "change", "delete", "view")),
    *(("workflows", f"{action}_decisiontemplate") for action in ("add", "change", "delete", "view")),
]


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    group: str | None
    language: str
    is_superuser: bool = False


DEMO_USERS = [
    DemoUser("admin", "Ada", "Admin", None, "de", is_superuser=True),
    DemoUser("redaktion", "Erika", "Redakteurin", EDITORS, "de"),
    DemoUser("aussen.sachbearbeitung", "Sven", "Sachbearbeiter", EXTERNAL_RELATIONS_REVIEWERS, "de"),
    DemoUser("aussen.leitung", "Lena", "Leiterin", EXTERNAL_RELATIONS_APPROVERS, "de"),
    DemoUser("kultur.sachbearbeitung", "Kemal", "Kulturamt", CULTURE_REVIEWERS, "en"),
    DemoUser("kultur.leitung", "Katrin", "Kulturleitung", CULTURE_APPROVERS, "de"),
    DemoUser("sport.sachbearbeitung", "Sophie", "Sportamt", SPORT_REVIEWERS, "de"),
    DemoUser("sport.leitung", "Stefan", "Sportleitung", SPORT_APPROVERS, "de"),
]


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_groups() -> dict[str, Group]:
    """Create the groups and give each exactly the permissions of its role."""
    groups = {}
    access_admin = _permission("wagtailadmin", "access_admin")

    editors, _created = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.set([_permission(app, codename) for app, codename in EDITOR_MODEL_PERMISSIONS])
    root_page = Page.get_first_root_node()
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=editors, page=root_page, permission=_permission("wagtailcore", codename)
        )
    root_collection = Collection.get_first_root_node()
    for app_label, codenames in EDITOR_COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=root_collection, permission=_permission(app_label, codename)
            )
    groups[EDITORS] = editors

    lead_permissions = [_permission(app_label, codename) for app_label, codename in LEAD_MODEL_PERMISSIONS]
    for name in OFFICE_GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set([access_admin, *(lead_permissions if name in OFFICE_LEADS else [])])
        groups[name] = group
    return groups


def ensure_offices(groups: dict[str, Group]) -> dict[str, Office]:
    """Create the three offices and give each its groups."""
    offices = {}
    for name, group_names in OFFICES.items():
        office, _created = Office.objects.get_or_create(name=name)
        office.groups.add(*(groups[group_name] for group_name in group_names))
        offices[name] = office
    return offices


def ensure_users(groups: dict[str, Group]) -> list:
    """Create the demo users that do not exist yet. Existing users, and their passwords, are left alone."""
    User = get_user_model()
    # One hash for all: hashing is slow on purpose, and the demo password is no secret anyway.
    password = make_password(DEMO_PASSWORD)
    users = []
    for spec in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=spec.username,
            defaults={
                "first_name": spec.first_name,
                "last_name": spec.last_name,
                "email": f"{spec.username}@stuttgart.example",
                "is_staff": spec.is_superuser,
                "is_superuser": spec.is_superuser,
            },
        )
        if created:
            user.password = password
            user.save(update_fields=["password"])
            if spec.group:
                user.groups.add(groups[spec.group])
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = spec.language
            profile.save(update_fields=["preferred_language"])
        users.append(user)
    return users
