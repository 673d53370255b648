"""Public pages come from a cache for anonymous visitors, and only for them (domains/page_cache.py):
an edit of the model shows at once, signed-in people get their own page, languages never mix."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from domains.models import Cell, GuidanceItem
from domains.page_cache import (
    VERSION_CHECK_SECONDS,
    VERSION_KEY,
    public_page,
    public_page_cache,
)

from .html import page, text
from .people import client_as
from .test_admin import form_data

pytestmark = pytest.mark.django_db

CELL = ("communication", "planning")
PUBLIC_PAGES = [
    ("domains:home", ()),
    ("domains:matrix", ()),
    ("domains:sources", ()),
    ("domains:domain", ("leadership",)),
    ("domains:stage", ("planning",)),
    ("domains:cell", CELL),
    ("assessments:self_check", ()),
]


def cell_url(language="en"):
    return f"/{language}/model/{CELL[0]}/{CELL[1]}/"


@pytest.mark.parametrize(("name", "args"), PUBLIC_PAGES)
def test_a_second_anonymous_visit_is_served_from_the_cache(
    client, name, args, django_assert_max_num_queries
):
    url = reverse(name, args=args)
    first = client.get(url)
    with django_assert_max_num_queries(1):  # the model's content version, from the shared cache
        second = client.get(url)
    assert second.status_code == 200
    assert second.content.decode().replace(nonce(second), "") == first.content.decode().replace(
        nonce(first), ""
    )
    assert second["ETag"] == first["ETag"]
    assert "Cookie" in second["Vary"]
    assert {"public", "max-age=0", "must-revalidate"} <= {
        part.strip() for part in second["Cache-Control"].split(",")
    }


def nonce(response):
    """The CSP nonce the page's scripts carry; the header must name the same."""
    [found] = {script["nonce"] for script in page(response).find_all("script")}
    assert f"'nonce-{found}'" in response["Content-Security-Policy"]
    return found


def test_each_answer_has_its_own_nonce_matching_its_header(client):
    first, second = client.get(cell_url()), client.get(cell_url())
    assert nonce(first) != nonce(second)


def test_a_matching_etag_gets_304_with_no_body(client, django_assert_max_num_queries):
    first = client.get(cell_url())
    with django_assert_max_num_queries(1):
        again = client.get(cell_url(), headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    since = client.get(cell_url(), headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    assert client.get(cell_url(), headers={"If-None-Match": 'W/"other"'}).status_code == 200


def test_an_admin_edit_of_a_cell_shows_at_once(client):
    cell = Cell.objects.get(domain__slug=CELL[0], stage__slug=CELL[1])
    before = client.get(cell_url())
    assert cell.purpose in text(before)

    admin = Client()
    admin.force_login(
        get_user_model().objects.create_superuser("admin", "admin@example.org", "pw-12345678")
    )
    change = f"/admin/domains/cell/{cell.pk}/change/"
    data = form_data(page(admin.get(change)))
    data["purpose_en"] = "Agree who speaks for the partnership, and when."
    assert admin.post(change, data).status_code == 302

    after = client.get(cell_url())
    assert "Agree who speaks for the partnership, and when." in text(after)
    assert after["ETag"] != before["ETag"]
    revalidated = client.get(cell_url(), headers={"If-None-Match": before["ETag"]})
    assert revalidated.status_code == 200


def test_an_edit_saved_by_another_app_process_shows_within_a_second(client):
    cell = Cell.objects.get(domain__slug=CELL[0], stage__slug=CELL[1])
    client.get(cell_url())
    # Another process saves the cell: the row changes and it renews the shared version.
    Cell.objects.filter(pk=cell.pk).update(purpose_en="Agree who speaks, and when.")
    cache.set(VERSION_KEY, ("from another process", time.time()), None)
    time.sleep(VERSION_CHECK_SECONDS)
    assert "Agree who speaks, and when." in text(client.get(cell_url()))


def test_a_guidance_item_added_or_removed_shows_at_once(client):
    cell = Cell.objects.get(domain__slug=CELL[0], stage__slug=CELL[1])
    client.get(cell_url())
    item = GuidanceItem.objects.create(
        cell=cell, kind=GuidanceItem.Kind.WARNING, position=99, text="Nobody reads the minutes."
    )
    assert "Nobody reads the minutes." in text(client.get(cell_url()))
    item.delete()
    assert "Nobody reads the minutes." not in text(client.get(cell_url()))


def test_a_signed_in_person_never_gets_the_anonymous_copy(client, cast):
    assert "Sign up to keep notes" in text(client.get(reverse("domains:home")))
    client.get(cell_url())
    member = client_as(Client(), cast, "viewer")
    home = member.get(reverse("domains:home"))
    assert "Go to my partnerships" in text(home)
    assert "Sign up to keep notes" not in text(home)
    cell = member.get(cell_url())
    assert cast.partnership.name in text(cell)  # the cell's links into their partnerships
    for response in (home, cell):
        assert "public" not in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


def test_a_page_rendered_for_a_signed_in_person_is_not_kept(client, cast):
    member = client_as(Client(), cast, "viewer")
    member.get(cell_url())
    anonymous = client.get(cell_url())
    assert cast.partnership.name not in text(anonymous)


def test_a_visitor_with_messages_is_rendered_afresh(client):
    client.get(cell_url())
    client.cookies["messages"] = "anything"
    response = client.get(cell_url())
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_the_language_cookie_does_not_keep_a_visitor_from_the_cache(client):
    first = client.get(cell_url("lv"))
    assert first.cookies["django_language"].value == "lv"  # remembered, as before
    again = client.get(cell_url("lv"))
    assert "public" in again["Cache-Control"]
    assert "Set-Cookie" not in again  # the cookie already says lv
    assert "django_language" not in again.cookies


def test_languages_are_never_mixed(client):
    english = client.get(cell_url("en"))
    latvian = client.get(cell_url("lv"))
    assert english["ETag"] != latvian["ETag"]
    assert 'lang="lv"' in latvian.content.decode()
    # the same address in the visitor's other language, from the cache, stays in its own
    assert 'lang="en"' in client.get(cell_url("en")).content.decode()
    assert 'lang="lv"' in client.get(cell_url("lv")).content.decode()
    cell = Cell.objects.get(domain__slug=CELL[0], stage__slug=CELL[1])
    assert cell.purpose_lv in text(client.get(cell_url("lv")))


def test_error_pages_and_redirects_are_never_kept(client):
    missing = "/en/model/communication/nowhere/"
    assert client.get(missing).status_code == 404
    assert client.get(missing).status_code == 404
    bad_focus = client.get("/en/model/?domains=nowhere")
    assert bad_focus.status_code == 400
    assert "public" not in bad_focus["Cache-Control"]
    redirect = client.get("/en/model/?domains=leadership&domains=communication")
    assert redirect.status_code == 302
    assert "public" not in redirect.get("Cache-Control", "")


@pytest.mark.parametrize("sets_a_cookie", [False, True])
def test_an_answer_that_sets_a_cookie_is_not_kept(rf, sets_a_cookie):
    rendered = []

    @public_page
    def view(request):
        rendered.append(request)
        response = HttpResponse("<p>hello</p>")
        if sets_a_cookie:
            response.set_cookie("tracking", "1")
        return response

    serve = public_page_cache(view)
    for _ in range(2):
        request = rf.get("/en/anything/")
        request.session = SessionStore()
        response = serve(request)
    assert len(rendered) == (2 if sets_a_cookie else 1)
    assert ("private" in response["Cache-Control"]) == sets_a_cookie
