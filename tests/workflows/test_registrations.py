"""Registrations take free places by themselves; a cancellation hands its place to the first on the waiting list."""

import pytest

from tests.factories import workflow_setup
from workflows.definitions.roles import Actor
from workflows.models import AuditEntry, Submission
from workflows.selectors.access import staff_actor

pytestmark = pytest.mark.django_db


def _states(cases):
    return [Submission.objects.get(pk=case.pk).state for case in cases]


def test_registrations_are_confirmed_until_the_places_are_taken_then_wait():
    setup = workflow_setup("registration", places=2)
    cases = [setup.new_case(email=f"person{number}@example.org") for number in range(4)]
    assert _states(cases) == ["confirmed", "confirmed", "waiting_list", "waiting_list"]
    confirmation = AuditEntry.objects.get(submission=cases[0], transition="confirm")
    assert (confirmation.source, confirmation.actor_role, confirmation.actor) == ("registered", "system", None)


def test_a_cancelled_place_goes_to_the_first_on_the_waiting_list():
    setup = workflow_setup("registration", places=1)
    confirmed, first_waiting, second_waiting = (setup.new_case() for _ in range(3))
    setup.fire(confirmed, "cancel", actor=Actor.applicant())
    assert _states([confirmed, first_waiting, second_waiting]) == ["cancelled", "confirmed", "waiting_list"]
    assert AuditEntry.objects.filter(submission=first_waiting, transition="promote").count() == 1


def test_leaving_the_waiting_list_moves_nobody_up():
    setup = workflow_setup("registration", places=1)
    confirmed, waiting = setup.new_case(), setup.new_case()
    setup.fire(waiting, "cancel", actor=Actor.applicant())
    assert _states([confirmed, waiting]) == ["confirmed", "cancelled"]
    assert not AuditEntry.objects.filter(transition="promote", submission__in=[confirmed, waiting]).exists()


def test_the_office_cancels_on_behalf_of_someone():
    setup = workflow_setup("registration", places=1)
    confirmed, waiting = setup.new_case(), setup.new_case()
    office = staff_actor(setup.reviewer, confirmed)
    setup.fire(confirmed, "cancel", actor=office, data={"comment": "Abgemeldet per Telefon."})
    assert _states([confirmed, waiting]) == ["cancelled", "confirmed"]
    assert AuditEntry.objects.get(submission=confirmed, transition="cancel").actor == setup.reviewer


def test_without_a_limit_everyone_gets_a_place():
    setup = workflow_setup("registration", places=None)
    assert set(_states([setup.new_case() for _ in range(5)])) == {"confirmed"}
