"""Money is locked: approvals reserve budget under a row lock and the remaining budget never goes below zero."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from tests.threads import run_together
from workflows.models import Programme
from workflows.services import BudgetExceeded, budget_release, budget_reserve


def _programme(budget="1000.00", name="Austauschbegegnungen Test"):
    return Programme.objects.create(name=name, year=2026, budget=Decimal(budget), reference_prefix="TST")


@pytest.mark.django_db
def test_reserving_within_the_budget_lowers_what_remains():
    programme = budget_reserve(programme=_programme(), amount=Decimal("400.00"))
    assert programme.remaining == Decimal("600.00")


@pytest.mark.django_db
def test_reserving_more_than_remains_is_refused_with_the_remaining_amount_in_the_users_language():
    programme = _programme()
    budget_reserve(programme=programme, amount=Decimal("900.00"))
    with translation.override("de"), pytest.raises(BudgetExceeded) as refused:
        budget_reserve(programme=programme, amount=Decimal("150.00"))
    assert "100,00" in str(refused.value)
    programme.refresh_from_db()
    assert programme.reserved == Decimal("900.00")


@pytest.mark.django_db
def test_released_money_can_be_promised_again():
    programme = _programme()
    budget_reserve(programme=programme, amount=Decimal("1000.00"))
    budget_release(programme=programme, amount=Decimal("250.00"))
    assert budget_reserve(programme=programme, amount=Decimal("250.00")).remaining == Decimal("0.00")


@pytest.mark.django_db
def test_releasing_more_than_was_reserved_is_a_programming_error():
    with pytest.raises(ValueError):
        budget_release(programme=_programme(), amount=Decimal("1.00"))


@pytest.mark.django_db
def test_the_database_itself_refuses_a_reservation_beyond_the_budget():
    programme = _programme()
    with pytest.raises(IntegrityError), transaction.atomic():
        Programme.objects.filter(pk=programme.pk).update(reserved=Decimal("1000.01"))


def test_concurrent_reservations_never_promise_more_than_the_budget(migrated_database):
    programme = _programme(budget="2000.00")

    def reserve(index, start):
        start.wait(timeout=30)
        try:
            budget_reserve(programme=programme, amount=Decimal("100.00"))
        except BudgetExceeded:
            return "refused"
        return "reserved"

    outcomes = run_together(40, reserve)

    assert outcomes.count("reserved") == 20
    assert outcomes.count("refused") == 20
    programme.refresh_from_db()
    assert programme.reserved == programme.budget
