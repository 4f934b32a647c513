from django.core.management.base import BaseCommand
from django.db import transaction

from demo.catalogues import write_template
from demo.pages import ensure_source_pages, source_texts


class Command(BaseCommand):
    help = (
        "Write demo/translations/demo.pot: every German text of the demo content as wagtail-localize segments it."
        " Merge it into the language files with msgmerge after changing demo/content.py."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            texts = [text for page in ensure_source_pages() for text in source_texts(page)]
            path = write_template(texts)
            transaction.set_rollback(True)
        self.stdout.write(self.style.SUCCESS(f"{len(texts)} texts written to {path}"))
