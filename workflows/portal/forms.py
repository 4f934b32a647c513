"""The forms of the applicant portal that are not steps of a workflow."""

from django import forms
from django.utils.translation import gettext_lazy as _


class LostLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("The address you gave in your application or registration."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
