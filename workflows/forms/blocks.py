"""The blocks editors build application forms from.

Every question block carries a label, help text and "required", all translatable except the answer key. The key
(and each choice's value) is a `KeyBlock`: not a CharBlock, so wagtail-localize extracts no segment from it and every
translation keeps the German source's key. Answers of all languages therefore share one set of keys and values.
"""

from django import forms
from django.core.validators import RegexValidator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .keys import KEY_PATTERN, MAX_KEY_LENGTH
from .uploads import file_kind_choices


class KeyBlock(blocks.FieldBlock):
    """A stable ASCII identifier, filled in from the German label when left empty; synchronised to translations."""

    def __init__(self, required=False, help_text=None, **kwargs):
        self.field_options = {
            "required": required,
            "max_length": MAX_KEY_LENGTH,
            "help_text": help_text,
            "validators": [RegexValidator(KEY_PATTERN, _("Use lower-case letters, digits and underscores."))],
        }
        super().__init__(**kwargs)

    @cached_property
    def field(self):
        return forms.CharField(**self.field_options)

    class Meta:
        icon = "key"
        default = ""


KEY_HELP = _("Filled in from the German label when saved. Do not change it once answers exist.")


class ChoiceOptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=255)
    value = KeyBlock(label=_("Stored value"), help_text=KEY_HELP)

    class Meta:
        icon = "radio-full"
        label = _("Choice")


class QuestionBlock(blocks.StructBlock):
    """Base of every block that asks something and stores an answer under its key."""

    label = blocks.CharBlock(label=_("Question"), max_length=255)
    help_text = blocks.TextBlock(label=_("Help text"), required=False)
    required = blocks.BooleanBlock(label=_("Required"), required=False, default=True)
    key = KeyBlock(label=_("Answer key"), help_text=KEY_HELP)
    required_unless = KeyBlock(
        label=_("Not required when this question is answered"),
        help_text=_("Answer key of another question: one of the two must be answered."),
    )

    class Meta:
        icon = "form"
        form_classname = "struct-block question-block"
        label_format = "{label}"  # collapsed blocks read as the questions they ask


class TextQuestionBlock(QuestionBlock):
    purpose = blocks.ChoiceBlock(
        label=_("Purpose"),
        required=False,
        choices=[
            ("name", _("Applicant's name")),
            ("organization", _("Organisation")),
            ("tel", _("Phone number")),
            ("street-address", _("Street and house number")),
            ("postal-code", _("Postcode")),
            ("address-level2", _("Town or city")),
        ],
        help_text=_("Lets browsers fill the field in. The answer to “Applicant's name” names the case."),
    )

    class Meta:
        icon = "pilcrow"
        label = _("Short text")


class LongTextQuestionBlock(QuestionBlock):
    min_length = blocks.IntegerBlock(label=_("Minimum length (characters)"), required=False, min_value=0)
    max_length = blocks.IntegerBlock(label=_("Maximum length (characters)"), required=False, min_value=1)

    class Meta:
        icon = "doc-full"
        label = _("Long text")


class EmailQuestionBlock(QuestionBlock):
    class Meta:
        icon = "mail"
        label = _("Email address")
        help_text = _("The first email question receives the confirmation and every later message about the case.")


class NumberQuestionBlock(QuestionBlock):
    min_value = blocks.DecimalBlock(label=_("Minimum"), required=False)
    max_value = blocks.DecimalBlock(label=_("Maximum"), required=False)

    class Meta:
        icon = "order"
        label = _("Number")


class DateQuestionBlock(QuestionBlock):
    not_before_today = blocks.BooleanBlock(label=_("Not before today"), required=False)

    class Meta:
        icon = "date"
        label = _("Date")


class CheckboxQuestionBlock(QuestionBlock):
    required = blocks.BooleanBlock(label=_("Must be ticked"), required=False, default=False)

    class Meta:
        icon = "tick-inverse"
        label = _("Checkbox")


class ChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(ChoiceOptionBlock(), label=_("Choices"), min_num=1)

    class Meta:
        icon = "list-ul"


class DropdownQuestionBlock(ChoiceQuestionBlock):
    class Meta:
        label = _("Drop-down list")


class RadioQuestionBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "radio-full"
        label = _("Radio buttons (one answer)")


class CheckboxesQuestionBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "tick"
        label = _("Checkboxes (several answers)")


class FileQuestionBlock(QuestionBlock):
    kinds = blocks.MultipleChoiceBlock(
        label=_("Allowed kinds of file"), choices=file_kind_choices, required=False, help_text=_("None ticked: all.")
    )
    max_size_mb = blocks.IntegerBlock(label=_("Maximum size per file (MB)"), default=10, min_value=1, max_value=50)
    multiple = blocks.BooleanBlock(label=_("Several files"), required=False)
    max_files = blocks.IntegerBlock(label=_("Maximum number of files"), default=5, min_value=1, max_value=20)

    class Meta:
        icon = "doc-full-inverse"
        label = _("File upload")


class AmountQuestionBlock(QuestionBlock):
    min_amount = blocks.DecimalBlock(label=_("Minimum (€)"), required=False, min_value=0, decimal_places=2)
    max_amount = blocks.DecimalBlock(label=_("Maximum (€)"), required=False, min_value=0, decimal_places=2)

    class Meta:
        icon = "euro"
        label = _("Amount in euro")


class IbanQuestionBlock(QuestionBlock):
    class Meta:
        icon = "euro"
        label = _("IBAN")


class DateRangeQuestionBlock(QuestionBlock):
    not_before_today = blocks.BooleanBlock(label=_("Not before today"), required=False)

    class Meta:
        icon = "date"
        label = _("Period (from – to)")


class ParticipantsQuestionBlock(QuestionBlock):
    min_value = blocks.IntegerBlock(label=_("Minimum"), required=False, min_value=0)
    max_value = blocks.IntegerBlock(label=_("Maximum"), required=False, min_value=1)

    class Meta:
        icon = "group"
        label = _("Number of participants")


class PartnerCityQuestionBlock(QuestionBlock):
    class Meta:
        icon = "site"
        label = _("Partner city")
        help_text = _("Offers every published partner city, named in the visitor's language.")


class ConsentQuestionBlock(QuestionBlock):
    label = blocks.CharBlock(
        label=_("Consent text"),
        max_length=500,
        help_text=_("Shown next to the checkbox, followed by a link to the privacy page."),
    )
    required = blocks.BooleanBlock(label=_("Required"), required=False, default=True, help_text=_("Always required."))

    class Meta:
        icon = "lock"
        label = _("Consent")


class SectionHeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=160)

    class Meta:
        label_format = "{text}"
        icon = "title"
        label = _("Section heading")
        template = "workflows/forms/blocks/section_heading.html"


class HelpParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "help"
        label = _("Explanation")
        template = "workflows/forms/blocks/help_paragraph.html"


class FormFieldsBlock(blocks.StreamBlock):
    """The questions of a form, in order, with headings and explanations between them.

    The block name is the field type the form builder turns into a Django form field (`create_<name>_field`).
    """

    singleline = TextQuestionBlock()
    multiline = LongTextQuestionBlock()
    email = EmailQuestionBlock()
    number = NumberQuestionBlock()
    date = DateQuestionBlock()
    checkbox = CheckboxQuestionBlock()
    dropdown = DropdownQuestionBlock()
    radio = RadioQuestionBlock()
    checkboxes = CheckboxesQuestionBlock()
    file = FileQuestionBlock()
    amount = AmountQuestionBlock()
    iban = IbanQuestionBlock()
    date_range = DateRangeQuestionBlock()
    participants = ParticipantsQuestionBlock()
    partner_city = PartnerCityQuestionBlock()
    consent = ConsentQuestionBlock()
    section_heading = SectionHeadingBlock()
    help_paragraph = HelpParagraphBlock()

    LAYOUT_BLOCKS = frozenset({"section_heading", "help_paragraph"})
