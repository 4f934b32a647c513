"""Uploads are recognised by their content: real files of each kind, and files that pretend to be something else.

The builders of small real files live in tests/factories.py.
"""

import io
import random

import pytest

from tests.factories import (
    WORD_MACRO_MAIN,
    docx_bytes,
    executable_bytes,
    image_bytes,
    open_document_bytes,
    pdf_bytes,
    upload,
    xlsx_bytes,
    zip_bytes,
)
from workflows.forms.uploads import FILE_KINDS, detect_kind, file_kind_choices


@pytest.mark.parametrize(
    ("kind", "content"),
    [
        ("pdf", pdf_bytes()),
        ("jpeg", image_bytes("JPEG")),
        ("png", image_bytes("PNG")),
        ("docx", docx_bytes()),
        ("odt", open_document_bytes()),
        ("xlsx", xlsx_bytes()),
        ("ods", open_document_bytes("application/vnd.oasis.opendocument.spreadsheet")),
    ],
)
def test_each_kind_of_file_is_recognised_by_its_content(kind, content):
    assert detect_kind(upload("upload.bin", content)) == kind


def test_png_named_and_sent_as_pdf_is_recognised_as_png():
    assert detect_kind(upload("antrag.pdf", image_bytes("PNG"), "application/pdf")) == "png"


def test_executable_named_pdf_is_no_allowed_kind():
    assert detect_kind(upload("antrag.pdf", executable_bytes(), "application/pdf")) is None


def test_empty_file_is_no_kind():
    assert detect_kind(upload("leer.pdf", b"")) is None


def test_plain_zip_archive_is_no_document():
    assert detect_kind(upload("antrag.docx", zip_bytes([("antrag.txt", "Hallo")]))) is None


def test_macro_enabled_word_document_is_not_taken_for_docx():
    macros = ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    assert detect_kind(upload("antrag.docx", docx_bytes(WORD_MACRO_MAIN, first_entries=(macros,)))) is None


def test_docx_that_starts_with_a_large_thumbnail_is_still_recognised():
    # Incompressible, so that it fills the first 8 KB of the archive, all that filetype looks at.
    thumbnail = ("docProps/thumbnail.jpeg", random.Random(1).randbytes(10_000))
    assert detect_kind(upload("antrag.docx", docx_bytes(first_entries=(thumbnail,)))) == "docx"


def test_zip_declaring_itself_a_pdf_is_not_taken_for_a_pdf():
    disguised = zip_bytes([("mimetype", "application/pdf"), ("content.xml", "<x/>")])
    assert detect_kind(upload("antrag.pdf", disguised, "application/pdf")) is None


def test_damaged_docx_is_not_recognised():
    whole = docx_bytes()
    assert detect_kind(upload("antrag.docx", whole[: len(whole) // 2])) is None


def test_detection_rewinds_the_file_for_whoever_reads_it_next():
    file = upload("antrag.docx", docx_bytes())
    file.read(10)
    detect_kind(file)
    assert file.tell() == 0


class _ReadCountingFile(io.BytesIO):
    bytes_read = 0

    def read(self, size=-1):
        data = super().read(size)
        self.bytes_read += len(data)
        return data


def test_detection_reads_only_the_head_of_a_large_pdf():
    file = _ReadCountingFile(pdf_bytes(padding=20 * 1024 * 1024))
    assert detect_kind(file) == "pdf"
    assert file.bytes_read <= 8192


def test_file_kind_choices_offer_every_kind_in_order_with_its_label():
    assert file_kind_choices() == [(key, kind.label) for key, kind in FILE_KINDS.items()]
    assert [key for key, _label in file_kind_choices()] == ["pdf", "jpeg", "png", "docx", "odt", "xlsx", "ods"]
