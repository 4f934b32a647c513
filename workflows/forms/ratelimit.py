"""Limits against floods: the size of a request, and how often one address may submit or ask for lost links (counted
in Django's cache, which is shared by all web processes in production)."""

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def within_limit(key: str, limit: tuple[int, int]) -> bool:
    """Count one more attempt under `key` and tell whether there were at most `limit` = (count, seconds)."""
    count, seconds = limit
    key = f"rate:{key}"
    if cache.add(key, 1, timeout=seconds):
        return True
    try:
        return cache.incr(key) <= count
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=seconds)
        return True


def submission_allowed(request) -> bool:
    """Count this attempt and tell whether the address stays within FORM_RATE_LIMIT (count, seconds)."""
    return within_limit(f"form-submissions:{client_address(request)}", settings.FORM_RATE_LIMIT)


def request_too_large(request) -> bool:
    """Whether the request announces a body above FORM_MAX_REQUEST_BYTES, judged before any of it is read."""
    length = request.META.get("CONTENT_LENGTH") or "0"
    return not length.isdigit() or int(length) > settings.FORM_MAX_REQUEST_BYTES
