"""Every form renders one way (crispy-forms' Bootstrap 5 pack, with the site's templates in
templates/bootstrap5/): each control has its label, its hint and message tied to it by
aria-describedby, aria-invalid when it is wrong, the message beside it, and the error summary at
the top links to it."""

import re

import pytest
from django.urls import reverse

from notes.editing import save_text

from .html import page
from .note_cell import url
from .people import PASSWORD

pytestmark = pytest.mark.django_db


def layout_problems(html):
    """What a screen-reader or keyboard user would miss in the page's forms, in words."""
    found = []
    ids = {element["id"] for element in html.select("[id]")}
    for control in html.select("main form :is(input, select, textarea)"):
        if control.get("type") in {"hidden", "submit"}:
            continue
        name = control.get("id") or control.get("name")
        if not (control.get("id") and html.select_one(f"label[for='{control['id']}']")):
            found.append(f"{name} has no label")
        group = control.find_parent("fieldset")
        described = (
            control.get("aria-describedby", "")
            + " "
            + (group.get("aria-describedby", "") if group else "")
        )
        missing = [ref for ref in described.split() if ref not in ids]
        if missing:
            found.append(f"{name} is described by {missing}, which are not on the page")
        # An option of a group (id_domains_0) shares the group's message (id_domains_error).
        option = group and re.fullmatch(r".+_\d+", control.get("id", ""))
        field_id = control.get("id", "").rsplit("_", 1)[0] if option else control.get("id")
        error = html.find(id=f"{field_id}_error")
        if control.get("aria-invalid") == "true":
            if error is None or error["id"] not in described.split():
                found.append(f"{name} is invalid but its message is not tied to it")
        elif error is not None:
            found.append(f"{name} has a message but is not marked invalid")
    for link in html.select(".error-summary a[href^='#']"):
        if link["href"][1:] not in ids:
            found.append(f"the summary links to {link['href']}, which is not on the page")
    return found


def invalid_page(client, method, path, data):
    response = getattr(client, method)(path, data)
    assert response.status_code in {200, 400}, response.status_code
    html = page(response)
    assert html.select(".error-summary li"), "the page shows no error summary"
    return html


def test_the_focus_form_shows_a_bad_choice_beside_the_group(client):
    html = invalid_page(client, "get", "/en/model/", {"domains": "trust", "stages": "planning"})
    assert layout_problems(html) == []
    assert all(box["aria-invalid"] == "true" for box in html.select("[name=domains]"))
    assert not html.select("[name=stages][aria-invalid]")
    assert "“trust” is not a domain" in html.find(id="id_domains_error").get_text()


def test_sign_up_and_log_in_forms(client):
    html = invalid_page(
        client,
        "post",
        reverse("account_signup"),
        {"email": "not an address", "password1": "short", "password2": "other"},
    )
    assert layout_problems(html) == []
    assert html.find(id="id_email")["aria-invalid"] == "true"
    html = invalid_page(
        client, "post", reverse("account_login"), {"login": "a@example.org", "password": "x"}
    )
    assert layout_problems(html) == []


def test_the_self_check_form(client):
    html = invalid_page(client, "get", "/en/model/self-check/", {"leadership--planning": "9"})
    assert layout_problems(html) == []


def test_the_partnership_forms(client, cast, cell):
    client.force_login(cast.facilitator)
    invite = reverse("partnerships:invite", args=[cast.partnership.pk])
    html = invalid_page(client, "post", invite, {"email": "nobody", "role": "editor"})
    assert layout_problems(html) == []
    assert html.find(id="id_email")["aria-describedby"] == "id_email_helptext id_email_error"

    note = save_text(cast.partnership, cell, cast.editor, "one", 0)
    save_text(cast.partnership, cell, cast.facilitator, "two", note.version)
    html = invalid_page(client, "get", url(cast, "history"), {"from": "1", "to": "7"})
    assert layout_problems(html) == []

    conflict = client.post(url(cast, "save_note"), {"text": "mine", "base_version": 0})
    assert conflict.status_code == 409
    assert layout_problems(page(conflict)) == []

    detail = page(client.get(reverse("partnerships:detail", args=[cast.partnership.pk])))
    assert detail.select(".workbook-link select")  # the workbook options
    assert layout_problems(detail) == []


def test_the_account_forms(client, cast):
    client.force_login(cast.facilitator)
    html = invalid_page(client, "post", reverse("accounts:profile"), {"display_name": ""})
    assert layout_problems(html) == []
    html = invalid_page(
        client,
        "post",
        reverse("account_change_password"),
        {"oldpassword": PASSWORD + "x", "password1": "a", "password2": "b"},
    )
    assert layout_problems(html) == []


def test_the_check_finds_a_message_not_tied_to_its_field():
    from bs4 import BeautifulSoup

    html = BeautifulSoup(
        '<main><form><label for="id_a">A</label><input id="id_a" aria-invalid="true">'
        '<p id="id_a_error">Wrong</p><input id="id_b" aria-describedby="id_b_helptext">'
        "</form></main>",
        "html.parser",
    )
    assert layout_problems(html) == [
        "id_a is invalid but its message is not tied to it",
        "id_b has no label",
        "id_b is described by ['id_b_helptext'], which are not on the page",
    ]
