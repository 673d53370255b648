"""The model as a toolkit on screen: a cell's tool and example, the warning signs, the glossary."""

import pytest
from django.urls import reverse

from domains.models import Cell, Domain, GlossaryTerm, GuidanceItem, Stage
from domains.toolkit import GlossaryLinks, note_skeleton

from .html import page

pytestmark = pytest.mark.django_db


def test_a_cell_page_shows_its_tool_example_and_core_questions(client):
    cell = Cell.objects.for_page().get(domain__slug="coordination", stage__slug="mapping")
    html = page(client.get(cell.get_absolute_url()))
    tool = html.select_one("section.tool")
    assert tool.h2.get_text() == "Tool: Resource table"
    headers = [th.get_text() for th in tool.select("table th")]
    assert headers[:3] == ["Partner", "Staff time", "Money"]
    assert tool.select("tbody tr")
    example = html.select_one("section.worked-example")
    assert "not a real case" in example.select_one(".example-label").get_text()
    assert cell.example.text[:40] in example.get_text()
    marked = [li for li in html.select("section.questions li") if li.select(".core-mark")]
    assert len(marked) == len(cell.core_questions)


def test_items_from_practice_say_so_and_credited_items_name_their_source(client):
    cell = Cell.objects.for_page().get(domain__slug="motivation", stage__slug="implementation")
    html = page(client.get(cell.get_absolute_url()))
    items = html.select("section.guidance li:not([id])")
    practice = [li for li in items if "(from practice)" in li.get_text()]
    credited = [li for li in items if li.select_one(".item-sources .visually-hidden")]
    assert len(practice) == sum(item.from_practice for item in cell.items.all())
    assert len(practice) + len(credited) == cell.items.count()


def test_the_warning_signs_page_links_every_warning_sign_to_its_cell(client):
    html = page(client.get(reverse("domains:warning_signs")))
    entries = {li.contents[0].strip(): li for li in html.select(".warning-list li")}
    warnings = GuidanceItem.objects.filter(kind=GuidanceItem.Kind.WARNING).select_related(
        "cell__domain", "cell__stage"
    )
    assert len(entries) == warnings.count()
    for warning in warnings:
        links = [a["href"] for a in entries[warning.text].select("a")]
        url = warning.cell.get_absolute_url()
        assert links == [url, url + "#questions-title"], warning
        group = entries[warning.text].find_parent("section").h2.get_text()
        assert group == warning.get_noticed_display()


def test_the_start_page_and_the_matrix_lead_to_warning_signs_and_glossary(client):
    for url in (reverse("domains:home"), reverse("domains:matrix")):
        links = [a["href"] for a in page(client.get(url)).select(".model-help-links a")]
        assert links == [reverse("domains:warning_signs"), reverse("domains:glossary")]


def glossary_links_on(client, url):
    return [a["href"] for a in page(client.get(url)).select("a.glossary-link")]


def test_the_glossary_lists_every_term_the_model_pages_link_to(client):
    urls = [cell.get_absolute_url() for cell in Cell.objects.all()]
    urls += [
        dimension.get_absolute_url() for dimension in [*Domain.objects.all(), *Stage.objects.all()]
    ]
    linked = {href for url in urls for href in glossary_links_on(client, url)}
    glossary = page(client.get(reverse("domains:glossary")))
    anchors = {f"{reverse('domains:glossary')}#{dt['id']}" for dt in glossary.select("dt[id]")}
    assert len(linked) >= 15
    assert linked <= anchors
    assert len(anchors) == GlossaryTerm.objects.count()


def test_a_term_is_linked_only_where_it_first_appears_on_a_page(client):
    cell = Cell.objects.get(domain__slug="coordination", stage__slug="planning")
    links = glossary_links_on(client, cell.get_absolute_url())
    assert len(links) == len(set(links))
    assert "/en/model/glossary/#term-steering-group" in links


def test_glossary_links_escape_the_text_around_them():
    term = GlossaryTerm(slug="steering-group", term="Steering group", forms="steering group")
    links = GlossaryLinks([term], "/g/")
    html = links("<b>Our Steering group</b> & the steering group")
    assert html == (
        '&lt;b&gt;Our <a href="/g/#term-steering-group" class="glossary-link">Steering group</a>'
        "&lt;/b&gt; &amp; the steering group"
    )
    assert links("steering group again") == "steering group again"


def test_a_note_gets_the_tool_as_a_list_to_fill_in():
    template = "**Aim:**\n\n| Partner | Money |\n|---|---|\n| | |\n| City | |"
    assert note_skeleton(template) == (
        "**Aim:**\n\n1. Partner:\n   - Money:\n2. Partner: City\n   - Money:\n"
    )


def test_the_sources_page_gives_the_addresses_and_explains_practice_advice(client):
    html = page(client.get(reverse("domains:sources")))
    hrefs = [a["href"] for a in html.select("cite a")]
    assert "https://www.riconfigure.eu" in hrefs
    assert "https://www.youtube.com/watch?v=pXVXvBXJ4tc" in hrefs
    assert "from practice" in html.get_text()
