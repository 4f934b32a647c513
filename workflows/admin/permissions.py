"""Who may open the inbox and which cases they see: decided by the roles forms give groups, not by model
permissions. Wagtail's views, menu and bulk actions ask this policy."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from workflows.selectors.access import submission_list_for_user, user_sees_cases

#: Looking at cases and working on them; what a step needs beyond that, the workflow's roles decide.
CASE_ACTIONS = ("view", "change")


class CasePermissionPolicy(BasePermissionPolicy):
    permission_cache_name = "_sees_cases"

    def get_all_permissions_for_user(self, user):
        return set(CASE_ACTIONS) if user_sees_cases(user) else set()

    def user_has_permission(self, user, action):
        return action in self.get_cached_permissions_for_user(user)

    def users_with_any_permission(self, actions):
        if not set(actions) & set(CASE_ACTIONS):
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__form_roles__isnull=False), is_active=True)
            .distinct()
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and submission_list_for_user(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return submission_list_for_user(user)
