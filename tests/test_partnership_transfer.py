"""A partnership's export (JSON, and Markdown files in a zip) and its import into a new one.

The round trip loses nothing: a partnership exported, imported and exported again gives the
same document, field by field, but for what the import decides on purpose (the importer is the
only member, the others come back as invitations with their roles; people with no account here
keep their names, not their addresses). A hostile or broken file gets a clear message and no
error page, and creates nothing.
"""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from domains.models import Cell
from notes.editing import mark_discussed, save_text, set_status
from notes.models import Note, NoteStatus, Revision
from partnerships.models import Invitation, Membership, Partnership, Role

from .assessment_rounds import answered_and_closed
from .html import page, text
from .people import invite, make_user

pytestmark = pytest.mark.django_db


def cell(domain, stage):
    return Cell.objects.for_page().get(domain__slug=domain, stage__slug=stage)


@pytest.fixture
def full(cast):
    """The cast's partnership with notes in several versions, statuses, ticks by several people,
    a revision by someone who has since deleted their account, and a pending invitation."""
    partnership = cast.partnership
    partnership.description = "Schools & parents, <b>Riga</b> 2026."
    partnership.save()
    planning = cell("communication", "planning")
    note = save_text(partnership, planning, cast.editor, "# Plan\n\nWho *must* hear?", 0)
    Revision.objects.filter(note=note).update(saved_at=timezone.now() - timedelta(hours=2))
    note = save_text(partnership, planning, cast.facilitator, "# Plan\n\nParents first.", 1)
    gone = make_user("gone@example.org", "Gone Person")
    Membership.objects.create(partnership=partnership, user=gone, role=Role.EDITOR)
    Revision.objects.filter(note=note).update(saved_at=timezone.now() - timedelta(hours=1))
    note = save_text(partnership, planning, gone, "# Plan\n\nParents first, then teachers.", 2)
    save_text(partnership, planning, cast.editor, note.text.replace("# Plan\n\n", ""), 3)
    Revision.objects.filter(note=note, version=4).update(saved_at=timezone.now() - timedelta(1))
    save_text(partnership, planning, cast.editor, "# Plan\n\nParents first.", 4, restored_from=2)
    set_status(partnership, planning, cast.editor, NoteStatus.IN_PROGRESS)
    set_status(partnership, cell("leadership", "mapping"), cast.facilitator, NoteStatus.DONE)
    mark_discussed(partnership, cast.editor, ticked=planning.questions[:2], unticked=[])
    mark_discussed(partnership, gone, ticked=planning.questions[2:3], unticked=[])
    gone.delete()
    invite(partnership, "nora@example.org", Role.VIEWER, invited_by=cast.facilitator)
    return partnership


def export(client, partnership):
    response = client.get(reverse("partnerships:export_json", args=[partnership.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="healthy-schools-')
    return json.loads(response.content)


def upload(client, content, name="export.json"):
    content = content if isinstance(content, bytes) else json.dumps(content).encode()
    return client.post(reverse("partnerships:import"), {"file": SimpleUploadedFile(name, content)})


def as_seen_after_import(document, importer_email):
    """The document as an import keeps it: people by name (the importer also by address), and
    members with invitations as one set of addresses with roles."""

    def person(reference):
        if reference is None:
            return None
        email = reference["email"] if reference["email"] == importer_email else ""
        return {"name": reference["name"], "email": email}

    notes = [
        {
            **note,
            "updated_by": person(note["updated_by"]),
            "revisions": [
                {**revision, "author": person(revision["author"])} for revision in note["revisions"]
            ],
        }
        for note in document["notes"]
    ]
    ticks = [{**tick, "ticked_by": person(tick["ticked_by"])} for tick in document["ticks"]]
    people = {(member["email"], member["role"]) for member in document["members"]}
    people |= {(invitation["email"], invitation["role"]) for invitation in document["invitations"]}
    return {"partnership": document["partnership"], "notes": notes, "ticks": ticks}, people


def test_an_exported_partnership_imports_into_a_new_one_losing_nothing(client, cast, full):
    client.force_login(cast.facilitator)
    before = export(client, full)
    assert len(before["notes"]) == 2
    assert len(before["ticks"]) == 3
    assert len(before["notes"][1]["revisions"]) == 5

    response = upload(client, before)
    imported = Partnership.objects.exclude(pk=full.pk).get()
    assert response.status_code == 302
    assert response["Location"] == imported.get_absolute_url()
    after = export(client, imported)

    assert as_seen_after_import(after, cast.facilitator.email) == as_seen_after_import(
        before, cast.facilitator.email
    )
    kept, _ = as_seen_after_import(before, cast.facilitator.email)
    assert kept["notes"][1]["revisions"][0]["author"] == {"name": "Emma", "email": ""}
    assert kept["notes"][1]["revisions"][2]["author"] is None  # a former member
    # The importer is the only member, its facilitator; everyone else is invited, unsent.
    assert list(imported.memberships.values_list("user", "role")) == [
        (cast.facilitator.pk, Role.FACILITATOR)
    ]
    assert set(Invitation.objects.filter(partnership=imported).values_list("email", "role")) == {
        ("carl@example.org", Role.FACILITATOR),
        ("emma@example.org", Role.EDITOR),
        ("victor@example.org", Role.VIEWER),
        ("nora@example.org", Role.VIEWER),
    }
    # No link was sent: each shows as expired, to be sent with "Resend".
    assert all(invitation.is_expired for invitation in imported.invitations.all())
    # Pages show the kept names and the imported note as it was rendered before.
    original, copy = (
        Note.objects.get(partnership=p, cell__domain__slug="communication")
        for p in (full, imported)
    )
    assert copy.html == original.html
    history = client.get(reverse("notes:history", args=[imported.pk, "communication", "planning"]))
    rows = [" ".join(row.get_text(" ").split()) for row in page(history).select("tbody tr")]
    assert "Emma" in rows[0]
    assert "Fiona Facilitator" in rows[3]
    assert "a former member" in rows[2]


def test_the_importer_recognised_by_address_is_the_author_of_their_versions(client, cast, full):
    client.force_login(cast.facilitator)
    document = export(client, full)
    client.force_login(cast.editor)
    assert upload(client, document).status_code == 302
    imported = Partnership.objects.exclude(pk=full.pk).get()
    revisions = Revision.objects.filter(note__partnership=imported).order_by("version")
    assert [(r.author_id, r.author_name) for r in revisions] == [
        (cast.editor.pk, ""),
        (None, "Fiona Facilitator"),
        (None, ""),
        (cast.editor.pk, ""),
        (cast.editor.pk, ""),
    ]
    assert imported.memberships.get().user == cast.editor
    assert not imported.invitations.filter(email="emma@example.org").exists()
    assert imported.invitations.get(email="fiona@example.org").role == Role.FACILITATOR


def test_the_zip_is_a_readable_folder_with_an_index_and_a_file_per_note(client, cast, full):
    client.force_login(cast.facilitator)
    response = client.get(reverse("partnerships:export_zip", args=[full.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == [
        "healthy-schools/export.json",
        "healthy-schools/index.md",
        "healthy-schools/notes/communication-planning.md",
        "healthy-schools/notes/leadership-mapping.md",
        "healthy-schools/partnership.md",
    ]
    index = archive.read("healthy-schools/index.md").decode()
    assert "- [Communication · Planning](notes/communication-planning.md)" in index
    assert "- [Healthy schools](partnership.md)" in index
    assert "by Fiona Facilitator" in index
    details = archive.read("healthy-schools/partnership.md").decode()
    assert "Schools & parents, <b>Riga</b> 2026." in details  # Markdown, not escaped HTML
    assert "- Emma (emma@example.org): Editor" in details
    assert "- nora@example.org: Viewer" in details
    note = archive.read("healthy-schools/notes/communication-planning.md").decode()
    assert "Status: In progress" in note
    assert "# Plan\n\nParents first." in note
    assert "Version 5, saved by Emma on " in note
    assert "Restored version 2." in note
    assert "Version 3, saved by a former member on " in note
    assert note.index("Version 5,") < note.index("Version 1,")  # newest first
    exported = json.loads(archive.read("healthy-schools/export.json"))
    assert exported["notes"] == export(client, full)["notes"]


def test_an_export_in_another_language_reads_in_it(client, cast, full):
    client.force_login(cast.facilitator)
    response = client.get(f"/de/partnerships/{full.pk}/export.zip")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    note = archive.read("healthy-schools/notes/communication-planning.md").decode()
    assert "Status: In Arbeit" in note


HOSTILE = {
    "not JSON": (b"{this is not json", "it is not valid JSON"),
    "nested a million deep": (b"[" * 1_000_000 + b"]" * 1_000_000, "it is not valid JSON"),
    "a number of 5,000 digits": (b'{"version": ' + b"9" * 5000 + b"}", "it is not valid JSON"),
    "a list": (b"[1, 2, 3]", "not a partnership export from this application"),
    "another format": (b'{"format": "something", "version": 1}', "not a partnership export"),
    "a newer version": (
        b'{"format": "collabmodel-partnership", "version": 2}',
        "a format version this server does not read (it reads version 1)",
    ),
    "no partnership": (
        b'{"format": "collabmodel-partnership", "version": 1}',
        "partnership: not what an export holds there",
    ),
}


@pytest.mark.parametrize(("content", "message"), HOSTILE.values(), ids=HOSTILE.keys())
def test_a_file_that_is_not_an_export_is_refused_with_a_message(client, cast, content, message):
    client.force_login(cast.facilitator)
    response = upload(client, content)
    assert response.status_code == 400
    assert message in page(response).select_one("[data-error-summary]").get_text()
    assert Partnership.objects.count() == 1


def spoil(path, value):
    """Set ``value`` at ``path`` (keys and indexes) in a copy of the document."""

    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return document

    return change


SPOILT = {
    "a name too long": (spoil(["partnership", "name"], "x" * 151), "partnership.name"),
    "a name on two lines": (spoil(["partnership", "name"], "a\nb"), "partnership.name"),
    "no goal": (spoil(["partnership", "goal"], ""), "partnership.goal"),
    "an unknown sector": (spoil(["partnership", "sectors"], ["pirates"]), "partnership.sectors"),
    "a date that is not": (spoil(["partnership", "created_at"], "yesterday"), "created_at"),
    "a date without its time zone": (
        spoil(["partnership", "created_at"], "2026-03-04T10:30:00"),
        "created_at: not a date and time",
    ),
    "a date at the edge of time": (
        spoil(["notes", 0, "updated_at"], "0001-01-01T00:00:00+14:00"),
        "notes[0].updated_at: not a date and time",
    ),
    "a member's role": (spoil(["members", 1, "role"], "owner"), "members[1].role"),
    "a member's address": (spoil(["members", 1, "email"], "not an address"), "members[1].email"),
    "an unknown cell": (spoil(["notes", 0, "cell"], "leadership/nowhere"), "notes[0].cell"),
    "a note twice": (spoil(["notes", 1, "cell"], "leadership/mapping"), "notes[1].cell"),
    "a note too long": (spoil(["notes", 1, "text"], "x" * 100_001), "notes[1].text"),
    "a status": (spoil(["notes", 1, "status"], "finished"), "notes[1].status"),
    "a version as text": (spoil(["notes", 1, "version"], "5"), "notes[1].version"),
    "a version too large": (spoil(["notes", 1, "version"], 2**40), "notes[1].version"),
    "a revision newer than its note": (
        spoil(["notes", 1, "revisions", 0, "version"], 9),
        "notes[1].revisions[0].version",
    ),
    "the same version twice": (
        spoil(["notes", 1, "revisions", 0, "version"], 2),
        "notes[1].revisions: the same version twice",
    ),
    "too many revisions": (
        spoil(["notes", 1, "revisions"], [{"version": 1}] * 201),
        "more than 200 versions",
    ),
    "an author that is a number": (spoil(["notes", 1, "revisions", 0, "author"], 7), "author"),
    "an author's long name": (
        spoil(["notes", 1, "revisions", 0, "author"], {"name": "x" * 151, "email": ""}),
        "a name is longer than 150 characters",
    ),
    "an unknown question": (spoil(["ticks", 0, "question"], 99), "ticks[0]"),
    "too many people": (
        spoil(
            ["invitations"], [{"email": f"p{n}@example.org", "role": "viewer"} for n in range(501)]
        ),
        "members: more than 500 people",
    ),
}


@pytest.mark.parametrize(("change", "where"), SPOILT.values(), ids=SPOILT.keys())
def test_a_spoilt_export_is_refused_saying_where_and_creates_nothing(
    client, cast, full, change, where
):
    client.force_login(cast.facilitator)
    counts = [model.objects.count() for model in (Partnership, Note, Revision, Invitation)]
    response = upload(client, change(export(client, full)))
    assert response.status_code == 400
    summary = page(response).select_one("[data-error-summary]").get_text()
    assert "The file cannot be imported" in summary
    assert where in summary
    assert [model.objects.count() for model in (Partnership, Note, Revision, Invitation)] == counts


def test_a_file_over_the_limit_is_refused_before_it_is_read(client, cast, settings):
    settings.PARTNERSHIP_IMPORT_MAX_BYTES = 1_000_000
    client.force_login(cast.facilitator)
    response = upload(client, b" " * 1_200_000)
    assert response.status_code == 400
    assert "larger than 1 MB" in page(response).select_one("[data-error-summary]").get_text()
    response = upload(client, b" " * 1_000_001)  # just over: read as far as its size
    assert response.status_code == 400
    assert "larger than 1 MB" in text(response)


def test_the_import_form_says_what_an_import_does_and_needs_a_file(client, cast):
    client.force_login(cast.facilitator)
    response = client.get(reverse("partnerships:import"))
    assert "You become the new partnership’s facilitator" in text(response)  # noqa: RUF001
    response = client.post(reverse("partnerships:import"))
    assert response.status_code == 400
    summary = page(response).select_one("[data-error-summary] a")
    assert summary["href"] == "#id_file"


def test_facilitators_find_the_exports_on_the_partnership_page(client, cast):
    links = {}
    for who in (cast.facilitator, cast.editor):
        client.force_login(who)
        response = client.get(cast.partnership.get_absolute_url())
        links[who] = {a["href"] for a in page(response).select("main a")}
    export_urls = {
        reverse(f"partnerships:{name}", args=[cast.partnership.pk])
        for name in ("export_json", "export_zip")
    }
    assert export_urls <= links[cast.facilitator]
    assert not export_urls & links[cast.editor]


def test_the_import_is_offered_on_my_partnerships(client, cast):
    client.force_login(cast.viewer)
    response = client.get(reverse("partnerships:list"))
    assert reverse("partnerships:import") in {a["href"] for a in page(response).select("main a")}


def test_the_export_carries_closed_rounds_results_in_aggregate_only(client, cast):
    answered_and_closed(cast, ratings=["2", "3", "4"], title="Spring")
    client.force_login(cast.facilitator)
    [spring] = export(client, cast.partnership)["self_assessment_results"]
    assert (spring["title"], spring["respondents"]) == ("Spring", 3)
    [rated] = [row for row in spring["cells"] if row["stage"] == "planning" and row["answered"]]
    assert (rated["domain"], rated["median"], rated["band"]) == ("leadership", 3, "discuss")
    assert "comment" not in json.dumps(spring)
    assert not {"fiona@example.org", "emma@example.org", "victor@example.org"} & set(
        json.dumps(spring).split('"')
    )
    response = client.get(reverse("partnerships:export_zip", args=[cast.partnership.pk]))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    [results] = [name for name in archive.namelist() if name.endswith("/self-assessment.md")]
    readable = archive.read(results).decode()
    assert "## Spring" in readable
    assert "- Leadership · Planning: 3 (Worth discussing)" in readable
