"""Status link tokens: random, unguessable, and stored only as their hash."""

import hashlib
import re
import secrets

from django.conf import settings
from django.urls import reverse
from django.utils import translation

#: 32 random bytes, i.e. 256 bits (at least 128 are required), as 43 URL-safe characters.
TOKEN_BYTES = 32
TOKEN_FORMAT = re.compile(r"[A-Za-z0-9_-]{43}")


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """What the database keeps of a token. A plain SHA-256 suffices: the token has 256 random bits, so there is
    nothing to guess from its hash."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def looks_like_token(token: str) -> bool:
    return bool(TOKEN_FORMAT.fullmatch(token))


def status_url(token: str, language: str) -> str:
    """The absolute address of a status page, in `language`, as emails carry it."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return settings.WAGTAILADMIN_BASE_URL + reverse("workflows:status", args=[token])


def lost_link_url(language: str) -> str:
    """Where applicants ask for their links again."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return settings.WAGTAILADMIN_BASE_URL + reverse("workflows:lost_link")
