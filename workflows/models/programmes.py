"""Funding programmes (Förderprogramme) and the money they may still promise."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class Programme(models.Model):
    """A programme with a yearly budget, e.g. "Austauschbegegnungen 2026".

    `reserved` is the money promised by approvals; the database refuses any state where it exceeds the budget or
    drops below zero, and the services change it only under a row lock.
    """

    name = models.CharField(_("name"), max_length=160)
    year = models.PositiveSmallIntegerField(_("year"))
    budget = models.DecimalField(
        _("budget (€)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    reserved = models.DecimalField(
        _("reserved (€)"), max_digits=12, decimal_places=2, default=Decimal(0), editable=False
    )
    reference_prefix = models.CharField(
        _("reference prefix"),
        max_length=8,
        help_text=_("Letters before the year in the references of this programme's cases, e.g. AUS → AUS-2026-00017."),
        validators=[RegexValidator(r"^[A-Z]{2,8}$", _("Use 2 to 8 capital letters."))],
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("budget")]),
        FieldPanel("reference_prefix"),
    ]

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-year", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "year"], name="unique_programme_per_year"),
            models.CheckConstraint(
                condition=Q(reserved__gte=0) & Q(reserved__lte=F("budget")), name="reserved_within_budget"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.year})"

    def clean(self):
        super().clean()
        if self.pk is None:
            return
        stored = Programme.objects.filter(pk=self.pk).values_list("reference_prefix", flat=True).first()
        in_use = self.form_pages.exists() or self.submissions.exists()
        if stored != self.reference_prefix and in_use:
            raise ValidationError(
                {
                    "reference_prefix": _(
                        "The prefix cannot change while forms or cases use this programme: their references start "
                        "with it."
                    )
                }
            )

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.reserved

    remaining.fget.short_description = _("remaining (€)")
