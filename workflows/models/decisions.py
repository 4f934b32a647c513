"""Decisions (Bescheide): the editors' letter texts per programme and kind, and the PDFs issued from them.

An issued decision is a document of record: its PDF, SHA-256 and version never change, and it is never deleted. A
correction is a new version of the case's decision.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from workflows.definitions.decisions import DecisionKind
from workflows.definitions.messages import placeholder_errors
from workflows.storage import private_storage

from .audit import AppendOnly

DEFAULT_PROOF_MONTHS = 3

#: Placeholders editors may write in decision texts, with what they stand for (shown in the admin).
DECISION_PLACEHOLDERS = {
    "reference": _("the reference (Aktenzeichen)"),
    "applicant": _("the applicant's name"),
    "organisation": _("the applicant's organisation"),
    "form": _("the title of the application form"),
    "amount": _("the amount the decision grants or reclaims, in figures"),
    "amount_in_words": _("the same amount in words"),
    "amount_requested": _("the amount requested"),
    "amount_approved": _("the amount approved"),
    "period": _("the funding period"),
    "partner_city": _("the partner city"),
    "proof_deadline": _("the deadline for the proof of use"),
    "repayment_deadline": _("the deadline for the repayment"),
    "official": _("the responsible official"),
    "office": _("the issuing office"),
    "office_address": _("the office's address"),
}


class DecisionTemplate(TranslatableMixin, models.Model):
    """The wording of one kind of decision for one programme (or for every programme without its own).

    Empty texts keep the default wording of that part. Translations are the courtesy translations applicants get in
    their language; languages without a translation get the default wording in that language.
    """

    programme = models.ForeignKey(
        "workflows.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="decision_templates",
        help_text=_("Leave empty for the wording of every programme that has none of its own."),
    )
    kind = models.CharField(_("kind of decision"), max_length=16, choices=DecisionKind.choices)
    office = models.CharField(
        _("issuing office"), max_length=160, blank=True, help_text=_("e.g. Abteilung Außenbeziehungen")
    )
    address = models.TextField(
        _("office address"), blank=True, help_text=_("One line each: street, postcode and city.")
    )
    contact = models.TextField(_("contact"), blank=True, help_text=_("One line each: phone, email, opening hours."))
    subject = models.CharField(_("subject line"), max_length=255, blank=True)
    operative_part = models.TextField(
        _("operative part (Tenor)"), blank=True, help_text=_("What is decided: amount, purpose, period, financing.")
    )
    conditions = models.TextField(_("conditions (Nebenbestimmungen)"), blank=True)
    reasons = models.TextField(
        _("reasons (Begründung)"),
        blank=True,
        help_text=_("Introduces the reasons; the reason the deciding official gave follows it."),
    )
    legal_remedy = models.TextField(_("legal remedy notice (Rechtsbehelfsbelehrung)"), blank=True)
    proof_of_use_months = models.PositiveSmallIntegerField(
        _("months for the proof of use"),
        default=DEFAULT_PROOF_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=_("The proof of use is due this many months after the end of the funding period."),
    )
    attach_pdf = models.BooleanField(
        _("attach the PDF to the email"),
        default=True,
        help_text=_("Otherwise the email only links to the decision."),
    )

    panels = [
        FieldRowPanel([FieldPanel("programme"), FieldPanel("kind")]),
        MultiFieldPanel([FieldPanel("office"), FieldPanel("address"), FieldPanel("contact")], heading=_("Letterhead")),
        MultiFieldPanel(
            [
                FieldPanel("subject"),
                FieldPanel("operative_part"),
                FieldPanel("conditions"),
                FieldPanel("reasons"),
                FieldPanel("legal_remedy"),
            ],
            heading=_("Texts"),
            help_text=format_lazy(
                _("Empty texts keep the default wording. Placeholders: {placeholders}"),
                placeholders=", ".join(f"{{{name}}}" for name in DECISION_PLACEHOLDERS),
            ),
        ),
        FieldRowPanel([FieldPanel("proof_of_use_months"), FieldPanel("attach_pdf")]),
    ]
    translatable_fields = [
        SynchronizedField("programme"),
        SynchronizedField("kind"),
        SynchronizedField("attach_pdf"),
        SynchronizedField("proof_of_use_months"),
        TranslatableField("office"),
        SynchronizedField("address"),
        TranslatableField("contact"),
        TranslatableField("subject"),
        TranslatableField("operative_part"),
        TranslatableField("conditions"),
        TranslatableField("reasons"),
        TranslatableField("legal_remedy"),
    ]
    text_fields = ("office", "contact", "subject", "operative_part", "conditions", "reasons", "legal_remedy")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("decision template")
        verbose_name_plural = _("decision templates")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "kind", "locale"],
                condition=models.Q(programme__isnull=False),
                name="unique_decision_template",
            ),
            models.UniqueConstraint(
                fields=["kind", "locale"], condition=models.Q(programme__isnull=True), name="unique_general_template"
            ),
        ]
        permissions = [("manage_shared_decisiontemplate", _("Can change the templates for every programme"))]

    def __str__(self):
        scope = self.programme or _("every programme")
        return f"{self.get_kind_display()} – {scope}"

    def clean(self):
        super().clean()
        texts = {name: getattr(self, name) for name in self.text_fields}
        errors = placeholder_errors(texts, DECISION_PLACEHOLDERS)
        if errors:
            raise ValidationError(errors)


def pending_time_limit() -> timedelta:
    """How long a decision may wait to be produced before staff may have the worker try again: the longest a
    rendering may take, plus DECISION_PENDING_MARGIN_SECONDS for the queue before it and for the recovery of a task
    whose worker died."""
    return timedelta(seconds=settings.DECISION_RENDER_SECONDS + settings.DECISION_PENDING_MARGIN_SECONDS)


class DecisionQuerySet(models.QuerySet):
    def retryable(self):
        """Decisions the worker may be asked to produce again: failed ones, and pending ones asked for longer than
        pending_time_limit() ago (their task may be lost; producing a decision twice issues it once)."""
        stalled = models.Q(status=Decision.Status.PENDING, queued_at__lt=timezone.now() - pending_time_limit())
        return self.filter(models.Q(status=Decision.Status.FAILED) | stalled)

    def update(self, **kwargs):
        """Updates never reach issued decisions (they are left out); pending and failed ones may change."""
        return super(DecisionQuerySet, self.exclude(status=Decision.Status.ISSUED)).update(**kwargs)

    def delete(self):
        raise AppendOnly("Decisions are documents of record; they cannot be deleted.")


def decision_file_path(instance, filename):
    return f"decisions/{instance.created_at:%Y/%m}/{uuid.uuid4().hex}.pdf"


#: Versions are small numbers; anything beyond the column's range is no version (and no database error).
MAX_VERSION = 32767


class Decision(models.Model):
    """One version of a case's decision. It is written as *pending* in the step's transaction, rendered by the
    task worker, and from then on *issued* and unchangeable; a rendering that failed can be tried again."""

    class Status(models.TextChoices):
        PENDING = "pending", _("being produced")
        FAILED = "failed", _("failed")
        ISSUED = "issued", _("issued")

    submission = models.ForeignKey(
        "workflows.Submission", verbose_name=_("case"), on_delete=models.PROTECT, related_name="decisions"
    )
    version = models.PositiveSmallIntegerField(_("version"))
    kind = models.CharField(_("kind of decision"), max_length=16, choices=DecisionKind.choices)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    audit_entry = models.ForeignKey(
        "workflows.AuditEntry",
        verbose_name=_("step"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
        help_text=_("the step that issued it; its emails go out once the PDF exists"),
    )
    courtesy_language = models.CharField(
        _("courtesy translation"), max_length=12, blank=True, help_text=_("the applicant's language, if not German")
    )
    official = models.CharField(_("responsible official"), max_length=255)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    correction_reason = models.TextField(_("reason for the correction"), blank=True)
    notify = models.BooleanField(default=True, help_text=_("email the applicant once issued"))
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    queued_at = models.DateTimeField(
        _("queued"), default=timezone.now, help_text=_("when the worker was last asked to produce it")
    )
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    file = models.FileField(storage=private_storage, upload_to=decision_file_path, max_length=255, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    size = models.PositiveIntegerField(_("size"), default=0)
    failure = models.TextField(_("why it failed"), blank=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["submission", "version"]
        constraints = [models.UniqueConstraint(fields=["submission", "version"], name="unique_decision_version")]

    def __str__(self):
        return f"{self.submission_id} v{self.version} ({self.kind})"

    def save(self, *args, **kwargs):
        if self.pk is not None and Decision.objects.filter(pk=self.pk, status=self.Status.ISSUED).exists():
            raise AppendOnly("An issued decision cannot be changed; issue a new version instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Decisions are documents of record; they cannot be deleted.")

    @property
    def file_name(self) -> str:
        return f"{self.submission.reference}-{self.version}.pdf"


class DecisionBatch(models.Model):
    """Decisions issued together by one bulk step, so that the admin can show how far the worker has got."""

    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decisions = models.ManyToManyField(Decision, related_name="batches")

    class Meta:
        verbose_name = _("batch of decisions")
        verbose_name_plural = _("batches of decisions")
