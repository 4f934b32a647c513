"""Money: programme budgets are reserved and released only here, under the programme's row lock and as relative
updates, so that nothing else (an admin form, a stale programme saved in code) ever writes the reserved sum."""

from decimal import Decimal

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from workflows import money
from workflows.models import Programme


class BudgetExceeded(Exception):
    """An approval would promise more money than the programme has left."""

    def __init__(self, programme: Programme, amount: Decimal):
        self.programme = programme
        self.amount = amount
        super().__init__(
            _("%(programme)s has only %(remaining)s € left; %(amount)s € cannot be reserved.")
            % {"programme": programme, "remaining": money.amount(programme.remaining), "amount": money.amount(amount)}
        )


def _locked(programme: Programme) -> Programme:
    """The programme as stored, its row locked until the caller's transaction ends: concurrent approvals queue up."""
    return Programme.objects.select_for_update().get(pk=programme.pk)


def budget_reserve(*, programme: Programme, amount: Decimal) -> Programme:
    """Promise `amount` of the programme's budget; BudgetExceeded when less is left. Call inside the transaction of
    the step that approves: the reservation commits with it, or not at all."""
    with transaction.atomic():
        locked = _locked(programme)
        if amount < 0 or amount > locked.remaining:
            raise BudgetExceeded(locked, amount)
        Programme.objects.filter(pk=locked.pk).update(reserved=F("reserved") + amount)
        locked.reserved += amount
    return locked


def budget_release(*, programme: Programme, amount: Decimal) -> Programme:
    """Give back money promised earlier (rejection or withdrawal after approval, lower costs after proof of use)."""
    with transaction.atomic():
        locked = _locked(programme)
        if amount < 0 or amount > locked.reserved:
            raise ValueError(f"Cannot release {amount} €: {locked} has {locked.reserved} € reserved.")
        Programme.objects.filter(pk=locked.pk).update(reserved=F("reserved") - amount)
        locked.reserved -= amount
    return locked
