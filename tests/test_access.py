"""Who may do what in a partnership: every role against every address of a partnership.

One table lists every URL of a partnership with how it is asked for and what it answers when
allowed. What each role may do comes from the access rules themselves (partnerships/access.py),
for an active and an archived partnership: anyone who is not a member (signed in or not) gets
404 everywhere, the same as for a partnership that does not exist; a member whose role lacks
the action gets 403; a refused request changes nothing.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from assessments.models import Answer, Response, Round
from domains.models import Cell
from notes.editing import save_text
from notes.models import DiscussedQuestion, Note, NoteStatus, Revision
from partnerships.access import Action, membership_for, permits
from partnerships.models import Invitation, Membership, Partnership, Role

from .assessment_rounds import a_round, answered_and_closed
from .html import text
from .people import ROLES, client_as, invite

pytestmark = pytest.mark.django_db

DOMAIN, STAGE = "communication", "planning"


@dataclass(frozen=True)
class Endpoint:
    name: str  # the URL's name
    method: str
    action: Action  # what it needs (the view says so too: checked below)
    allowed: int  # the status when allowed
    extra: str = ""  # what the URL names besides the partnership: member, invitation, cell
    data: dict | None = None  # the form sent with a POST

    def url(self, scene):
        args = [scene.cast.partnership.pk]
        if self.extra == "member":
            args.append(scene.cast.membership(scene.cast.viewer).pk)
        elif self.extra == "invitation":
            args.append(scene.invitation.pk)
        elif self.extra == "cell":
            args += [DOMAIN, STAGE]
        elif self.extra == "version":
            args += [DOMAIN, STAGE, 1]
        elif self.extra in {"round", "open round"}:
            args.append(scene.rounds[self.extra].pk)
        elif self.extra == "answer":
            args += [scene.rounds["open round"].pk, DOMAIN]
        return reverse(self.name, args=args)

    def __str__(self):
        return f"{self.method} {self.name}"


NOTE = {"text": "A new version", "base_version": 2}
ROUND = {
    "title": "Autumn",
    "closes_on": str(date.today() + timedelta(days=30)),
    "mode": "anonymous",
}
ENDPOINTS = [
    Endpoint("partnerships:detail", "get", Action.VIEW, 200),
    Endpoint("partnerships:members", "get", Action.VIEW, 200),
    Endpoint("partnerships:leave", "get", Action.VIEW, 200),
    Endpoint("partnerships:leave", "post", Action.VIEW, 302),
    Endpoint("partnerships:edit", "get", Action.MANAGE, 200),
    Endpoint("partnerships:edit", "post", Action.MANAGE, 302,
             data={"name": "Renamed", "goal": "A new goal.", "sectors": ["citizen"]}),
    Endpoint("partnerships:archive", "get", Action.MANAGE, 200),
    Endpoint("partnerships:archive", "post", Action.MANAGE, 302),
    Endpoint("partnerships:restore", "post", Action.MANAGE, 302),
    Endpoint("partnerships:invite", "get", Action.MANAGE, 200),
    Endpoint("partnerships:invite", "post", Action.MANAGE, 302,
             data={"email": "new@example.org", "role": "editor"}),
    Endpoint("partnerships:change_role", "post", Action.MANAGE, 302, "member", {"role": "editor"}),
    Endpoint("partnerships:remove", "get", Action.MANAGE, 200, "member"),
    Endpoint("partnerships:remove", "post", Action.MANAGE, 302, "member"),
    Endpoint("partnerships:revoke", "post", Action.MANAGE, 302, "invitation"),
    Endpoint("partnerships:resend", "post", Action.MANAGE, 302, "invitation"),
    Endpoint("partnerships:export_json", "get", Action.MANAGE, 200),
    Endpoint("partnerships:export_zip", "get", Action.MANAGE, 200),
    Endpoint("partnerships:delete", "get", Action.DELETE, 200),
    Endpoint("partnerships:delete", "post", Action.DELETE, 302),
    Endpoint("notes:cell", "get", Action.VIEW, 200, "cell"),
    Endpoint("notes:history", "get", Action.VIEW, 200, "cell"),
    Endpoint("notes:save_note", "post", Action.EDIT, 302, "cell", NOTE),
    Endpoint("notes:preview", "post", Action.EDIT, 200, "cell", NOTE),
    Endpoint("notes:status", "post", Action.EDIT, 302, "cell", {"status": NoteStatus.DONE}),
    Endpoint("notes:questions", "post", Action.EDIT, 302, "cell", {"discussed": "question"}),
    Endpoint("notes:restore", "post", Action.EDIT, 302, "version", {"base_version": 2}),
    Endpoint("workbooks:partnership", "get", Action.EXPORT, 202),
    Endpoint("workbooks:partnership", "post", Action.EXPORT, 302),
    Endpoint("assessments:rounds", "get", Action.VIEW, 200),
    Endpoint("assessments:open", "get", Action.RUN_ROUNDS, 200),
    Endpoint("assessments:open", "post", Action.RUN_ROUNDS, 302, data=ROUND),
    Endpoint("assessments:round", "get", Action.VIEW, 200, "round"),
    Endpoint("assessments:round", "get", Action.VIEW, 200, "open round"),
    Endpoint("assessments:answer", "get", Action.ANSWER, 200, "answer"),
    Endpoint("assessments:answer", "post", Action.ANSWER, 302, "answer", {"rating": "4"}),
    Endpoint("assessments:close", "post", Action.RUN_ROUNDS, 302, "open round"),
    Endpoint("assessments:delete", "get", Action.RUN_ROUNDS, 200, "round"),
    Endpoint("assessments:delete", "post", Action.RUN_ROUNDS, 302, "round"),
    Endpoint("assessments:print", "get", Action.EXPORT, 200, "round"),
    Endpoint("assessments:csv", "get", Action.EXPORT, 200, "round"),
]  # fmt: skip


@dataclass
class Scene:
    """The cast's partnership with a note in two versions, a ticked question, an invitation,
    and two self-assessment rounds: one answered and closed, one open."""

    cast: object
    cell: Cell
    invitation: Invitation
    rounds: dict


@pytest.fixture(params=[False, True], ids=["active", "archived"])
def scene(request, cast):
    cell = Cell.objects.for_page().get(domain__slug=DOMAIN, stage__slug=STAGE)
    note = save_text(cast.partnership, cell, cast.editor, "Secret plan", 0)
    save_text(cast.partnership, cell, cast.facilitator, "Secret plan, again", note.version)
    DiscussedQuestion.objects.create(partnership=cast.partnership, question=cell.questions[1])
    invitation, _ = invite(cast.partnership, "invited@example.org", invited_by=cast.facilitator)
    rounds = {
        "round": answered_and_closed(cast),
        "open round": a_round(cast.partnership, cast.co_facilitator),
    }
    if request.param:
        cast.partnership.archived_at = timezone.now()
        cast.partnership.save()
    return Scene(cast, cell, invitation, rounds)


def form(endpoint, scene):
    data = dict(endpoint.data or {})
    if data.get("discussed") == "question":
        data["discussed"] = [scene.cell.questions[0].pk]
    if "rating" in data:
        statement = scene.rounds["open round"].statements.get(cell=scene.cell)
        data = {f"rating-{statement.pk}": data["rating"]}
    return data


def expected_status(endpoint, role, partnership):
    """What the access rules say this role gets from this address."""
    if role in {"anonymous", "stranger"}:
        return 404
    membership = Membership(partnership=partnership, role=Role(role))
    return endpoint.allowed if permits(membership, endpoint.action) else 403


def everything(partnership_id):
    """All a partnership holds, to show that a refused request changed none of it."""
    return [
        list(Partnership.objects.filter(pk=partnership_id).values()),
        list(Membership.objects.filter(partnership=partnership_id).values().order_by("pk")),
        list(Invitation.objects.filter(partnership=partnership_id).values().order_by("pk")),
        list(Note.objects.filter(partnership=partnership_id).values().order_by("pk")),
        list(Revision.objects.filter(note__partnership=partnership_id).values().order_by("pk")),
        list(DiscussedQuestion.objects.filter(partnership=partnership_id).values("question")),
        list(Round.objects.filter(partnership=partnership_id).values().order_by("pk")),
        list(Response.objects.filter(round__partnership=partnership_id).values().order_by("pk")),
        list(
            Answer.objects.filter(response__round__partnership=partnership_id)
            .values()
            .order_by("pk")
        ),
    ]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_every_role_at_every_address_of_a_partnership(client, scene, endpoint, role):
    partnership = scene.cast.partnership
    before = everything(partnership.pk)
    response = getattr(client_as(client, scene.cast, role), endpoint.method)(
        endpoint.url(scene), form(endpoint, scene)
    )
    expected = expected_status(endpoint, role, partnership)
    assert response.status_code == expected
    if expected in {403, 404}:
        assert everything(partnership.pk) == before
        assert "Secret plan" not in response.content.decode()


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_a_stranger_cannot_tell_a_real_partnership_from_a_missing_one(client, scene, endpoint):
    client.force_login(scene.cast.stranger)
    url = endpoint.url(scene)
    real = getattr(client, endpoint.method)(url, form(endpoint, scene))
    missing = getattr(client, endpoint.method)(
        url.replace(scene.cast.partnership.pk, "zzzzzzzzzz"), form(endpoint, scene)
    )
    assert real.status_code == missing.status_code == 404
    assert text(real) == text(missing)


@pytest.mark.parametrize(
    "path",
    [
        "/en/partnerships/abc%00defgh/",  # a NUL byte: PostgreSQL refuses it in a query
        "/en/partnerships/abc%00defgh/workbook.pdf",
        "/en/partnerships/{pk}x/",  # one character too many
        "/en/partnerships/{pk_short}/",
        "/en/partnerships/ABCDEFGHIJ/",  # ids are lower case
        "/en/partnerships/{pk}/members/99999999999999999999/remove/",  # beyond a 64-bit id
        "/en/partnerships/{pk}/invitations/99999999999999999999/resend/",
        "/en/partnerships/{pk}/communication/planning/history/99999999999/restore/",  # > 32 bits
    ],
)
def test_ids_that_cannot_exist_are_not_found_without_an_error(client, cast, path):
    client.force_login(cast.facilitator)
    pk = cast.partnership.pk
    response = client.post(path.format(pk=pk, pk_short=pk[:-1]))
    assert response.status_code == 404


def partnership_urls(resolver=None, namespace=""):
    """The name of every URL pattern that names a partnership, through all the includes."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from partnership_urls(pattern, inner)
        elif isinstance(pattern, URLPattern) and "partnership_id" in str(pattern.pattern):
            yield f"{namespace}{pattern.name}"


def test_the_table_has_every_address_of_a_partnership_with_the_action_its_view_needs(scene):
    assert set(partnership_urls()) == {endpoint.name for endpoint in ENDPOINTS}
    for endpoint in ENDPOINTS:
        assert resolve(endpoint.url(scene)).func.action == endpoint.action, endpoint


def test_archived_partnerships_refuse_every_note_write_and_self_assessment_change():
    archived = Partnership(archived_at=timezone.now())
    for role in Role:
        for action in (Action.EDIT, Action.ANSWER, Action.RUN_ROUNDS):
            assert not permits(Membership(partnership=archived, role=role), action)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_each_role_may_do_exactly_its_actions(cast, role, action):
    allowed = {
        Role.VIEWER: {Action.VIEW, Action.EXPORT, Action.ANSWER},
        Role.EDITOR: {Action.VIEW, Action.EDIT, Action.EXPORT, Action.ANSWER},
        Role.FACILITATOR: set(Action),
    }
    membership = Membership(partnership=cast.partnership, user=cast.stranger, role=role)
    assert permits(membership, action) == (action in allowed[role])


def test_membership_for_a_member_brings_the_partnership(cast, django_assert_num_queries):
    with django_assert_num_queries(1):
        membership = membership_for(cast.viewer, cast.partnership.pk)
        assert membership.partnership.name == "Healthy schools"


@pytest.mark.parametrize(
    "url_name", ["partnerships:list", "partnerships:create", "partnerships:import"]
)
def test_pages_not_about_one_partnership_send_anonymous_visitors_to_log_in(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
