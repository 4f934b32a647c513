"""Storing what applicants upload: with a form, or later with a step such as an answer or the proof of use."""

import hashlib
import uuid

from django.core.files.uploadedfile import UploadedFile

from workflows.forms.uploads import detect_kind
from workflows.models import Submission, SubmissionFile


def submission_file_build(*, submission: Submission, key: str, upload) -> SubmissionFile:
    """An unsaved record of one checked upload for the case, with its checksum and the kind its content shows."""
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


def _is_upload_list(value) -> bool:
    return isinstance(value, list | tuple) and bool(value) and all(isinstance(item, UploadedFile) for item in value)


def step_files_store(*, case: Submission, step: str, data: dict) -> dict:
    """`data` of a step with each list of uploads stored as the case's files and replaced by what the audit entry
    keeps of them: [{"file": id, "name": original name}]. Files are keyed "<step>.<field>"."""
    stored = {}
    for name, value in data.items():
        if not _is_upload_list(value):
            stored[name] = value
            continue
        records = [submission_file_build(submission=case, key=f"{step}.{name}", upload=upload) for upload in value]
        for record in records:
            record.save()
        stored[name] = [{"file": str(record.id), "name": record.original_name} for record in records]
    return stored
