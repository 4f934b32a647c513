"""The demo application forms, in German: one per section, as an editor would build them from blocks."""

from .spec import DemoPage


def question(block_type, label, *, help_text="", required=True, **options):
    return (block_type, {"label": label, "help_text": help_text, "required": required, **options})


def choices(*labels):
    """Choice blocks; their stored values are made from the German labels when the page is saved."""
    return [{"label": label, "value": ""} for label in labels]


def section(text):
    return ("section_heading", {"text": text})


CONSENT = question(
    "consent",
    "Ich bin mit der Verarbeitung meiner Angaben zur Bearbeitung dieses Antrags einverstanden.",
)
NAME = question("singleline", "Ansprechperson", purpose="name")
EMAIL = question("email", "E-Mail-Adresse", help_text="An diese Adresse schicken wir die Eingangsbestätigung.")
PHONE = question("singleline", "Telefon", required=False, purpose="tel")
PARTNER_CITY = question("partner_city", "Partnerstadt")

EXCHANGE_FORM = DemoPage(
    slug="antrag-austausch",
    page_type="workflows.FormPage",
    title="Zuschuss für eine Austauschbegegnung beantragen",
    intro="<p>Beantragen Sie hier einen Zuschuss für eine Begegnung mit einer Organisation in einer Partnerstadt.</p>",
    fields={
        "thank_you_text": "<p>Wir prüfen Ihren Antrag und melden uns bei Ihnen.</p>",
        "fields": [
            section("Antragstellende Organisation"),
            question("singleline", "Name der Organisation", purpose="organization"),
            question("radio", "Art der Organisation", choices=choices("Verein", "Schule", "Einrichtung")),
            question("radio", "Sitz in Stuttgart", choices=choices("Ja", "Nein")),
            NAME,
            EMAIL,
            PHONE,
            section("Die Begegnung"),
            PARTNER_CITY,
            question("singleline", "Partnerorganisation"),
            question(
                "radio",
                "Richtung der Begegnung",
                choices=choices("Die Stuttgarter Gruppe reist in die Partnerstadt", "Gäste kommen nach Stuttgart"),
            ),
            question("date_range", "Zeitraum der Begegnung", not_before_today=True),
            question("participants", "Zahl der Teilnehmenden", min_value=2, max_value=500),
            question("participants", "Davon unter 27 Jahren", required=False, min_value=0, max_value=500),
            question(
                "multiline",
                "Programm und Beitrag zur Städtepartnerschaft",
                help_text="Beschreiben Sie das Programm und wie es die Partnerschaft stärkt.",
                min_length=200,
                max_length=5000,
            ),
            section("Kosten und Finanzierung"),
            question(
                "file",
                "Kosten- und Finanzierungsplan",
                help_text="PDF, DOCX oder ODT, höchstens 10 MB.",
                kinds=["pdf", "docx", "odt"],
                max_size_mb=10,
                multiple=False,
                max_files=1,
            ),
            question("amount", "Beantragter Zuschuss", min_amount="1.00", max_amount="20000.00"),
            question("iban", "IBAN des Kontos für die Auszahlung"),
            CONSENT,
        ],
    },
)

INTERNSHIP_FORM = DemoPage(
    slug="antrag-praktikum",
    page_type="workflows.FormPage",
    title="Unterstützung für ein Praktikum beantragen",
    intro="<p>Für Auszubildende und Studierende aus Stuttgart, die ein Praktikum in einer Partnerstadt planen.</p>",
    fields={
        "thank_you_text": "<p>Wir melden uns, sobald wir Ihr Motivationsschreiben gelesen haben.</p>",
        "fields": [
            NAME,
            EMAIL,
            question(
                "radio",
                "Ich bin",
                choices=choices("Auszubildende oder Auszubildender", "Studierende oder Studierender"),
            ),
            question("singleline", "Schule oder Hochschule", purpose="organization"),
            PARTNER_CITY,
            question("singleline", "Gewünschtes Tätigkeitsfeld"),
            question("date_range", "Gewünschter Zeitraum", not_before_today=True),
            question(
                "file",
                "Motivationsschreiben als Datei",
                help_text="PDF oder DOCX. Alternativ können Sie das Schreiben unten eingeben.",
                required=False,
                kinds=["pdf", "docx"],
                max_size_mb=10,
                multiple=False,
                max_files=1,
            ),
            question(
                "multiline",
                "Motivationsschreiben als Text",
                help_text="Mindestens 1.000 Zeichen, wenn Sie keine Datei hochladen.",
                required_unless="motivationsschreiben_als_datei",
                min_length=1000,
                max_length=10000,
            ),
            question("amount", "Benötigte Finanzierung", min_amount="0.00", max_amount="5000.00"),
            CONSENT,
        ],
    },
)

CULTURE_FORM = DemoPage(
    slug="anfrage-kuenstleraustausch",
    page_type="workflows.FormPage",
    title="Künstleraustausch oder Aufenthalt anfragen",
    intro="<p>Das Kulturamt berät zu Gastspielen, Ausstellungen und Aufenthalten in den Partnerstädten.</p>",
    fields={
        "thank_you_text": "<p>Das Kulturamt meldet sich bei Ihnen.</p>",
        "fields": [
            NAME,
            EMAIL,
            question(
                "radio",
                "Sparte",
                choices=choices("Bildende Kunst", "Literatur", "Musik", "Theater und Tanz"),
            ),
            PARTNER_CITY,
            question("radio", "Art des Vorhabens", choices=choices("Gastspiel oder Ausstellung", "Aufenthalt")),
            question("date_range", "Geplanter Zeitraum", not_before_today=True),
            question("multiline", "Beschreibung des Vorhabens", min_length=100, max_length=5000),
            question("amount", "Beantragter Zuschuss", required=False, max_amount="10000.00"),
            CONSENT,
        ],
    },
)

SPORT_FORM = DemoPage(
    slug="anfrage-sportaustausch",
    page_type="workflows.FormPage",
    title="Sportaustausch anfragen",
    intro="<p>Das Amt für Sport und Bewegung unterstützt Begegnungen von Sportvereinen.</p>",
    fields={
        "thank_you_text": "<p>Das Amt für Sport und Bewegung meldet sich bei Ihnen.</p>",
        "fields": [
            question("singleline", "Verein", purpose="organization"),
            NAME,
            EMAIL,
            question("singleline", "Sportart"),
            PARTNER_CITY,
            question("date_range", "Zeitraum der Begegnung", not_before_today=True),
            question("participants", "Zahl der Sportlerinnen und Sportler", min_value=1, max_value=300),
            question("amount", "Beantragter Zuschuss", required=False, max_amount="10000.00"),
            CONSENT,
        ],
    },
)

ROUND_TABLE_FORM = DemoPage(
    slug="interesse-runder-tisch",
    page_type="workflows.FormPage",
    title="Interesse an einem Runden Tisch melden",
    intro="<p>Wir laden Sie ein, sobald sich der Runde Tisch zu Ihrer Stadt oder Region trifft.</p>",
    fields={
        "reference_prefix": "RT",
        "thank_you_text": "<p>Wir laden Sie zum nächsten Treffen ein.</p>",
        "fields": [
            NAME,
            EMAIL,
            question("singleline", "Verein oder Einrichtung", required=False, purpose="organization"),
            PARTNER_CITY,
            question(
                "checkboxes",
                "Was interessiert Sie?",
                required=False,
                choices=choices("Projekte", "Jubiläen", "Fachlicher Austausch"),
            ),
            CONSENT,
        ],
    },
)

ADVICE_FORM = DemoPage(
    slug="beratung-anfragen",
    page_type="workflows.FormPage",
    title="Beratung zu einem Partnerschaftsprojekt anfragen",
    intro=(
        "<p>Sie planen ein Projekt mit einer Partnerstadt? Wir beraten Sie gerne, bevor Sie einen Antrag stellen.</p>"
    ),
    fields={
        "reference_prefix": "BER",
        "thank_you_text": "<p>Wir beantworten Ihre Frage so bald wie möglich.</p>",
        "fields": [
            NAME,
            EMAIL,
            PHONE,
            PARTNER_CITY,
            question(
                "multiline",
                "Ihre Frage",
                help_text="Beschreiben Sie kurz Ihr Vorhaben und wobei wir Ihnen helfen können.",
                min_length=20,
                max_length=3000,
            ),
            CONSENT,
        ],
    },
)
