"""The worker processes that are running, as each last reported itself."""

from django.db import models
from django.utils import timezone


class WorkerProcess(models.Model):
    """One `db_worker` process: it updates `last_seen` every TASK_WORKER_HEARTBEAT_SECONDS, also while a long task
    runs, and deletes its row when it stops. A row not updated for TASK_WORKER_TIMEOUT_SECONDS is a dead worker's."""

    worker_id = models.CharField(max_length=64, unique=True)  # as django-tasks-db records it in DBTaskResult
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now)

    class Meta:
        default_permissions = ()  # nobody edits these; the workers keep them

    def __str__(self):
        return f"{self.worker_id} (pid {self.pid} on {self.host})"
