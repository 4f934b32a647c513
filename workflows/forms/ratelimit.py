"""A per-address limit on submissions, against floods; counted in Django's cache (shared in production)."""

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def submission_allowed(request) -> bool:
    """Count this attempt and tell whether the address stays within FORM_RATE_LIMIT (count, seconds)."""
    count, seconds = settings.FORM_RATE_LIMIT
    key = f"form-submissions:{client_address(request)}"
    if cache.add(key, 1, timeout=seconds):
        return True
    try:
        return cache.incr(key) <= count
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=seconds)
        return True
