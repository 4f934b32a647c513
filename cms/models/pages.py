"""The public site's general page types: the home page of each language and free content pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import ContentStreamBlock


class IntroMixin(models.Model):
    """A short lead paragraph shown under the title and used as the teaser wherever the page is listed."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences shown under the title."))

    search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True


class StreamBodyMixin(models.Model):
    body = StreamField(ContentStreamBlock(), verbose_name=_("content"), blank=True)

    search_fields = [index.SearchField("body")]

    class Meta:
        abstract = True


#: The hook through which apps built on the site add to what its pages show: `fn(page, request, context)` adds
#: to `context` (e.g. the events calendar adds the next events to the home page and to partner city pages).
PAGE_CONTEXT_HOOK = "construct_site_page_context"


class SitePage(IntroMixin, StreamBodyMixin, Page):
    """Common base of our pages: title, lead paragraph and a body of content blocks."""

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields, *StreamBodyMixin.search_fields]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        for add_to_context in hooks.get_hooks(PAGE_CONTEXT_HOOK):
            add_to_context(self, request, context)
        return context

    def menu_children(self):
        """Live children that editors chose to show in menus, in tree order."""
        return self.get_children().live().in_menu().specific()


class HomePage(SitePage):
    """Root of one language's tree. Shows the sections as teasers below its own content."""

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class ContentPage(SitePage):
    """A section or an article: headings, text, images, contacts and calls to action."""

    parent_page_types = ["cms.HomePage", "cms.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
