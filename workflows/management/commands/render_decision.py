"""Render a case's decision as a draft PDF, for operators checking templates and fonts; nothing is stored or sent."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from workflows.decisions.pdf import RenderingFailed
from workflows.definitions.decisions import DecisionKind
from workflows.models import Submission
from workflows.selectors.configuration import decision_kinds
from workflows.services.decisions import decision_preview


class Command(BaseCommand):
    help = "Render the decision of the case REFERENCE as a draft PDF (nothing is stored or sent)."

    def add_arguments(self, parser):
        parser.add_argument("reference", help="the case's reference, e.g. AUS-2026-00017")
        parser.add_argument("--output", required=True, type=Path, help="where to write the PDF")
        parser.add_argument(
            "--lang",
            choices=[code for code, _name in settings.LANGUAGES],
            help="language of the courtesy translation (default: the applicant's)",
        )
        parser.add_argument(
            "--kind",
            choices=DecisionKind.values,
            help="kind of decision (default: the one the case's next step would issue, else its latest)",
        )

    def handle(self, *args, reference, output, lang, kind, **options):
        submission = Submission.objects.filter(reference=reference.strip()).first()
        if submission is None:
            raise CommandError(f"No case has the reference {reference!r}.")
        case = submission
        kinds = decision_kinds(case)
        if not kinds:
            raise CommandError(f"{reference} is “{case.get_state_display()}”: no decision can be issued on it now.")
        if kind and kind not in kinds:
            raise CommandError(f"{reference} can have a decision of these kinds only: {', '.join(kinds)}.")
        kind = kind or kinds[0]
        try:
            pdf = decision_preview(case=case, kind=kind, language=lang)
        except RenderingFailed as error:
            raise CommandError(f"The decision could not be rendered: {error}") from None
        output.write_bytes(pdf)
        self.stdout.write(f"{output}: {DecisionKind(kind).label}, {len(pdf):,} bytes")
