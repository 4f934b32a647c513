"""Every state a case can be in, across all workflows; each workflow uses the subset it lists.

One vocabulary keeps labels translated once and lets the inbox filter and colour states the same way everywhere.
States are compared by value, never by their display text.
"""

from django.db import models
from django.utils.translation import pgettext_lazy


class CaseState(models.TextChoices):
    # Applications for money (Zuwendung, Praktikum)
    SUBMITTED = "submitted", pgettext_lazy("case state", "Submitted")
    IN_REVIEW = "in_review", pgettext_lazy("case state", "In review")
    MORE_INFO = "more_info", pgettext_lazy("case state", "More information requested")
    PLACEMENT_FOUND = "placement_found", pgettext_lazy("case state", "Placement found")
    RECOMMENDED_APPROVAL = "recommended_approval", pgettext_lazy("case state", "Recommended for approval")
    RECOMMENDED_REJECTION = "recommended_rejection", pgettext_lazy("case state", "Recommended for rejection")
    APPROVED = "approved", pgettext_lazy("case state", "Approved")
    REJECTED = "rejected", pgettext_lazy("case state", "Rejected")
    DECISION_ISSUED = "decision_issued", pgettext_lazy("case state", "Decision issued")
    PAID = "paid", pgettext_lazy("case state", "Paid")
    PROOF_SUBMITTED = "proof_submitted", pgettext_lazy("case state", "Proof of use submitted")
    REPAYMENT_REQUESTED = "repayment_requested", pgettext_lazy("case state", "Repayment requested")
    WITHDRAWN = "withdrawn", pgettext_lazy("case state", "Withdrawn")
    # Registrations for round tables and events (Anmeldung)
    REGISTERED = "registered", pgettext_lazy("case state", "Registered")
    CONFIRMED = "confirmed", pgettext_lazy("case state", "Confirmed")
    WAITING_LIST = "waiting_list", pgettext_lazy("case state", "On the waiting list")
    CANCELLED = "cancelled", pgettext_lazy("case state", "Cancelled")
    # Advice requests (Anfrage)
    ASSIGNED = "assigned", pgettext_lazy("case state", "Assigned")
    ANSWERED = "answered", pgettext_lazy("case state", "Answered")
    # Shared end
    CLOSED = "closed", pgettext_lazy("case state", "Closed")


#: How the inbox colours a state: waiting for staff, waiting for the applicant, good or bad outcome, or done.
STATE_TONES = {
    CaseState.SUBMITTED: "new",
    CaseState.IN_REVIEW: "working",
    CaseState.PLACEMENT_FOUND: "working",
    CaseState.RECOMMENDED_APPROVAL: "working",
    CaseState.RECOMMENDED_REJECTION: "working",
    CaseState.REGISTERED: "new",
    CaseState.ASSIGNED: "working",
    CaseState.MORE_INFO: "waiting",
    CaseState.WAITING_LIST: "waiting",
    CaseState.PROOF_SUBMITTED: "working",
    CaseState.REPAYMENT_REQUESTED: "waiting",
    CaseState.APPROVED: "positive",
    CaseState.DECISION_ISSUED: "positive",
    CaseState.PAID: "positive",
    CaseState.CONFIRMED: "positive",
    CaseState.ANSWERED: "positive",
    CaseState.REJECTED: "negative",
    CaseState.WITHDRAWN: "ended",
    CaseState.CANCELLED: "ended",
    CaseState.CLOSED: "ended",
}
