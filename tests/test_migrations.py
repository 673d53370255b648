"""A database made before partnerships, notes and workbooks were split into apps (when
Partnership, Membership and Invitation lived in notes/, and notes kept no rendered HTML)
migrates forward with every row."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from notes.models import DiscussedQuestion, Note, Revision
from partnerships.models import Invitation, Membership, Partnership, Role

# notes/ as released before the hardening and the split: its last migration then.
BEFORE_THE_SPLIT = ("notes", "0002_notes_revisions_discussed_questions")
NOW = datetime.datetime(2026, 11, 20, 9, 30, tzinfo=datetime.UTC)


def before_the_split(graph):
    """Every app at its newest migration, but notes/ as it was and no partnerships/ yet (nor
    assessments/, which came later and builds on partnerships/)."""
    later = {"notes", "partnerships", "assessments"}
    return [node for node in graph.leaf_nodes() if node[0] not in later] + [
        BEFORE_THE_SPLIT,
        ("partnerships", None),
        ("assessments", None),
    ]


def fill(apps):
    """A partnership with two members, an invitation, a note with a revision and a tick, made
    with the models as they were (in notes/)."""
    user = apps.get_model("auth", "User")
    anna = user.objects.create(username="anna", email="anna@example.org", password="!")
    ben = user.objects.create(username="ben", email="ben@example.org", password="!")
    dimension = {"summary": "s", "definition": "d", "position": 100}
    domain = apps.get_model("domains", "Domain").objects.create(
        slug="trust", name="Trust", **dimension
    )
    stage = apps.get_model("domains", "Stage").objects.create(
        slug="dreaming", name="Dreaming", **dimension
    )
    cell = apps.get_model("domains", "Cell").objects.create(
        domain=domain, stage=stage, purpose="p", introduction="i"
    )
    question = apps.get_model("domains", "GuidanceItem").objects.create(
        cell=cell, kind="question", position=1, text="Who trusts whom?", text_en="Who trusts whom?"
    )
    partnership = apps.get_model("notes", "Partnership").objects.create(
        id="oldpartner", name="Made before", goal="Keep it all.", sectors=["public"],
        created_by=anna, last_activity_at=NOW,
    )  # fmt: skip
    membership = apps.get_model("notes", "Membership").objects
    membership.create(partnership=partnership, user=anna, role="facilitator", joined_at=NOW)
    membership.create(partnership=partnership, user=ben, role="editor", joined_at=NOW)
    apps.get_model("notes", "Invitation").objects.create(
        partnership=partnership, email="cleo@example.org", role="viewer", token_hash="a" * 64,
        invited_by=anna, created_at=NOW, expires_at=NOW + datetime.timedelta(days=14),
    )  # fmt: skip
    note = apps.get_model("notes", "Note").objects.create(
        partnership=partnership, cell=cell, text="Words **kept**.", status="in_progress", version=1,
        updated_at=NOW, updated_by=ben,
    )  # fmt: skip
    apps.get_model("notes", "Revision").objects.create(
        note=note, version=1, text="Words kept.", author=ben, started_at=NOW, saved_at=NOW
    )
    apps.get_model("notes", "DiscussedQuestion").objects.create(
        partnership=partnership, question=question, ticked_by=ben, ticked_at=NOW
    )


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_split_keeps_every_row():
    newest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    executor = MigrationExecutor(connection)
    old = before_the_split(executor.loader.graph)
    try:
        executor.migrate(old)
        executor.loader.build_graph()
        fill(executor.loader.project_state([node for node in old if node[1]]).apps)
        MigrationExecutor(connection).migrate(newest)
    finally:
        MigrationExecutor(connection).migrate(newest)

    partnership = Partnership.objects.get(pk="oldpartner")
    assert (partnership.name, partnership.goal, partnership.created_by.username) == (
        "Made before",
        "Keep it all.",
        "anna",
    )
    assert partnership.last_activity_at == NOW
    members = partnership.memberships.order_by("user__username")
    assert [(m.user.username, m.role) for m in members] == [
        ("anna", Role.FACILITATOR),
        ("ben", Role.EDITOR),
    ]
    invitation = Invitation.objects.get()
    assert (invitation.partnership, invitation.email, invitation.invited_by.username) == (
        partnership,
        "cleo@example.org",
        "anna",
    )
    note = Note.objects.get(partnership=partnership)
    assert (note.text, note.status, note.version, note.updated_by.username) == (
        "Words **kept**.",
        "in_progress",
        1,
        "ben",
    )
    assert note.html == "<p>Words <strong>kept</strong>.</p>\n"  # rendered by the migration
    revision = Revision.objects.get(note=note)
    assert (revision.text, revision.author.username, revision.saved_at) == (
        "Words kept.",
        "ben",
        NOW,
    )
    tick = DiscussedQuestion.objects.get(partnership=partnership)
    assert (tick.question.text, tick.ticked_by.username) == ("Who trusts whom?", "ben")

    # The moved tables work on as the new models' own: new rows, and deleting cascades.
    another = Invitation(partnership=partnership, email="dan@example.org", role=Role.VIEWER)
    another.new_token()
    another.save()
    partnership.delete()
    for model in (Membership, Invitation, Note, Revision, DiscussedQuestion):
        assert not model.objects.exists(), model
