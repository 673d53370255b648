"""Two partners save the same cell at the same moment, on PostgreSQL with real connections.

Each writer runs in its own thread with its own database connection. The first to update the
note holds its row lock a moment longer, so the second really waits on it; when the lock is
released, the second's conditional UPDATE finds a newer version and is refused. Both texts
survive: one saved, the other handed back with the conflict.
"""

import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from domains.models import Cell
from notes.editing import EditConflict, save_text
from notes.models import Note, Revision

from .people import make_partnership, make_user

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL's row locks (scripts/test and CI run on PostgreSQL)",
    ),
]


def race(partnership, cell, writers, base_version):
    """Run the writers' saves at the same moment; return what each got back."""
    barrier = threading.Barrier(len(writers))
    outcomes = {}

    def write(user, text):
        try:
            barrier.wait()
            with transaction.atomic():
                save_text(partnership, cell, user, text, base_version)
                time.sleep(0.3)  # hold the row lock: the other writer must wait for it
            outcomes[text] = "saved"
        except EditConflict as conflict:
            outcomes[text] = ("conflict", conflict.current.text)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=writer) for writer in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    return outcomes


@pytest.fixture
def scene():
    call_command("loaddata", "model", verbosity=0)
    anna, ben = make_user("anna@example.org"), make_user("ben@example.org")
    partnership = make_partnership(anna)
    partnership.memberships.create(user=ben, role="editor")
    cell = Cell.objects.get(domain__slug="coordination", stage__slug="planning")
    return partnership, cell, anna, ben


@pytest.mark.parametrize("existing", [False, True], ids=["new note", "existing note"])
def test_simultaneous_saves_one_wins_the_other_gets_a_conflict(scene, existing):
    partnership, cell, anna, ben = scene
    base_version = 0
    if existing:
        base_version = save_text(partnership, cell, anna, "Agreed so far.", 0).version

    outcomes = race(
        partnership,
        cell,
        [(anna, "Anna: steering group meets monthly."), (ben, "Ben: steering group meets weekly.")],
        base_version,
    )

    assert sorted(
        outcome if outcome == "saved" else outcome[0] for outcome in outcomes.values()
    ) == [
        "conflict",
        "saved",
    ]
    saved_text = next(text for text, outcome in outcomes.items() if outcome == "saved")
    refused_text = next(text for text, outcome in outcomes.items() if outcome != "saved")
    note = Note.objects.get()
    assert note.text == saved_text
    assert note.version == base_version + 1
    # The refused writer is shown the winner's text next to their own: nothing is lost.
    assert outcomes[refused_text] == ("conflict", saved_text)
    assert Revision.objects.filter(note=note).first().text == saved_text
