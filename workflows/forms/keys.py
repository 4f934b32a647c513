"""Stable, readable ASCII keys for answers and choice values, made once from the German label."""

import re

from anyascii import anyascii

KEY_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
MAX_KEY_LENGTH = 64


def key_from_label(label: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A snake_case key for `label` not in `taken`: "Größe der Gruppe" → "grosse_der_gruppe".

    anyascii transliterates every script readably (Wagtail's own clean_name would give "groxdfe_der_gruppe").
    """
    ascii_label = anyascii(label).lower()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_label).strip("_")[: MAX_KEY_LENGTH - 4].rstrip("_") or "field"
    if not base[0].isalpha():
        base = f"f_{base}"
    key, suffix = base, 2
    while key in taken:
        key, suffix = f"{base}_{suffix}", suffix + 1
    return key
