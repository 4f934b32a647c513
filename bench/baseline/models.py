"""A vanilla Wagtail form page: the baseline our application form is measured against (benchmarks only)."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField


class VanillaFormField(AbstractFormField):
    page = ParentalKey("VanillaFormPage", on_delete=models.CASCADE, related_name="form_fields")


class VanillaFormPage(AbstractEmailForm):
    template = "bench/vanilla_form_page.html"
    landing_page_template = "bench/vanilla_form_page.html"
