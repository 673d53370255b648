"""Fixtures: a partnership's cast, and an outside HTTP server that workbooks must never reach.
Helpers live in support modules (people.py, html.py, mail.py, pdf.py, worker.py, note_cell.py)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from partnerships.models import Membership, Role

from .note_cell import the_cell
from .people import Cast, make_partnership, make_user


@pytest.fixture
def cast(db):
    facilitator = make_user("fiona@example.org", "Fiona Facilitator")
    partnership = make_partnership(facilitator)
    members = {}
    for attribute, email, role in [
        ("co_facilitator", "carl@example.org", Role.FACILITATOR),
        ("editor", "emma@example.org", Role.EDITOR),
        ("viewer", "victor@example.org", Role.VIEWER),
    ]:
        members[attribute] = make_user(email)
        Membership.objects.create(partnership=partnership, user=members[attribute], role=role)
    return Cast(
        partnership=partnership,
        facilitator=facilitator,
        stranger=make_user("stella@example.org", "Stella Stranger"),
        **members,
    )


@pytest.fixture
def outside_server():
    """An HTTP server on 127.0.0.1 that records every request it gets."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            received.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body { color: red }")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", received
    server.shutdown()
    server.server_close()


@pytest.fixture
def cell(db):
    """The cell the note tests write on (tests/note_cell.py)."""
    return the_cell()
