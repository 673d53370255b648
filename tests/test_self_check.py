"""Anyone takes the quick self-check: rate each cell's statement, see where to start."""

import pytest
from django.urls import reverse

from domains.models import Cell

from .html import page, text

pytestmark = pytest.mark.django_db

URL = "/en/model/self-check/"


def name(cell):
    return f"{cell.domain.slug}--{cell.stage.slug}"


def test_the_check_asks_one_statement_per_cell_with_a_scale_and_dont_know(client):
    html = page(client.get(URL))
    cells = list(Cell.objects.for_matrix())
    for cell in cells:
        radios = html.select(f"input[name={name(cell)}]")
        assert [radio["value"] for radio in radios] == ["1", "2", "3", "4", "5", "unknown"]
        assert cell.statement in html.get_text(" ")
    assert html.find("form")["method"] == "get"
    assert "Nothing you answer is stored." in text(client.get(URL))


def test_answers_show_each_cells_band_and_where_to_start(client):
    cells = list(Cell.objects.for_matrix())
    answers = {name(cell): "5" for cell in cells}
    answers[name(cells[6])] = "1"
    answers[name(cells[2])] = "3"
    answers[name(cells[9])] = "unknown"
    response = client.get(URL, answers)
    assert response.status_code == 200
    html = page(response)
    start = [a["href"] for a in html.select(".where-to-start a")]
    assert start == [
        cells[6].get_absolute_url() + "#questions-title",
        cells[2].get_absolute_url() + "#questions-title",
    ]
    grid = html.select_one("#results table")
    assert grid.get_text(" ").count("Strength (5)") == 17
    assert "Concern (1)" in grid.get_text(" ")
    assert "Not rated" in grid.get_text(" ")
    # The answers stay in the form, to change and look again.
    assert html.select_one(f"input[name={name(cells[6])}][value='1']").has_attr("checked")


def test_nothing_rated_shows_no_results(client):
    response = client.get(URL, {name(Cell.objects.first()): "unknown"})
    assert response.status_code == 200
    assert page(response).select_one("#results") is None


def test_a_value_off_the_scale_is_explained_and_the_other_answers_kept(client):
    cells = list(Cell.objects.for_matrix())
    response = client.get(URL, {name(cells[0]): "9", name(cells[1]): "4"})
    assert response.status_code == 400
    html = page(response)
    assert html.select_one(".error-summary") is not None
    assert html.select_one(f"input[name={name(cells[1])}][value='4']").has_attr("checked")


def test_the_start_page_offers_the_check(client):
    html = page(client.get(reverse("domains:home")))
    assert html.find("a", href=reverse("assessments:self_check"))
