from workflows.forms.page import FormPage

from .programmes import Programme
from .submissions import FormDefinition, ReferenceCounter, Submission, SubmissionFile

__all__ = ["FormDefinition", "FormPage", "Programme", "ReferenceCounter", "Submission", "SubmissionFile"]
