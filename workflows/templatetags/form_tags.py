from django import forms, template

from workflows.forms.blocks import FormFieldsBlock
from workflows.forms.fields import UploadField

register = template.Library()

GROUPED_TYPES = frozenset({"radio", "checkboxes", "date_range"})


@register.simple_tag
def form_items(page, form):
    """The form's blocks in order as (block, bound field): layout blocks come with None."""
    items = []
    for child in page.fields:
        if child.block_type in FormFieldsBlock.LAYOUT_BLOCKS:
            items.append((child, None))
        elif child.value["key"] in form.fields:
            items.append((child, form[child.value["key"]]))
    return items


@register.simple_tag
def field_widget(bound_field, block_type):
    """The input with its accessible description: help text and error message ids, and the invalid state."""
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}-help")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}-error")
    attrs = {}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    if bound_field.field.required and block_type not in GROUPED_TYPES:
        attrs["aria-required"] = "true"
    return bound_field.as_widget(attrs=attrs)


@register.filter
def is_grouped(block_type):
    return block_type in GROUPED_TYPES


@register.filter
def look_of(bound_field) -> str:
    """How a field of a form that is not built from blocks (a step's form) is laid out, named like the block that
    asks the same kind of question."""
    field = bound_field.field
    if isinstance(field, UploadField):
        return "file"
    if isinstance(field, forms.DecimalField):
        return "amount"
    if isinstance(field, forms.IntegerField):
        return "participants"
    if isinstance(field.widget, forms.Textarea):
        return "multiline"
    return "singleline"
