"""Everything that changes a submission goes through a function here (writes); see selectors for reads."""

import hashlib
import uuid
from datetime import date

from django.db import transaction
from django.utils import timezone

from workflows.forms.answers import answers_from_form, applicant_contact
from workflows.forms.definitions import field_definitions
from workflows.forms.snapshot import form_definition_for
from workflows.forms.uploads import detect_kind
from workflows.models import ReferenceCounter, Submission, SubmissionFile
from workflows.tasks import send_submission_confirmation


def reference_allocate(*, prefix: str, on: date) -> str:
    """The next reference for `prefix` in the year of `on`, e.g. "AUS-2026-00017".

    Call inside the transaction that saves the submission: the counter row stays locked until it commits, so
    concurrent submissions get consecutive numbers, and a rolled-back submission gives its number back (no gaps).
    """
    assert transaction.get_connection().in_atomic_block, "reference_allocate needs the caller's transaction"
    counter, _created = ReferenceCounter.objects.select_for_update().get_or_create(prefix=prefix, year=on.year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{prefix}-{on.year}-{counter.last_number:05d}"


def _file_record(submission: Submission, key: str, upload) -> SubmissionFile:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return SubmissionFile(
        id=uuid.uuid4(),
        submission=submission,
        field_key=key,
        file=upload,
        original_name=upload.name[:255],
        kind=detect_kind(upload) or "",
        size=upload.size,
        sha256=digest.hexdigest(),
    )


@transaction.atomic
def submission_create(*, page, cleaned_data: dict, language: str) -> Submission:
    """Store a valid form as a new case: reference, answers, form snapshot and files, all or nothing.

    The confirmation email is sent by a background task after the commit; a mail failure never touches the case.
    """
    definitions = field_definitions(page.fields)
    answers, uploads = answers_from_form(definitions, cleaned_data)
    name, email = applicant_contact(definitions, answers)
    submission = Submission(
        reference=reference_allocate(prefix=page.reference_prefix, on=timezone.localdate()),
        form_page=page,
        form_key=page.translation_key,
        form_title=page.title,
        definition=form_definition_for(page),
        language=language,
        applicant_name=name[:255],
        applicant_email=email,
        answers=answers,
    )
    files = [_file_record(submission, key, upload) for key, items in uploads.items() for upload in items]
    for key in uploads:
        submission.answers[key] = [
            {"file": str(record.id), "name": record.original_name} for record in files if record.field_key == key
        ]
    submission.save()
    for record in files:
        record.save()
    transaction.on_commit(lambda: send_submission_confirmation.enqueue(submission.pk))
    return submission
