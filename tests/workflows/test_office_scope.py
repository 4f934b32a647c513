"""Each office sees and changes only its own programmes, decision templates and notification texts: another office's
answer like objects that do not exist, in the listings, the edit screens, the choosers, bulk actions and the
translation screens. What no office owns is shared: readable by all who may read such things, changed only by
whom the department lets (editors, for the emails every form sends; administrators)."""

import itertools

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from demo.people import CULTURE, DEMO_PASSWORD, DEMO_USERS, EXTERNAL_RELATIONS, SPORT
from workflows.definitions.decisions import DecisionKind
from workflows.models import DecisionTemplate, NotificationText, Office, Programme

pytestmark = pytest.mark.django_db

SHARED = None
OFFICE_OF_USER = {
    "aussen.sachbearbeitung": EXTERNAL_RELATIONS,
    "aussen.leitung": EXTERNAL_RELATIONS,
    "kultur.sachbearbeitung": CULTURE,
    "kultur.leitung": CULTURE,
    "sport.sachbearbeitung": SPORT,
    "sport.leitung": SPORT,
}
LEADS = {"aussen.leitung", "kultur.leitung", "sport.leitung"}
ACTIONS = ("inspect", "edit", "delete")
PROGRAMME_OF_OFFICE = {EXTERNAL_RELATIONS: "AUS", CULTURE: "KUL", SPORT: "SPO"}


def _objects() -> list[tuple[str, str | None, object]]:
    """(model name, owning office or SHARED, object) for a programme, a decision template and a notification text
    of the Außenbeziehungen and the Kulturamt, and a shared template and text."""
    objects = []
    german = Locale.objects.get(language_code="de")
    for office in (EXTERNAL_RELATIONS, CULTURE):
        programme = Programme.objects.get(reference_prefix=PROGRAMME_OF_OFFICE[office])
        template = DecisionTemplate.objects.create(programme=programme, kind=DecisionKind.APPROVAL, locale=german)
        text = NotificationText.objects.create(
            step="grant.approve", office=Office.objects.get(name=office), subject=office, body="…", locale=german
        )
        objects += [("programme", office, programme), ("decisiontemplate", office, template)]
        objects.append(("notificationtext", office, text))
    shared_template = DecisionTemplate.objects.create(programme=None, kind=DecisionKind.APPROVAL, locale=german)
    shared_text = NotificationText.objects.create(step="grant.approve", subject="Alle", body="…", locale=german)
    return [*objects, ("decisiontemplate", SHARED, shared_template), ("notificationtext", SHARED, shared_text)]


def _may(username: str, model: str, office, action: str) -> bool:
    """What the department decided: administrators everything; office leads their office's programmes (no
    deleting: they carry money) and its templates and texts, and may read shared ones; editors the emails shared
    by every office; case workers none of these."""
    if username == "admin":
        return True
    if username == "redaktion":
        return model == "notificationtext" and office is SHARED and action != "delete"
    if username not in LEADS:
        return False
    if office is SHARED:
        return action == "inspect"
    return office == OFFICE_OF_USER[username] and not (model == "programme" and action == "delete")


def _url(model: str, action: str, pk) -> str:
    return reverse(f"wagtailsnippets_workflows_{model}:{action}", args=[pk])


def test_every_demo_user_may_do_with_each_office_object_exactly_what_the_department_decided(client):
    objects = _objects()
    for user in DEMO_USERS:
        assert client.login(username=user.username, password=DEMO_PASSWORD)
        for (model, office, instance), action in itertools.product(objects, ACTIONS):
            status = client.get(_url(model, action, instance.pk)).status_code
            case = f"{user.username} {action} {model} of {office or 'every office'}"
            if _may(user.username, model, office, action):
                assert status == 200, case
            else:  # refused, and another office's object answers as if it did not exist
                assert status == client.get(_url(model, action, 10**9)).status_code != 200, case
        client.logout()


def test_an_office_lead_lists_only_the_programmes_of_the_office(client):
    assert client.login(username="kultur.leitung", password=DEMO_PASSWORD)
    listing = client.get(reverse("wagtailsnippets_workflows_programme:list")).content.decode()
    assert "Kulturaustausch" in listing
    assert "Austauschbegegnungen" not in listing
    assert "Sportbegegnungen" not in listing


def test_the_programme_chooser_offers_only_the_offices_programmes_and_refuses_another(client):
    assert client.login(username="kultur.leitung", password=DEMO_PASSWORD)
    chooser = client.get(reverse("wagtailsnippetchoosers_workflows_programme:choose")).content.decode()
    assert "Kulturaustausch" in chooser
    assert "Austauschbegegnungen" not in chooser
    foreign = Programme.objects.get(reference_prefix="AUS")
    chosen = reverse("wagtailsnippetchoosers_workflows_programme:chosen", args=[foreign.pk])
    missing = reverse("wagtailsnippetchoosers_workflows_programme:chosen", args=[10**9])
    assert client.get(chosen, follow=True).status_code == client.get(missing, follow=True).status_code == 404


def test_an_office_lead_cannot_file_a_template_under_another_offices_programme(client):
    assert client.login(username="kultur.leitung", password=DEMO_PASSWORD)
    foreign = Programme.objects.get(reference_prefix="AUS")
    response = client.post(
        reverse("wagtailsnippets_workflows_decisiontemplate:add") + "?locale=de",
        {"programme": foreign.pk, "kind": DecisionKind.APPROVAL, "proof_of_use_months": 3},
    )
    assert response.status_code == 200
    assert "programme" in response.context["form"].errors
    assert not DecisionTemplate.objects.exists()


def test_an_office_lead_must_name_the_office_of_a_notification_text_and_may_name_only_their_own(client):
    assert client.login(username="kultur.leitung", password=DEMO_PASSWORD)
    url = reverse("wagtailsnippets_workflows_notificationtext:add") + "?locale=de"
    text = {"step": "grant.approve", "subject": "Bewilligt", "body": "Guten Tag {applicant}"}
    for office in ("", Office.objects.get(name=EXTERNAL_RELATIONS).pk):
        refused = client.post(url, {**text, "office": office})
        assert refused.status_code == 200
        assert "office" in refused.context["form"].errors
    assert client.post(url, {**text, "office": Office.objects.get(name=CULTURE).pk}).status_code == 302
    assert NotificationText.objects.get().office.name == CULTURE


def test_another_offices_object_cannot_be_changed_by_posting_to_it(client):
    programme = Programme.objects.get(reference_prefix="AUS")
    assert client.login(username="kultur.leitung", password=DEMO_PASSWORD)
    response = client.post(
        _url("programme", "edit", programme.pk),
        {"name": "Gekapert", "office": programme.office_id, "year": 2026, "budget": "1.00", "reference_prefix": "AUS"},
        follow=True,
    )
    assert response.status_code == 404
    assert Programme.objects.get(pk=programme.pk).name == "Austauschbegegnungen"


def test_bulk_deleting_another_offices_texts_finds_nothing_to_delete(client):
    texts = {office: text for model, office, text in _objects() if model == "notificationtext"}
    assert client.login(username="kultur.leitung", password=DEMO_PASSWORD)
    url = reverse("wagtail_bulk_action", args=["workflows", "notificationtext", "delete"])
    assert client.post(f"{url}?id={texts[EXTERNAL_RELATIONS].pk}", follow=True).status_code == 404
    assert NotificationText.objects.filter(pk=texts[EXTERNAL_RELATIONS].pk).exists()
    assert client.post(f"{url}?id={texts[CULTURE].pk}").status_code == 302
    assert not NotificationText.objects.filter(pk=texts[CULTURE].pk).exists()


def test_translating_another_offices_decision_template_answers_like_a_missing_translation(client):
    template = next(obj for model, office, obj in _objects() if model == "decisiontemplate" and office == CULTURE)
    source, _created = TranslationSource.get_or_create_from_instance(template)
    translation = Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code="fr"))
    translation.save_target()
    download = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    assert client.login(username="aussen.leitung", password=DEMO_PASSWORD)
    assert client.get(download, follow=True).status_code == 404
    assert client.login(username="kultur.leitung", password=DEMO_PASSWORD)
    assert client.get(download).status_code == 200
