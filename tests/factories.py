"""Builders for test data, in one place."""

import io
import zipfile
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import factory
import openpyxl
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from wagtail.models import Page

from cms.models import ContentPage, HomePage
from demo.cases import actor_for_step, sample_data, sample_files
from events.models import EventIndexPage, EventPage
from events.vocabulary import EventCategory
from workflows.definitions.registry import workflow_class
from workflows.definitions.roles import Actor, Role
from workflows.forms.fields import DateRange
from workflows.models import FormPage, FormRole, Office, Programme, Submission
from workflows.services import submission_create, submission_transition


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Startseite"
    slug = factory.Sequence(lambda n: f"start-{n}")
    intro = "Willkommen"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Seite {n}")
    slug = factory.Sequence(lambda n: f"seite-{n}")

    class Meta:
        model = ContentPage


class FormPageFactory(wagtail_factories.PageFactory):
    """A small application form: the applicant's name and email address."""

    title = factory.Sequence(lambda n: f"Antrag {n}")
    slug = factory.Sequence(lambda n: f"antrag-{n}")
    reference_prefix = "TST"
    fields = factory.LazyFunction(
        lambda: [
            ("singleline", {"label": "Name", "key": "name", "required": True, "purpose": "name"}),
            ("email", {"label": "E-Mail", "key": "email", "required": True}),
        ]
    )

    class Meta:
        model = FormPage


class EventPageFactory(wagtail_factories.PageFactory):
    """An evening event a month from now; place it under a calendar with `parent=`."""

    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    slug = factory.Sequence(lambda n: f"veranstaltung-{n}")
    category = EventCategory.EVENT
    start = factory.LazyFunction(
        lambda: timezone.now().replace(hour=17, minute=0, second=0, microsecond=0) + timedelta(days=30)
    )
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=2))
    venue = "Rathaus"

    class Meta:
        model = EventPage


def demo_calendar(language: str = "de") -> EventIndexPage:
    """The demo site's events calendar in `language`."""
    return EventIndexPage.objects.get(locale__language_code=language)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@stuttgart.example")
    password = factory.PostGenerationMethodCall("set_password", "secret-password")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)
        if create:
            self.save()


# Small real files of each kind, built in memory.

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WORD_MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def pdf_bytes(padding: int = 0) -> bytes:
    """A one-page PDF with a correct cross-reference table; `padding` bytes of comment make it larger."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = bytearray(b"%PDF-1.4\n%" + b"x" * padding + b"\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def image_bytes(image_format: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(buffer, format=image_format)
    return buffer.getvalue()


def zip_bytes(entries: list[tuple[str, bytes | str]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            # OpenDocument requires its `mimetype` entry first and uncompressed.
            archive.writestr(name, data, compress_type=zipfile.ZIP_STORED if name == "mimetype" else None)
    return buffer.getvalue()


def docx_bytes(main_content_type: str = WORD_MAIN, first_entries: tuple = ()) -> bytes:
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main_content_type}"/>'
        "</Types>"
    )
    relationships = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument"/></Relationships>'
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Antrag</w:t></w:r></w:p></w:body></w:document>"
    )
    return zip_bytes(
        [
            *first_entries,
            ("[Content_Types].xml", content_types),
            ("_rels/.rels", relationships),
            ("word/document.xml", document),
        ]
    )


def open_document_bytes(mimetype: str = "application/vnd.oasis.opendocument.text") -> bytes:
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2">'
        "<office:body/></office:document-content>"
    )
    return zip_bytes([("mimetype", mimetype), ("META-INF/manifest.xml", manifest), ("content.xml", content)])


def xlsx_bytes() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Kosten"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def executable_bytes() -> bytes:
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(2048)


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


# Answers to the demo forms.


def exchange_form_answers(**overrides) -> dict:
    """Valid POST data for the demo "Austausch" form (any language: keys and values are the German ones)."""
    from django.utils import timezone

    start = timezone.localdate().replace(year=timezone.localdate().year + 1)
    data = {
        "name_der_organisation": "Schwäbischer Albverein Ortsgruppe Vaihingen",
        "art_der_organisation": "verein",
        "sitz_in_stuttgart": "ja",
        "ansprechperson": "Anna Beispiel",
        "e_mail_adresse": "anna@example.org",
        "telefon": "+49 711 123456",
        "partnerstadt": "brno",
        "partnerorganisation": "Klub českých turistů Brno",
        "richtung_der_begegnung": "gaste_kommen_nach_stuttgart",
        "zeitraum_der_begegnung_start": start.isoformat(),
        "zeitraum_der_begegnung_end": start.replace(day=min(start.day + 5, 28)).isoformat(),
        "zahl_der_teilnehmenden": "24",
        "davon_unter_27_jahren": "10",
        "programm_und_beitrag_zur_stadtepartnerschaft": "Wanderungen, Vorträge und ein gemeinsames Fest. " * 8,
        "kosten_und_finanzierungsplan": upload("finanzplan.pdf", pdf_bytes(), "application/pdf"),
        "beantragter_zuschuss": "2500,00",
        "iban_des_kontos_fur_die_auszahlung": "DE89 3704 0044 0532 0130 00",
        "ich_bin_mit_der_verarbeitung_meiner_angaben_zur_bearbeitung": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# Cases and the people who work on them.


class OfficeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Amt {n}")

    class Meta:
        model = Office


class ProgrammeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Testprogramm {n}")
    office = factory.SubFactory(OfficeFactory)
    year = 2026
    budget = Decimal("100000.00")
    reference_prefix = "TST"

    class Meta:
        model = Programme


@dataclass
class WorkflowSetup:
    """A German form page using `workflow` of its own office, with the office's reviewer and approver groups and one
    user in each; an approver colleague; and a reviewer of another office whose groups play no role here."""

    page: FormPage
    office: Office
    reviewer: object
    approver: object
    second_approver: object
    outsider: object
    reviewers: Group
    approvers: Group

    @property
    def programme(self):
        return self.page.programme

    def actor_for(self, case, step: str) -> Actor:
        """Who would take `step` on `case`: the applicant, or the reviewer or approver of this form."""
        staff = {Role.REVIEWER: self.reviewer, Role.APPROVER: self.approver}
        return actor_for_step(case, step, applicant_name="Anna Beispiel", staff=staff)

    def new_case(
        self,
        *,
        amount="2000.00",
        name="Anna Beispiel",
        email="anna@example.org",
        language="de",
        partner_city="",
        plan="",
        organisation="",
        period=None,
        received_at=None,
        notify=False,
    ):
        answers = {
            "name": name,
            "email": email,
            "betrag": Decimal(amount),
            "partnerstadt": partner_city,
            "vorhaben": plan,
            "organisation": organisation,
            "zeitraum": DateRange(*period) if period else None,
        }
        submission = submission_create(
            page=self.page, cleaned_data=answers, language=language, received_at=received_at, notify=notify
        )
        return submission

    def fire(self, case, step: str, *, actor: Actor | None = None, data=None, files=None, notify=False):
        """Take `step` through the transition service as the right person, with what they would enter and upload
        unless `data` / `files` say otherwise; returns the case as stored now."""
        case = Submission.objects.get(pk=case.pk)
        submission_transition(
            submission=case,
            name=step,
            actor=actor or self.actor_for(case, step),
            data=sample_data(step, case) if data is None else data,
            files=sample_files(step) if files is None else files,
            notify=notify,
        )
        return Submission.objects.get(pk=case.pk)

    def case_after(self, *steps: str, **new_case_options):
        case = self.new_case(**new_case_options)
        for step in steps:
            case = self.fire(case, step)
        return case


def _office_group(name: str) -> Group:
    """A group of an office: its members may enter the admin (which cases they see, the forms' roles decide)."""
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group


def workflow_setup(workflow: str = "grant", *, budget: str = "100000.00", places: int | None = None):
    home = HomePageFactory(parent=Page.get_first_root_node())
    case_class = workflow_class(workflow)
    office = OfficeFactory()
    programme = ProgrammeFactory(budget=Decimal(budget), office=office) if case_class.uses_budget else None
    page = FormPageFactory(
        parent=home,
        workflow=workflow,
        office=office,
        programme=programme,
        places=places,
        fields=[
            ("singleline", {"label": "Name", "key": "name", "required": True, "purpose": "name"}),
            ("email", {"label": "E-Mail", "key": "email", "required": True}),
            ("amount", {"label": "Betrag", "key": "betrag", "required": False}),
            ("partner_city", {"label": "Partnerstadt", "key": "partnerstadt", "required": False}),
            ("multiline", {"label": "Vorhaben", "key": "vorhaben", "required": False}),
            (
                "singleline",
                {"label": "Organisation", "key": "organisation", "required": False, "purpose": "organization"},
            ),
            ("date_range", {"label": "Zeitraum", "key": "zeitraum", "required": False}),
        ],
    )
    suffix = page.pk
    reviewers, approvers, others = (
        _office_group(f"{office} {suffix}") for office in ("Sachbearbeitung", "Leitung", "Anderes Amt")
    )
    office.groups.add(reviewers, approvers)
    FormRole.objects.create(page=page, role=Role.REVIEWER, group=reviewers)
    if Role.APPROVER in case_class.roles:
        FormRole.objects.create(page=page, role=Role.APPROVER, group=approvers)
    return WorkflowSetup(
        page=page,
        office=office,
        reviewer=UserFactory(first_name="Rita", last_name="Reviewer", groups=[reviewers]),
        approver=UserFactory(first_name="Anton", last_name="Approver", groups=[approvers]),
        second_approver=UserFactory(groups=[approvers]),
        outsider=UserFactory(groups=[others]),
        reviewers=reviewers,
        approvers=approvers,
    )
