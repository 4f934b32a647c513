"""Demo cases in every state of every workflow, so the admin looks lived in.

Each case is walked to its state step by step through the transition service, by the demo users who play the roles
its form names, weeks in the past: audit histories, budgets and the four-eyes rule are all real. Nobody is emailed.
"""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from workflows.definitions.registry import workflow_class
from workflows.definitions.roles import Actor, Role
from workflows.forms.definitions import field_definitions
from workflows.forms.fields import DateRange
from workflows.models import FormPage, Submission
from workflows.selectors.access import staff_actor, transition_of
from workflows.services import submission_create, submission_transition

from .events import DEMO_EVENTS


@dataclass(frozen=True)
class Applicant:
    name: str
    email: str
    language: str
    city: str
    organisation: str


APPLICANTS = [
    Applicant("Jana Nováková", "jana.novakova@example.cz", "cs", "brno", "Sokol Brno-Židenice"),
    Applicant("Marek Kowalski", "marek.kowalski@example.pl", "pl", "lodz", "Szkoła Podstawowa nr 5 w Łodzi"),
    Applicant("Yuki Tanaka", "yuki.tanaka@example.jp", "ja", "ogaki", "大垣市国際交流協会"),
    Applicant("Amira Haddad", "amira.haddad@example.eg", "ar", "kairo", "جمعية القاهرة للثقافة"),
    Applicant("Olena Kovalenko", "olena.kovalenko@example.ua", "uk", "chmelnyzkyj", "Молодіжний центр Хмельницький"),
    Applicant("Claire Martin", "claire.martin@example.fr", "fr", "strassburg", "Lycée Kléber Strasbourg"),
    Applicant("Rahul Deshpande", "rahul.deshpande@example.in", "mr", "mumbai", "मुंबई युवा मंडळ"),
    Applicant("Li Wei", "li.wei@example.cn", "zh-hans", "nanjing", "南京青少年合唱团"),
    Applicant("Noa Levi", "noa.levi@example.il", "he", "shavei-zion", "מועדון הספורט שבי ציון"),
    Applicant("Gareth Evans", "gareth.evans@example.org.uk", "en", "cardiff", "Cardiff Rugby Youth"),
    Applicant("Irina Sokolova", "irina.sokolova@example.ru", "ru", "samara", "Самарский театр юного зрителя"),
    Applicant("Sabine Keller", "sabine.keller@example.de", "de", "st-helens", "Musikverein Stuttgart-Vaihingen"),
]

REASONS = {
    "request_information": "Bitte reichen Sie ein Programm mit Tagesablauf und die Zahl der Gäste nach.",
    "answer_query": "Das Programm ist beigefügt; wir erwarten 18 Gäste.",
    "recommend_approval": "Schlüssiges Programm, Kosten angemessen, Beitrag zur Partnerschaft klar erkennbar.",
    "recommend_rejection": "Die Begegnung hat bereits stattgefunden; ein nachträglicher Zuschuss ist nicht möglich.",
    "reject": "Der Antrag ging nach Beginn der Maßnahme ein.",
    "send_back": "Bitte prüfen Sie die Kostenaufstellung noch einmal.",
    "submit_proof_of_use": "Die Begegnung fand wie geplant statt; Belege liegen bei.",
    "request_repayment": "Die Reisekosten fielen geringer aus als geplant.",
    "answer": "Gerne beraten wir Sie am Telefon; Zuschüsse beantragen Sie über das Formular Austausch.",
    "withdraw": "Die Reise musste abgesagt werden.",
    "cancel": "Ich bin an dem Termin verhindert.",
}


def sample_data(step: str, case) -> dict:
    """What the person taking `step` would enter."""
    requested = case.amount_requested or Decimal("1000.00")
    approved = case.amount_approved or requested
    data = {"comment": REASONS.get(step, "")}
    if step in ("recommend_approval", "approve"):
        data["amount"] = requested
    if step == "pay":
        data["paid_on"] = timezone.localdate(case.state_changed_at)
    if step == "submit_proof_of_use":
        data.update(actual_costs=approved * 2, amount_spent=approved, participants=24, participants_under_27=15)
    if step == "accept_proof_of_use":
        data["amount_eligible"] = approved
    if step == "request_repayment":
        data["amount_repayable"] = (approved / 5).quantize(Decimal("0.01"))
    if step == "record_placement":
        data["host_organisation"] = "Stadtverwaltung, Amt für Stadtentwicklung"
    return data


#: A one-page PDF standing in for scanned receipts.
RECEIPTS_PDF = (
    b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
    b"3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n"
    b"trailer <</Root 1 0 R>>\n%%EOF\n"
)


def sample_files(step: str) -> dict:
    """What the person taking `step` would upload with it."""
    if step == "submit_proof_of_use":
        return {"receipts": [SimpleUploadedFile("belege.pdf", RECEIPTS_PDF, content_type="application/pdf")]}
    return {}


def _text(minimum: int) -> str:
    sentence = "Wir planen gemeinsame Workshops, Besuche und ein Abschlussfest mit unseren Partnern. "
    return sentence * (minimum // len(sentence) + 1)


SAMPLES = {
    "partnerorganisation": "Partnerverein",
    "sportart": "Volleyball",
    "gewunschtes_tatigkeitsfeld": "Stadtplanung",
}


def _answers(page: FormPage, applicant: Applicant, amount: Decimal) -> dict:
    """Answers to every question of the form, as a valid submission would bring them (no files)."""
    start = timezone.localdate() + timedelta(days=60)
    values = {}
    for question in field_definitions(page.fields):
        kind, options = question.field_type, question.options
        purpose = options.get("purpose")
        if kind == "singleline":
            value = {"name": applicant.name, "organization": applicant.organisation, "tel": "+49 711 216-0"}.get(
                purpose, SAMPLES.get(question.key, applicant.organisation)
            )
        elif kind == "multiline":
            value = _text(options.get("min_length") or 40)
        elif kind == "email":
            value = applicant.email
        elif kind in ("radio", "dropdown"):
            value = question.choices[0][0]
        elif kind == "checkboxes":
            value = [question.choices[0][0]]
        elif kind == "date_range":
            value = DateRange(start, start + timedelta(days=6))
        elif kind == "participants":
            value = max(options.get("min_value") or 0, 14)
        elif kind == "amount":
            value = amount
        elif kind == "iban":
            value = "DE89370400440532013000"
        elif kind == "partner_city":
            value = applicant.city
        elif kind in ("consent", "checkbox"):
            value = True
        else:  # files and anything without a sensible sample stay unanswered
            continue
        values[question.key] = value
    return values


GRANT_WALKS = [
    # proof of use accepted
    ["take", "request_information", "answer_query", "recommend_approval", "approve", "issue_decision", "pay",
     "submit_proof_of_use", "accept_proof_of_use"],
    # rejected
    ["take", "recommend_rejection", "reject", "issue_decision", "close_rejected"],
    # repayment
    ["take", "recommend_approval", "approve", "issue_decision", "pay", "submit_proof_of_use", "request_repayment",
     "confirm_repayment"],
    ["take", "withdraw"],
]  # fmt: skip
# An internship is recommended only once the placement is found.
INTERNSHIP_WALKS = [
    [
        step
        for grant_step in walk
        for step in (["record_placement"] if grant_step == "recommend_approval" else []) + [grant_step]
    ]
    for walk in GRANT_WALKS
]
WALKS = {
    "grant": GRANT_WALKS,
    "internship": INTERNSHIP_WALKS,
    "advice": [["take", "answer", "close"]],
}
# Three places, five registrations, then the first cancels: the first on the waiting list moves up.
REGISTRATION_WALKS = [["cancel"], [], [], [], []]
#: How many people registered for each demo event, by the slug of its registration form.
EVENT_REGISTRATIONS = {
    event.page.children[0].slug: event.registration.registrations for event in DEMO_EVENTS if event.registration
}


def walks_to_every_state(case_class, walks) -> list[list[str]]:
    """For every state the walks pass through, the shortest beginning of a walk that ends there."""
    transitions = {(t.name, t.source): t.target for t in case_class.all_transitions()}
    shortest = {case_class.initial_state(): []}
    for walk in walks:
        state = case_class.initial_state()
        for index, step in enumerate(walk):
            state = transitions[(step, state)]
            shortest.setdefault(state, walk[: index + 1])
    return list(shortest.values())


def actor_for_step(case, step: str, *, applicant_name: str, staff: dict) -> Actor:
    """Who takes `step` on `case`: the applicant, the system, or the user `staff` names for the approver or reviewer
    role (in that order of preference)."""
    roles = case.transition_roles(transition_of(case, step))
    if Role.APPLICANT in roles:
        return Actor.applicant(applicant_name)
    if Role.SYSTEM in roles:
        return Actor.system()
    return staff_actor(staff[Role.APPROVER if Role.APPROVER in roles else Role.REVIEWER], case)


def _staff_of(page: FormPage) -> dict:
    """The first demo user of each role the form names."""
    users = get_user_model().objects.filter(is_superuser=False).order_by("pk")
    return {
        assignment.role: users.filter(groups=assignment.group).first()
        for assignment in page.workflow_roles.select_related("group")
    }


@transaction.atomic
def _walk_form(page: FormPage, walks: list[list[str]], offset: int) -> int:
    """Receive one case per walk over two weeks, five weeks ago; then take the steps, two days apart, starting
    three weeks ago (so the last is two days old)."""
    staff = _staff_of(page)
    first_received = timezone.now() - timedelta(days=35)
    first_step = timezone.now() - timedelta(days=20)
    created = []
    for index, walk in enumerate(walks):
        applicant = APPLICANTS[(offset + index) % len(APPLICANTS)]
        received = first_received + timedelta(days=14) * index / len(walks)
        amount = Decimal(1200 + 350 * (index % 7)).quantize(Decimal("0.01"))
        translation = page.get_translations(inclusive=True).filter(locale__language_code=applicant.language).first()
        case = submission_create(
            page=(translation or page).specific,
            cleaned_data=_answers(page, applicant, amount),
            language=applicant.language,
            received_at=received,
            notify=False,
        )
        created.append((case, walk, applicant))
    for index, (case, walk, applicant) in enumerate(created):
        for number, step in enumerate(walk):
            case = Submission.objects.get(pk=case.pk)
            submission_transition(
                submission=case,
                name=step,
                actor=actor_for_step(case, step, applicant_name=applicant.name, staff=staff),
                data=sample_data(step, case),
                files=sample_files(step),
                at=first_step + timedelta(days=2 * number, minutes=index),
                notify=False,
            )
    return len(created)


def ensure_demo_cases(pages) -> int:
    """Create the demo cases of every demo form that has none yet; returns how many were created."""
    created = 0
    forms = [page for page in pages if isinstance(page, FormPage) and page.workflow_roles.exists()]
    for offset, page in enumerate(forms):
        if Submission.objects.filter(form_key=page.translation_key).exists():
            continue
        case_class = workflow_class(page.workflow)
        if page.slug in EVENT_REGISTRATIONS:  # registrations for an event: nobody has cancelled yet
            walks = [[] for _ in range(EVENT_REGISTRATIONS[page.slug])]
        elif case_class.workflow_name == "registration":
            walks = REGISTRATION_WALKS
        elif page.slug in ("anfrage-kuenstleraustausch", "anfrage-sportaustausch"):
            walks = [[], ["take"], ["take", "recommend_approval"]]  # a few open cases for the other offices
        else:
            walks = walks_to_every_state(case_class, WALKS[case_class.workflow_name])
        created += _walk_form(page, walks, offset)
    return created
