"""Getting a partnership's workbook: who may, where it is offered, bad options, cache, queries."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from domains.focus import Focus
from domains.models import Cell
from notes.editing import mark_discussed, save_text, set_status
from notes.models import NoteStatus
from partnerships.models import Membership, Role
from workbooks.partnership import PartnershipWorkbook

from .html import page, text
from .pdf import read
from .people import client_as, make_partnership, make_user
from .worker import run_worker

pytestmark = pytest.mark.django_db


def queued_params():
    """The parameters of the one render queued."""
    kind, params, _key = DBTaskResult.objects.get().args_kwargs["args"]
    assert kind == "partnership"
    return params


def url(partnership, query=""):
    return reverse("workbooks:partnership", args=[partnership.pk]) + (f"?{query}" if query else "")


@pytest.mark.parametrize("role", ["viewer", "editor", "facilitator"])
def test_members_get_the_preparing_page_and_a_render_of_their_partnership(client, cast, role):
    response = client_as(client, cast, role).get(url(cast.partnership))
    assert response.status_code == 202
    assert page(response).find("h1").get_text() == "Preparing your workbook…"
    assert queued_params()["partnership"] == cast.partnership.pk


def test_non_members_queue_nothing(client, cast):
    for role in ["anonymous", "stranger"]:
        assert client_as(client, cast, role).get(url(cast.partnership)).status_code == 404
    assert DBTaskResult.objects.count() == 0


@pytest.mark.parametrize("method", ["get", "head", "post"])
def test_a_stranger_cannot_tell_a_real_partnership_from_a_missing_one(client, cast, method):
    client.force_login(cast.stranger)
    real = getattr(client, method)(url(cast.partnership, "paper=a5"))
    missing = getattr(client, method)(url(cast.partnership, "paper=a5").replace(
        cast.partnership.pk, "doesnotexist"
    ))  # fmt: skip
    assert real.status_code == missing.status_code == 404
    if method != "head":
        assert text(real) == text(missing)


def test_only_reading_and_retrying_are_allowed(client, cast):
    client.force_login(cast.facilitator)
    assert client.put(url(cast.partnership)).status_code == 405
    assert client.delete(url(cast.partnership)).status_code == 405


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("domains=trust", "Domains: “trust” is not a domain of the model."),
        ("paper=a5", "Paper size: “a5” is not a paper size we print on."),
        (
            "empty=skip",
            "Cells with nothing recorded yet: “skip” is not a choice for cells with nothing "
            "recorded.",
        ),
        ("layout=spread", "Layout: “spread” is not a layout we print."),
    ],
)
def test_bad_focus_or_options_get_a_clear_message(client, cast, query, message):
    client.force_login(cast.viewer)
    response = client.get(url(cast.partnership, query))
    assert response.status_code == 400
    assert page(response).find("h1").get_text() == "We cannot make that workbook"
    assert message in text(response)
    assert page(response).find("a", href=url(cast.partnership))
    assert page(response).find("a", href=cast.partnership.get_absolute_url() + "#focus")
    assert DBTaskResult.objects.count() == 0


def test_the_preparing_page_leads_back_to_the_partnership(client, cast):
    client.force_login(cast.editor)
    response = client.get(url(cast.partnership, "domains=leadership&layout=continuous"))
    back = page(response).find("a", string="Back to the partnership")
    assert back["href"] == cast.partnership.get_absolute_url() + "?domains=leadership"
    assert "Domains: Leadership. Stages: all." in text(response)


def test_the_partnership_page_offers_its_focus_as_a_workbook(client, cast):
    client.force_login(cast.viewer)
    response = client.get(cast.partnership.get_absolute_url() + "?domains=leadership,motivation")
    form = page(response).find("form", action=url(cast.partnership))
    assert form["method"] == "get"
    assert form.find("button").get_text() == "Print this as a workbook"
    fields = {}
    for field in form.find_all(["input", "select"]):
        label = form.find("label", attrs={"for": field.get("id")})
        if field.get("type") == "checkbox":
            assert label.get_text(strip=True) == "Include the latest self-assessment results"
            assert not field.has_attr("checked")  # off by default: a browser sends nothing
            continue
        chosen = field if field.name == "input" else field.find("option", selected=True)
        fields.setdefault(field["name"], []).append(
            (chosen or field.find("option"))["value"]  # a browser sends a select's first option
        )
        assert field["type"] == "hidden" if field.name == "input" else label.get_text()
    assert form.find("input", type="checkbox")["name"] == "self_assessment"
    assert fields == {
        "domains": ["leadership", "motivation"],
        "paper": ["a4"],
        "empty": ["leave-out"],  # the default: cells with nothing recorded are left out
        "layout": ["page-per-cell"],
        "lang": ["en"],
    }
    options = [option.get_text() for option in form.find("select", id="id_layout")("option")]
    assert options == ["Each cell on a new page", "One cell after another"]
    options = [option.get_text() for option in form.find("select", id="id_empty")("option")]
    assert options == ["Leave them out", "Include them"]
    query = "&".join(f"{name}={value}" for name, values in fields.items() for value in values)
    assert client.get(url(cast.partnership, query)).status_code == 202
    assert queued_params()["domains"] == ["leadership", "motivation"]
    assert queued_params()["self_assessment"] is False
    assert client.get(url(cast.partnership, query + "&self_assessment=on")).status_code == 202
    queued = [task.args_kwargs["args"][1]["self_assessment"] for task in DBTaskResult.objects.all()]
    assert sorted(queued) == [False, True]  # a workbook of its own, with the chapter


def test_once_rendered_the_workbook_downloads_named_for_the_partnership_and_day(client, cast):
    client.force_login(cast.editor)
    query = "domains=leadership&stages=planning"
    client.get(url(cast.partnership, query))
    run_worker()
    response = client.get(url(cast.partnership, query))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    day = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="healthy-schools-workbook-{day}.pdf"'
    )
    assert read(response.content).metadata.title == "Healthy schools — workbook"


def test_a_repeat_download_is_served_from_the_cache_without_rendering(
    client, cast, django_assert_num_queries
):
    client.force_login(cast.viewer)
    client.get(url(cast.partnership))
    run_worker()
    first = client.get(url(cast.partnership)).content
    with (
        mock.patch.object(PartnershipWorkbook, "render", side_effect=AssertionError) as render,
        # session, user, membership (3); focus (2); content version (6); the partnership's
        # notes, ticks and members (3); the PDF (1)
        django_assert_num_queries(15),
    ):
        response = client.get(url(cast.partnership))
    assert response.status_code == 200
    assert response.content == first
    render.assert_not_called()
    assert DBTaskResult.objects.count() == 1


def workbook(cast, **changes):
    options = {
        "partnership": cast.partnership,
        "focus": Focus.from_slugs(["leadership"], []),
        "paper": "a4",
        "empty": "include",
        "layout": "page-per-cell",
        "language": "en",
        "printed": datetime.date(2026, 3, 5),
    }
    return PartnershipWorkbook(**{**options, **changes})


def test_a_queued_render_makes_the_same_workbook_from_its_params(cast):
    queued = workbook(cast, focus=Focus.from_slugs(["leadership"], ["planning", "assessment"]))
    assert PartnershipWorkbook.from_params(queued.params) == queued


def test_the_cache_key_changes_with_the_focus_options_language_and_date(cast):
    keys = {
        workbook(cast).cache_key(),
        workbook(cast, focus=Focus.from_slugs(["leadership"], ["planning"])).cache_key(),
        workbook(cast, paper="letter").cache_key(),
        workbook(cast, empty="leave-out").cache_key(),
        workbook(cast, layout="continuous").cache_key(),
        workbook(cast, language="lv").cache_key(),
        workbook(cast, printed=datetime.date(2026, 3, 6)).cache_key(),
        workbook(cast, partnership=make_partnership(cast.facilitator)).cache_key(),
    }
    assert len(keys) == 8


def test_the_cache_key_changes_with_the_notes_and_ticks_and_nothing_else(cast):
    cell = Cell.objects.for_page().get(domain__slug="leadership", stage__slug="mapping")
    outside = Cell.objects.for_page().get(domain__slug="coordination", stage__slug="mapping")
    key = workbook(cast).cache_key()  # its focus: leadership
    seen = {key}

    def changed():
        new = workbook(cast).cache_key()
        assert new not in seen
        seen.add(new)

    # Nothing this partnership's workbook shows: the same key.
    other = make_partnership(cast.stranger, name="Another partnership")
    save_text(other, cell, cast.stranger, "Someone else's note", 0)
    mark_discussed(other, cast.stranger, ticked=cell.questions[:1], unticked=[])
    cast.partnership.touch()
    make_user("newcomer@example.org")
    save_text(cast.partnership, outside, cast.editor, "A note outside the focus", 0)
    mark_discussed(cast.partnership, cast.editor, ticked=outside.questions[:1], unticked=[])
    assert workbook(cast).cache_key() == key

    note = save_text(cast.partnership, cell, cast.editor, "We **meet** monthly.", 0)
    changed()
    save_text(cast.partnership, cell, cast.editor, "We **meet** weekly.", note.version)
    changed()
    set_status(cast.partnership, cell, cast.editor, NoteStatus.DONE)
    changed()
    before = workbook(cast).cache_key()
    mark_discussed(cast.partnership, cast.viewer, ticked=cell.questions[:1], unticked=[])
    changed()
    mark_discussed(cast.partnership, cast.viewer, ticked=[], unticked=cell.questions[:1])
    assert workbook(cast).cache_key() == before  # the same ticks as before: the same workbook


def test_the_cache_key_changes_with_the_members_on_the_cover(cast):
    seen = {workbook(cast).cache_key()}

    def changed():
        new = workbook(cast).cache_key()
        assert new not in seen
        seen.add(new)

    profile = cast.editor.profile
    profile.display_name = "Emma Bērziņa"
    profile.save()
    changed()
    profile.organisation = "Rīga City Council"
    profile.save()
    changed()
    membership = cast.membership(cast.viewer)
    membership.role = Role.EDITOR
    membership.save()
    changed()
    Membership.objects.create(partnership=cast.partnership, user=cast.stranger, role=Role.VIEWER)
    changed()
    cast.partnership.goal = "A new goal."
    cast.partnership.save()
    changed()
