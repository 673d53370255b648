"""OWASP ASVS 4.0.3, 4.2.2 (and 13.2.3): every state-changing request needs the anti-forgery
token. Every URL pattern of the project (its own apps, allauth's account pages and the admin)
is asked with a POST that lacks the token, as a signed-in facilitator who is staff too: each is
refused with Django's CSRF failure and nothing changes. No view is exempt from the check."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from domains.models import Cell
from notes.editing import save_text

from ..assessment_rounds import a_round
from ..people import PASSWORD, invite
from ..test_access import everything

pytestmark = pytest.mark.django_db


def patterns(resolver=None, namespace=""):
    """(name, pattern) of every URL pattern of the project, through all the includes."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from patterns(pattern, inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}" if pattern.name else None, pattern


@pytest.fixture
def scene(cast):
    cell = Cell.objects.for_page().get(domain__slug="communication", stage__slug="planning")
    note = save_text(cast.partnership, cell, cast.editor, "A plan", 0)
    save_text(cast.partnership, cell, cast.facilitator, "A plan, agreed", note.version)
    invitation, token = invite(cast.partnership, "nora@example.org", invited_by=cast.facilitator)
    get_user_model().objects.filter(pk=cast.facilitator.pk).update(is_staff=True, is_superuser=True)
    round = a_round(cast.partnership, cast.facilitator)
    return {
        "round_id": round.pk,
        "partnership_id": cast.partnership.pk,
        "member_id": cast.membership(cast.viewer).pk,
        "invitation_id": invitation.pk,
        "token": token,
        "domain": "communication",
        "stage": "planning",
        "slug": "leadership",
        "version": 1,
        "object_id": cast.partnership.pk,
        "id": cast.viewer.pk,
        "content_type_id": 1,
        "app_label": "partnerships",
        "key": "a-key",
        "uidb36": "1",
        "url": "somewhere/",
    }


def snapshot(cast):
    return everything(cast.partnership.pk), list(get_user_model().objects.values())


def url_of(name, pattern, scene):
    return reverse(name, kwargs={key: scene[key] for key in pattern.pattern.regex.groupindex})


def test_v4_2_2_no_view_is_exempt_from_the_anti_forgery_check():
    exempt = [name for name, pattern in patterns() if getattr(pattern.callback, "csrf_exempt", 0)]
    assert exempt == []


def test_v4_2_2_every_post_without_the_token_is_refused_and_changes_nothing(cast, scene):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.facilitator)
    before = snapshot(cast)
    asked = []
    for name, pattern in patterns():
        if name is None:  # the admin's unnamed redirects: covered by the check above
            continue
        url = url_of(name, pattern, scene)
        response = client.post(url, {"text": "forged", "role": "viewer", "password": PASSWORD})
        assert response.status_code == 403, url
        assert b"CSRF verification failed" in response.content, url
        asked.append(name)
    assert snapshot(cast) == before
    assert {"notes:save_note", "partnerships:import", "accounts:delete", "account_login"} <= set(
        asked
    )
    assert len(asked) > 100  # the admin's pages too


def test_v4_2_2_autosave_without_the_token_is_refused_and_with_it_saves(cast, scene):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.editor)
    url = reverse("notes:save_note", args=[cast.partnership.pk, "communication", "planning"])
    data = {"text": "Autosaved", "base_version": 2}
    refused = client.post(url, data, headers={"X-Autosave": "1"})
    assert refused.status_code == 403
    page = client.get(
        reverse("notes:cell", args=[cast.partnership.pk, "communication", "planning"])
    )
    token = page.context["csrf_token"]
    saved = client.post(
        url, {**data, "csrfmiddlewaretoken": str(token)}, headers={"X-Autosave": "1"}
    )
    assert saved.status_code == 200
    assert saved.json()["version"] == 3
