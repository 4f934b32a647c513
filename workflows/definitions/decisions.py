"""The kinds of decision (Bescheid) a workflow step can issue; the step names the kind in its `decision` custom."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DecisionKind(models.TextChoices):
    APPROVAL = "approval", _("Approval decision (Bewilligungsbescheid)")
    REJECTION = "rejection", _("Rejection decision (Ablehnungsbescheid)")
    REPAYMENT = "repayment", _("Amendment and repayment decision (Änderungs- und Rückforderungsbescheid)")
    COMMITMENT = "commitment", _("Funding commitment for an internship (Förderzusage)")


def approval_or_rejection(case) -> str:
    """After an approval, the workflow's approval decision (a commitment for internships); else a rejection."""
    return case.approval_decision if case.amount_approved is not None else DecisionKind.REJECTION


def repayment(case) -> str:
    return DecisionKind.REPAYMENT
