"""A cast for partnership tests (a facilitator, an editor, a viewer and a stranger), and an
outside HTTP server that workbooks must never reach."""

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from accounts.models import Profile, Sector
from partnerships.models import Invitation, Membership, Partnership, Role

PASSWORD = "a long enough passphrase"


def make_user(email, name="", sector=Sector.PUBLIC, organisation=""):
    """A person who has signed up and verified their address."""
    user = get_user_model().objects.create_user(username=email, email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    Profile.objects.create(
        user=user,
        display_name=name or email.partition("@")[0].title(),
        sector=sector,
        organisation=organisation,
    )
    return user


def make_partnership(facilitator, name="Healthy schools", **extra):
    partnership = Partnership.objects.create(
        name=name,
        goal="More children walk or cycle to school.",
        sectors=[Sector.PUBLIC, Sector.NON_PROFIT],
        created_by=facilitator,
        **extra,
    )
    Membership.objects.create(partnership=partnership, user=facilitator, role=Role.FACILITATOR)
    return partnership


def invite(partnership, email, role=Role.EDITOR, invited_by=None):
    """A pending invitation and the token its link carries."""
    invitation = Invitation(partnership=partnership, email=email, role=role, invited_by=invited_by)
    token = invitation.new_token()
    invitation.save()
    return invitation, token


@dataclass
class Cast:
    partnership: Partnership
    facilitator: object
    co_facilitator: object
    editor: object
    viewer: object
    stranger: object

    def membership(self, user):
        return Membership.objects.get(partnership=self.partnership, user=user)


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
