from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "workflows"
    verbose_name = _("Applications and workflows")

    def ready(self):
        from django_tasks.signals import task_finished
        from wagtail.signals import page_published, page_unpublished

        from cms.models import PartnerCityPage

        from . import checks  # noqa: F401  registers the workflow check
        from .forms.selectors import forget_partner_city_choices
        from .tasks import record_failed_rendering

        page_published.connect(forget_partner_city_choices, sender=PartnerCityPage)
        page_unpublished.connect(forget_partner_city_choices, sender=PartnerCityPage)
        task_finished.connect(record_failed_rendering)
