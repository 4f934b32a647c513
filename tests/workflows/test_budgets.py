"""Money is locked: approvals reserve budget under a row lock and the remaining budget never goes below zero."""

import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import translation

from tests.budgets import assert_budgets_add_up
from tests.factories import ProgrammeFactory, workflow_setup
from tests.threads import run_together
from workflows.models import Programme
from workflows.models.programmes import BudgetBelowReserved
from workflows.services import BudgetExceeded, budget_release, budget_reserve

pytestmark = pytest.mark.django_db


def _programme(budget="1000.00", name="Austauschbegegnungen Test"):
    return ProgrammeFactory(name=name, budget=Decimal(budget))


def test_reserving_within_the_budget_lowers_what_remains():
    programme = budget_reserve(programme=_programme(), amount=Decimal("400.00"))
    assert programme.remaining == Decimal("600.00")


def test_reserving_more_than_remains_is_refused_with_the_remaining_amount_in_the_users_language():
    programme = _programme()
    budget_reserve(programme=programme, amount=Decimal("900.00"))
    with translation.override("de"), pytest.raises(BudgetExceeded) as refused:
        budget_reserve(programme=programme, amount=Decimal("150.00"))
    assert "100,00" in str(refused.value)
    programme.refresh_from_db()
    assert programme.reserved == Decimal("900.00")


def test_released_money_can_be_promised_again():
    programme = _programme()
    budget_reserve(programme=programme, amount=Decimal("1000.00"))
    budget_release(programme=programme, amount=Decimal("250.00"))
    assert budget_reserve(programme=programme, amount=Decimal("250.00")).remaining == Decimal("0.00")


def test_releasing_more_than_was_reserved_is_a_programming_error():
    with pytest.raises(ValueError):
        budget_release(programme=_programme(), amount=Decimal("1.00"))


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


# The money columns change only through the services above, whatever else saves a programme.


def _approved(setup, amount="1500.00"):
    return setup.case_after("take", "recommend_approval", "approve", amount=amount)


def test_saving_a_programme_read_before_approvals_keeps_their_reservations():
    setup = workflow_setup("grant", budget="10000.00")
    stale = Programme.objects.get(pk=setup.programme.pk)
    _approved(setup)

    stale.name = "Austauschbegegnungen (umbenannt)"
    stale.save()

    programme = Programme.objects.get(pk=setup.programme.pk)
    assert programme.name == "Austauschbegegnungen (umbenannt)"
    assert programme.reserved == Decimal("1500.00")
    assert_budgets_add_up()


def test_a_stale_programme_cannot_set_its_budget_below_what_was_reserved_meanwhile():
    setup = workflow_setup("grant", budget="10000.00")
    stale = Programme.objects.get(pk=setup.programme.pk)
    _approved(setup)

    stale.budget = Decimal("1000.00")
    with pytest.raises(BudgetBelowReserved) as refused:
        stale.save()

    assert "1.500,00 €" in refused.value.message_dict["budget"][0]
    assert Programme.objects.get(pk=setup.programme.pk).budget == Decimal("10000.00")


def _office_lead(setup):
    """A member of the office's approvers who may manage its programmes, as the demo's office leads may."""
    setup.approvers.permissions.add(
        *Permission.objects.filter(content_type__app_label="workflows", codename__endswith="_programme")
    )
    return setup.approver


def _programme_form(programme, **changes) -> dict:
    return {
        "name": programme.name,
        "office": programme.office_id,
        "year": programme.year,
        "budget": str(programme.budget),
        "reference_prefix": programme.reference_prefix,
        **changes,
    }


def _edit_url(programme) -> str:
    return reverse("wagtailsnippets_workflows_programme:edit", args=[programme.pk])


def test_a_budget_below_what_is_reserved_is_refused_at_the_field_naming_the_reserved_sum(client):
    setup = workflow_setup("grant", budget="10000.00")
    _approved(setup)
    client.force_login(_office_lead(setup))

    response = client.post(_edit_url(setup.programme), _programme_form(setup.programme, budget="1000.00"))

    assert response.status_code == 200
    assert "1.500,00 €" in str(response.context["form"].errors["budget"])
    assert Programme.objects.get(pk=setup.programme.pk).budget == Decimal("10000.00")


def test_an_office_lead_saving_the_programme_form_leaves_the_reservations_as_they_are(client):
    setup = workflow_setup("grant", budget="10000.00")
    client.force_login(_office_lead(setup))
    form = _programme_form(Programme.objects.get(pk=setup.programme.pk), name="Neuer Name")
    _approved(setup)  # after the form was read

    response = client.post(_edit_url(setup.programme), form)

    assert response.status_code == 302
    assert Programme.objects.get(pk=setup.programme.pk).reserved == Decimal("1500.00")
    assert_budgets_add_up()


def test_check_budgets_reports_a_programme_whose_cases_hold_other_money():
    call_command("check_budgets", stdout=io.StringIO())
    programme = Programme.objects.get(reference_prefix="AUS")
    Programme.objects.filter(pk=programme.pk).update(reserved=F("reserved") + 1)

    errors = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_budgets", stdout=io.StringIO(), stderr=errors)
    assert "Austauschbegegnungen" in errors.getvalue()
