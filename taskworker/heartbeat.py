"""A worker process's heartbeat, and the recovery of tasks abandoned by other workers.

The heartbeat runs in a thread of its own, so that a worker busy with a long task still reports that it is alive:
only a process that has stopped (killed, out of memory, the machine gone) stops beating. The same thread looks for
abandoned tasks once per TASK_WORKER_TIMEOUT_SECONDS, so that recovery needs nobody to do anything while at least
one worker runs; the worker also looks once when it starts, before it takes its first task.
"""

import logging
import os
import socket
import threading
import time

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone

from .models import WorkerProcess
from .recovery import abandoned_tasks_recover

logger = logging.getLogger(__name__)


class Heartbeat:
    """`with Heartbeat(worker_id):` around a worker's life: it is recorded as alive until the block ends."""

    def __init__(self, worker_id: str):
        self.worker_id = worker_id
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._beat_until_stopped, name="task-worker-heartbeat", daemon=True)

    def __enter__(self):
        self.beat()  # a worker that cannot reach the database fails here, where its supervisor sees it
        self.recover()
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stopping.set()
        self.thread.join()
        try:
            WorkerProcess.objects.filter(worker_id=self.worker_id).delete()
        except DatabaseError:  # stopping because the database is gone: the row expires on its own
            logger.warning("Worker %s could not remove its heartbeat", self.worker_id, exc_info=True)

    def beat(self) -> None:
        now = timezone.now()
        if not WorkerProcess.objects.filter(worker_id=self.worker_id).update(last_seen=now):
            WorkerProcess.objects.create(
                worker_id=self.worker_id,
                host=socket.gethostname()[:255],
                pid=os.getpid(),
                started_at=now,
                last_seen=now,
            )

    def recover(self) -> None:
        try:
            abandoned_tasks_recover()
        except DatabaseError:  # e.g. SQLite busy for longer than its timeout: the next round tries again
            logger.warning("Worker %s could not look for abandoned tasks", self.worker_id, exc_info=True)

    def _beat_until_stopped(self) -> None:
        recovered_at = time.monotonic()
        try:
            while not self.stopping.wait(settings.TASK_WORKER_HEARTBEAT_SECONDS):
                close_old_connections()  # a connection broken by the last error is replaced
                try:
                    self.beat()
                except DatabaseError:
                    logger.warning("Worker %s could not report that it is alive", self.worker_id, exc_info=True)
                    continue
                if time.monotonic() - recovered_at >= settings.TASK_WORKER_TIMEOUT_SECONDS:
                    recovered_at = time.monotonic()
                    self.recover()
        finally:
            connection.close()  # this thread's own connection
