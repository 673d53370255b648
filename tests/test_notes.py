"""The shared workbook: notes per partnership and cell, saved without losing a word."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import DatabaseError
from django.urls import reverse

from domains.models import Cell
from notes.editing import EditConflict, mark_discussed, save_text, set_status
from notes.models import (
    NOTE_MAX_LENGTH,
    REVISIONS_KEPT,
    DiscussedQuestion,
    Note,
    NoteStatus,
    Revision,
)
from partnerships.models import Partnership

from .html import page, text
from .note_cell import DOMAIN, STAGE, url
from .people import make_user

pytestmark = pytest.mark.django_db


def save(client, cast, text, base_version, *, autosave=False):
    headers = {"X-Autosave": "1"} if autosave else {}
    return client.post(
        url(cast, "save_note"), {"text": text, "base_version": base_version}, headers=headers
    )


def test_an_editor_writes_a_note_and_everyone_sees_it(client, cast, cell):
    client.force_login(cast.editor)
    response = save(client, cast, "We meet **every** Tuesday.", 0)
    assert response.status_code == 302
    assert response["Location"] == url(cast) + "#note-saved"

    client.force_login(cast.viewer)
    html = page(client.get(url(cast)))
    assert html.select_one(".note-text strong").get_text() == "every"
    assert "Last edited by Emma" in text(client.get(url(cast)))


def test_autosave_answers_with_the_new_version_and_time(client, cast):
    client.force_login(cast.editor)
    response = save(client, cast, "First words", 0, autosave=True)
    assert response.status_code == 200
    assert response.json()["version"] == 1
    assert response.json()["saved_at"].count(":") == 1
    response = save(client, cast, "First words and more", 1, autosave=True)
    assert response.json()["version"] == 2


def test_a_stale_save_gets_the_conflict_page_with_both_texts(client, cast, cell):
    client.force_login(cast.facilitator)
    save(client, cast, "Fiona's text", 0)
    client.force_login(cast.editor)
    response = save(client, cast, "Emma's text, typed meanwhile", 0)
    assert response.status_code == 409
    html = page(response)
    assert (
        # A browser drops the newline that may open a textarea's content.
        html.find("textarea", attrs={"name": "text"}).get_text().removeprefix("\n")
        == "Emma's text, typed meanwhile"
    )
    assert html.find("textarea", id="current-text").get_text() == "Fiona's text"
    assert html.find("input", attrs={"name": "base_version"})["value"] == "1"
    assert Note.objects.get().text == "Fiona's text"

    # Saving from the conflict page (now based on version 1) succeeds.
    save(client, cast, "Fiona's text\n\nEmma's text, typed meanwhile", 1)
    assert Note.objects.get().text == "Fiona's text\n\nEmma's text, typed meanwhile"


def test_a_stale_autosave_is_refused_with_409(client, cast):
    client.force_login(cast.facilitator)
    save(client, cast, "Fiona's text", 0, autosave=True)
    client.force_login(cast.editor)
    response = save(client, cast, "Emma's text", 0, autosave=True)
    assert response.status_code == 409
    assert response.json() == {"conflict": True, "version": 1}
    assert Note.objects.get().text == "Fiona's text"


def test_keeping_the_current_version_changes_nothing(client, cast):
    client.force_login(cast.facilitator)
    save(client, cast, "Fiona's text", 0)
    client.force_login(cast.editor)
    response = client.post(
        url(cast, "save_note"), {"text": "mine", "base_version": 1, "resolution": "keep-current"}
    )
    assert response["Location"] == url(cast) + "#note-saved"
    assert Note.objects.get().text == "Fiona's text"
    assert Note.objects.get().version == 1


def test_a_note_over_the_size_limit_is_refused_and_kept_in_the_form(client, cast):
    client.force_login(cast.editor)
    long_text = "word " * (NOTE_MAX_LENGTH // 5) + "end"
    response = save(client, cast, long_text, 0)
    assert response.status_code == 400
    html = page(response)
    # A browser drops the newline that starts a textarea's content, as Django's widget writes it.
    assert html.find("textarea", attrs={"name": "text"}).get_text().removeprefix("\n") == long_text
    assert "the limit is 100,000" in html.select_one(".error-summary").get_text()
    assert html.select_one(".error-summary a")["href"] == "#id_text"
    assert not Note.objects.exists()

    response = save(client, cast, long_text, 0, autosave=True)
    assert response.status_code == 400
    assert "the limit is 100,000" in response.json()["errors"][0]


def test_line_breaks_count_as_one_character_as_they_are_stored(client, cast):
    """Browsers send each line break as two characters; the limit counts the stored text."""
    client.force_login(cast.editor)
    lines = "line\r\n" * (NOTE_MAX_LENGTH // len("line\n"))  # exactly the limit, stored
    assert len(lines) > NOTE_MAX_LENGTH >= len(lines.replace("\r\n", "\n"))
    assert save(client, cast, lines, 0).status_code == 302
    assert Note.objects.get().text == lines.replace("\r\n", "\n")


def test_viewers_read_but_get_no_editor_and_cannot_write(client, cast, cell):
    save_text(cast.partnership, cell, cast.editor, "Agreed plan", 0)
    client.force_login(cast.viewer)
    html = page(client.get(url(cast)))
    assert html.find("textarea") is None
    assert html.find("form", action=url(cast, "questions")) is None
    assert html.find("form", action=url(cast, "status")) is None
    assert html.find("script", src="/static/django_htmx/htmx-2.min.js") is None
    assert "Agreed plan" in html.select_one(".note-text").get_text()
    question = cell.questions[0]
    for name, data in [
        ("save_note", {"text": "forged", "base_version": 1}),
        ("status", {"status": NoteStatus.DONE}),
        ("questions", {"discussed": [question.pk]}),
    ]:
        assert client.post(url(cast, name), data).status_code == 403
    assert client.post(url(cast, "restore", 1), {"base_version": 1}).status_code == 403
    assert Note.objects.get().text == "Agreed plan"
    assert not DiscussedQuestion.objects.exists()


def test_an_archived_partnership_is_read_only(client, cast, cell):
    cast.partnership.archived_at = cast.partnership.created_at
    cast.partnership.save()
    client.force_login(cast.editor)
    assert page(client.get(url(cast))).find("textarea") is None
    assert save(client, cast, "too late", 0).status_code == 403


def test_history_keeps_each_save_and_quick_saves_by_one_author_fold(cast, cell):
    note = save_text(cast.partnership, cell, cast.editor, "one", 0)
    note = save_text(cast.partnership, cell, cast.editor, "one two", note.version)
    assert Revision.objects.count() == 1
    assert Revision.objects.get().text == "one two"
    assert Revision.objects.get().version == 2

    # Another author starts a new revision.
    note = save_text(cast.partnership, cell, cast.facilitator, "one two three", note.version)
    assert Revision.objects.count() == 2

    # The same author again, but after the fold window: a new revision too.
    Revision.objects.filter(version=note.version).update(
        saved_at=note.updated_at - timedelta(minutes=6)
    )
    save_text(cast.partnership, cell, cast.facilitator, "one two three four", note.version)
    assert list(Revision.objects.values_list("text", flat=True)) == [
        "one two three four",
        "one two three",
        "one two",
    ]


def test_saving_the_same_text_again_makes_no_new_version(cast, cell):
    note = save_text(cast.partnership, cell, cast.editor, "same", 0)
    assert save_text(cast.partnership, cell, cast.editor, "same", note.version).version == 1


def test_history_page_lists_revisions_and_shows_what_changed(client, cast, cell):
    note = save_text(cast.partnership, cell, cast.editor, "We meet monthly.\nAna chairs.", 0)
    save_text(
        cast.partnership, cell, cast.facilitator, "We meet weekly.\nAna chairs.", note.version
    )
    client.force_login(cast.viewer)
    response = client.get(url(cast, "history"))
    rows = page(response).select("tbody tr")
    assert [row.th.get_text(" ", strip=True) for row in rows] == ["2 current", "1"]
    assert "Fiona Facilitator" in rows[0].get_text()

    html = page(client.get(url(cast, "history"), {"from": 1, "to": 2}))
    assert [line.get_text() for line in html.select(".diff del")] == ["We meet monthly."]
    assert [line.get_text() for line in html.select(".diff ins")] == ["We meet weekly."]

    response = client.get(url(cast, "history"), {"from": 1, "to": 99})
    assert response.status_code == 400
    html = page(response)
    summary = html.select_one(".error-summary a[href='#id_to']")
    assert (
        summary.get_text()
        == "To version: There is no version 99 of this note. Choose one from the list."
    )
    assert html.select_one("#id_to")["aria-invalid"] == "true"
    assert html.select_one("#id_to")["aria-describedby"] == "id_to_error"
    assert "no version 99" in html.select_one("#id_to_error").get_text()


def test_restoring_an_old_revision_makes_it_the_newest(client, cast, cell):
    note = save_text(cast.partnership, cell, cast.editor, "first plan", 0)
    note = save_text(cast.partnership, cell, cast.facilitator, "second plan", note.version)
    client.force_login(cast.editor)
    response = client.post(url(cast, "restore", 1), {"base_version": note.version})
    assert response.status_code == 302
    note.refresh_from_db()
    assert (note.text, note.version) == ("first plan", 3)
    newest = Revision.objects.first()
    assert (newest.version, newest.restored_from, newest.author) == (3, 1, cast.editor)
    assert Revision.objects.count() == 3


def test_restores_over_and_over_fold_and_never_hide_the_typed_version(client, cast, cell):
    note = save_text(cast.partnership, cell, cast.editor, "first plan", 0)
    note = save_text(cast.partnership, cell, cast.facilitator, "second plan", note.version)
    client.force_login(cast.editor)
    for _ in range(10):
        for version in (1, 2):
            note.refresh_from_db()
            client.post(url(cast, "restore", version), {"base_version": note.version})
    note.refresh_from_db()
    assert note.text == "second plan"
    # The two typed versions, then one revision for the run of restores.
    assert list(Revision.objects.values_list("text", "restored_from")) == [
        ("second plan", 2),
        ("second plan", None),
        ("first plan", None),
    ]


def test_restoring_the_current_text_changes_nothing(client, cast, cell):
    note = save_text(cast.partnership, cell, cast.editor, "first plan", 0)
    note = save_text(cast.partnership, cell, cast.facilitator, "first plan\n", note.version)
    note = save_text(cast.partnership, cell, cast.facilitator, "first plan", note.version)
    client.force_login(cast.editor)
    response = client.post(url(cast, "restore", 1), {"base_version": note.version}, follow=True)
    assert "has the same text as the current version: nothing changed" in text(response)
    assert Note.objects.get().version == note.version


def test_a_note_keeps_its_newest_revisions_only(client, cast, cell):
    authors = [cast.editor, cast.facilitator]  # alternating authors: no save folds
    note = Note(version=0)
    for number in range(REVISIONS_KEPT + 5):
        note = save_text(cast.partnership, cell, authors[number % 2], f"v{number}", note.version)
    versions = list(Revision.objects.values_list("version", flat=True))
    assert versions == list(range(REVISIONS_KEPT + 5, 5, -1))
    client.force_login(cast.viewer)
    assert f"The {REVISIONS_KEPT} newest versions are kept." in text(
        client.get(url(cast, "history"))
    )


def test_restoring_from_a_stale_history_page_restores_nothing(client, cast, cell):
    note = save_text(cast.partnership, cell, cast.editor, "first plan", 0)
    note = save_text(cast.partnership, cell, cast.facilitator, "second plan", note.version)
    client.force_login(cast.editor)
    response = client.post(url(cast, "restore", 1), {"base_version": 1}, follow=True)
    assert "Nothing was restored" in text(response)
    assert Note.objects.get().text == "second plan"


def test_a_deleted_authors_work_stays_as_by_a_former_member(client, cast, cell):
    save_text(cast.partnership, cell, cast.editor, "Emma's plan", 0)
    cast.editor.delete()
    client.force_login(cast.viewer)
    assert "Last edited by a former member" in text(client.get(url(cast)))
    assert (
        "a former member" in page(client.get(url(cast, "history"))).select_one("tbody").get_text()
    )


def test_ticks_and_unticks_from_two_members_do_not_overwrite_each_other(client, cast, cell):
    first, second, third = cell.questions[:3]
    DiscussedQuestion.objects.create(partnership=cast.partnership, question=third)
    # Both pages showed only the third question ticked.
    client.force_login(cast.editor)
    client.post(url(cast, "questions"), {"discussed": [first.pk, third.pk], "shown": [third.pk]})
    client.force_login(cast.facilitator)
    client.post(url(cast, "questions"), {"discussed": [second.pk], "shown": [third.pk]})
    ticked = set(DiscussedQuestion.objects.values_list("question", flat=True))
    assert ticked == {first.pk, second.pk}


def test_the_cell_page_shows_which_questions_were_discussed(client, cast, cell):
    DiscussedQuestion.objects.create(partnership=cast.partnership, question=cell.questions[1])
    client.force_login(cast.editor)
    html = page(client.get(url(cast)))
    checked = [box["value"] for box in html.select("input[name=discussed][checked]")]
    assert checked == [str(cell.questions[1].pk)]
    assert f"1 of {len(cell.questions)} questions discussed" in html.get_text(" ", strip=True)


def test_status_is_set_by_members_and_shown_on_the_matrix(client, cast, cell):
    client.force_login(cast.editor)
    response = client.post(url(cast, "status"), {"status": NoteStatus.DONE})
    assert response.status_code == 302
    client.post(url(cast, "questions"), {"discussed": [cell.questions[0].pk]})
    client.force_login(cast.viewer)
    matrix = page(client.get(cast.partnership.get_absolute_url()))
    progress = matrix.find("a", href=url(cast)).get_text(" ", strip=True)
    assert "Done" in progress
    assert f"1 of {len(cell.questions)} questions discussed" in progress
    assert "Last edited by Emma" in progress


def test_the_partnership_matrix_narrows_to_the_focus(client, cast):
    client.force_login(cast.viewer)
    response = client.get(cast.partnership.get_absolute_url(), {"stages": "assessment"})
    links = page(response).select("table.progress-grid a.progress-cell")
    assert len(links) == 5
    assert all(link["href"].endswith("/assessment/") for link in links)


def test_bad_status_or_question_values_are_refused_clearly(client, cast, cell):
    client.force_login(cast.editor)
    assert client.post(url(cast, "status"), {"status": "finished"}).status_code == 400
    assert client.post(url(cast, "questions"), {"discussed": ["999999"]}).status_code == 400
    assert (
        client.post(url(cast, "save_note"), {"text": "x", "base_version": "?"}).status_code == 400
    )


XSS = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
]


@pytest.mark.parametrize("payload", XSS)
def test_user_text_is_inert_on_every_page_that_shows_it(client, cast, cell, payload):
    note = save_text(cast.partnership, cell, cast.editor, payload, 0)
    client.force_login(cast.editor)
    pages = [client.get(url(cast)), client.get(url(cast, "history"))]
    pages.append(save(client, cast, payload + " again", 0))  # the conflict page
    assert pages[-1].status_code == 409
    for response in pages:
        html = page(response)
        sources = [script.get("src", "") for script in html.find_all("script")]
        assert all(src.startswith(("/static/", "/en/jsi18n/")) for src in sources), sources
        assert html.main.find_all(["img", "svg"]) == []  # the header has the site's logo
        assert html.select("[onerror], [onload], a[href^=javascript]") == []
    assert note.text == payload


def test_stale_save_in_the_service_raises_a_conflict_with_the_current_note(cast, cell):
    save_text(cast.partnership, cell, cast.editor, "first", 0)
    with pytest.raises(EditConflict) as conflict:
        save_text(cast.partnership, cell, cast.facilitator, "other", 0)
    assert conflict.value.current.text == "first"


def fill_partnership(cast, cells):
    """Notes with several revisions in many cells, more members and ticks."""
    for number in range(6):
        cast.partnership.memberships.create(
            user=make_user(f"extra{number}@example.org"), role="editor"
        )
    for cell in cells:
        note = save_text(cast.partnership, cell, cast.editor, f"Note on {cell}", 0)
        save_text(cast.partnership, cell, cast.facilitator, f"Note on {cell}, again", note.version)
        for question in cell.questions[:2]:
            DiscussedQuestion.objects.get_or_create(partnership=cast.partnership, question=question)


def test_the_partnership_matrix_runs_a_fixed_number_of_queries(
    client, cast, django_assert_num_queries
):
    client.force_login(cast.viewer)
    matrix = cast.partnership.get_absolute_url()
    with django_assert_num_queries(13):
        client.get(matrix)
    fill_partnership(cast, Cell.objects.for_page())
    with django_assert_num_queries(13):
        response = client.get(matrix)
    assert text(response).count("2 of ") == 20


def test_the_cell_and_history_pages_run_a_fixed_number_of_queries(
    client, cast, cell, django_assert_num_queries
):
    client.force_login(cast.editor)
    with django_assert_num_queries(11):
        client.get(url(cast))
    with django_assert_num_queries(7):
        client.get(url(cast, "history"))
    fill_partnership(cast, Cell.objects.for_page())
    for number in range(5):
        note = Note.objects.get(cell=cell)
        save_text(
            cast.partnership,
            cell,
            [cast.editor, cast.viewer][number % 2],
            str(number),
            note.version,
        )
    with django_assert_num_queries(11):
        client.get(url(cast))
    with django_assert_num_queries(7):
        assert len(page(client.get(url(cast, "history"))).select("tbody tr")) == 7


def test_download_my_data_includes_the_notes_i_wrote(client, cast, cell):
    note = save_text(cast.partnership, cell, cast.editor, "Emma's words", 0)
    save_text(cast.partnership, cell, cast.facilitator, "Fiona's words", note.version)
    client.force_login(cast.editor)
    data = client.get(reverse("accounts:data")).json()
    assert [(r["cell"], r["text"]) for r in data["note_revisions"]] == [
        ("communication/planning", "Emma's words")
    ]


def test_a_public_cell_page_links_to_the_same_cell_in_my_partnerships(client, cast):
    public_cell = reverse("domains:cell", args=[DOMAIN, STAGE])
    assert "Write notes on this cell" not in client.get(public_cell).content.decode()
    client.force_login(cast.viewer)
    links = page(client.get(public_cell)).select("aside a")
    assert [(a.get_text(), a["href"]) for a in links] == [(cast.partnership.name, url(cast))]
    cast.partnership.archived_at = cast.partnership.created_at
    cast.partnership.save()
    assert page(client.get(public_cell)).select("aside a") == []


def test_a_status_change_that_fails_half_way_changes_nothing(cast, cell):
    with (
        mock.patch.object(Partnership, "touch", side_effect=DatabaseError("lost")),
        pytest.raises(DatabaseError),
    ):
        set_status(cast.partnership, cell, cast.editor, NoteStatus.DONE)
    assert not Note.objects.exists()


@pytest.mark.parametrize(
    "activity",
    [
        lambda cast, cell: save_text(cast.partnership, cell, cast.editor, "Words", 0),
        lambda cast, cell: set_status(cast.partnership, cell, cast.editor, NoteStatus.DONE),
        lambda cast, cell: mark_discussed(
            cast.partnership, cast.editor, ticked=cell.questions[:1], unticked=[]
        ),
    ],
    ids=["note", "status", "ticks"],
)
def test_work_on_a_cell_is_the_partnerships_last_activity(cast, cell, activity):
    Partnership.objects.filter(pk=cast.partnership.pk).update(
        last_activity_at=cast.partnership.created_at - timedelta(days=1)
    )
    activity(cast, cell)
    cast.partnership.refresh_from_db()
    assert cast.partnership.last_activity_at > cast.partnership.created_at
