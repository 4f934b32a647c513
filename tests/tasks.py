"""Tasks for tests of the worker itself, which the worker process imports from here like any other task."""

import time
from pathlib import Path

from django_tasks import task


@task()
def wait_for_release(directory: str) -> None:
    """Leave the file `started` in `directory`, then wait until the test puts `release` there (for a minute at most,
    so that a failing test never leaves a worker behind for longer)."""
    Path(directory, "started").touch()
    deadline = time.monotonic() + 60
    while not Path(directory, "release").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
