"""Amounts of money as people read them, in the active language's number format: the one place that writes them."""

from decimal import Decimal

from django.utils.formats import number_format


def amount(value) -> str:
    """`value` with two decimals and grouping ("1.234,50" in German); "" for no amount. The € sign is the caller's,
    for sentences that say it themselves."""
    if value is None or value == "":
        return ""
    return number_format(Decimal(value), 2, force_grouping=True)


def euros(value) -> str:
    """`value` as an amount in euros ("1.234,50 €"); "" for no amount."""
    figure = amount(value)
    return f"{figure} €" if figure else ""
