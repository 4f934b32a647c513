"""Figures across cases: totals for the report, and whether each programme's books add up."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Count, F, QuerySet, Sum, When
from django.db.models.functions import Coalesce, ExtractYear

from workflows.models import (
    Programme,
)


@dataclass(frozen=True)
class BudgetMismatch:
    """A programme whose reserved sum differs from the money its cases hold: the books do not add up."""

    programme: Programme
    reserved: Decimal
    held_by_cases: Decimal


def budget_mismatches() -> list[BudgetMismatch]:
    """Every programme whose `reserved` is not the sum of its cases' reservations (none, unless something wrote
    the money columns around the budget services)."""
    programmes = Programme.objects.annotate(held=Coalesce(Sum("submissions__amount_reserved"), Decimal(0)))
    return [
        BudgetMismatch(programme, programme.reserved, programme.held)
        for programme in programmes.order_by("pk")
        if programme.reserved != programme.held
    ]


REPORT_GROUPINGS = ("partner_city", "programme", "year")
MONEY = ("requested", "approved", "paid")


def case_totals(cases: QuerySet, by: str) -> list[dict]:
    """Applications and money per partner city, programme or year of receipt: {key, count, requested, approved,
    paid}, largest number of applications first (years: newest first). Paid is the approved money of cases whose
    payment is recorded."""
    keys = {"partner_city": F("partner_city"), "programme": F("programme__name"), "year": ExtractYear("created_at")}
    paid = Case(When(details__has_key="paid_on", then=F("amount_approved")))
    rows = (
        cases.order_by()
        .annotate(key=keys[by])
        .values("key")
        .annotate(
            count=Count("pk"),
            requested=Coalesce(Sum("amount_requested"), Decimal(0)),
            approved=Coalesce(Sum("amount_approved"), Decimal(0)),
            paid=Coalesce(Sum(paid), Decimal(0)),
        )
    )
    cent = Decimal("0.01")
    rows = [{**row, **{money: Decimal(row[money]).quantize(cent) for money in MONEY}} for row in rows]
    order = (lambda row: -row["key"]) if by == "year" else (lambda row: (-row["count"], str(row["key"] or "")))
    return sorted(rows, key=order)
