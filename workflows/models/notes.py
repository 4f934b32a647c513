"""Notes reviewers keep on a case for each other. They are internal: no applicant-facing page or email reads them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_NOTE = 5000


class InternalNote(models.Model):
    submission = models.ForeignKey(
        "workflows.Submission", verbose_name=_("submission"), on_delete=models.PROTECT, related_name="internal_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(_("author"), max_length=255)
    text = models.TextField(_("note"), max_length=MAX_NOTE)
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author_name}: {self.text[:40]}"
