"""Storing a valid form as a new case."""

from django.db import transaction
from django.utils import timezone

from workflows.definitions.registry import workflow_class
from workflows.forms.answers import answer_texts, answers_from_form, applicant_contact, partner_city, requested_amount
from workflows.forms.definitions import field_definitions
from workflows.forms.snapshot import form_definition_id_for
from workflows.models import Submission

from .files import submission_file_build
from .references import reference_allocate
from .transitions import case_opened


def search_text(submission: Submission) -> str:
    """What the inbox search looks in: reference, applicant and every answer, in lower case."""
    parts = [submission.reference, submission.applicant_name, submission.applicant_email]
    return " ".join(parts + answer_texts(submission.answers)).lower()


@transaction.atomic
def submission_create(
    *, page, cleaned_data: dict, language: str, definitions=None, received_at=None, notify: bool = True
) -> Submission:
    """Store a valid form as a new case: reference, answers, form snapshot and files, all or nothing.

    `definitions` are the questions the form was built from (read from the page when not given). The case starts
    in its workflow's first state with an audit entry; the confirmation email is sent by a background task after the
    commit, and a mail failure never touches the case. `received_at` and `notify=False` are for cases imported
    from elsewhere (and demo data): when they arrived, and that nobody is to be emailed about them.
    """
    received_at = received_at or timezone.now()
    definitions = list(definitions) if definitions is not None else field_definitions(page.fields)
    answers, uploads = answers_from_form(definitions, cleaned_data)
    name, email = applicant_contact(definitions, answers)
    case_class = workflow_class(page.workflow)
    submission = case_class(
        reference=reference_allocate(prefix=page.reference_prefix, on=timezone.localdate(received_at)),
        form_page=page,
        form_key=page.translation_key,
        form_title=page.title,
        definition_id=form_definition_id_for(page),
        language=language,
        applicant_name=name[:255],
        applicant_email=email,
        partner_city=partner_city(definitions, answers),
        answers=answers,
        created_at=received_at,
        state_changed_at=received_at,
        workflow=case_class.workflow_name,
        state=case_class.initial_state(),
        programme_id=page.programme_id,
        amount_requested=requested_amount(definitions, answers),
    )
    files = [
        submission_file_build(submission=submission, key=key, upload=upload)
        for key, items in uploads.items()
        for upload in items
    ]
    for key in uploads:
        submission.answers[key] = [
            {"file": str(record.id), "name": record.original_name} for record in files if record.field_key == key
        ]
    submission.search_text = search_text(submission)
    submission.save()
    for record in files:
        record.save()
    case_opened(case=submission, notify=notify)
    return submission
