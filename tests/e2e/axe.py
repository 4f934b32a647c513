"""WCAG 2.1 A/AA checks with axe-core (bundled by axe-playwright-python, nothing fetched)."""

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
_axe = Axe()


def wcag_violations(page) -> str:
    """The WCAG 2.1 A/AA violations on the page as one line each, naming the elements ("" when there are none).

    Checked as the page looks once every animation has ended (a banner sliding in or a menu fading out is not what
    people read): animations are taken to their end at once, rather than waited for (Wagtail's admin pulses a
    badge for 25 seconds).
    """
    page.evaluate(
        """document.getAnimations()
            .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime))
            .forEach((animation) => animation.finish())"""
    )
    violations = _axe.run(page, options=WCAG_21_AA).response["violations"]
    return "\n".join(
        f"{violation['id']} ({violation['impact']}): " + ", ".join(str(node["target"]) for node in violation["nodes"])
        for violation in violations
    )
