"""What belongs to one office (its programmes, decision templates and notification texts) is seen and changed only by
its people; to everyone else but superusers it answers like something that does not exist.

Wagtail's snippet views check model permissions only, and look objects up unfiltered. Here one permission policy
decides per object, and thin subclasses of the snippet views, choosers and bulk action look objects up through it.
Objects of no office are shared by all: anyone with the view permission may read them; changing them needs the
model's `manage_shared_…` permission, which the department gives whom it decides.
"""

from django.contrib.admin.utils import unquote
from django.db.models import Q
from django.shortcuts import get_list_or_404, get_object_or_404
from django.utils.functional import classproperty
from wagtail.admin.panels import ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.views import chooser, snippets

ANY_ACTION = ("add", "change", "delete", "view")
CHANGES = frozenset({"change", "delete"})


class OfficeScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the objects of the user's offices (`office_path` leads from the model to its
    office) and, read-only unless the user manages shared ones, to those of no office."""

    def __init__(self, model, *, office_path: str):
        super().__init__(model)
        self.office_path = office_path

    def manages_shared(self, user) -> bool:
        """Whether `user` may change the objects of no office (only superusers, where the model has no such
        permission)."""
        codename = f"manage_shared_{self.model._meta.model_name}"
        if codename not in {name for name, _label in self.model._meta.permissions}:
            return user.is_active and user.is_superuser
        return user.has_perm(f"{self.app_label}.{codename}")

    def instances_user_has_any_permission_for(self, user, actions):
        objects = self.model._default_manager.all()
        if not user.is_active:
            return objects.none()
        if user.is_superuser:
            return objects
        allowed = {action for action in actions if self.user_has_permission(user, action)}
        if not allowed:
            return objects.none()
        scope = Q(**{f"{self.office_path}__groups__user": user})
        if "view" in allowed or (allowed & CHANGES and self.manages_shared(user)):
            scope |= Q(**{f"{self.office_path}__isnull": True})
        return objects.filter(scope).distinct()

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.instances_user_has_any_permission_for(user, actions).filter(pk=instance.pk).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)


def register_office_scope(model, *, office_path: str) -> None:
    policy_registry.register(model, OfficeScopedPermissionPolicy(model, office_path=office_path))


def scoped_objects(model, user, *actions):
    """The objects of `model` that `user` may take one of `actions` on."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, actions)


def may_change(user, instance) -> bool:
    """Whether `user` may change `instance`, for views outside the snippet views (e.g. translations); True for
    models that are not scoped by office."""
    policy = policy_registry.get_by_type(type(instance))
    if not isinstance(policy, OfficeScopedPermissionPolicy):
        return True
    return policy.user_has_permission_for_instance(user, "change", instance)


class IndexView(snippets.IndexView):
    """Only the user's objects and the shared ones are listed (SnippetViewSet.get_queryset below); shared rows
    offer no edit or delete link to whoever may only read them."""

    def _may(self, action, instance) -> bool:
        return self.permission_policy.user_has_permission_for_instance(self.request.user, action, instance)

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if self._may("change", instance) else None

    def get_delete_url(self, instance):
        return super().get_delete_url(instance) if self._may("delete", instance) else None


class EditView(snippets.EditView):
    def get_queryset(self):
        return scoped_objects(self.model, self.request.user, "change")


class DeleteView(snippets.DeleteView):
    def get_queryset(self):
        return scoped_objects(self.model, self.request.user, "delete")


class CopyView(snippets.CopyView):
    def get_object(self, queryset=None):
        objects = scoped_objects(self.model, self.request.user, "view", "change")
        return get_object_or_404(objects, pk=unquote(str(self.kwargs[self.pk_url_kwarg])))


class InspectView(snippets.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(scoped_objects(self.model, self.request.user, *ANY_ACTION), pk=unquote(str(self.pk)))


class HistoryView(snippets.HistoryView):
    def get_base_object_queryset(self):
        return scoped_objects(self.model, self.request.user, *ANY_ACTION)


class UsageView(snippets.UsageView):
    def get_base_object_queryset(self):
        return scoped_objects(self.model, self.request.user, "change")


def _choosable(view):
    return scoped_objects(view.model_class, view.request.user, "view", "change")


class ChooseView(chooser.ChooseView):
    def get_object_list(self):
        return _choosable(self)


class ChooseResultsView(chooser.ChooseResultsView):
    def get_object_list(self):
        return _choosable(self)


class ChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return _choosable(self).get(pk=pk)


class ChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return _choosable(self).filter(pk__in=pks)


class ChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


class OfficeScopedSnippetViewSet(snippets.SnippetViewSet):
    """A snippet viewset whose every screen, chooser included, knows only the objects the user may see.

    `form_class` is the base form of the edit handler built from the model's panels: it offers only the user's
    offices (see office_forms.py)."""

    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView
    copy_view_class = CopyView
    inspect_view_class = InspectView
    history_view_class = HistoryView
    usage_view_class = UsageView
    chooser_viewset_class = ChooserViewSet
    inspect_view_enabled = True
    # Listed under "Applications" only: Wagtail's snippets overview would count every office's objects.
    menu_item_is_registered = True
    form_class = None

    def get_queryset(self, request):
        return scoped_objects(self.model, request.user, *ANY_ACTION)

    def get_edit_handler(self):
        return ObjectList(self.model.panels, base_form_class=self.form_class).bind_to_model(self.model)


class ScopedDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete of snippets, blind to the objects of other offices (also under "select all")."""

    @classproperty
    def models(cls):
        return [
            model
            for model in get_snippet_models()
            if isinstance(policy_registry.get_by_type(model), OfficeScopedPermissionPolicy)
        ]

    def get_queryset(self, model, object_ids):
        objects = scoped_objects(model, self.request.user, "delete")
        return get_list_or_404(objects, pk__in=object_ids)

    def get_all_objects_in_listing_query(self, parent_id):
        return scoped_objects(self.model, self.request.user, "delete").values_list("pk", flat=True)
