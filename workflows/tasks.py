"""Background work about cases, run by the task worker."""

from django_tasks import task


@task()
def send_case_emails(entry_id: int, attempt: int = 1) -> None:
    """Send the emails about one step of a case (audit entry `entry_id`), trying again later after a failure."""
    from workflows.services.emails import case_emails_send  # the services enqueue this task: import when run

    case_emails_send(entry_id=entry_id, attempt=attempt)


@task()
def render_decision(decision_id: int) -> None:
    """Render a pending decision to PDF and store it; its step's emails go out once it is stored."""
    from workflows.services.decisions import decision_render  # the services enqueue this task: import when run

    decision_render(decision_id=decision_id)


@task()
def send_status_links(address: str, language: str) -> None:
    """Email new status links for every case sent from `address`; nothing when there are none."""
    from workflows.services.emails import status_links_send  # the services enqueue this task: import when run

    status_links_send(address=address, language=language)
