"""The books must add up after every test that moves money, however the money moved."""

from workflows.selectors.reports import budget_mismatches


def assert_budgets_add_up() -> None:
    """Each programme's reserved money is exactly what its cases hold (the check of `manage.py check_budgets`)."""
    mismatches = budget_mismatches()
    assert mismatches == [], "\n".join(
        f"{m.programme}: reserved {m.reserved}, cases hold {m.held_by_cases}" for m in mismatches
    )
