"""What a decision letter says: the case's facts, read once, and the letter's text in each language it is set in.

German is binding; a courtesy translation in the applicant's language follows when they wrote in another one.
Editors' texts are plain text with placeholders: they are filled in here and escaped by the letter template, never
compiled as a template, so neither editors nor applicants can run template code or inject markup.
"""

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.text import Truncator
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from num2words import num2words

from cms.models.site_settings import OfficeContactSettings
from workflows import money
from workflows.definitions.decisions import DecisionKind, repayment
from workflows.definitions.messages import fill_placeholders
from workflows.forms.display import AnswerReader
from workflows.models import AuditEntry, DecisionTemplate
from workflows.models.decisions import DEFAULT_PROOF_MONTHS
from workflows.selectors.configuration import decision_template
from workflows.selectors.forms import form_title

from . import texts

#: Applicants' answers are cut to this length in a letter (names, organisations, addresses).
MAX_VALUE = 300


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day where it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def amount_in_words(amount: Decimal, language: str) -> str:
    """The amount in words in `language` (de: "eintausendzweihundert Euro"); figures where num2words has no words
    for the language."""
    euros, cents, lang = int(amount), int((amount * 100) % 100), language.replace("-", "_")
    try:
        words = num2words(euros, lang=lang)
    except NotImplementedError:
        return money.euros(amount)
    if cents:
        return _("%(euros)s euros and %(cents)s cents") % {"euros": words, "cents": num2words(cents, lang=lang)}
    return _("%(euros)s euros") % {"euros": words}


@dataclass(frozen=True)
class CaseFacts:
    """What a decision states about its case, independent of the language it is written in."""

    case: object
    kind: str
    issued_on: date
    official: str
    amount: Decimal | None
    period: tuple[date, date] | None
    reason: str

    @property
    def is_partial(self) -> bool:
        requested, approved = self.case.amount_requested, self.case.amount_approved
        return self.kind in (DecisionKind.APPROVAL, DecisionKind.COMMITMENT) and bool(
            requested and approved is not None and approved < requested
        )

    @property
    def gives_reasons(self) -> bool:
        """A decision that grants all that was asked needs no reasons; every other one does (§ 39 LVwVfG)."""
        return self.kind in (DecisionKind.REJECTION, DecisionKind.REPAYMENT) or self.is_partial


def _deciding_entry(case, kind: str) -> AuditEntry | None:
    """The step whose author and reason the decision states: the approval or rejection, or the repayment request."""
    if kind == DecisionKind.REPAYMENT:
        names = [t.name for t in case.all_transitions() if t.custom.get("decision") is repayment]
    else:
        names = [t.name for t in case.all_transitions() if t.custom.get("decides")]
    return AuditEntry.objects.filter(submission_id=case.pk, transition__in=names).order_by("-pk").first()


def _period(case) -> tuple[date, date] | None:
    """The funding period: the case's first date range answer (e.g. the dates of the exchange)."""
    for question in case.definition.fields:
        value = case.answers.get(question["key"])
        if question["type"] == "date_range" and isinstance(value, dict):
            try:
                return date.fromisoformat(value["start"]), date.fromisoformat(value["end"])
            except (KeyError, TypeError, ValueError):
                return None
    return None


def responsible_official(case, kind: str) -> str:
    """Who decided: the author of the approval or rejection (or of the repayment request); "" if nobody yet."""
    entry = _deciding_entry(case, kind)
    return entry.actor_name if entry and entry.actor_id else ""


def case_facts(submission, kind: str, *, official: str, issued_on: date | None = None) -> CaseFacts:
    case = submission
    entry = _deciding_entry(case, kind)
    amount = (
        Decimal(case.details["amount_repayable"])
        if kind == DecisionKind.REPAYMENT and case.details.get("amount_repayable")
        else case.amount_approved
    )
    return CaseFacts(
        case=case,
        kind=kind,
        issued_on=issued_on or timezone.localdate(),
        official=official,
        amount=amount,
        period=_period(case),
        reason=entry.comment if entry else "",
    )


@dataclass
class LetterText:
    """The whole letter in one language, every text final (placeholders filled), ready to be escaped and set."""

    language: str
    binding: bool
    direction: str
    authority: str
    office: str
    office_address: list[str]
    contact: list[str]
    addressee: list[str]
    subject: str
    salutation: str
    introduction: str
    operative_part: list[str]
    conditions: list[str]
    reasons: list[str]
    reason_given: str
    legal_remedy: list[str]
    official: str
    title: str


class LetterWriter:
    """Writes a case's decision in any language from the editors' template for the programme and kind (falling back
    to the one for every programme, then to the default wording)."""

    def __init__(self, facts: CaseFacts):
        self.facts = facts
        self.case = facts.case

    def template(self, language: str) -> DecisionTemplate | None:
        return decision_template(self.facts.kind, self.case.programme_id, language)

    def _answer(self, purpose: str) -> str:
        question = next((q for q in self.case.definition.fields if q.get("purpose") == purpose), None)
        value = self.case.answers.get(question["key"]) if question else None
        return Truncator(str(value)).chars(MAX_VALUE) if isinstance(value, str) else ""

    def _date(self, day: date | None) -> str:
        return formats.date_format(day, "DATE_FORMAT") if day else ""

    def _money(self, amount) -> str:
        return money.amount(amount)

    def _values(self, language: str, office: str, office_address: list[str], proof_months: int) -> dict:
        facts, case = self.facts, self.case
        period = facts.period
        city = AnswerReader(language).city_names.get(case.partner_city, case.partner_city) if case.partner_city else ""
        period_text = f"{self._date(period[0])} – {self._date(period[1])}" if period else str(facts.issued_on.year)
        proof_from = period[1] if period else date(facts.issued_on.year, 12, 31)
        return {
            "reference": case.reference,
            "applicant": Truncator(case.applicant_name).chars(MAX_VALUE),
            "organisation": self._answer("organization") or Truncator(case.applicant_name).chars(MAX_VALUE),
            "form": Truncator(form_title(case.form_key, language) or case.form_title).chars(MAX_VALUE),
            "amount": self._money(facts.amount),
            "amount_in_words": amount_in_words(facts.amount, language) if facts.amount is not None else "",
            "amount_requested": self._money(case.amount_requested),
            "amount_approved": self._money(case.amount_approved),
            "period": period_text,
            "partner_city": Truncator(city).chars(MAX_VALUE) or _("the partner city"),
            "proof_deadline": self._date(add_months(proof_from, proof_months)),
            "repayment_deadline": self._date(add_months(facts.issued_on, 1)),
            "official": facts.official,
            "office": office,
            "office_address": ", ".join(office_address),
        }

    def _addressee(self) -> list[str]:
        lines = [self._answer("organization"), Truncator(self.case.applicant_name).chars(MAX_VALUE)]
        street = self._answer("street-address")
        town = " ".join(part for part in (self._answer("postal-code"), self._answer("address-level2")) if part)
        if street or town:
            lines += [street, town]
        elif self.case.applicant_email:
            lines.append(_("by email: %(address)s") % {"address": self.case.applicant_email})
        return [line for line in dict.fromkeys(lines) if line]

    def write(self, language: str, *, binding: bool) -> LetterText:
        with translation.override(language):
            return self._write(language, binding)

    def _write(self, language: str, binding: bool) -> LetterText:
        template = self.template(language)
        wording = texts.WORDING[self.facts.kind]

        def text(name, default) -> str:
            return ((getattr(template, name) if template else "") or str(default)).strip()

        office = text("office", texts.OFFICE)
        contact_settings = OfficeContactSettings.load()
        default_address = f"{contact_settings.street}\n{contact_settings.postcode_city}"
        office_address = (template.address if template and template.address else default_address).splitlines()
        default_contact = "\n".join(
            [
                _("Phone %(phone)s") % {"phone": contact_settings.phone},
                _("Email %(email)s") % {"email": contact_settings.email},
            ]
        )
        proof_months = template.proof_of_use_months if template else DEFAULT_PROOF_MONTHS
        values = self._values(language, office, office_address, proof_months)

        def filled(name, default) -> str:
            return fill_placeholders(text(name, default), values)

        operative = [filled("operative_part", wording.operative_part)]
        if self.facts.is_partial:
            operative.append(fill_placeholders(str(texts.PARTIAL_REJECTION), values))
        subject = filled("subject", wording.subject)
        return LetterText(
            language=language,
            binding=binding,
            direction="rtl" if get_language_info(language)["bidi"] else "ltr",
            authority=str(texts.AUTHORITY),
            office=office,
            office_address=_lines("\n".join(office_address)),
            contact=_lines(text("contact", default_contact)),
            addressee=self._addressee(),
            subject=subject,
            salutation=_("Dear %(name)s,") % {"name": values["applicant"]} if values["applicant"] else _("Hello,"),
            introduction=_("on your application of %(date)s we issue the following decision:")
            % {"date": self._date(timezone.localdate(self.case.created_at))},
            operative_part=_lines("\n".join(operative)),
            conditions=_lines(filled("conditions", wording.conditions)),
            reasons=_lines(filled("reasons", wording.reasons)) if self.facts.gives_reasons else [],
            reason_given=self.facts.reason if self.facts.gives_reasons else "",
            legal_remedy=_lines(filled("legal_remedy", texts.LEGAL_REMEDY)),
            official=self.facts.official,
            title=f"{subject} – {self.case.reference}",
        )


def _lines(text: str) -> list[str]:
    """The paragraphs of a text: one per line, blank lines left out."""
    return [line for line in text.splitlines() if line.strip()]


def letter_languages(case) -> list[str]:
    """German, and the applicant's language after it when they wrote in another one."""
    german = settings.LANGUAGE_CODE
    return [german] if case.language in ("", german) else [german, case.language]
