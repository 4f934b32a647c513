"""Money: programme budgets are reserved and released only under a row lock."""

from decimal import Decimal

from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from workflows.models import Programme


class BudgetExceeded(Exception):
    """An approval would promise more money than the programme has left."""

    def __init__(self, programme: Programme, amount: Decimal):
        self.programme = programme
        self.amount = amount
        super().__init__(
            _("%(programme)s has only %(remaining)s € left; %(amount)s € cannot be reserved.")
            % {
                "programme": programme,
                "remaining": number_format(programme.remaining, 2, force_grouping=True),
                "amount": number_format(amount, 2, force_grouping=True),
            }
        )


def budget_reserve(*, programme: Programme, amount: Decimal) -> Programme:
    """Promise `amount` of the programme's budget. Locks the programme row until the caller's transaction ends, so
    concurrent approvals queue up and the remaining budget never goes below zero."""
    with transaction.atomic():
        locked = Programme.objects.select_for_update().get(pk=programme.pk)
        if amount < 0 or amount > locked.remaining:
            raise BudgetExceeded(locked, amount)
        locked.reserved += amount
        locked.save(update_fields=["reserved"])
    return locked


def budget_release(*, programme: Programme, amount: Decimal) -> Programme:
    """Give back money promised earlier (rejection or withdrawal after approval, lower costs after proof of use)."""
    with transaction.atomic():
        locked = Programme.objects.select_for_update().get(pk=programme.pk)
        if amount < 0 or amount > locked.reserved:
            raise ValueError(f"Cannot release {amount} €: {locked} has {locked.reserved} € reserved.")
        locked.reserved -= amount
        locked.save(update_fields=["reserved"])
    return locked
