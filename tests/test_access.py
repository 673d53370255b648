"""Who may do what in a partnership: every role against every partnership view and action.

Anyone who is not a member (signed in or not) gets 404, the same as for a partnership that does
not exist; a member whose role lacks the action gets 403.
"""

import pytest
from django.urls import reverse

from partnerships.access import Action, membership_for, permits
from partnerships.models import Membership, Role

from .conftest import invite
from .html import text

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "stranger", "viewer", "editor", "facilitator"]
ALLOWED = {
    "anonymous": set(),
    "stranger": set(),
    "viewer": {Action.VIEW, Action.EXPORT},
    "editor": {Action.VIEW, Action.EDIT, Action.EXPORT},
    "facilitator": set(Action),
}


def partnership_form(cast):
    return {"name": "Renamed", "goal": "A new goal.", "description": "", "sectors": ["citizen"]}


# (url name, method, action needed, extra URL arguments, POST data, status when allowed)
ENDPOINTS = [
    ("detail", "get", Action.VIEW, None, None, 200),
    ("members", "get", Action.VIEW, None, None, 200),
    ("leave", "get", Action.VIEW, None, None, 200),
    ("leave", "post", Action.VIEW, None, None, 302),
    ("edit", "get", Action.MANAGE, None, None, 200),
    ("edit", "post", Action.MANAGE, None, partnership_form, 302),
    ("archive", "get", Action.MANAGE, None, None, 200),
    ("archive", "post", Action.MANAGE, None, None, 302),
    ("restore", "post", Action.MANAGE, None, None, 302),
    ("invite", "get", Action.MANAGE, None, None, 200),
    (
        "invite",
        "post",
        Action.MANAGE,
        None,
        lambda cast: {"email": "new@example.org", "role": "editor"},
        302,
    ),
    ("change_role", "post", Action.MANAGE, "member", lambda cast: {"role": "editor"}, 302),
    ("remove", "get", Action.MANAGE, "member", None, 200),
    ("remove", "post", Action.MANAGE, "member", None, 302),
    ("revoke", "post", Action.MANAGE, "invitation", None, 302),
    ("resend", "post", Action.MANAGE, "invitation", None, 302),
    ("delete", "get", Action.DELETE, None, None, 200),
    ("delete", "post", Action.DELETE, None, None, 302),
]


def endpoint_url(cast, name, extra):
    args = [cast.partnership.pk]
    if extra == "member":
        args.append(cast.membership(cast.viewer).pk)
    elif extra == "invitation":
        invitation, _ = invite(cast.partnership, "invited@example.org", invited_by=cast.facilitator)
        args.append(invitation.pk)
    return reverse(f"partnerships:{name}", args=args)


def client_as(client, cast, role):
    if role != "anonymous":
        client.force_login(getattr(cast, role))
    return client


def expected_status(role, action, allowed_status):
    if role in {"anonymous", "stranger"}:
        return 404
    return allowed_status if action in ALLOWED[role] else 403


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "action", "extra", "data", "allowed_status"),
    ENDPOINTS,
    ids=[f"{method}-{name}" for name, method, *_ in ENDPOINTS],
)
def test_role_by_view(client, cast, role, name, method, action, extra, data, allowed_status):
    url = endpoint_url(cast, name, extra)
    response = getattr(client_as(client, cast, role), method)(url, data(cast) if data else {})
    assert response.status_code == expected_status(role, action, allowed_status)


@pytest.mark.parametrize(
    ("name", "method", "extra"),
    [(name, method, extra) for name, method, _, extra, *_ in ENDPOINTS],
    ids=[f"{method}-{name}" for name, method, *_ in ENDPOINTS],
)
def test_a_stranger_cannot_tell_a_real_partnership_from_a_missing_one(
    client, cast, name, method, extra
):
    client.force_login(cast.stranger)
    url = endpoint_url(cast, name, extra)
    real = getattr(client, method)(url)
    missing = getattr(client, method)(url.replace(cast.partnership.pk, "doesnotexist"))
    assert real.status_code == missing.status_code == 404
    assert text(real) == text(missing)


def test_refused_writes_change_nothing(client, cast):
    client.force_login(cast.editor)
    client.post(reverse("partnerships:delete", args=[cast.partnership.pk]))
    client.post(
        reverse(
            "partnerships:change_role", args=[cast.partnership.pk, cast.membership(cast.editor).pk]
        ),
        {"role": "facilitator"},
    )
    assert cast.partnership.memberships.count() == 4
    assert cast.membership(cast.editor).role == Role.EDITOR


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_each_role_may_do_exactly_its_actions(cast, role, action):
    membership = Membership(partnership=cast.partnership, user=cast.stranger, role=role)
    assert permits(membership, action) == (action in ALLOWED[role.value])


def test_membership_for_a_member_brings_the_partnership(cast, django_assert_num_queries):
    with django_assert_num_queries(1):
        membership = membership_for(cast.viewer, cast.partnership.pk)
        assert membership.partnership.name == "Healthy schools"


@pytest.mark.parametrize("url_name", ["partnerships:list", "partnerships:create"])
def test_pages_not_about_one_partnership_send_anonymous_visitors_to_log_in(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
