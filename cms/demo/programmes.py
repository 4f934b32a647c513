"""The demo's funding programmes for the current year, and which demo form draws on which."""

from decimal import Decimal

from django.utils import timezone

from workflows.models import FormPage, Programme

PROGRAMMES = [
    ("AUS", "Austauschbegegnungen", Decimal("60000.00")),
    ("PRA", "Praktika in Partnerstädten", Decimal("20000.00")),
    ("KUL", "Kulturaustausch", Decimal("30000.00")),
    ("SPO", "Sportbegegnungen", Decimal("25000.00")),
]
FORM_PROGRAMMES = {
    "antrag-austausch": "AUS",
    "antrag-praktikum": "PRA",
    "anfrage-kuenstleraustausch": "KUL",
    "anfrage-sportaustausch": "SPO",
}


def ensure_programmes() -> dict[str, Programme]:
    year = timezone.localdate().year
    return {
        prefix: Programme.objects.get_or_create(
            name=name, year=year, defaults={"budget": budget, "reference_prefix": prefix}
        )[0]
        for prefix, name, budget in PROGRAMMES
    }


def link_forms_to_programmes(pages) -> None:
    """Give each German demo form its programme, unless it has one (translations follow when they are made)."""
    programmes = ensure_programmes()
    for page in pages:
        prefix = FORM_PROGRAMMES.get(page.slug)
        if isinstance(page, FormPage) and prefix and page.programme_id is None:
            page.programme = programmes[prefix]
            page.save_revision().publish()
