"""A reviewer reads the approval workflows in the admin: drawn, labelled, and accessible."""

from demo.people import DEMO_PASSWORD
from tests.e2e.axe import wcag_violations


def test_reviewer_sees_each_workflow_drawn_with_readable_labels_and_no_wcag_violations(
    demo_live_server, page, screenshot
):
    page.goto(f"{demo_live_server.url}/admin/login/")
    page.fill("#id_username", "kultur.sachbearbeitung")  # admin language English
    page.fill("#id_password", DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.goto(f"{demo_live_server.url}/admin/approval-workflows/")

    diagrams = page.locator(".workflow-diagram svg")
    assert diagrams.count() == 4
    first = diagrams.first
    assert first.get_attribute("role") == "img"
    assert "Grant" in first.locator("title").first.text_content()
    assert first.get_by_text("Recommended for approval", exact=True).count() == 1
    box = first.bounding_box()
    assert box["width"] > 300 and box["height"] > 600
    assert wcag_violations(page) == ""
    assert screenshot(page, "admin-approval-workflows-en").exists()
