from django.core.management.base import BaseCommand, CommandError

from demo.catalogues import MissingDemoTranslation
from demo.loader import load_demo


class Command(BaseCommand):
    help = "Create the demo site (pages in 12 languages, groups and, in development, demo users and cases). Idempotent."

    def handle(self, *args, **options):
        try:
            report = load_demo(say=self.stdout.write)
        except MissingDemoTranslation as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {report.source_pages} German pages, {report.translations_created} translations created, "
                f"{report.users} demo users, {report.cases} demo cases created."
            )
        )
