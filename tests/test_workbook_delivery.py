"""Getting a workbook: queued once, rendered by the worker, then served from the shared cache.

The tests run the real worker (django-tasks-db's `db_worker --batch`) inside the test's
transaction. Between tasks the worker recycles database connections, which would end that
transaction, so that one call is switched off, as Django's test client does for requests.
"""

import datetime
import threading
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from domains.models import Cell
from workbooks.blank import BlankWorkbook

from .html import page, text
from .pdf import page_texts, read
from .worker import run_worker

URL = "/en/model/workbook.pdf?domains=communication&stages=planning"


pytestmark = pytest.mark.django_db


@pytest.fixture
def committed_model(transactional_db):
    """The model in a database that other threads see (transactional tests start empty)."""
    call_command("loaddata", "model", verbosity=0)
    cache.clear()
    yield
    cache.clear()


def test_the_first_request_queues_a_render_and_says_it_is_preparing(client):
    response = client.get(URL)
    assert response.status_code == 202
    assert "no-store" in response["Cache-Control"]
    html = page(response)
    assert html.find("h1").get_text() == "Preparing your workbook…"
    assert "Domains: Communication. Stages: Planning." in text(response)
    # No timed reload (WCAG 2.2.1): without JavaScript the button asks again.
    assert html.find("meta", attrs={"http-equiv": "refresh"}) is None
    assert html.find("a", string="Download the workbook")["href"] == URL
    assert html.find("script", src="/static/django_htmx/htmx-2.min.js")
    assert html.find(id="workbook-poll")["data-hx-get"] == URL
    assert html.find(attrs={"data-workbook-status": True})["role"] == "status"
    assert DBTaskResult.objects.count() == 1

    assert client.get(URL).status_code == 202
    assert DBTaskResult.objects.count() == 1


def test_once_the_worker_has_run_the_same_url_serves_the_pdf(client):
    assert client.head(URL).status_code == 202
    run_worker()
    assert client.head(URL).status_code == 200
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="collaboration-model-workbook-communication-planning.pdf"'
    )
    assert read(response.content).metadata.title == "Collaboration model workbook"
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


HTMX = {"HX-Request": "true"}


def test_the_preparing_page_asks_again_with_htmx_until_the_workbook_is_ready(client):
    """htmx asks the page's address: it gets the polling part again while the workbook is
    being made; once ready, the status says so and the next request starts the download."""
    client.get(URL)
    waiting = client.get(URL, headers=HTMX)
    assert waiting.status_code == 202
    assert "no-store" in waiting["Cache-Control"]
    assert "HX-Request" in waiting["Vary"]
    poll = page(waiting).find(id="workbook-poll")
    assert poll["data-hx-get"] == URL
    assert poll["data-hx-trigger"] == "load delay:1.5s"
    assert page(waiting).find("h1") is None  # the part, not the page
    run_worker()
    ready = client.get(URL, headers=HTMX)
    assert ready.status_code == 200
    status = page(ready).find(id="workbook-status")
    assert status["data-hx-swap-oob"] == "innerHTML"
    assert status.get_text(strip=True) == "Your workbook is ready and the download has started."
    assert page(ready).find(id="workbook-poll")["data-hx-headers"] == '{"X-Workbook-Download": "1"}'
    download = client.get(URL, headers={**HTMX, "X-Workbook-Download": "1"})
    assert download["HX-Redirect"] == URL
    assert client.get(URL)["Content-Type"] == "application/pdf"


def test_a_repeat_download_is_served_from_the_cache_without_rendering(
    client, django_assert_num_queries
):
    client.get(URL)
    run_worker()
    first = client.get(URL).content
    with (
        mock.patch.object(BlankWorkbook, "render", side_effect=AssertionError) as render,
        django_assert_num_queries(9),  # focus (2), content version (6), the PDF (1)
    ):
        response = client.get(URL)
    assert response.status_code == 200
    assert response.content == first
    render.assert_not_called()
    assert DBTaskResult.objects.count() == 1


def test_the_same_focus_written_differently_is_the_same_workbook(client):
    client.get(URL)
    client.get("/en/model/workbook.pdf?stages=planning&domains=communication&paper=a4")
    client.get("/en/model/workbook.pdf?domains=communication&domains=communication&stages=planning")
    assert DBTaskResult.objects.count() == 1
    client.get("/en/model/workbook.pdf?stages=planning")
    client.get(URL + "&paper=letter")
    assert DBTaskResult.objects.count() == 3


def test_concurrent_requests_queue_one_render(committed_model):
    start = threading.Barrier(4)
    statuses = []

    def download():
        try:
            start.wait()
            statuses.append(Client().get(URL).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=download) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [202] * 4
    assert DBTaskResult.objects.count() == 1


def test_a_content_change_makes_a_new_workbook(client):
    client.get(URL)
    run_worker()
    assert client.get(URL).status_code == 200
    cell = Cell.objects.get(domain__slug="communication", stage__slug="planning")
    cell.purpose = "A purpose rewritten in the admin."
    cell.save()
    assert client.get(URL).status_code == 202
    run_worker()
    response = client.get(URL)
    assert response.status_code == 200
    assert "A purpose rewritten in the admin." in " ".join(page_texts(response.content))


def test_a_failed_render_says_so_and_can_be_tried_again(client):
    client.get(URL)
    with mock.patch.object(BlankWorkbook, "render", side_effect=RuntimeError("no fonts")):
        run_worker()
    assert client.get(URL, headers={"HX-Request": "true"})["HX-Refresh"] == "true"
    response = client.get(URL)
    assert response.status_code == 500
    assert page(response).find("h1").get_text() == "We could not make your workbook"
    form = page(response).find("form", method="post")
    assert form.find("button").get_text() == "Try again"
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})

    retried = client.post(form["action"])
    assert retried.status_code == 302
    assert retried["Location"] == URL
    assert client.get(URL).status_code == 202
    assert DBTaskResult.objects.count() == 2
    run_worker()
    assert client.get(URL).status_code == 200


def test_a_render_over_the_time_limit_is_stopped_and_says_so(client, settings):
    settings.WORKBOOK_RENDER_SECONDS = 0.05  # the one-cell workbook takes about half a second
    assert client.get(URL).status_code == 202
    run_worker()
    response = client.get(URL)
    assert response.status_code == 500
    assert "is too large to put together in the time a workbook may take (0.05 seconds)" in (
        text(response)
    )
    assert "Choose a smaller focus" in text(response)
    [task] = DBTaskResult.objects.all()
    assert task.exception_class_path == "workbooks.render.RenderTimedOut"

    settings.WORKBOOK_RENDER_SECONDS = 60
    client.post(URL)  # "Try again"
    assert client.get(URL).status_code == 202
    run_worker()
    assert client.get(URL).status_code == 200


def test_the_render_fills_the_key_it_was_queued_for(client):
    """The worker stores the PDF under the key the waiting request asked for, even when the
    model changed in between: it does not work the key out again."""
    client.get(URL)
    _kind, _params, key = DBTaskResult.objects.get().args_kwargs["args"]
    Cell.objects.filter(domain__slug="leadership").update(purpose="Rewritten meanwhile.")
    run_worker()
    assert cache.get(key) is not None


def test_a_render_whose_worker_died_is_offered_again_not_left_preparing(client):
    assert client.get(URL).status_code == 202
    DBTaskResult.objects.update(  # a worker took it, then was killed ten minutes ago
        status="RUNNING", started_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    response = client.get(URL)
    assert response.status_code == 500
    assert page(response).find("button").get_text() == "Try again"

    client.post(URL)
    assert client.get(URL).status_code == 202
    run_worker()
    assert client.get(URL).status_code == 200


def test_a_render_running_within_its_time_is_still_awaited(client):
    client.get(URL)
    DBTaskResult.objects.update(status="RUNNING", started_at=timezone.now())
    assert client.get(URL).status_code == 202
