"""The append-only history of every case: who moved it from where to where, when, why and with which data."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.definitions.states import CaseState


class AppendOnly(Exception):
    """Audit entries are facts of record; they are never changed or deleted."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("Audit entries cannot be changed.")

    def delete(self):
        raise AppendOnly("Audit entries cannot be deleted.")


class AuditEntry(models.Model):
    submission = models.ForeignKey(
        "workflows.Submission", verbose_name=_("submission"), on_delete=models.PROTECT, related_name="audit_entries"
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(
        _("who"), max_length=255, help_text=_("kept as written at the time, also when the account is deleted")
    )
    actor_role = models.CharField(_("role"), max_length=32)
    transition = models.CharField(_("transition"), max_length=64)
    source = models.CharField(_("from"), max_length=50, choices=CaseState.choices, blank=True)
    target = models.CharField(_("to"), max_length=50, choices=CaseState.choices)
    comment = models.TextField(_("comment"), blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.submission_id}: {self.source or '–'} → {self.target} ({self.transition})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnly("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Audit entries cannot be deleted.")
