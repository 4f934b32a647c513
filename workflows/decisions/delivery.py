"""How an issued decision reaches the applicant: a signed download link, and the PDF attached where wanted."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from workflows.models import Decision
from workflows.selectors.configuration import decision_template

LINK_SALT = "workflows.decision-link"


def decision_link(decision: Decision) -> str:
    """The applicant's download link (no login needed): signed, and valid for DECISION_LINK_DAYS."""
    token = signing.TimestampSigner(salt=LINK_SALT).sign(str(decision.pk))
    with translation.override(decision.submission.language or settings.LANGUAGE_CODE):
        path = reverse("workflows:decision_download", args=[token])
    return settings.WAGTAILADMIN_BASE_URL + path


def decision_from_link(token: str) -> Decision | None:
    """The issued decision a link names, or None when the link is forged, broken or expired."""
    try:
        pk = signing.TimestampSigner(salt=LINK_SALT).unsign(token, max_age=settings.DECISION_LINK_DAYS * 86400)
    except signing.BadSignature:
        return None
    return Decision.objects.select_related("submission").filter(pk=int(pk), status=Decision.Status.ISSUED).first()


def attach_to_email(decision: Decision) -> bool:
    """Whether the PDF goes with the email: as the German template of its programme and kind says, else yes."""
    template = decision_template(decision.kind, decision.submission.programme_id, settings.LANGUAGE_CODE)
    return template.attach_pdf if template else True
