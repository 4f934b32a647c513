"""Submissions arriving at the same moment, each in its own transaction and database connection."""

import threading

from django.db import connection
from wagtail.models import Page

from tests.factories import FormPageFactory, HomePageFactory
from workflows.models import Submission
from workflows.services import submission_create

SIMULTANEOUS = 20


def test_simultaneous_submissions_get_distinct_consecutive_references(migrated_database):
    home = HomePageFactory(parent=Page.get_first_root_node())
    form_page = FormPageFactory(parent=home)
    start = threading.Barrier(SIMULTANEOUS)
    errors = []

    def submit(number):
        try:
            start.wait(timeout=30)
            submission_create(
                page=form_page,
                cleaned_data={"name": f"Person {number}", "email": f"p{number}@example.org"},
                language="de",
            )
        except Exception as error:  # reported below; a thread's exception would otherwise vanish
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(number,)) for number in range(SIMULTANEOUS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    numbers = sorted(
        int(reference.rsplit("-", 1)[1]) for reference in Submission.objects.values_list("reference", flat=True)
    )
    assert numbers == list(range(1, SIMULTANEOUS + 1))
