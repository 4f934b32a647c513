"""Small helpers of the reviewers' templates."""

from django import template
from django.utils.translation import gettext_lazy as _

from workflows import money

register = template.Library()

TIMELINE_KINDS = {
    "step": _("Step"),
    "event": _("Event"),
    "message": _("Message"),
    "email": _("Email"),
    "note": _("Internal note"),
}


@register.filter
def euros(amount) -> str:
    """An amount of money with two decimals and grouping in the reader's language (the € sign is the caller's)."""
    return money.amount(amount)


@register.simple_tag
def timeline_kind(kind: str) -> str:
    return TIMELINE_KINDS.get(kind, kind)
