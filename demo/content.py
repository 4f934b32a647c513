"""The German source of the demo site, written from the department's page "Begegnungen und Treffen".

Each entry describes one page; `children` nest. Translations of every text live in `translations/<language>.po`,
keyed by the German text, and are applied through wagtail-localize exactly as an editor's PO upload would be.
"""

from .events import EVENT_PAGES
from .forms import ADVICE_FORM, CULTURE_FORM, EXCHANGE_FORM, INTERNSHIP_FORM, ROUND_TABLE_FORM, SPORT_FORM
from .spec import DemoPage


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def paragraph(html):
    return ("paragraph", html)


def contact(name, description="", address="", phone="", email="", website=""):
    return (
        "contact",
        {
            "name": name,
            "description": description,
            "address": address,
            "phone": phone,
            "email": email,
            "website": website,
        },
    )


PRIVACY_SLUG = "datenschutz"

OFFICE_CONTACT = contact(
    "Abteilung Außenbeziehungen",
    "Beratung zu Austauschbegegnungen, Zuschüssen und Praktika in den Partnerstädten.",
    "Landeshauptstadt Stuttgart\nRathaus, Marktplatz 1\n70173 Stuttgart",
    "+49 711 216-60000",
    "aussenbeziehungen@stuttgart.example",
)


def city(slug, title, country, since, relationship, languages, intro, text, status="active"):
    return DemoPage(
        slug=slug,
        page_type="cms.PartnerCityPage",
        title=title,
        intro=intro,
        body=[paragraph(f"<p>{text}</p>")],
        fields={
            "country": country,
            "since": since,
            "relationship": relationship,
            "status": status,
            "languages": languages,
        },
    )


CITIES = [
    city(
        "st-helens",
        "St Helens",
        "Vereinigtes Königreich",
        1948,
        "partnership",
        "Englisch",
        "Die älteste Partnerschaft Stuttgarts entstand wenige Jahre nach dem Zweiten Weltkrieg.",
        "Aus den ersten Briefwechseln zwischen Familien wurde eine der frühesten deutsch-britischen"
        " Städtepartnerschaften. Heute tauschen sich vor allem Schulen, Chöre und Sportvereine aus.",
    ),
    city(
        "cardiff",
        "Cardiff",
        "Vereinigtes Königreich",
        1955,
        "partnership",
        "Englisch, Walisisch",
        "Die walisische Hauptstadt ist seit Jahrzehnten ein enger Partner in Kultur, Bildung und Sport.",
        "Jugendgruppen, Orchester und Hochschulen pflegen Kontakte nach Cardiff. Ein jährlicher Schüleraustausch"
        " bringt junge Menschen aus beiden Städten zusammen.",
    ),
    city(
        "st-louis",
        "St. Louis",
        "Vereinigte Staaten",
        1960,
        "partnership",
        "Englisch",
        "Die Stadt am Mississippi verbindet mit Stuttgart eine lange Geschichte deutscher Auswanderung.",
        "Studierende, Auszubildende und Fachleute aus Verwaltung und Wirtschaft besuchen einander regelmäßig."
        " Ein gemeinsamer Schwerpunkt ist die Stadtentwicklung.",
    ),
    city(
        "strassburg",
        "Straßburg",
        "Frankreich",
        1962,
        "partnership",
        "Französisch",
        "Die Partnerschaft mit der Europastadt am Rhein steht für die deutsch-französische Freundschaft.",
        "Schulen, Vereine und Kultureinrichtungen arbeiten über die Grenze hinweg zusammen. Viele Begegnungen"
        " lassen sich als Tagesausflug organisieren.",
    ),
    city(
        "mumbai",
        "Mumbai",
        "Indien",
        1968,
        "partnership",
        "Marathi, Hindi, Englisch",
        "Die Metropole an der Westküste Indiens ist die größte Partnerstadt Stuttgarts.",
        "Der Austausch reicht von Kunst und Musik bis zu Projekten in Berufsbildung und Umweltschutz."
        " Stuttgarter Initiativen unterstützen soziale Einrichtungen in Mumbai.",
    ),
    city(
        "menzel-bourguiba",
        "Menzel Bourguiba",
        "Tunesien",
        1971,
        "partnership",
        "Arabisch, Französisch",
        "Die Hafenstadt im Norden Tunesiens ist Stuttgarts Partnerin in Nordafrika.",
        "Gemeinsame Projekte widmen sich der Jugendarbeit, der Ausbildung und dem kommunalen Austausch."
        " Der Runde Tisch Nordafrika bringt Engagierte aus Stuttgart zusammen.",
    ),
    city(
        "kairo",
        "Kairo",
        "Ägypten",
        1979,
        "partnership",
        "Arabisch",
        "Die ägyptische Hauptstadt ist Partnerin Stuttgarts in Kultur, Wissenschaft und Bildung.",
        "Hochschulen, Museen und Künstlergruppen arbeiten zusammen. Auch Fachleute aus den Verwaltungen"
        " tauschen Erfahrungen aus.",
    ),
    city(
        "lodz",
        "Łódź",
        "Polen",
        1988,
        "partnership",
        "Polnisch",
        "Die frühere Textilmetropole teilt mit Stuttgart das Interesse an Industriekultur und Film.",
        "Schulen, Theater und Sportvereine pflegen lebendige Kontakte. Die gemeinsame Erinnerung an die"
        " Geschichte des 20. Jahrhunderts ist ein wichtiges Thema der Begegnungen.",
    ),
    city(
        "brno",
        "Brno",
        "Tschechien",
        1989,
        "partnership",
        "Tschechisch",
        "Die zweitgrößte Stadt Tschechiens ist Stuttgart seit dem Jahr der friedlichen Revolution verbunden.",
        "Besonders lebendig ist der Austausch zwischen Musikschulen, Hochschulen und Vereinen."
        " Der Runde Tisch Brno trifft sich regelmäßig in Stuttgart.",
    ),
    city(
        "samara",
        "Samara",
        "Russland",
        1992,
        "partnership",
        "Russisch",
        "Die Partnerschaft mit der Stadt an der Wolga ruht seit dem russischen Angriff auf die Ukraine.",
        "Offizielle Kontakte sind ausgesetzt. Persönliche Verbindungen zwischen Menschen aus beiden Städten"
        " bestehen weiter.",
        status="suspended",
    ),
    city(
        "ogaki",
        "Ōgaki",
        "Japan",
        1986,
        "friendship",
        "Japanisch",
        "Die Stadt in der Präfektur Gifu ist mit Stuttgart freundschaftlich verbunden.",
        "Schüler- und Jugendgruppen besuchen einander, und Kulturvereine zeigen japanische und schwäbische"
        " Traditionen in beiden Städten.",
    ),
    city(
        "nanjing",
        "Nanjing",
        "China",
        2004,
        "friendship",
        "Chinesisch",
        "Die frühere Hauptstadt Chinas ist ein Partner für Wissenschaft, Wirtschaft und Kultur.",
        "Hochschulen und Unternehmen arbeiten zusammen, und Kulturgruppen gastieren in beiden Städten.",
    ),
    city(
        "shavei-zion",
        "Shavei Zion",
        "Israel",
        2008,
        "friendship",
        "Hebräisch",
        "Das Dorf an der Küste Galiläas wurde 1938 von Jüdinnen und Juden aus Württemberg gegründet.",
        "Die Freundschaft hält die Erinnerung an die vertriebenen Familien aus Rexingen wach und bringt"
        " junge Menschen aus Israel und Stuttgart zusammen.",
    ),
    city(
        "chmelnyzkyj",
        "Chmelnyzkyj",
        "Ukraine",
        2022,
        "solidarity",
        "Ukrainisch",
        "Mit der Solidaritätspartnerschaft unterstützt Stuttgart die Stadt in der Westukraine.",
        "Hilfsgüter, fachlicher Austausch der Verwaltungen und Begegnungen von Vereinen stehen im Mittelpunkt.",
    ),
]

SITE = DemoPage(
    slug="startseite",
    page_type="cms.HomePage",
    title="Begegnungen und Treffen",
    intro=(
        "Die Abteilung Außenbeziehungen entwickelt Austauschformate, die Bürgerinnen und Bürger an"
        " städtepartnerschaftliche Themen heranführen."
    ),
    body=[
        paragraph(
            "<p>Eine der wichtigsten Aufgaben der Abteilung Außenbeziehungen ist es, Bürgerinnen und Bürger bei ihrem"
            " städtepartnerschaftlichen Engagement zu beraten und zu unterstützen sowie fachliche Vernetzung in"
            " Stuttgart zu ermöglichen. So entstehen neue Kontakte und Projekte.</p>"
        ),
    ],
    children=[
        DemoPage(
            slug="austausch",
            page_type="cms.ContentPage",
            title="Austausch",
            intro=(
                "Vereine, Schulen und Einrichtungen aus Stuttgart tauschen sich mit Partnern in den Partnerstädten aus."
            ),
            body=[
                paragraph(
                    "<p>Vereine, Schulen und sonstige Einrichtungen mit Sitz in Stuttgart haben die Möglichkeit, sich"
                    " mit einer Organisation in einer der Partnerstädte oder einer der befreundeten Städte fachlich"
                    " auszutauschen und Projekte durchzuführen. Die Abteilung Außenbeziehungen berät, unterstützt und"
                    " bezuschusst solche Austauschbegegnungen.</p>"
                ),
                paragraph(
                    "<p>Es ist dafür von Vorteil, gemeinsame Themen und Projekte bereits im Vorfeld zu entwickeln,"
                    " beispielsweise die Frage, wie die Erinnerung an historische Gedenktage in verschiedenen Ländern"
                    " wachgehalten wird oder was von Projekten an der Partnerschule übernommen werden kann.</p>"
                ),
                heading("So kommen Sie zu einem Zuschuss"),
                paragraph(
                    "<ol><li>Entwickeln Sie mit Ihrer Partnerorganisation ein gemeinsames Thema.</li>"
                    "<li>Lassen Sie sich von der Abteilung Außenbeziehungen beraten.</li>"
                    "<li>Stellen Sie Ihren Antrag rechtzeitig vor Beginn der Begegnung.</li>"
                    "<li>Nach der Begegnung weisen Sie die Verwendung der Mittel nach.</li></ol>"
                ),
                OFFICE_CONTACT,
            ],
            children=[EXCHANGE_FORM, ADVICE_FORM],
        ),
        DemoPage(
            slug="kultur",
            page_type="cms.ContentPage",
            title="Kultur",
            intro="Künstlerinnen und Künstler aus den Partnerstädten gastieren regelmäßig in Stuttgart.",
            body=[
                paragraph(
                    "<p>Ob Bildende Künstler, Literaten, Musiker oder Theatergruppen: Regelmäßig gastieren Künstler aus"
                    " den Partnerstädten in Stuttgarter Galerien oder auf Stuttgarter Bühnen.</p>"
                ),
                paragraph(
                    "<p>Auch gibt es für Künstlerinnen und Künstler die Möglichkeit, über einen längeren Zeitraum als"
                    " Gast in einer Partnerstadt zu leben und zu arbeiten. Hierzu berät gerne das Kulturamt.</p>"
                ),
                contact(
                    "Kulturamt",
                    "Beratung zu Gastspielen, Ausstellungen und Aufenthalten von Künstlerinnen und Künstlern.",
                    "Landeshauptstadt Stuttgart\nEichstraße 9\n70173 Stuttgart",
                    "+49 711 216-80000",
                    "kulturamt@stuttgart.example",
                ),
            ],
            children=[CULTURE_FORM],
        ),
        DemoPage(
            slug="sport",
            page_type="cms.ContentPage",
            title="Sport",
            intro="Vereine und Sportler begegnen sich bei Turnieren, Trainingslagern und Besuchen.",
            body=[
                paragraph(
                    "<p>Auch im Sportbereich gibt es Austauschmöglichkeiten für Vereine und Sportler. Das Amt für Sport"
                    " und Bewegung hilft gerne weiter.</p>"
                ),
                contact(
                    "Amt für Sport und Bewegung",
                    "Beratung zu Begegnungen von Sportvereinen mit Partnern in den Partnerstädten.",
                    "Landeshauptstadt Stuttgart\nNeckarstraße 145\n70190 Stuttgart",
                    "+49 711 216-90000",
                    "sportamt@stuttgart.example",
                ),
            ],
            children=[SPORT_FORM],
        ),
        DemoPage(
            slug="praktika",
            page_type="cms.ContentPage",
            title="Praktika",
            intro="Auszubildende und Studierende aus Stuttgart sammeln Erfahrungen in einer Partnerstadt.",
            body=[
                paragraph(
                    "<p>Wer als Stuttgarter Auszubildender oder Studierender gerne ein Praktikum in einer Partnerstadt"
                    " absolvieren möchte, kann Unterstützung bei der Suche und gegebenenfalls bei der Finanzierung"
                    " erhalten.</p>"
                ),
                heading("Ihr Motivationsschreiben"),
                paragraph(
                    "<p>Voraussetzung ist ein aussagekräftiges Motivationsschreiben, aus dem eine möglichst genaue"
                    " Vorstellung vom Inhalt der Tätigkeit hervorgeht. Beschreiben Sie, was Sie lernen möchten und"
                    " warum Sie sich für diese Partnerstadt entschieden haben.</p>"
                ),
                OFFICE_CONTACT,
            ],
            children=[INTERNSHIP_FORM],
        ),
        DemoPage(
            slug="runde-tische",
            page_type="cms.ContentPage",
            title="Runde Tische",
            intro=(
                "Engagierte treffen sich zu einzelnen Partnerstädten oder Regionen und entwickeln gemeinsame Projekte."
            ),
            body=[
                paragraph(
                    "<p>Zu einzelnen Partnerstädten oder Regionen finden sogenannte Runde Tische statt. Diese Treffen"
                    " werden anlassbezogen angeboten, zum Beispiel wenn ein Jubiläum begangen wird, oder weil es viele"
                    " Engagierte in Stuttgart gibt, die sich regelmäßig fachlich austauschen und Projekte initiieren"
                    " möchten.</p>"
                ),
                paragraph(
                    "<p>Die Mischung aus Vereinsmitgliedern, Mitarbeitern von Einrichtungen und Institutionen sowie"
                    " interessierten Bürgern ermöglicht ein breit gefächertes Netzwerk und eine umfangreiche"
                    " Expertise.</p>"
                ),
            ],
            children=[ROUND_TABLE_FORM],
        ),
        DemoPage(
            slug="veranstaltungen",
            page_type="events.EventIndexPage",
            title="Veranstaltungen",
            intro="Wie sieht die Situation in den Partnerstädten aus? Veranstaltungen zu aktuellen Themen.",
            body=[
                paragraph(
                    "<p>Es finden verschiedene Veranstaltungen zu aktuellen gesellschaftspolitischen, kulturellen und"
                    " sozialen Themen statt, jeweils mit der Frage, wie die Situation in den Partnerstädten aussieht."
                    " Schließlich stehen sie vor ähnlichen Herausforderungen für die Zukunft wie die Stadt"
                    " Stuttgart.</p>"
                ),
                paragraph("<p>Im Veranstaltungskalender werden diese Termine rechtzeitig angekündigt.</p>"),
            ],
            children=EVENT_PAGES,
        ),
        DemoPage(
            slug="partnerstaedte",
            page_type="cms.PartnerCityIndexPage",
            title="Partnerstädte",
            intro="Stuttgart pflegt Partnerschaften und Freundschaften mit Städten auf vier Kontinenten.",
            children=CITIES,
        ),
        DemoPage(
            slug=PRIVACY_SLUG,
            page_type="cms.ContentPage",
            title="Datenschutz",
            intro="Wie wir mit Ihren Daten umgehen, wenn Sie diese Seiten nutzen oder einen Antrag stellen.",
            show_in_menus=False,
            body=[
                paragraph(
                    "<p>Verantwortlich für die Verarbeitung ist die Landeshauptstadt Stuttgart, Abteilung"
                    " Außenbeziehungen. Wir verarbeiten die Angaben aus Ihrem Antrag nur, um über Ihren Antrag zu"
                    " entscheiden und die Förderung abzuwickeln.</p>"
                ),
                paragraph(
                    "<p>Anträge und ihre Unterlagen werden nach Ablauf der gesetzlichen Aufbewahrungsfristen gelöscht."
                    " Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie"
                    " das Recht, sich bei der Aufsichtsbehörde zu beschweren.</p>"
                ),
                OFFICE_CONTACT,
            ],
        ),
    ],
)
