"""Everything that changes a case goes through a function here; reads live in selectors."""

from .budgets import BudgetExceeded, budget_release, budget_reserve
from .references import reference_allocate
from .submissions import submission_create
from .transitions import CaseChanged, TransitionRefused, submission_transition

__all__ = [
    "BudgetExceeded",
    "CaseChanged",
    "TransitionRefused",
    "budget_release",
    "budget_reserve",
    "reference_allocate",
    "submission_create",
    "submission_transition",
]
