from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "workflows"
    verbose_name = _("Applications and workflows")

    def ready(self):
        from django_tasks.signals import task_finished

        from . import checks  # noqa: F401  registers the workflow check
        from .services.decisions import record_failed_rendering

        task_finished.connect(record_failed_rendering)
