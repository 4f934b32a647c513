"""`manage.py db_worker`: django-tasks-db's worker, which also reports that it is alive and queues again the tasks
that dead workers left running (`taskworker.heartbeat`). Same options as theirs."""

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from taskworker.heartbeat import Heartbeat


class Command(db_worker.Command):
    help = "Run a database background worker; it recovers tasks abandoned by workers that died."

    def handle(self, *, worker_id: str, reload: bool, batch: bool, **options) -> None:
        options.update(worker_id=worker_id, reload=reload, batch=batch)
        if reload and not batch and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            return super().handle(**options)  # the reloader's parent: its child runs the tasks, and beats
        with Heartbeat(worker_id):
            return super().handle(**options)
