"""A partnership's workspace: its home as a progress dashboard, the cell page's preview, and the
small forms htmx sends in the background, each still a plain form without JavaScript."""

import pytest
from django.db.models import Count, Q

from domains.models import Cell, GuidanceItem
from notes.editing import mark_discussed, save_text, set_status
from notes.models import NOTE_MAX_LENGTH, DiscussedQuestion, Note, NoteStatus
from notes.progress import RECENT_SAVES

from .html import page, text
from .note_cell import url

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def cell_at(domain, stage):
    return Cell.objects.for_page().get(domain__slug=domain, stage__slug=stage)


@pytest.fixture
def worked_on(cast):
    """Three cells started (one done), four questions discussed."""
    leadership = cell_at("leadership", "planning")
    communication = cell_at("communication", "planning")
    motivation = cell_at("motivation", "assessment")
    save_text(cast.partnership, leadership, cast.editor, "We meet monthly.", 0)
    set_status(cast.partnership, leadership, cast.editor, NoteStatus.DONE)
    set_status(cast.partnership, communication, cast.facilitator, NoteStatus.IN_PROGRESS)
    set_status(cast.partnership, motivation, cast.facilitator, NoteStatus.IN_PROGRESS)
    mark_discussed(
        cast.partnership,
        cast.editor,
        ticked=[*leadership.questions[:3], communication.questions[0]],
        unticked=[],
    )
    return leadership


def test_the_dashboard_sums_up_the_partnership_s_progress(client, cast, worked_on):
    questions = GuidanceItem.objects.filter(kind=GuidanceItem.Kind.QUESTION).count()
    client.force_login(cast.viewer)
    response = client.get(cast.partnership.get_absolute_url())
    assert f"3 of 20 cells started, 1 done; 4 of {questions} questions discussed." in text(response)


def test_the_summary_counts_only_the_cells_in_focus(client, cast, worked_on):
    questions = (
        Cell.objects.filter(stage__slug="planning")
        .aggregate(n=Count("items", filter=Q(items__kind=GuidanceItem.Kind.QUESTION)))
        .get("n")
    )
    client.force_login(cast.viewer)
    response = client.get(cast.partnership.get_absolute_url(), {"stages": "planning"})
    assert f"2 of 5 cells started, 1 done; 4 of {questions} questions discussed." in text(response)
    # The focus filter is open when a focus is chosen, and says what it is.
    focus = page(response).find("details", class_="focus-filter")
    assert focus.has_attr("open")
    assert focus.find("summary").get_text(" ", strip=True).startswith("Focus: 5 cells")


def test_each_cell_of_the_grid_names_its_status_and_links_to_its_page(client, cast, worked_on):
    client.force_login(cast.viewer)
    html = page(client.get(cast.partnership.get_absolute_url()))
    cells = html.select("table.progress-grid a.progress-cell")
    assert len(cells) == 20
    done = html.find("a", href=url(cast).replace("communication", "leadership"))
    words = done.get_text(" ", strip=True)
    assert words.startswith("Leadership · Planning:")
    assert "Done" in words  # the status as a word, not a colour only
    assert f"3 of {len(worked_on.questions)} questions discussed" in words
    assert "Last edited by Emma" in words
    assert done.find("time")["datetime"].count("-") == 2  # a date HTML accepts
    labels = [cell.select_one(".status-badge").get_text() for cell in cells]
    assert labels.count("Done") == 1
    assert labels.count("In progress") == 2
    assert labels.count("Not started") == 17


def test_the_grid_comes_before_the_partnership_s_details(client, cast, worked_on):
    client.force_login(cast.viewer)
    html = page(client.get(cast.partnership.get_absolute_url()))
    grid = html.find("table", class_="progress-grid")
    about = html.find("details", class_="partnership-about")
    assert grid.find_next("details", class_="partnership-about") is about
    assert about.find(string=cast.partnership.goal)
    assert not about.has_attr("open")


def test_recent_notes_list_the_latest_saves_with_who_and_when(client, cast, worked_on):
    client.force_login(cast.viewer)
    html = page(client.get(cast.partnership.get_absolute_url()))
    recent = html.find("section", class_="recent-saves")
    [item] = recent.select("li")
    assert item.find("a").get_text() == "Leadership · Planning"
    assert "Emma" in item.get_text()
    assert item.find("time")["datetime"]


def test_recent_notes_are_bounded(client, cast):
    for cell in Cell.objects.for_page()[: RECENT_SAVES + 3]:
        save_text(cast.partnership, cell, cast.editor, f"On {cell}", 0)
    client.force_login(cast.viewer)
    html = page(client.get(cast.partnership.get_absolute_url()))
    assert len(html.select(".recent-saves li")) == RECENT_SAVES


def test_a_new_partnership_is_told_where_to_start(client, cast):
    client.force_login(cast.viewer)
    response = client.get(cast.partnership.get_absolute_url())
    assert "0 of 20 cells started, 0 done;" in text(response)
    assert "No note has been written yet." in text(response)


# The preview: the same renderer as a save, for editors only, within the length limit.


def preview(client, cast, note_text, headers=HTMX):
    return client.post(
        url(cast, "preview"), {"text": note_text, "base_version": 0}, headers=headers
    )


def test_the_preview_shows_the_formatted_note_without_saving_it(client, cast, cell):
    client.force_login(cast.editor)
    response = preview(client, cast, "We meet **every** Tuesday.\n\n- one\n- two")
    assert response.status_code == 200
    html = page(response)
    assert html.select_one("#note-preview strong").get_text() == "every"
    assert len(html.select("#note-preview li")) == 2
    assert html.find("main") is None  # the part, not the page
    assert not Note.objects.exists()


@pytest.mark.parametrize(
    "payload", ["<script>alert(1)</script>", "[x](javascript:alert(1))", "<img src=x onerror=1>"]
)
def test_the_preview_is_sanitised(client, cast, cell, payload):
    client.force_login(cast.editor)
    html = page(preview(client, cast, payload))
    assert html.find_all(["script", "img"]) == []
    assert html.select("[onerror], a[href^=javascript]") == []


def test_the_preview_refuses_a_note_over_the_length_limit(client, cast, cell):
    client.force_login(cast.editor)
    response = preview(client, cast, "x" * (NOTE_MAX_LENGTH + 1))
    assert response.status_code == 400
    assert "within the length limit" in response.content.decode()


def test_without_javascript_the_preview_button_shows_the_page_with_the_text_kept(
    client, cast, cell
):
    client.force_login(cast.editor)
    response = preview(client, cast, "Draft with *emphasis*", headers={})
    assert response.status_code == 200
    html = page(response)
    assert html.find("textarea", attrs={"name": "text"}).get_text().strip() == (
        "Draft with *emphasis*"
    )
    assert html.select_one("#note-preview em").get_text() == "emphasis"
    assert html.find("input", attrs={"name": "base_version"})["value"] == "0"
    assert not Note.objects.exists()


def test_without_javascript_a_too_long_preview_keeps_the_text_and_says_why(client, cast, cell):
    client.force_login(cast.editor)
    long_text = "word " * (NOTE_MAX_LENGTH // 5) + "end"
    response = preview(client, cast, long_text, headers={})
    assert response.status_code == 400
    html = page(response)
    assert html.find(attrs={"data-error-summary": True})
    assert html.find("textarea", attrs={"name": "text"}).get_text().removeprefix("\n") == long_text


def test_the_editor_asks_for_the_preview_as_the_writer_types(client, cast, cell):
    client.force_login(cast.editor)
    textarea = page(client.get(url(cast))).find("textarea", attrs={"name": "text"})
    assert textarea["data-hx-post"] == url(cast, "preview")
    assert textarea["data-hx-target"] == "#note-preview"


# Ticks and status: htmx gets the form back as a part; without JavaScript, a redirect.


def test_a_tick_sent_by_htmx_answers_with_the_ticks_form(client, cast, cell):
    client.force_login(cast.editor)
    first = cell.questions[0]
    response = client.post(url(cast, "questions"), {"discussed": [first.pk]}, headers=HTMX)
    assert response.status_code == 200
    html = page(response)
    assert html.find("main") is None
    assert [box["value"] for box in html.select("input[name=discussed][checked]")] == [
        str(first.pk)
    ]
    assert [box["value"] for box in html.select("input[name=shown]")] == [str(first.pk)]
    assert html.find(id="ticks-said").get_text() == "Saved."
    assert f"1 of {len(cell.questions)} questions discussed" in html.get_text(" ", strip=True)
    assert DiscussedQuestion.objects.filter(question=first).exists()


def test_a_tick_without_javascript_redirects_to_the_questions(client, cast, cell):
    client.force_login(cast.editor)
    response = client.post(url(cast, "questions"), {"discussed": [cell.questions[0].pk]})
    assert response.status_code == 302
    assert response["Location"] == url(cast) + "#questions"


def test_a_status_sent_by_htmx_answers_with_the_status_form(client, cast, cell):
    client.force_login(cast.editor)
    response = client.post(url(cast, "status"), {"status": NoteStatus.DONE}, headers=HTMX)
    assert response.status_code == 200
    html = page(response)
    assert html.find("main") is None
    assert html.select_one("select[name=status] option[selected]")["value"] == "done"
    assert html.find(id="status-said").get_text() == "Status set to “Done”."
    assert Note.objects.get().status == NoteStatus.DONE


def test_a_bad_status_sent_by_htmx_comes_back_with_its_error(client, cast, cell):
    client.force_login(cast.editor)
    response = client.post(url(cast, "status"), {"status": "finished"}, headers=HTMX)
    assert response.status_code == 400
    html = page(response)
    assert html.select_one("select[name=status].is-invalid")
    assert "Select a valid choice. finished is not one of the available choices." in html.get_text()


def test_the_ticks_and_status_forms_work_as_plain_forms(client, cast, cell):
    """Each form a browser without JavaScript sends: its own action, method and button."""
    client.force_login(cast.editor)
    html = page(client.get(url(cast)))
    for name, button in [("questions", "Save the ticks"), ("status", "Set status")]:
        form = html.find("form", action=url(cast, name))
        assert form["method"] == "post"
        assert form["data-hx-post"] == url(cast, name)
        assert form.find("button", type="submit").get_text(strip=True) == button
        assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})


def test_source_credits_are_numbers_not_links_and_listed_once(client, cast, cell):
    client.force_login(cast.editor)
    html = page(client.get(url(cast)))
    questions = html.find("section", id="questions")
    assert questions.select(".item-sources a") == []
    assert questions.select(".item-sources")
    sources = html.find("section", class_="sources")
    assert len(sources.select("ol li")) == len(cell.sources)


def test_the_dashboard_leads_to_the_warning_signs_and_the_glossary(client, cast):
    client.force_login(cast.viewer)
    html = page(client.get(cast.partnership.get_absolute_url()))
    links = {a["href"] for a in html.find("section", class_="dashboard").find_all("a")}
    assert {"/en/model/warning-signs/", "/en/model/glossary/"} <= links
