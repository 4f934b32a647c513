"""Funding programmes (Förderprogramme) and the money they may still promise."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from workflows.money import euros

#: Columns that only the budget services change (workflows/services/budgets.py), relatively and under the row lock.
MONEY_COLUMNS = frozenset({"reserved"})


class BudgetBelowReserved(ValidationError):
    """A budget was set below the money that approvals have already reserved from it."""

    def __init__(self, reserved: Decimal):
        self.reserved = reserved
        super().__init__(
            {
                "budget": gettext(
                    "Approved cases have already reserved %(reserved)s of this programme; the budget cannot be lower."
                )
                % {"reserved": euros(reserved)}
            }
        )


class Programme(models.Model):
    """A programme with a yearly budget, e.g. "Austauschbegegnungen 2026".

    `reserved` is the money promised by approvals; the database refuses any state where it exceeds the budget or
    drops below zero, and the services change it only under a row lock.
    """

    name = models.CharField(_("name"), max_length=160)
    office = models.ForeignKey(
        "workflows.Office",
        verbose_name=_("office"),
        null=True,  # programmes from before offices existed; only administrators see those
        on_delete=models.PROTECT,
        related_name="programmes",
        help_text=_("The office that runs the programme: only its people see and manage it."),
    )
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
        FieldRowPanel([FieldPanel("name"), FieldPanel("office")]),
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

    def save(self, *args, update_fields=None, **kwargs):
        """Saves everything but the money columns, which only the budget services change. A programme read before
        approvals committed (an admin form, any stale instance) must not write their reservations away; and a budget
        below what is reserved is refused as BudgetBelowReserved, checked under the row lock that approvals take."""
        if self._state.adding:
            return super().save(*args, update_fields=update_fields, **kwargs)
        editable = [field.name for field in self._meta.concrete_fields if not field.primary_key]
        update_fields = [name for name in (update_fields or editable) if name not in MONEY_COLUMNS]
        with transaction.atomic():
            reserved = Programme.objects.select_for_update().values_list("reserved", flat=True).get(pk=self.pk)
            if "budget" in update_fields and self.budget < reserved:
                raise BudgetBelowReserved(reserved)
            self.reserved = reserved
            return super().save(*args, update_fields=update_fields, **kwargs)

    def clean(self):
        super().clean()
        if self.pk is None:
            return
        reserved = Programme.objects.filter(pk=self.pk).values_list("reserved", flat=True).first() or Decimal(0)
        if self.budget is not None and self.budget < reserved:
            raise BudgetBelowReserved(reserved)
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
