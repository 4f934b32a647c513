"""Benchmarks: the test settings plus a vanilla Wagtail form page to measure against, and no rate limit."""

from .test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "bench.baseline"]  # noqa: F405
FORM_RATE_LIMIT = (10**9, 1)
