"""Two facilitators change each other's membership at the same moment, on PostgreSQL.

Each request runs in its own thread with its own database connection. Both start together,
and each is held a moment after reading its sender's membership and after the last-facilitator
check, between deciding and writing: without the partnership's lock both would decide on the
same members and both write, leaving the partnership without a facilitator. With it, the second
request waits for the first, then finds that its sender has just been removed (404) or demoted
(403), or is now the last facilitator.
"""

import threading
import time
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from partnerships import access
from partnerships.models import Membership, Role

from .people import make_partnership, make_user

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL's row locks (scripts/test and CI run on PostgreSQL)",
    ),
]


def at_the_same_moment(*requests):
    """Send each (user, url, data) POST in its own thread, together; return the status codes."""
    barrier = threading.Barrier(len(requests))
    statuses = [None] * len(requests)
    read, check = access.membership_for, Membership.is_last_facilitator

    def held_read(*args, **kwargs):
        membership = read(*args, **kwargs)
        time.sleep(0.3)  # between reading and writing: the other request catches up here
        return membership

    def held_check(member):
        answer = check(member)
        time.sleep(0.3)  # and between the last-facilitator check and the write
        return answer

    def send(index, user, url, data):
        try:
            client = Client()
            client.force_login(user)
            barrier.wait()
            statuses[index] = client.post(url, data).status_code
        finally:
            connection.close()

    with (
        mock.patch.object(access, "membership_for", held_read),
        mock.patch.object(Membership, "is_last_facilitator", held_check),
    ):
        threads = [
            threading.Thread(target=send, args=(index, *request))
            for index, request in enumerate(requests)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
    return statuses


@pytest.fixture
def two_facilitators():
    fiona, carl = make_user("fiona@example.org"), make_user("carl@example.org")
    partnership = make_partnership(fiona)
    partnership.memberships.create(user=carl, role=Role.FACILITATOR)
    partnership.memberships.create(user=make_user("emma@example.org"), role=Role.EDITOR)
    return partnership, fiona, carl


def member_url(name, partnership, user):
    member = Membership.objects.get(partnership=partnership, user=user)
    return reverse(f"partnerships:{name}", args=[partnership.pk, member.pk])


def facilitators(partnership):
    return set(
        Membership.objects.facilitators()
        .filter(partnership=partnership)
        .values_list("user__email", flat=True)
    )


def test_two_facilitators_removing_each_other_remove_only_one(two_facilitators):
    partnership, fiona, carl = two_facilitators
    statuses = at_the_same_moment(
        (fiona, member_url("remove", partnership, carl), {}),
        (carl, member_url("remove", partnership, fiona), {}),
    )
    # The later request finds its sender already removed.
    assert sorted(statuses) == [302, 404]
    assert partnership.memberships.count() == 2
    assert facilitators(partnership) in ({"fiona@example.org"}, {"carl@example.org"})


def test_demoting_a_facilitator_who_is_removing_you_lets_only_one_happen(two_facilitators):
    partnership, fiona, carl = two_facilitators
    statuses = at_the_same_moment(
        (fiona, member_url("change_role", partnership, carl), {"role": Role.EDITOR}),
        (carl, member_url("remove", partnership, fiona), {}),
    )
    if statuses == [302, 403]:  # Fiona went first: Carl, now an editor, may not remove anyone
        assert facilitators(partnership) == {"fiona@example.org"}
        assert partnership.memberships.count() == 3
    else:  # Carl went first: Fiona is no longer a member
        assert statuses == [404, 302]
        assert facilitators(partnership) == {"carl@example.org"}
        assert partnership.memberships.count() == 2


def test_two_facilitators_leaving_together_leave_one_behind(two_facilitators):
    partnership, fiona, carl = two_facilitators
    url = reverse("partnerships:leave", args=[partnership.pk])
    statuses = at_the_same_moment((fiona, url, {}), (carl, url, {}))
    # The later one is now the only facilitator, and is told so.
    assert sorted(statuses) == [302, 409]
    assert len(facilitators(partnership)) == 1
    assert partnership.memberships.count() == 2
