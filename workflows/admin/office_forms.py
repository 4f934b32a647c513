"""Admin forms of what belongs to an office: they offer only the user's offices (or their programmes), so nobody
files a programme, template or text under another office; leaving it shared is for those who manage shared ones."""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permissions import policy_registry

from workflows.models import Office, Programme


class OfficeOwnedForm(WagtailAdminModelForm):
    """Narrows `owner_field` to what the user's offices own (`owner_choices`); empty means "shared"."""

    owner_field = "office"

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get(self.owner_field)
        if field is None or for_user is None or for_user.is_superuser:
            return
        field.queryset = self.owner_choices(Office.objects.of_user(for_user))
        if not policy_registry.get_by_type(self._meta.model).manages_shared(for_user):
            field.required = True
            field.empty_label = None

    def owner_choices(self, offices):
        return offices


class DecisionTemplateForm(OfficeOwnedForm):
    """A decision template belongs to the office of its programme; one for every programme is shared."""

    owner_field = "programme"

    def owner_choices(self, offices):
        return Programme.objects.filter(office__in=offices)
