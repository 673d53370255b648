"""A partnership's workbook is ready before anyone asks (workbooks/tasks.py): a change queues one
render for once the edits have settled, and "Print" then gets the PDF without the preparing page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from notes.editing import mark_discussed, save_text, set_status
from notes.models import NoteStatus
from partnerships.models import Role
from workbooks.partnership import PartnershipWorkbook
from workbooks.tasks import prerender_workbooks

from .people import client_as
from .worker import run_worker

pytestmark = pytest.mark.django_db


def prerenders():
    return DBTaskResult.objects.filter(task_path=prerender_workbooks.module_path)


@pytest.fixture
def edit(cast, cell, django_capture_on_commit_callbacks):
    """Make a change as a member would, committed (so its receivers' work runs)."""

    def edit(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return edit


def test_a_change_queues_one_render_for_a_minute_later(cast, cell, edit):
    before = timezone.now()
    edit(lambda: save_text(cast.partnership, cell, cast.editor, "We meet on Tuesdays.", 0))
    [render] = prerenders()
    assert render.args_kwargs["args"] == [cast.partnership.pk]
    assert (
        before + timedelta(seconds=59) < render.run_after < timezone.now() + timedelta(seconds=61)
    )


def test_several_changes_within_the_minute_still_queue_one_render(cast, cell, edit):
    note = edit(lambda: save_text(cast.partnership, cell, cast.editor, "We meet.", 0))
    edit(lambda: save_text(cast.partnership, cell, cast.editor, "We meet often.", note.version))
    edit(lambda: set_status(cast.partnership, cell, cast.editor, NoteStatus.DONE))
    edit(
        lambda: mark_discussed(
            cast.partnership, cast.editor, ticked=cell.questions[:1], unticked=[]
        )
    )
    viewer = cast.membership(cast.viewer)
    viewer.role = Role.EDITOR
    edit(lambda: viewer.save(update_fields=["role"]))
    assert prerenders().count() == 1


def test_a_render_that_finds_newer_changes_waits_for_them_to_settle(cast, cell, edit):
    edit(lambda: save_text(cast.partnership, cell, cast.editor, "We meet on Tuesdays.", 0))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(PartnershipWorkbook, "render", lambda self: pytest.fail("rendered too soon"))
        assert prerender_workbooks.call(cast.partnership.pk) == []
    waiting = prerenders().order_by("enqueued_at").last()
    assert waiting.run_after > timezone.now() + timedelta(seconds=50)
    assert prerenders().count() == 2  # the one queued by the change, and its follow-up


def test_once_settled_print_gets_the_pdf_in_each_members_language_without_waiting(
    cast, cell, edit, settings, client
):
    settings.WORKBOOK_SETTLE_SECONDS = 0
    profile = cast.viewer.profile
    profile.language = "lv"
    profile.save()
    edit(lambda: save_text(cast.partnership, cell, cast.editor, "We meet on Tuesdays.", 0))
    run_worker()
    assert prerenders().filter(status="SUCCESSFUL").exists()

    member = client_as(client, cast, "viewer")
    for language in ("en", "lv"):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(PartnershipWorkbook, "render", lambda self: pytest.fail("rendered again"))
            response = member.get(
                f"/{language}" + reverse("workbooks:partnership", args=[cast.partnership.pk])[3:]
            )
        assert response.status_code == 200, language  # not 202, the preparing page
        assert response["Content-Type"] == "application/pdf"
    # Other options are not rendered ahead: they still go through the preparing page.
    url = reverse("workbooks:partnership", args=[cast.partnership.pk]) + "?layout=continuous"
    assert member.get(url).status_code == 202


def test_a_change_after_the_render_makes_the_next_print_wait_for_the_new_one(
    cast, cell, edit, settings, client
):
    settings.WORKBOOK_SETTLE_SECONDS = 0
    note = edit(lambda: save_text(cast.partnership, cell, cast.editor, "We meet.", 0))
    run_worker()
    edit(lambda: save_text(cast.partnership, cell, cast.editor, "We meet often.", note.version))
    url = reverse("workbooks:partnership", args=[cast.partnership.pk])
    assert client_as(client, cast, "viewer").get(url).status_code == 202  # not the old PDF
    run_worker()
    assert client.get(url).status_code == 200
