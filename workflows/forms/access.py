"""Applicants have no account: the browser that sent a submission keeps a signed cookie naming it.

A signed cookie rather than a server-side session: submitting writes nothing else to the database, and the cookie
cannot be forged to name someone else's case.
"""

from django.conf import settings

COOKIE_NAME = "applications"
SALT = "workflows.applicant-access"
MAX_AGE = 7 * 24 * 60 * 60
REMEMBERED = 20


def submissions_of_visitor(request) -> list[int]:
    """Ids of the submissions this browser sent (newest last); empty for a missing, expired or forged cookie."""
    value = request.get_signed_cookie(COOKIE_NAME, default="", salt=SALT, max_age=MAX_AGE)
    return [int(part) for part in value.split(",") if part.isdigit()]


def remember_submission(request, response, submission_id: int) -> None:
    ids = [*submissions_of_visitor(request), submission_id][-REMEMBERED:]
    response.set_signed_cookie(
        COOKIE_NAME,
        ",".join(map(str, ids)),
        salt=SALT,
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
