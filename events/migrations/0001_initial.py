"""The events calendar's page types, moved here from the cms app (where migration 0003 created them).

The tables keep their rows and are only renamed, and the content types move to this app, so every page, revision,
translation, log entry and permission that points to them keeps pointing to them. On a new database the tables are
created by cms 0003 and renamed here, the same way.
"""

import django.db.models.deletion
import modelcluster.fields
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


MODELS = ["eventindexpage", "eventpage"]


def _cms_tables(apps):
    """The event tables as the cms app named them (the through table of the partner cities included). The state
    these functions see is the one before this migration, in either direction, so the cms models name them."""
    index, event = (apps.get_model("cms", name) for name in ("EventIndexPage", "EventPage"))
    through = event._meta.get_field("partner_cities").remote_field.through
    return [model._meta.db_table for model in (index, event, through)]


def _move(apps, schema_editor, *, source, target):
    for cms_table in _cms_tables(apps):
        tables = {"cms": cms_table, "events": cms_table.replace("cms_", "events_", 1)}
        schema_editor.alter_db_table(None, tables[source], tables[target])
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(schema_editor.connection.alias)
    moving = content_types.filter(app_label=source, model__in=MODELS)
    # Content types Django created for the other app meanwhile (after migrating back and forth) point to nothing.
    content_types.filter(app_label=target, model__in=moving.values("model")).delete()
    moving.update(app_label=target)


def move_tables_here(apps, schema_editor):
    _move(apps, schema_editor, source="cms", target="events")


def move_tables_back(apps, schema_editor):
    _move(apps, schema_editor, source="events", target="cms")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('cms', '0003_events'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(move_tables_here, move_tables_back)],
            state_operations=[
                migrations.CreateModel(
                    name='EventIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, help_text='One or two sentences shown under the title.', verbose_name='introduction')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 4), ('call_to_action', 8), ('contact', 15)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Text', 'max_length': 160}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading'), ('h3', 'Subheading')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Text', 'template': 'cms/blocks/paragraph.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image', 'template': 'cms/blocks/image.html'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Link text', 'max_length': 80}), 6: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page', 'required': False}), 7: ('wagtail.blocks.URLBlock', (), {'label': 'External address', 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('label', 5), ('page', 6), ('url', 7)]], {}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Office or person', 'max_length': 160}), 10: ('wagtail.blocks.TextBlock', (), {'label': 'What they help with', 'required': False}), 11: ('wagtail.blocks.TextBlock', (), {'label': 'Address', 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Phone', 'max_length': 40, 'required': False}), 13: ('wagtail.blocks.EmailBlock', (), {'label': 'Email', 'required': False}), 14: ('wagtail.blocks.URLBlock', (), {'label': 'Website', 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('name', 9), ('description', 10), ('address', 11), ('phone', 12), ('email', 13), ('website', 14)]], {})}, verbose_name='content')),
                    ],
                    options={
                        'verbose_name': 'events calendar',
                        'verbose_name_plural': 'events calendars',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page', models.Model),
                ),
                migrations.CreateModel(
                    name='EventPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, help_text='One or two sentences shown under the title.', verbose_name='introduction')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 4), ('call_to_action', 8), ('contact', 15)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Text', 'max_length': 160}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading'), ('h3', 'Subheading')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Text', 'template': 'cms/blocks/paragraph.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image', 'template': 'cms/blocks/image.html'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Link text', 'max_length': 80}), 6: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page', 'required': False}), 7: ('wagtail.blocks.URLBlock', (), {'label': 'External address', 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('label', 5), ('page', 6), ('url', 7)]], {}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Office or person', 'max_length': 160}), 10: ('wagtail.blocks.TextBlock', (), {'label': 'What they help with', 'required': False}), 11: ('wagtail.blocks.TextBlock', (), {'label': 'Address', 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Phone', 'max_length': 40, 'required': False}), 13: ('wagtail.blocks.EmailBlock', (), {'label': 'Email', 'required': False}), 14: ('wagtail.blocks.URLBlock', (), {'label': 'Website', 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('name', 9), ('description', 10), ('address', 11), ('phone', 12), ('email', 13), ('website', 14)]], {})}, verbose_name='content')),
                        ('category', models.CharField(choices=[('round_table', 'Round table'), ('event', 'Event'), ('culture', 'Culture'), ('sport', 'Sport'), ('anniversary', 'Anniversary')], max_length=20, verbose_name='category')),
                        ('start', models.DateTimeField(db_index=True, verbose_name='start')),
                        ('end', models.DateTimeField(blank=True, null=True, verbose_name='end')),
                        ('all_day', models.BooleanField(default=False, help_text='Only the days count; the times of start and end are ignored.', verbose_name='all day')),
                        ('venue', models.CharField(blank=True, help_text='e.g. “Rathaus, Großer Sitzungssaal”', max_length=200, verbose_name='venue')),
                        ('address', models.CharField(blank=True, max_length=255, verbose_name='address')),
                        ('online_url', models.URLField(blank=True, help_text='For events held online or streamed.', verbose_name='online link')),
                        ('region', models.CharField(blank=True, help_text='For round tables on a region, e.g. “North Africa”.', max_length=120, verbose_name='region')),
                        ('event_language', models.CharField(choices=[('de', 'Deutsch'), ('en', 'English'), ('fr', 'Français'), ('ar', 'العربية'), ('pl', 'Polski'), ('cs', 'Čeština'), ('ru', 'Русский'), ('uk', 'Українська'), ('mr', 'मराठी'), ('ja', '日本語'), ('zh-hans', '简体中文'), ('he', 'עברית')], default='de', max_length=12, verbose_name='language of the event')),
                        ('organiser', models.CharField(blank=True, max_length=200, verbose_name='organiser')),
                        ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='contact email')),
                        ('contact_phone', models.CharField(blank=True, max_length=40, verbose_name='contact phone')),
                        ('registration_deadline', models.DateTimeField(blank=True, help_text='Registrations close then; without a deadline, when the event starts.', null=True, verbose_name='registration deadline')),
                        ('partner_cities', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='events', to='cms.partnercitypage', verbose_name='partner cities')),
                    ],
                    options={
                        'verbose_name': 'event',
                        'verbose_name_plural': 'events',
                        'ordering': ['start'],
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page', models.Model),
                ),
            ],
        ),
    ]
