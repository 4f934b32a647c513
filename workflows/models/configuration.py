"""The low-code part of workflows: per form page, which groups play which role and how long a case may rest in a
state; per workflow and step, the text of the email the applicant gets."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from workflows.definitions.messages import PLACEHOLDERS, placeholder_errors
from workflows.definitions.roles import STAFF_ROLES
from workflows.definitions.states import CaseState


def staff_role_choices():
    return [(role.value, role.label) for role in STAFF_ROLES]


class FormRole(Orderable):
    """Members of `group` play `role` in the workflow of the form's cases."""

    page = ParentalKey("workflows.FormPage", on_delete=models.CASCADE, related_name="workflow_roles")
    role = models.CharField(_("role"), max_length=32, choices=staff_role_choices)
    group = models.ForeignKey(Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="form_roles")

    panels = [FieldRowPanel([FieldPanel("role"), FieldPanel("group")])]

    class Meta(Orderable.Meta):
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [models.UniqueConstraint(fields=["page", "role", "group"], name="unique_form_role_group")]

    def __str__(self):
        return f"{self.get_role_display()}: {self.group}"


class StateDeadline(Orderable):
    """A case resting longer than `days` in `state` counts as overdue."""

    page = ParentalKey("workflows.FormPage", on_delete=models.CASCADE, related_name="state_deadlines")
    state = models.CharField(_("state"), max_length=50, choices=CaseState.choices)
    days = models.PositiveSmallIntegerField(_("days"), validators=[MinValueValidator(1)])

    panels = [FieldRowPanel([FieldPanel("state"), FieldPanel("days")])]

    class Meta(Orderable.Meta):
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        constraints = [models.UniqueConstraint(fields=["page", "state"], name="unique_state_deadline")]

    def __str__(self):
        return f"{self.get_state_display()}: {self.days}"


def notification_step_choices():
    from workflows.definitions.registry import WORKFLOWS  # the workflows are models of this app

    return [
        (f"{name}.{step}", format_lazy("{workflow} – {step}", workflow=case_class.workflow_label, step=label))
        for name, case_class in WORKFLOWS.items()
        for step, (label, _message) in case_class.public_steps().items()
    ]


class NotificationText(TranslatableMixin, models.Model):
    """An editor's wording of the email applicants get at one step of one workflow, replacing the default text.

    A text of an office applies to the forms of that office; a text without an office is the shared default for
    every form of the workflow, which an office's own text overrides. Translate it like any snippet; languages
    without a translation keep their default text.
    """

    step = models.CharField(_("workflow step"), max_length=80, choices=notification_step_choices)
    office = models.ForeignKey(
        "workflows.Office",
        verbose_name=_("office"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notification_texts",
        help_text=_("The office whose forms use this text. Leave empty for the default of every office's forms."),
    )
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(
        _("text"),
        help_text=_("You can use {reference}, {applicant}, {form}, {amount} and {comment}."),
    )

    panels = [FieldRowPanel([FieldPanel("step"), FieldPanel("office")]), FieldPanel("subject"), FieldPanel("body")]
    translatable_fields = [
        TranslatableField("subject"),
        TranslatableField("body"),
        SynchronizedField("step"),
        SynchronizedField("office"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("notification text")
        verbose_name_plural = _("notification texts")
        constraints = [
            models.UniqueConstraint(
                fields=["step", "office", "locale"],
                condition=models.Q(office__isnull=False),
                name="unique_office_notification_text",
            ),
            models.UniqueConstraint(
                fields=["step", "locale"], condition=models.Q(office__isnull=True), name="unique_notification_text"
            ),
        ]
        permissions = [("manage_shared_notificationtext", _("Can change the texts shared by every office"))]

    def __str__(self):
        scope = self.office or _("every office")
        return f"{self.get_step_display()} – {scope}"

    def clean(self):
        super().clean()
        errors = placeholder_errors({"subject": self.subject, "body": self.body}, PLACEHOLDERS)
        if errors:
            raise ValidationError(errors)
