"""StreamField blocks editors compose content pages from."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=160)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "cms/blocks/heading.html"


class CallToActionBlock(blocks.StructBlock):
    """A prominent link to a page of the site or to an external address."""

    label = blocks.CharBlock(label=_("Link text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "cms/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose either a page or an external address.")
            raise StructBlockValidationError(block_errors={"page": ValidationError(message)})
        return value


class ContactBlock(blocks.StructBlock):
    """Who to ask: an office or a person with their ways of contact."""

    name = blocks.CharBlock(label=_("Office or person"), max_length=160)
    description = blocks.TextBlock(label=_("What they help with"), required=False)
    address = blocks.TextBlock(label=_("Address"), required=False)
    phone = blocks.CharBlock(label=_("Phone"), max_length=40, required=False)
    email = blocks.EmailBlock(label=_("Email"), required=False)
    website = blocks.URLBlock(label=_("Website"), required=False)

    class Meta:
        icon = "user"
        label = _("Contact box")
        template = "cms/blocks/contact.html"


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, template="cms/blocks/paragraph.html")
    image = ImageBlock(label=_("Image"), template="cms/blocks/image.html")
    call_to_action = CallToActionBlock()
    contact = ContactBlock()
