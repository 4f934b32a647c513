"""Private files (applicants' uploads, decisions) as HTTP responses: the one place their safety headers are set."""

from django.http import FileResponse


def private_file_response(content, filename: str, *, inline: bool = False, content_type=None) -> FileResponse:
    """`content` (an open file or file-like object) downloaded as `filename`, or shown inline for a preview frame.

    Browsers neither sniff it into another type, run anything in it, cache it, nor tell other sites about it.
    """
    response = FileResponse(content, as_attachment=not inline, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'" + ("" if inline else "; sandbox")
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    return response
