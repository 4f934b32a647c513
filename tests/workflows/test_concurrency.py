"""Submissions arriving at the same moment, each in its own transaction and database connection."""

from wagtail.models import Page

from tests.factories import FormPageFactory, HomePageFactory
from tests.threads import run_together
from workflows.models import Submission
from workflows.services import submission_create

SIMULTANEOUS = 20


def test_simultaneous_submissions_get_distinct_consecutive_references(migrated_database):
    home = HomePageFactory(parent=Page.get_first_root_node())
    form_page = FormPageFactory(parent=home)

    def submit(number, start):
        start.wait(timeout=30)
        return submission_create(
            page=form_page,
            cleaned_data={"name": f"Person {number}", "email": f"p{number}@example.org"},
            language="de",
        )

    outcomes = run_together(SIMULTANEOUS, submit)

    assert [outcome for outcome in outcomes if isinstance(outcome, Exception)] == []
    numbers = sorted(
        int(reference.rsplit("-", 1)[1]) for reference in Submission.objects.values_list("reference", flat=True)
    )
    assert numbers == list(range(1, SIMULTANEOUS + 1))
