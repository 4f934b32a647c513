"""WCAG 2.1 A/AA checks with axe-core (bundled by axe-playwright-python, nothing fetched)."""

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
_axe = Axe()


def wcag_violations(page) -> str:
    """The WCAG 2.1 A/AA violations on the page as one line each ("" when there are none)."""
    return _axe.run(page, options=WCAG_21_AA).generate_snapshot()
