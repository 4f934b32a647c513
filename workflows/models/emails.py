"""A record of every email sent about a case: the timeline shows them, and a retried send skips who already got it."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CaseEmail(models.Model):
    class Audience(models.TextChoices):
        APPLICANT = "applicant", _("Applicant")
        STAFF = "staff", _("Staff")

    submission = models.ForeignKey("workflows.Submission", on_delete=models.PROTECT, related_name="emails")
    audit_entry = models.ForeignKey("workflows.AuditEntry", on_delete=models.PROTECT, related_name="emails")
    audience = models.CharField(_("to"), max_length=16, choices=Audience.choices)
    recipient = models.EmailField(_("recipient"))
    subject = models.CharField(_("subject"), max_length=255)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("email")
        verbose_name_plural = _("emails")
        ordering = ["sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["audit_entry", "recipient"], name="one_email_per_step_and_recipient")
        ]

    def __str__(self):
        return f"{self.recipient}: {self.subject}"
