"""Work enqueued during a request is done by the real task worker process, after the request has returned."""

import os
import subprocess
import sys

from django.conf import settings
from django.db import connection
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, ReferenceIndex
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import ContentPage
from tests.factories import ContentPageFactory, HomePageFactory, UserFactory


def _database_url_of_test_database() -> str:
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings_dict['NAME']}"
    user = settings_dict.get("USER") or ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgresql://{user}@{host}:{port}/{settings_dict['NAME']}"


def _run_worker_until_queue_is_empty():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": _database_url_of_test_database(),
    }
    return subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--interval", "0.1"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


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

    worker = _run_worker_until_queue_is_empty()

    assert worker.returncode == 0, worker.stderr
    assert set(queued.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert ReferenceIndex.get_references_to(linked).filter(object_id=str(page.pk)).exists()
