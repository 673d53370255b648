"""The public model browser: every page answers and shows its content."""

import pytest
from django.urls import reverse

from domains.models import Cell, Domain, GuidanceItem, Stage

from .html import page, text

pytestmark = pytest.mark.django_db


def test_overview_explains_the_model_and_credits_healthy_boost(client):
    response = client.get("/en/")
    assert response.status_code == 200
    content = text(response)
    for domain in Domain.objects.all():
        assert domain.name in content
    for stage in Stage.objects.all():
        assert stage.name in content
    assert "Three ways to use it" in content
    assert "Sign up to keep notes" in content
    assert "Healthy Boost" in content
    assert "INTERREG Baltic Sea Region" in content


def test_matrix_is_a_table_with_domains_as_rows_and_stages_as_columns(client):
    response = client.get(reverse("domains:matrix"))
    assert response.status_code == 200
    table = page(response).find("table", class_="model-matrix")
    column_headers = [th.get_text(strip=True) for th in table.select("thead th[scope=col]")]
    row_headers = [th.get_text(strip=True) for th in table.select("tbody th[scope=row]")]
    assert column_headers == list(Stage.objects.values_list("name", flat=True))
    assert row_headers == list(Domain.objects.values_list("name", flat=True))
    links = {a["href"] for a in table.select("a.cell-link")}
    assert links == {cell.get_absolute_url() for cell in Cell.objects.for_matrix()}
    for cell in Cell.objects.all():
        assert cell.purpose in table.get_text()


@pytest.mark.parametrize("model", [Domain, Stage])
def test_domain_and_stage_pages_show_definition_and_their_cells(client, model):
    for dimension in model.objects.all():
        response = client.get(dimension.get_absolute_url())
        assert response.status_code == 200
        content = text(response)
        assert dimension.definition.split("\n\n")[0][:80] in content
        cells = dimension.cells.all()
        assert len(cells) == (4 if model is Domain else 5)
        for cell in cells:
            assert cell.purpose in content


def test_cell_page_shows_all_its_guidance_and_credits_its_sources(client):
    for cell in Cell.objects.for_page():
        response = client.get(cell.get_absolute_url())
        assert response.status_code == 200
        html = page(response)
        assert len(html.find_all("h1")) == 1
        # Glossary links sit inside the texts: read the words as they run, links included.
        content = " ".join(html.find("main").get_text().split())
        assert cell.purpose in content
        assert cell.introduction in content
        for item in cell.items.all():
            assert item.text in content
        for source in cell.sources:
            assert source.title in html.find(id="sources-title").parent.get_text()


@pytest.mark.parametrize(
    "url",
    [
        "/en/model/domains/trust/",
        "/en/model/stages/dreaming/",
        "/en/model/leadership/dreaming/",
        "/en/model/trust/mapping/",
    ],
)
def test_unknown_slugs_give_a_friendly_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "We could not find that page" in text(response)
    assert page(response).find("a", href=reverse("domains:matrix"))


def follow(client, cell, neighbour):
    """The cells reached by following one kind of neighbour link from ``cell`` to the end."""
    visited = [cell.get_absolute_url()]
    url = cell.get_absolute_url()
    while True:
        link = page(client.get(url)).find("a", attrs={"data-neighbour": neighbour})
        if link is None:
            return visited
        url = link["href"]
        visited.append(url)


def test_neighbour_links_walk_every_row_both_ways(client):
    for domain in Domain.objects.all():
        row = [cell.get_absolute_url() for cell in Cell.objects.for_matrix().filter(domain=domain)]
        assert (
            follow(
                client,
                Cell.objects.for_matrix().get(domain=domain, stage__position=1),
                "next-stage",
            )
            == row
        )
        assert (
            follow(
                client,
                Cell.objects.for_matrix().get(domain=domain, stage__position=4),
                "previous-stage",
            )
            == row[::-1]
        )


def test_neighbour_links_walk_every_column_both_ways(client):
    for stage in Stage.objects.all():
        column = [cell.get_absolute_url() for cell in Cell.objects.for_matrix().filter(stage=stage)]
        assert (
            follow(
                client,
                Cell.objects.for_matrix().get(stage=stage, domain__position=1),
                "next-domain",
            )
            == column
        )
        assert (
            follow(
                client,
                Cell.objects.for_matrix().get(stage=stage, domain__position=5),
                "previous-domain",
            )
            == column[::-1]
        )


def test_every_public_page_has_exactly_one_h1_and_a_skip_link(client):
    urls = ["/en/", reverse("domains:matrix"), reverse("domains:sources")]
    urls += [d.get_absolute_url() for d in Domain.objects.all()]
    urls += [s.get_absolute_url() for s in Stage.objects.all()]
    for url in urls:
        html = page(client.get(url))
        assert len(html.find_all("h1")) == 1, url
        assert html.find("a", class_="skip-link")["href"] == "#main"
        assert html.find("main", id="main")
        assert html.html["lang"] == "en"


def add_content():
    """More guidance in every cell, to show query counts do not grow with content."""
    for cell in Cell.objects.all():
        for position in range(20, 30):
            GuidanceItem.objects.create(
                cell=cell,
                kind=GuidanceItem.Kind.PRACTICE,
                position=position,
                text=f"Extra {position}",
            )


def test_matrix_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    # Its own three, and the model's content version (domains/page_cache.py).
    with django_assert_num_queries(4):
        client.get(reverse("domains:matrix"))
    add_content()
    with django_assert_num_queries(4):
        client.get(reverse("domains:matrix") + "?domains=leadership,motivation")


def test_cell_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    url = reverse("domains:cell", args=["communication", "planning"])
    with django_assert_num_queries(7):  # its own six, and the model's content version
        client.get(url)
    add_content()  # renews the content version: rendered again, with the new content
    with django_assert_num_queries(7):
        client.get(url)


def test_pages_send_a_strict_content_security_policy(client):
    policy = client.get("/en/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy
