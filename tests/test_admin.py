"""Content editors keep the model up to date in the admin: cells with their items, in order."""

import pytest
from django.contrib.auth import get_user_model

from domains.models import Cell

from .html import page

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
        for area in html.select("textarea[name$='-text_en']")
        if "__prefix__" not in area["name"]  # the blank form for a new item
    ]
    assert inline_texts == [item.text for item in cell.items.order_by("kind", "position")]


@pytest.mark.parametrize("model", ["domain", "stage", "source", "cell"])
def test_admin_lists_answer(editor_client, model):
    assert editor_client.get(f"/admin/domains/{model}/").status_code == 200
