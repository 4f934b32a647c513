"""Work enqueued during a request is done by the real task worker process, after the request has returned."""

from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, ReferenceIndex
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import ContentPage
from tests.factories import ContentPageFactory, HomePageFactory, UserFactory
from tests.worker import run_worker_until_queue_is_empty


def test_publishing_a_page_in_the_admin_queues_work_that_the_worker_process_completes(client, migrated_database):
    home = HomePageFactory(parent=Page.get_first_root_node())
    linked = ContentPageFactory(parent=home, title="Kultur", slug="kultur")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.post(
        f"/admin/pages/add/cms/contentpage/{home.pk}/",
        nested_form_data(
            {
                "title": "Austausch",
                "slug": "austausch",
                "intro": "",
                "body": streamfield(
                    [("paragraph", rich_text(f'<p>Siehe <a linktype="page" id="{linked.pk}">Kultur</a>.</p>'))]
                ),
                "comments": inline_formset([]),
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ContentPage.objects.child_of(home).get(slug="austausch")
    queued = DBTaskResult.objects.filter(args_kwargs__args=["cms", "contentpage", str(page.pk)])
    assert queued.exists(), "publishing enqueued no reference-index task"
    assert not ReferenceIndex.get_references_to(linked).exists(), "the work ran inside the request"

    worker = run_worker_until_queue_is_empty()

    assert worker.returncode == 0, worker.stderr
    assert set(queued.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert ReferenceIndex.get_references_to(linked).filter(object_id=str(page.pk)).exists()
