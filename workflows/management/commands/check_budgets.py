from django.core.management.base import BaseCommand, CommandError

from workflows.money import euros
from workflows.selectors.reports import budget_mismatches


class Command(BaseCommand):
    help = (
        "Compare each programme's reserved money with the sum of its cases' reservations; exit with status 1 when "
        "any differ."
    )

    def handle(self, *args, **options):
        mismatches = budget_mismatches()
        for mismatch in mismatches:
            self.stderr.write(
                f"{mismatch.programme}: reserved {euros(mismatch.reserved)}, "
                f"its cases hold {euros(mismatch.held_by_cases)}"
            )
        if mismatches:
            raise CommandError(f"{len(mismatches)} programme(s) do not add up.")
        self.stdout.write(self.style.SUCCESS("Every programme's reserved money is what its cases hold."))
