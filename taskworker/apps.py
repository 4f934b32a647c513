from django.apps import AppConfig


class TaskWorkerConfig(AppConfig):
    """Keeps django-tasks-db's workers honest: each reports that it is alive, and tasks left running by a dead one
    are queued again. Listed before django_tasks_db in INSTALLED_APPS, so that `manage.py db_worker` is ours."""

    name = "taskworker"
