"""Everything that changes a submission goes through a function here; reads live in selector modules."""

import hashlib
import uuid
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from workflows.forms.answers import answers_from_form, applicant_contact
from workflows.forms.definitions import field_definitions
from workflows.forms.snapshot import form_definition_id_for
from workflows.forms.uploads import detect_kind
from workflows.models import Programme, ReferenceCounter, Submission, SubmissionFile
from workflows.tasks import send_submission_confirmation


def reference_allocate(*, prefix: str, on: date) -> str:
    """The next reference for `prefix` in the year of `on`, e.g. "AUS-2026-00017".

    Call inside the transaction that saves the submission: the counter row stays locked until it commits, so
    concurrent submissions get consecutive numbers, and a rolled-back submission gives its number back (no gaps).
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("reference_allocate must run inside the transaction that saves the submission")
    number = _increment_counter(connection, prefix, on.year)
    if number is None:  # the first reference of this prefix and year
        ReferenceCounter.objects.get_or_create(prefix=prefix, year=on.year)
        number = _increment_counter(connection, prefix, on.year)
    return f"{prefix}-{on.year}-{number:05d}"


def _increment_counter(connection, prefix: str, year: int) -> int | None:
    """Increment and read the counter in one statement; the UPDATE keeps the row locked until commit."""
    table = connection.ops.quote_name(ReferenceCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_number = last_number + 1 WHERE prefix = %s AND year = %s RETURNING last_number",
            [prefix, year],
        )
        row = cursor.fetchone()
    return row[0] if row else None


class BudgetExceeded(Exception):
    """An approval would promise more money than the programme has left."""

    def __init__(self, programme: Programme, amount: Decimal):
        self.programme = programme
        self.amount = amount
        super().__init__(
            _("%(programme)s has only %(remaining)s € left; %(amount)s € cannot be reserved.")
            % {
                "programme": programme,
                "remaining": number_format(programme.remaining, 2, force_grouping=True),
                "amount": number_format(amount, 2, force_grouping=True),
            }
        )


def budget_reserve(*, programme: Programme, amount: Decimal) -> Programme:
    """Promise `amount` of the programme's budget. Locks the programme row until the caller's transaction ends, so
    concurrent approvals queue up and the remaining budget never goes below zero."""
    with transaction.atomic():
        locked = Programme.objects.select_for_update().get(pk=programme.pk)
        if amount < 0 or amount > locked.remaining:
            raise BudgetExceeded(locked, amount)
        locked.reserved += amount
        locked.save(update_fields=["reserved"])
    return locked


def budget_release(*, programme: Programme, amount: Decimal) -> Programme:
    """Give back money promised earlier (rejection or withdrawal after approval, lower costs after proof of use)."""
    with transaction.atomic():
        locked = Programme.objects.select_for_update().get(pk=programme.pk)
        if amount < 0 or amount > locked.reserved:
            raise ValueError(f"Cannot release {amount} €: {locked} has {locked.reserved} € reserved.")
        locked.reserved -= amount
        locked.save(update_fields=["reserved"])
    return locked


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
def submission_create(*, page, cleaned_data: dict, language: str, definitions=None) -> Submission:
    """Store a valid form as a new case: reference, answers, form snapshot and files, all or nothing.

    `definitions` are the questions the form was built from (read from the page when not given). The confirmation
    email is sent by a background task after the commit; a mail failure never touches the case.
    """
    definitions = list(definitions) if definitions is not None else field_definitions(page.fields)
    answers, uploads = answers_from_form(definitions, cleaned_data)
    name, email = applicant_contact(definitions, answers)
    submission = Submission(
        reference=reference_allocate(prefix=page.case_reference_prefix, on=timezone.localdate()),
        form_page=page,
        form_key=page.translation_key,
        form_title=page.title,
        definition_id=form_definition_id_for(page),
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
