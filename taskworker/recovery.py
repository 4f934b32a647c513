"""Tasks abandoned by a dead worker: queued again, or failed once they have been started TASK_MAX_ATTEMPTS times.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again: if that worker is killed
(SIGKILL, out of memory, the machine restarted), the task stays RUNNING for ever and nobody runs it. Every task of ours
and of Wagtail's may run again from the start (docs/operations.md says why for each), so such a task is queued again.
One that keeps killing its worker is given up instead: each start adds the worker's id to `worker_ids`, so their
number counts the attempts. A task given up is recorded as failed and announced with django-tasks' `task_finished`
signal, as the worker announces every task that fails, so that whoever waits for it learns of it.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from .models import WorkerProcess

logger = logging.getLogger(__name__)


class TaskAbandoned(Exception):
    """The workers running a task stopped before finishing it, as often as a task may be started."""


@dataclass(frozen=True)
class Recovery:
    requeued: list[DBTaskResult]
    failed: list[DBTaskResult]


def abandoned_tasks_recover() -> Recovery:
    """Queue again every task left running by a worker not seen for TASK_WORKER_TIMEOUT_SECONDS, or fail it when it
    has been started TASK_MAX_ATTEMPTS times; forget the dead workers. Several processes may run this at once: each
    abandoned task is handled by one of them."""
    seen_after = timezone.now() - timedelta(seconds=settings.TASK_WORKER_TIMEOUT_SECONDS)
    requeued, failed = [], []
    with exclusive_transaction(DBTaskResult.objects.db):
        alive = set(WorkerProcess.objects.filter(last_seen__gt=seen_after).values_list("worker_id", flat=True))
        # Only tasks started before the timeout: a worker that reports no heartbeat (not ours) is given that long.
        running = DBTaskResult.objects.running().filter(started_at__lt=seen_after).select_for_update(skip_locked=True)
        for task_result in running:
            if task_result.worker_ids and task_result.worker_ids[-1] in alive:
                continue
            attempts = len(task_result.worker_ids)
            if attempts < settings.TASK_MAX_ATTEMPTS:
                task_result.status = TaskResultStatus.READY
                task_result.save(update_fields=["status"])
                requeued.append(task_result)
            else:
                task_result.set_failed(TaskAbandoned(f"Its worker stopped before finishing it, {attempts} times."))
                failed.append(task_result)
        WorkerProcess.objects.filter(last_seen__lte=seen_after).delete()
    for task_result in requeued:
        logger.warning(
            "Task id=%s path=%s was abandoned by its worker; queued again", task_result.id, task_result.task_path
        )
    for task_result in failed:
        logger.error("Task id=%s path=%s was abandoned too often; failed", task_result.id, task_result.task_path)
        _announce_failure(task_result)
    return Recovery(requeued=requeued, failed=failed)


def _announce_failure(db_result: DBTaskResult) -> None:
    try:
        task_result = db_result.task_result
    except (ImportError, SuspiciousOperation):  # the task no longer exists: nobody can be waiting for it
        return
    task_finished.send(sender=type(task_result.task.get_backend()), task_result=task_result)
