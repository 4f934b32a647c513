"""The inbox export: one row per case, the case's facts first, then one column per question of the forms involved,
headed and filled in the reader's language."""

from functools import cache

from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from workflows.definitions.states import CaseState
from workflows.forms.display import AnswerReader
from workflows.models import FormDefinition

CHUNK = 2000


@cache
def _state_label(state: str, language: str) -> str:
    """A state's label in `language` (the active one), looked up once per export rather than once per row."""
    return str(CaseState(state).label)


def _naive_local(moment):
    return timezone.make_naive(timezone.localtime(moment)) if moment else None


#: (column, heading, value of a case)
CASE_COLUMNS = (
    ("reference", _("Reference"), lambda case: case.reference),
    ("form", _("Form"), lambda case: case.form_title),
    ("programme", _("Programme"), lambda case: case.programme.name if case.programme else ""),
    ("state", _("State"), lambda case: _state_label(case.state, get_language())),
    ("applicant", _("Applicant"), lambda case: case.applicant_name),
    ("email", _("Email"), lambda case: case.applicant_email),
    ("language", _("Language"), lambda case: case.language),
    ("amount_requested", _("Requested (€)"), lambda case: case.amount_requested),
    ("amount_approved", _("Approved (€)"), lambda case: case.amount_approved),
    ("received", _("Received"), lambda case: _naive_local(case.created_at)),
    ("last_change", _("Last change"), lambda case: _naive_local(case.state_changed_at)),
    ("assignee", _("Assignee"), lambda case: case.assignee.get_full_name() if case.assignee else ""),
)


class CaseExport:
    """The columns and rows of an export of `queryset`, for Wagtail's spreadsheet writer.

    Questions are columns by their stable key, so the same question reads as one column across every version and
    translation of a form; chosen options are written by their label, files by their names.
    """

    def __init__(self, queryset):
        self.queryset = queryset.select_related("programme", "assignee").defer("search_text")
        self.language = get_language()
        self.reader = AnswerReader(self.language)
        definitions = FormDefinition.objects.filter(pk__in=queryset.order_by().values("definition_id"))
        self.fields_of = {definition.pk: {f["key"]: f for f in definition.fields} for definition in definitions}
        self.questions = {}
        for definition in sorted(definitions, key=lambda d: (d.created_at, d.pk)):
            for field in definition.fields:
                self.questions.setdefault(field["key"], self.reader.label(field))

    @property
    def columns(self) -> list[str]:
        return [name for name, _heading, _value in CASE_COLUMNS] + [f"answer:{key}" for key in self.questions]

    def heading(self, column: str) -> str:
        if column.startswith("answer:"):
            return self.questions[column.removeprefix("answer:")]
        return next(str(heading) for name, heading, _value in CASE_COLUMNS if name == column)

    def rows(self):
        """One dict per case, read in chunks so that memory stays flat however many cases there are."""
        for case in self.queryset.iterator(chunk_size=CHUNK):
            row = {name: value(case) for name, _heading, value in CASE_COLUMNS}
            fields = self.fields_of.get(case.definition_id, {})
            for key in self.questions:
                field = fields.get(key)
                answer = case.answers.get(key)
                row[f"answer:{key}"] = self.reader.display(field, answer) if field else ""
            yield row


_END = object()


class StreamedInReadersLanguage:
    """For views with Wagtail's spreadsheet export: the streamed CSV is written in the reader's language and time
    zone, which Wagtail sets only while the view runs (the XLSX is written inside the view)."""

    def stream_csv(self, queryset):
        rows = super().stream_csv(queryset)
        return in_reading_context(rows, translation.get_language(), timezone.get_current_timezone())


def in_reading_context(items, language: str, zone):
    """Yield from `items`, producing each in `language` and time zone `zone`: a streamed response is written after
    the view that set the reader's language and time zone has returned."""
    iterator = iter(items)
    while True:
        with translation.override(language), timezone.override(zone):
            item = next(iterator, _END)
        if item is _END:
            return
        yield item
