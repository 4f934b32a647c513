"""POST of the Austausch form (17 questions, one upload) against the same questions on a vanilla Wagtail
AbstractEmailForm page, in the same run and database. Prints one JSON object, writes bench/results/submit.json.

Target: time ratio ours / vanilla ≤ 1.3, at most 15 SQL queries per submission of ours (BEGIN/COMMIT, which
SQLite and psycopg report as statements, are counted separately).
"""

import statistics
import time

from common import fresh_database_with_demo, setup_django, write_result

ROUNDS = 40


def _vanilla_page(exchange_form):
    from bench.baseline.models import VanillaFormField, VanillaFormPage

    field_types = {
        "singleline": "singleline",
        "email": "email",
        "radio": "radio",
        "multiline": "multiline",
        "participants": "number",
        "amount": "singleline",
        "iban": "singleline",
        "partner_city": "singleline",
        "date_range": "date",
        "consent": "checkbox",
    }
    page = VanillaFormPage(title="Vanilla", slug="vanilla", to_address="bench@stuttgart.example")
    exchange_form.get_parent().add_child(instance=page)
    for child in exchange_form.fields:
        if child.block_type not in field_types:
            continue
        value = child.value
        choices = "\n".join(option["value"] for option in value.get("choices") or [])
        VanillaFormField.objects.create(
            page=page,
            label=value["label"],
            clean_name=value["key"],
            field_type=field_types[child.block_type],
            required=value["required"],
            choices=choices,
        )
    page.save_revision().publish()
    return page


def _vanilla_answers(ours: dict) -> dict:
    answers = {key: value for key, value in ours.items() if not hasattr(value, "read")}
    answers["zeitraum_der_begegnung"] = answers.pop("zeitraum_der_begegnung_start")
    answers.pop("zeitraum_der_begegnung_end")
    answers["beantragter_zuschuss"] = "2500.00"
    return answers


TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK")


def _measure(client, url, make_data):
    """(median seconds per submission, SQL statements, of them data queries without transaction control)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(ROUNDS):
        data = make_data()
        started = time.perf_counter()
        response = client.post(url, data)
        timings.append(time.perf_counter() - started)
        assert response.status_code in (200, 303), response.status_code
    with CaptureQueriesContext(connection) as queries:
        client.post(url, make_data())
    statements = [query["sql"] for query in queries.captured_queries]
    data_queries = [sql for sql in statements if not sql.upper().startswith(TRANSACTION_CONTROL)]
    return statistics.median(timings), len(statements), len(data_queries)


def main():
    setup_django()
    connection = fresh_database_with_demo()
    from django.test import Client

    from tests.factories import exchange_form_answers
    from workflows.models import FormPage, Submission

    exchange_form = FormPage.objects.get(locale__language_code="de", slug="antrag-austausch")
    demo_cases = Submission.objects.count()
    vanilla = _vanilla_page(exchange_form)
    client = Client()
    vanilla_seconds, vanilla_statements, vanilla_queries = _measure(
        client, vanilla.url, lambda: _vanilla_answers(exchange_form_answers())
    )
    ours_seconds, ours_statements, ours_queries = _measure(client, exchange_form.url, exchange_form_answers)
    assert Submission.objects.count() == demo_cases + ROUNDS + 1
    write_result(
        "submit",
        {
            "database": connection.vendor,
            "rounds": ROUNDS,
            "ours_seconds_per_submission": round(ours_seconds, 4),
            "vanilla_seconds_per_submission": round(vanilla_seconds, 4),
            "ratio": round(ours_seconds / vanilla_seconds, 2),
            "ours_queries": ours_queries,
            "vanilla_queries": vanilla_queries,
            "ours_statements_with_begin_commit": ours_statements,
            "vanilla_statements_with_begin_commit": vanilla_statements,
            "targets": {"ratio": 1.3, "ours_queries": 15},
        },
    )
    connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
