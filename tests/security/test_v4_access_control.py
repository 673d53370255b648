"""OWASP ASVS 4.0.3, V4 (access control), level 1, beyond the role table of
tests/test_access.py (every role at every address: 4.1.1, 4.1.3, 4.1.5): an object of one
partnership cannot be reached through another's address (4.2.1), a form cannot set what it
does not show (4.1.2), and no folder is listed (4.3.2)."""

import pytest
from django.urls import reverse

from partnerships.models import Membership, Partnership, Role

from ..people import invite, make_partnership, make_user
from ..test_access import ENDPOINTS, everything

pytestmark = pytest.mark.django_db

# The table's addresses that name an object besides the partnership, and how they are asked.
OBJECT_ENDPOINTS = [
    endpoint for endpoint in ENDPOINTS if endpoint.extra in {"member", "invitation"}
]


@pytest.fixture
def other(cast):
    """A second partnership the cast's facilitator also runs, with a member and an invitation."""
    partnership = make_partnership(cast.facilitator, name="Green corridors")
    member = Membership.objects.create(
        partnership=partnership, user=make_user("otto@example.org"), role=Role.EDITOR
    )
    invitation, _token = invite(partnership, "ida@example.org", invited_by=cast.facilitator)
    return {"partnership": partnership, "member": member.pk, "invitation": invitation.pk}


@pytest.mark.parametrize("endpoint", OBJECT_ENDPOINTS, ids=str)
def test_v4_2_1_an_object_of_another_partnership_is_not_found_through_this_ones_address(
    client, cast, other, endpoint
):
    client.force_login(cast.facilitator)  # a facilitator of both
    url = reverse(endpoint.name, args=[cast.partnership.pk, other[endpoint.extra]])
    before = everything(other["partnership"].pk), everything(cast.partnership.pk)
    response = getattr(client, endpoint.method)(url, endpoint.data or {})
    assert response.status_code == 404
    assert (everything(other["partnership"].pk), everything(cast.partnership.pk)) == before


def test_the_table_names_the_addresses_with_objects():
    assert {endpoint.name for endpoint in OBJECT_ENDPOINTS} == {
        "partnerships:change_role",
        "partnerships:remove",
        "partnerships:revoke",
        "partnerships:resend",
    }


def test_v4_1_2_and_5_1_2_a_form_sets_only_the_fields_it_shows(client, cast):
    client.force_login(cast.facilitator)
    response = client.post(
        reverse("partnerships:edit", args=[cast.partnership.pk]),
        {
            "name": "Renamed",
            "goal": "A new goal.",
            "sectors": ["citizen"],
            "id": "aaaaaaaaaa",
            "created_by": cast.stranger.pk,
            "archived_at": "2026-01-01T00:00:00Z",
            "last_activity_at": "2000-01-01T00:00:00Z",
        },
    )
    assert response.status_code == 302
    partnership = Partnership.objects.get(pk=cast.partnership.pk)
    assert partnership.name == "Renamed"
    assert partnership.created_by == cast.facilitator
    assert partnership.archived_at is None
    assert partnership.last_activity_at.year > 2000
    assert not Partnership.objects.filter(pk="aaaaaaaaaa").exists()


def test_v4_1_2_an_editor_cannot_make_themselves_facilitator(client, cast):
    client.force_login(cast.editor)
    mine = cast.membership(cast.editor)
    response = client.post(
        reverse("partnerships:change_role", args=[cast.partnership.pk, mine.pk]),
        {"role": Role.FACILITATOR},
    )
    assert response.status_code == 403
    mine.refresh_from_db()
    assert mine.role == Role.EDITOR


@pytest.mark.parametrize("path", ["/static/", "/static/css/", "/en/partnerships/"])
def test_v4_3_2_no_folder_is_listed(client, path):
    response = client.get(path)
    assert response.status_code in {302, 404}
    assert b"Index of" not in response.content
