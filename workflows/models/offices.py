"""The city offices that run programmes: what belongs to one office (its programmes, the wording of its decisions and
emails) is managed by its people and, to everyone else but administrators, does not exist."""

from django import forms
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class OfficeQuerySet(models.QuerySet):
    def of_user(self, user):
        """The offices `user` works for: those of whose groups the user is a member."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(groups__user=user).distinct()


class Office(models.Model):
    """A city office or department, e.g. the Abteilung Außenbeziehungen, the Kulturamt or the Amt für Sport und
    Bewegung. Its groups say who works for it."""

    name = models.CharField(_("name"), max_length=160, unique=True)
    groups = models.ManyToManyField(
        Group,
        verbose_name=_("groups"),
        blank=True,
        related_name="offices",
        help_text=_(
            "Members of these groups work for the office: they see and manage its programmes, decision templates "
            "and notification texts, as far as their group permissions allow."
        ),
    )

    objects = OfficeQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("groups", widget=forms.CheckboxSelectMultiple)]

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["name"]

    def __str__(self):
        return self.name
