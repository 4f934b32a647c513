"""The transition service: one step with everything it does (role check, four-eyes check, budget row lock, state
update, audit entry, email task enqueued after commit), timed and its SQL counted; then approvals under contention on
PostgreSQL: parallel sessions approving cases against a budget that covers half of them.

Prints one JSON object, writes bench/results/transitions.json. Target: at most 8 queries per transition (BEGIN,
COMMIT and savepoints, which the drivers report as statements, are counted separately).
"""

import queue
import statistics
import threading
import time
from decimal import Decimal

from common import fresh_database_with_demo, setup_django, write_result

ROUNDS = 60
SESSIONS = 20
CONTENDED_CASES = 400
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK")


def _fire(case_id, name, user, data):
    """What a request does: read the case, resolve the user's roles, fire the step."""
    from workflows.models import Submission
    from workflows.selectors.access import staff_actor
    from workflows.services import submission_transition

    case = Submission.objects.get(pk=case_id)
    submission_transition(submission=case, name=name, actor=staff_actor(user, case), data=data, notify=True)


def _measure(case_ids, name, user, data):
    """(median seconds, data queries, statements including transaction control) of firing `name`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for case_id in case_ids[:-1]:
        started = time.perf_counter()
        _fire(case_id, name, user, data)
        timings.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        _fire(case_ids[-1], name, user, data)
    statements = [query["sql"] for query in queries.captured_queries]
    data_queries = [sql for sql in statements if not sql.upper().startswith(TRANSACTION_CONTROL)]
    return statistics.median(timings), len(data_queries), len(statements)


def _contention(setup):
    """Approve CONTENDED_CASES cases of 500 € from SESSIONS parallel sessions against a budget for half of them."""
    from django.db import connection

    from workflows.models import Programme
    from workflows.services import TransitionRefused

    programme = setup.programme
    Programme.objects.filter(pk=programme.pk).update(budget=Decimal(500 * CONTENDED_CASES // 2), reserved=0)
    work = queue.Queue()
    for _ in range(CONTENDED_CASES):
        work.put(setup.case_after("take", "recommend_approval", amount="500.00").pk)
    start = threading.Barrier(SESSIONS + 1)
    outcomes = []

    def session():
        start.wait()
        try:
            while True:
                try:
                    case_id = work.get_nowait()
                except queue.Empty:
                    return
                try:
                    _fire(case_id, "approve", setup.approver, {"amount": "500.00"})
                    outcomes.append("approved")
                except TransitionRefused:
                    outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=session) for _ in range(SESSIONS)]
    for thread in threads:
        thread.start()
    start.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    programme.refresh_from_db()
    return {
        "sessions": SESSIONS,
        "cases": CONTENDED_CASES,
        "approved": outcomes.count("approved"),
        "refused": outcomes.count("refused"),
        "remaining_budget": str(programme.remaining),
        "seconds": round(seconds, 2),
        "decisions_per_second": round(len(outcomes) / seconds, 1),
    }


def main():
    setup_django()
    connection = fresh_database_with_demo()
    from tests.factories import workflow_setup

    setup = workflow_setup("grant", budget="100000000.00")
    submitted = [setup.new_case().pk for _ in range(ROUNDS)]
    take_seconds, take_queries, take_statements = _measure(submitted, "take", setup.reviewer, {})
    recommended = [setup.case_after("take", "recommend_approval", amount="500.00").pk for _ in range(ROUNDS)]
    approve_seconds, approve_queries, approve_statements = _measure(
        recommended, "approve", setup.approver, {"amount": "500.00"}
    )
    contention = (
        _contention(setup)
        if connection.vendor == "postgresql"
        else {"skipped": "needs PostgreSQL (set DATABASE_URL): SQLite serialises all writers"}
    )
    write_result(
        "transitions",
        {
            "database": connection.vendor,
            "rounds": ROUNDS,
            "take_seconds": round(take_seconds, 4),
            "take_queries": take_queries,
            "take_statements_with_transaction_control": take_statements,
            "approve_seconds": round(approve_seconds, 4),
            "approve_queries": approve_queries,
            "approve_statements_with_transaction_control": approve_statements,
            "contention": contention,
            "targets": {"queries_per_transition": 8},
        },
    )
    connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
