"""The event page types now belong to the events app (its migration 0001 renamed their tables): the cms app forgets
them without touching the database."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_events"),
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="EventPage"), migrations.DeleteModel(name="EventIndexPage")]
        )
    ]
