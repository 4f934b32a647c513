"""A task left running by a worker that died is run again by another worker, as often as tasks may start."""

import signal
import time
from datetime import timedelta

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from taskworker.models import WorkerProcess
from taskworker.recovery import abandoned_tasks_recover
from tests.tasks import wait_for_release
from tests.worker import abandon, start_worker

#: Workers that beat ten times a second and are given up after a second of silence.
QUICK = {"TASK_WORKER_HEARTBEAT_SECONDS": "0.1", "TASK_WORKER_TIMEOUT_SECONDS": "1"}


def wait_until(condition, *, workers=(), seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert all(worker.poll() is None for worker in workers), "a worker ended (its log is in tmp_path)"
        assert time.monotonic() < deadline, "waited in vain"
        time.sleep(0.05)


def status(task_id) -> str:
    return DBTaskResult.objects.get(pk=task_id).status


def test_a_task_whose_worker_was_killed_is_run_again_by_another_worker(migrated_database, tmp_path, settings):
    """Two real worker processes (started together, ~5 s); the one that takes the task is killed while it runs."""
    settings.TASK_WORKER_TIMEOUT_SECONDS = 1  # for the recovery this test runs itself
    task_id = wait_for_release.enqueue(str(tmp_path)).id
    workers = [start_worker(tmp_path / f"worker-{number}.log", **QUICK) for number in (1, 2)]
    try:
        wait_until(lambda: (tmp_path / "started").exists(), workers=workers)
        [busy_id] = DBTaskResult.objects.get(pk=task_id).worker_ids
        first_beat = WorkerProcess.objects.get(worker_id=busy_id)
        [busy] = [worker for worker in workers if worker.pid == first_beat.pid]
        [other] = [worker for worker in workers if worker is not busy]

        # However long the task runs, its worker keeps reporting that it is alive, and keeps its task.
        started_at = DBTaskResult.objects.get(pk=task_id).started_at
        wait_until(lambda: timezone.now() - started_at > timedelta(seconds=1.5), workers=workers)
        assert WorkerProcess.objects.get(worker_id=busy_id).last_seen > first_beat.last_seen
        assert abandoned_tasks_recover().requeued == [] and status(task_id) == "RUNNING"

        busy.kill()
        busy.wait()
        assert status(task_id) == "RUNNING"  # django-tasks-db alone would leave it so for ever
        (tmp_path / "release").touch()
        wait_until(lambda: status(task_id) == "SUCCESSFUL", workers=[other])
        assert DBTaskResult.objects.get(pk=task_id).worker_ids[0] == busy_id
        assert len(DBTaskResult.objects.get(pk=task_id).worker_ids) == 2

        other.send_signal(signal.SIGTERM)  # as an operator or a supervisor stops it
        assert other.wait(timeout=30) == 0
        assert not WorkerProcess.objects.exists()  # it removed itself, and the dead worker on recovering its task
    finally:
        for worker in workers:
            worker.kill()
            worker.wait()


def test_a_task_abandoned_as_often_as_tasks_may_start_fails_instead_of_running_again(db, settings):
    settings.TASK_MAX_ATTEMPTS = 3
    once, thrice = (wait_for_release.enqueue("/nonexistent").id for _ in range(2))
    abandon(once, starts=1)
    abandon(thrice, starts=3)

    abandoned_tasks_recover()

    assert status(once) == "READY"
    given_up = DBTaskResult.objects.get(pk=thrice)
    assert given_up.status == "FAILED" and given_up.exception_class_path == "taskworker.recovery.TaskAbandoned"
    assert "stopped before finishing it, 3 times" in given_up.traceback
    assert abandoned_tasks_recover().requeued == []  # nothing is left to recover
