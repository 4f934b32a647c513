from workflows.forms.page import FormPage

from .audit import AuditEntry
from .configuration import FormRole, NotificationText, StateDeadline
from .decisions import Decision, DecisionBatch, DecisionTemplate
from .emails import CaseEmail
from .notes import InternalNote
from .offices import Office
from .portal import StatusLink
from .programmes import Programme
from .submissions import FormDefinition, ReferenceCounter, Submission, SubmissionFile

# The workflows are proxy models of Submission: importing them registers them with the app.
from workflows.definitions.registry import WORKFLOWS  # noqa: F401  isort: skip

__all__ = [
    "AuditEntry",
    "CaseEmail",
    "Decision",
    "DecisionBatch",
    "DecisionTemplate",
    "FormDefinition",
    "FormPage",
    "FormRole",
    "InternalNote",
    "NotificationText",
    "Office",
    "Programme",
    "ReferenceCounter",
    "StateDeadline",
    "StatusLink",
    "Submission",
    "SubmissionFile",
]
