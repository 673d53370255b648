"""Content editors keep the model up to date in the admin: cells with their items, in order."""

import pytest
from django.contrib.auth import get_user_model

from domains.models import Cell, GuidanceItem
from notes.models import DiscussedQuestion

from .html import page, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw-12345678")
    client.force_login(admin)
    return client


def test_a_cell_is_edited_with_its_guidance_items_inline(editor_client):
    cell = Cell.objects.get(domain__slug="leadership", stage__slug="mapping")
    response = editor_client.get(f"/admin/domains/cell/{cell.pk}/change/")
    assert response.status_code == 200
    html = page(response)
    assert html.find("input", attrs={"name": "purpose_en"})["value"] == cell.purpose
    inline_texts = [
        area.get_text().strip()
        for area in html.select("textarea[name^='items-'][name$='-text_en']")
        if "__prefix__" not in area["name"]  # the blank form for a new item
    ]
    assert inline_texts == [item.text for item in cell.items.order_by("kind", "position")]


def test_a_cell_is_edited_with_its_tool_and_worked_example_inline(editor_client):
    cell = Cell.objects.get(domain__slug="coordination", stage__slug="mapping")
    html = page(editor_client.get(f"/admin/domains/cell/{cell.pk}/change/"))
    assert html.find("input", attrs={"name": "tool-0-name_en"})["value"] == "Resource table"
    template = html.find("textarea", attrs={"name": "tool-0-template_en"}).get_text().strip()
    assert template == cell.tool.template
    example = html.find("textarea", attrs={"name": "example-0-text_en"}).get_text().strip()
    assert example == cell.example.text


@pytest.mark.parametrize("model", ["domain", "stage", "source", "cell", "glossaryterm"])
def test_admin_lists_answer(editor_client, model):
    assert editor_client.get(f"/admin/domains/{model}/").status_code == 200


def form_data(html):
    """What the browser would submit from the admin's change form, as it stands."""
    form = html.find("form", id="cell_form")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or "__prefix__" in name or field.get("type") in {"submit", "button"}:
            continue
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            chosen = [option["value"] for option in field.find_all("option", selected=True)]
            data[name] = chosen if field.has_attr("multiple") else (chosen or [""])[0]
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    return data


def delete_inline(editor_client, cell, question):
    """Save the cell's admin form with the question's "Delete" ticked, as an editor would."""
    url = f"/admin/domains/cell/{cell.pk}/change/"
    data = form_data(page(editor_client.get(url)))
    [prefix] = [
        name.removesuffix("-id")
        for name, value in data.items()
        if name.endswith("-id") and value == str(question.pk)
    ]
    data[f"{prefix}-DELETE"] = "on"
    return editor_client.post(url, data)


def test_removing_a_question_partnerships_ticked_is_refused_not_silent(editor_client, cast):
    cell = Cell.objects.get(domain__slug="leadership", stage__slug="mapping")
    question = cell.questions[0]
    DiscussedQuestion.objects.create(partnership=cast.partnership, question=question)
    response = delete_inline(editor_client, cell, question)

    assert response.status_code == 200  # the form again, with the reason
    assert "would require deleting the following protected related objects" in text(response)
    assert DiscussedQuestion.objects.filter(question=question).exists()
    assert GuidanceItem.objects.filter(pk=question.pk).exists()


def test_a_question_nobody_ticked_can_still_be_removed(editor_client):
    cell = Cell.objects.get(domain__slug="leadership", stage__slug="mapping")
    question = cell.questions[0]
    assert delete_inline(editor_client, cell, question).status_code == 302
    assert not GuidanceItem.objects.filter(pk=question.pk).exists()
