"""Why a change to a case was not made: raised by the services, shown to the person acting."""

from django.utils.translation import gettext as _


class TransitionRefused(Exception):
    """The step cannot be taken. `message` says why in the active language; `errors` holds the form's field errors
    when the data was wrong."""

    def __init__(self, message: str, errors=None):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


class CaseChanged(TransitionRefused):
    """Someone else moved the case since it was read; nothing was changed."""

    def __init__(self):
        super().__init__(_("This case was changed by someone else in the meantime. Please reload it and try again."))
