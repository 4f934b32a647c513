"""Entries in a case's history that are not transitions of its workflow; the audit log records them by these names.

None of them changes the state: the entry's source and target are the state the case was in.
"""

from django.utils.translation import gettext_lazy as _

SUBMIT = "submit"  # the case arrived (its source is empty)
MESSAGE = "message"  # the office wrote to the applicant
ASSIGN = "assign"  # the case was given to a reviewer, or taken back
DECISION_CORRECTED = "correct_decision"  # a corrected version of the decision was issued
LINK_RENEWED = "renew_link"  # the applicant's status links were revoked and a new one sent

EVENT_LABELS = {
    SUBMIT: _("Case received"),
    MESSAGE: _("Message to the applicant"),
    ASSIGN: _("Assigned"),
    DECISION_CORRECTED: _("Corrected decision issued"),
    LINK_RENEWED: _("New status link sent"),
}
