"""Which kind of file an upload is, judged by its content alone: never by its name or the browser's content type."""

import zipfile
import zlib
from typing import NamedTuple

import filetype
from django.utils.translation import gettext_lazy as _


class FileKind(NamedTuple):
    label: str
    mime: str
    extensions: tuple[str, ...]  # with the leading dot, as the `accept` attribute wants them


FILE_KINDS = {
    "pdf": FileKind(_("PDF"), "application/pdf", (".pdf",)),
    "jpeg": FileKind(_("JPEG image"), "image/jpeg", (".jpg", ".jpeg")),
    "png": FileKind(_("PNG image"), "image/png", (".png",)),
    "docx": FileKind(
        _("Word document (DOCX)"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (".docx",),
    ),
    "odt": FileKind(_("OpenDocument text (ODT)"), "application/vnd.oasis.opendocument.text", (".odt",)),
    "xlsx": FileKind(
        _("Excel workbook (XLSX)"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)
    ),
    "ods": FileKind(_("OpenDocument spreadsheet (ODS)"), "application/vnd.oasis.opendocument.spreadsheet", (".ods",)),
}

# ZIP archives that are documents, by what identifies each inside the archive: OpenDocument by its `mimetype` entry,
# Office Open XML by the content type of its main part in `[Content_Types].xml`.
_OPEN_DOCUMENT_KINDS = ("odt", "ods")
_OFFICE_OPEN_XML_KINDS = ("docx", "xlsx")
_KIND_BY_SIGNATURE = {
    kind.mime: key for key, kind in FILE_KINDS.items() if key not in _OPEN_DOCUMENT_KINDS + _OFFICE_OPEN_XML_KINDS
}

_HEAD_SIZE = 8192  # what filetype looks at
_ZIP_SIGNATURE = b"PK\x03\x04"
_MAX_ENTRY_READ = 1024 * 1024  # [Content_Types].xml is a few kilobytes; never inflate a zip bomb
# What a damaged or hostile archive makes zipfile raise: encrypted entries (RuntimeError), unknown compression
# methods (NotImplementedError), broken deflate streams (zlib.error), truncated or inconsistent records.
_ARCHIVE_ERRORS = (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, EOFError, ValueError, OSError)


def file_kind_choices() -> list[tuple[str, str]]:
    """(key, label) of every kind, e.g. for the editor's choice of the kinds a question accepts."""
    return [(key, kind.label) for key, kind in FILE_KINDS.items()]


def detect_kind(uploaded_file) -> str | None:
    """The key in FILE_KINDS of what the file's content is, or None if it is none of them.

    Reads the head of the file, and of a ZIP archive its directory and one small entry; rewinds the file afterwards.
    """
    try:
        uploaded_file.seek(0)
        head = uploaded_file.read(_HEAD_SIZE)
        if head.startswith(_ZIP_SIGNATURE):
            return _zipped_document_kind(uploaded_file)
        guess = filetype.guess(head)
        return _KIND_BY_SIGNATURE.get(guess.mime) if guess else None
    finally:
        uploaded_file.seek(0)


def _zipped_document_kind(archive_file) -> str | None:
    """Office documents are ZIP archives; look inside instead of trusting filetype's guess from the first 8 KB.

    filetype only sees the first few entries within 8 KB, so it misses a DOCX that starts with a thumbnail or with
    `customXml/`, and it takes a macro-enabled DOCM for a DOCX since both have a `word/` folder.
    """
    try:
        with zipfile.ZipFile(archive_file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = _read_entry(archive, "mimetype").strip()
                return next((key for key in _OPEN_DOCUMENT_KINDS if FILE_KINDS[key].mime == declared), None)
            if "[Content_Types].xml" in names:
                content_types = _read_entry(archive, "[Content_Types].xml")
                return next(
                    (key for key in _OFFICE_OPEN_XML_KINDS if f"{FILE_KINDS[key].mime}.main+xml" in content_types),
                    None,
                )
    except _ARCHIVE_ERRORS:
        return None
    return None


def _read_entry(archive: zipfile.ZipFile, name: str) -> str:
    with archive.open(name) as entry:
        return entry.read(_MAX_ENTRY_READ).decode("utf-8", errors="replace")
