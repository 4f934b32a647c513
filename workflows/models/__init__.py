from workflows.forms.page import FormPage

from .submissions import FormDefinition, ReferenceCounter, Submission, SubmissionFile

__all__ = ["FormDefinition", "FormPage", "ReferenceCounter", "Submission", "SubmissionFile"]
