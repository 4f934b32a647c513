"""Secret links to applicants' status pages. Applicants have no account: whoever holds a case's link may follow it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.portal.links import looks_like_token, new_token, token_hash


class StatusLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)

    def issue(self, submission) -> str:
        """A new link to the case's status page; returns its token, which exists nowhere else from now on."""
        token = new_token()
        self.create(submission_id=submission.pk, token_hash=token_hash(token))
        return token

    def opening(self, token: str):
        """The active link `token` belongs to, with its case, or None (unknown, malformed or revoked alike)."""
        if not looks_like_token(token):
            return None
        return self.active().select_related("submission").filter(token_hash=token_hash(token)).first()

    def revoke(self, *, by=None) -> int:
        return self.active().update(revoked_at=timezone.now(), revoked_by=by)


class StatusLink(models.Model):
    """One link to a case's status page. Only the SHA-256 of its token is stored, so whoever reads the database or
    a backup cannot open anyone's case. A case may have several active links (e.g. a confirmation and a resent one);
    revoking ends all of them."""

    submission = models.ForeignKey(
        "workflows.Submission", verbose_name=_("submission"), on_delete=models.CASCADE, related_name="status_links"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = StatusLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("status link")
        verbose_name_plural = _("status links")
        indexes = [models.Index(fields=["submission", "revoked_at"], name="status_link_case_active")]

    def __str__(self):
        return f"{self.submission_id}: {self.token_hash[:8]}…"
