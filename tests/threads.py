"""Work done at the same moment by several sessions, each a thread with its own database connection."""

import threading

from django.db import connection


def run_together(count: int, work, *, timeout: float = 180) -> list:
    """Run `work(index, start)` in `count` threads; each calls `start.wait()` when ready, and all go on together.

    Returns, in thread order, what each thread returned or the exception it raised (which would otherwise vanish with
    the thread).
    """
    start = threading.Barrier(count)
    outcomes = [None] * count

    def run(index):
        try:
            outcomes[index] = work(index, start)
        except Exception as error:  # handed to the assertions; it would vanish with the thread
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return outcomes
