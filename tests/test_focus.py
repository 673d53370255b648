"""Focus: only the chosen domains and/or stages, as matrix and reading list."""

import pytest
from django.urls import reverse

from .html import page, text

pytestmark = pytest.mark.django_db
MATRIX = "/en/model/"


def cells_shown(response):
    return [a["href"] for a in page(response).select("table.model-matrix a.cell-link")]


def reading_list(response):
    return [a["href"] for a in page(response).select("ol.reading-list a")]


def test_domains_and_stages_narrow_to_their_crossing(client):
    response = client.get(MATRIX + "?domains=leadership,communication&stages=planning")
    assert response.status_code == 200
    expected = ["/en/model/leadership/planning/", "/en/model/communication/planning/"]
    assert cells_shown(response) == expected
    assert reading_list(response) == expected
    assert "Your focus: 2 cells" in text(response)


def test_chosen_domains_keep_all_their_stages(client):
    response = client.get(MATRIX + "?domains=motivation")
    assert reading_list(response) == [
        f"/en/model/motivation/{stage}/"
        for stage in ["mapping", "planning", "implementation", "assessment"]
    ]


def test_chosen_stages_keep_all_domains(client):
    response = client.get(MATRIX + "?stages=assessment")
    assert len(reading_list(response)) == 5
    assert all(url.endswith("/assessment/") for url in reading_list(response))


def test_no_focus_shows_the_whole_model_without_a_reading_list(client):
    response = client.get(MATRIX)
    assert len(cells_shown(response)) == 20
    assert reading_list(response) == []


def test_the_form_ticks_the_current_choice(client):
    html = page(client.get(MATRIX + "?domains=leadership&stages=planning,assessment"))
    ticked = {box["value"] for box in html.select("input[type=checkbox][checked]")}
    assert ticked == {"leadership", "planning", "assessment"}


def test_plain_form_submission_redirects_to_the_short_address(client):
    response = client.get(MATRIX + "?domains=leadership&domains=communication&stages=planning")
    assert response.status_code == 302
    assert (
        response["Location"] == MATRIX + "?domains=leadership,communication&stages=planning#focus"
    )


def test_unknown_focus_values_get_a_clear_message_not_an_error(client):
    response = client.get(MATRIX + "?domains=leadership,trust&stages=someday")
    assert response.status_code == 400
    content = text(response)
    assert "There is a problem" in content
    assert "“trust” is not a domain of the model" in content
    assert "“someday” is not a stage of the model" in content
    summary_links = [a["href"] for a in page(response).select(".error-summary a")]
    assert summary_links == ["#id_domains_0", "#id_stages_0"]
    # The whole model stays available while the user corrects the choice.
    assert len(cells_shown(response)) == 20


def test_empty_focus_values_mean_the_whole_model(client):
    response = client.get(MATRIX + "?domains=&stages=", follow=True)
    assert response.redirect_chain == [(MATRIX + "#focus", 302)]
    assert len(cells_shown(response)) == 20


def test_matrix_url_name_resolves_to_the_focus_page():
    assert reverse("domains:matrix") == MATRIX
