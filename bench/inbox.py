"""The reviewers' inbox with years of cases: the listing with typical filters and search, and the full export.

For each size (default 1,000 and 100,000 cases; `--sizes 1000,100000`) the database is filled with realistic cases
(demo forms and answers, twelve languages, three years; recent cases in every state, nearly all older ones settled),
then a reviewer's listing requests are timed and their SQL counted, and the full visible set is exported as CSV with
its peak memory growth traced.

Prints one JSON object and writes bench/results/inbox.json. Targets: the same query count (≤ 20) at every size; the
largest size's listing at most 1.5× the smallest's; export memory growth below 60 MB. Uses PostgreSQL when
DATABASE_URL is set (the figures in the README are from PostgreSQL), else SQLite.
"""

import argparse
import random
import statistics
import time
import tracemalloc
from datetime import timedelta
from decimal import Decimal

from common import fresh_database_with_demo, setup_django, write_result

REVIEWER = "aussen.sachbearbeitung"
#: Cases received in the last OPEN_DAYS may be in any state; of older ones, SETTLED_SHARE are closed.
OPEN_DAYS = 90
SETTLED_SHARE = 0.95
ROUNDS = 7
BATCH = 2000
#: What a reviewer does all day: the inbox, filtered by state and city, searched by name, overdue sorted by amount.
REQUESTS = {
    "listing": {},
    "filtered": {"state": ["in_review", "more_info"], "partner_city": "brno"},
    "search": {"q": "kowalski"},
    "overdue_by_amount": {"overdue": "on", "ordering": "-amount_requested"},
    "second_page": {"p": "2", "language": "pl"},
}
FIRST_NAMES = ["Anna", "Jan", "Marek", "Noa", "Li", "Claire", "Gareth", "Yuki", "Amira", "Olena", "Rahul", "Sabine"]
SURNAMES = [
    "Kowalski",
    "Nováková",
    "Martin",
    "Evans",
    "Tanaka",
    "Haddad",
    "Sokolova",
    "Levi",
    "Wei",
    "Keller",
    "Dubois",
    "Jones",
    "Suzuki",
    "Mansour",
    "Petrenko",
    "Deshpande",
    "Schmid",
    "Nowak",
    "Dvořák",
    "Ivanova",
    "Zhang",
    "Cohen",
    "Bernard",
    "Williams",
    "Yamamoto",
    "Farouk",
    "Bondarenko",
    "Patil",
    "Weber",
    "Wiśniewski",
    "Svoboda",
    "Smirnova",
    "Liu",
    "Mizrahi",
    "Laurent",
    "Davies",
    "Sato",
    "Salem",
    "Shevchenko",
    "Kulkarni",
]


def _templates():
    """Demo cases to copy answers, forms and definitions from."""
    from workflows.models import Submission

    return list(Submission.objects.order_by("pk"))


def _grow_to(size: int, templates, users) -> None:
    """Add cases until there are `size`, in batches, as bulk inserts (no audit trail: the inbox does not read it)."""
    from django.utils import timezone

    from cms.selectors import partner_city_choices
    from workflows.definitions.registry import workflow_class
    from workflows.models import Submission
    from workflows.services.submissions import search_text

    rng = random.Random(size)
    cities = [slug for slug, _name in partner_city_choices("de")]
    now = timezone.now()
    missing = size - Submission.objects.count()
    number = Submission.objects.count()
    while missing > 0:
        batch = []
        for _index in range(min(BATCH, missing)):
            number += 1
            template = rng.choice(templates)
            case_class = workflow_class(template.workflow)
            received = now - timedelta(days=rng.randrange(3 * 365), minutes=rng.randrange(1440))
            # Like a real office: cases of the last weeks in any state, older ones mostly settled.
            settled = received < now - timedelta(days=OPEN_DAYS) and rng.random() < SETTLED_SHARE
            state = rng.choice(sorted(case_class.final_states) if settled else case_class.states)
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
            # The template's answers, as this applicant would have given them.
            answers = {
                key: name if value == template.applicant_name else value for key, value in template.answers.items()
            }
            case = Submission(
                reference=f"{template.reference[:3].rstrip('-')}-B{number:09d}",
                form_page_id=template.form_page_id,
                form_key=template.form_key,
                form_title=template.form_title,
                definition_id=template.definition_id,
                language=template.language,
                applicant_name=name,
                applicant_email=f"applicant{number}@example.org",
                partner_city=rng.choice(cities),
                answers=answers,
                created_at=received,
                workflow=template.workflow,
                state=state,
                state_changed_at=min(received + timedelta(days=rng.randrange(30)), now),
                assignee=rng.choice(users),
                programme_id=template.programme_id,
                amount_requested=(Decimal(rng.randrange(200, 5000)) if template.amount_requested else None),
            )
            case.search_text = search_text(case)
            batch.append(case)
        Submission.objects.bulk_create(batch)
        missing -= len(batch)


def _listing(client) -> dict:
    """Median seconds per request and the most queries any request took."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, queries = {}, {}
    for name, params in REQUESTS.items():
        client.get("/admin/cases/", params)  # warm: caches of city names, templates
        samples = []
        for _round in range(ROUNDS):
            started = time.perf_counter()
            response = client.get("/admin/cases/", params)
            samples.append(time.perf_counter() - started)
            assert response.status_code == 200, response.status_code
        with CaptureQueriesContext(connection) as captured:
            client.get("/admin/cases/", params)
        timings[name] = statistics.median(samples)
        queries[name] = len(captured.captured_queries)
    return {"seconds": sum(timings.values()), "per_request": timings, "queries": queries}


def _export(client) -> dict:
    """Export every case the reviewer sees as CSV, streaming; rows, seconds and peak traced memory growth."""
    tracemalloc.start()
    baseline = tracemalloc.get_traced_memory()[0]
    started = time.perf_counter()
    response = client.get("/admin/cases/", {"export": "csv"})
    rows = sum(chunk.count(b"\n") for chunk in response.streaming_content) - 1
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] - baseline
    tracemalloc.stop()
    return {"rows": rows, "seconds": round(seconds, 2), "peak_memory_growth_mb": round(peak / 2**20, 1)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000", help="comma-separated numbers of cases")
    sizes = sorted(int(size) for size in parser.parse_args().sizes.split(","))

    setup_django()
    connection = fresh_database_with_demo()
    from django.contrib.auth import get_user_model
    from django.test import Client

    users = [None, *get_user_model().objects.filter(groups__form_roles__isnull=False).distinct()]
    templates = _templates()
    client = Client()
    client.force_login(get_user_model().objects.get(username=REVIEWER))

    result = {"database": connection.vendor, "reviewer": REVIEWER, "requests": REQUESTS}
    exports = {}
    for size in sizes:
        _grow_to(size, templates, users)
        with connection.cursor() as cursor:
            # Statistics and visibility map as autovacuum keeps them in production (the bulk insert skipped that).
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        listing = _listing(client)
        result[f"queries_{size}"] = max(listing["queries"].values())
        result[f"seconds_{size}"] = round(listing["seconds"], 4)
        result[f"per_request_{size}"] = {name: round(value, 4) for name, value in listing["per_request"].items()}
        exports[size] = _export(client)
        result[f"export_{size}"] = exports[size]
    smallest, largest = sizes[0], sizes[-1]
    result["time_ratio_largest_smallest"] = round(result[f"seconds_{largest}"] / result[f"seconds_{smallest}"], 2)
    result["export_peak_memory_growth_mb"] = exports[largest]["peak_memory_growth_mb"]
    result["targets"] = {"queries": 20, "time_ratio": 1.5, "export_memory_mb": 60}
    write_result("inbox", result)
    connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
