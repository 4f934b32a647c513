"""A submission is a case: the answers, the form as it was at submit time, and the applicant's files."""

import uuid
from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField

from workflows.definitions.states import CaseState
from workflows.storage import private_storage


class ReferenceCounter(models.Model):
    """The last reference number handed out per prefix and year; rows are locked while a number is taken."""

    prefix = models.CharField(max_length=8)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="unique_reference_counter")]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_number}"


class FormDefinition(models.Model):
    """A form's questions as they were when someone answered them: keys, types and labels in every language.

    Shared by all submissions made through one translation while the form read the same; editing the form creates a
    new one and never changes how older submissions read.
    """

    form_key = models.UUIDField(_("form"), db_index=True, help_text=_("translation key of the form page"))
    digest = models.CharField(max_length=64, db_index=True, help_text=_("SHA-256 of the questions"))
    source = models.CharField(
        max_length=64,
        unique=True,
        help_text=_("SHA-256 of the page and the live revisions the questions were read from"),
    )
    fields = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("form definition")
        verbose_name_plural = _("form definitions")

    def __str__(self):
        return f"{self.form_key} ({self.digest[:8]})"

    def field(self, key: str) -> dict | None:
        return next((field for field in self.fields if field["key"] == key), None)


def money_field(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)


class Submission(ConcurrentTransitionMixin, models.Model):
    """A case: what the applicant sent, and where it stands in its workflow.

    `state` changes only through the transitions of the case's workflow (workflows/definitions/), fired by the
    transition service; saving checks that nobody changed the state in the meantime. Each workflow is a proxy of
    this model, and every row loads as its workflow's class, with that workflow's transitions.
    """

    #: The case class of each workflow by name; every workflow class enters itself when it is declared.
    workflow_classes: ClassVar[dict[str, type["Submission"]]] = {}

    reference = models.CharField(_("reference"), max_length=32, unique=True)
    form_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,  # deleting a form page never deletes its cases
        related_name="+",
    )
    form_key = models.UUIDField(_("form key"), help_text=_("the same for all translations of one form"))
    form_title = models.CharField(_("form title"), max_length=255)
    definition = models.ForeignKey(FormDefinition, on_delete=models.PROTECT, related_name="submissions")
    language = models.CharField(_("language"), max_length=12)
    applicant_name = models.CharField(_("applicant"), max_length=255, blank=True)
    applicant_email = models.EmailField(_("applicant's email"), blank=True)
    partner_city = models.CharField(
        _("partner city"), max_length=64, blank=True, db_index=True, help_text=_("slug of the German city page")
    )
    answers = models.JSONField(_("answers"), default=dict)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    workflow = models.CharField(_("workflow"), max_length=32, default="advice")  # see definitions/registry.py
    state = FSMField(_("state"), choices=CaseState.choices, default=CaseState.SUBMITTED, protected=True)
    state_changed_at = models.DateTimeField(_("last change"), default=timezone.now)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_submissions",
    )
    programme = models.ForeignKey(
        "workflows.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    amount_requested = money_field(_("amount requested (€)"), null=True, blank=True)
    amount_recommended = money_field(_("amount recommended (€)"), null=True, blank=True)
    amount_approved = money_field(_("amount approved (€)"), null=True, blank=True)
    amount_reserved = money_field(
        _("amount reserved (€)"), default=Decimal(0), help_text=_("money this case holds in its programme's budget")
    )
    details = models.JSONField(
        _("case details"), default=dict, blank=True, help_text=_("facts recorded by transitions, e.g. a payment date")
    )
    search_text = models.TextField(
        editable=False, default="", help_text=_("reference, applicant and answers in lower case, for the inbox search")
    )

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-created_at"]
        indexes = [
            # The inbox's visibility and state filters, and its overdue filter (deadlines are per form and state).
            models.Index(fields=["form_key", "state", "state_changed_at"], name="submission_form_state"),
            # Its other filters and the columns it sorts by, so that years of cases page as fast as a few.
            models.Index(fields=["language"], name="submission_language"),
            models.Index(fields=["applicant_name"], name="submission_applicant"),
            models.Index(fields=["amount_requested"], name="submission_amount"),
            models.Index(fields=["state_changed_at"], name="submission_state_changed"),
        ]
        # PostgreSQL also gets a trigram index on search_text (migration 0003), which SQLite does not have.
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_reserved__gte=0), name="amount_reserved_not_negative")
        ]

    def __str__(self):
        return self.reference

    @classmethod
    def from_db(cls, db, field_names, values):
        """A row read through Submission (its manager, a relation, a join) becomes a case of its workflow."""
        case_class = cls
        if cls is Submission and "workflow" in field_names:
            case_class = cls.workflow_classes.get(values[field_names.index("workflow")], cls)
        return super(Submission, case_class).from_db(db, field_names, values)


def submission_file_path(instance, filename):
    """Files are stored under a random name: the original name is data, never a path."""
    return f"submissions/{instance.submission.created_at:%Y/%m}/{uuid.uuid4().hex}"


class SubmissionFile(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    field_key = models.CharField(max_length=64)
    file = models.FileField(storage=private_storage, upload_to=submission_file_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("uploaded file")
        verbose_name_plural = _("uploaded files")

    def __str__(self):
        return self.original_name
