"""The people and partnerships tests are made of: signed-up users, partnerships, invitations,
the cast of a partnership (a facilitator, a co-facilitator, an editor, a viewer and a stranger),
and a test client signed in as one of them."""

from dataclasses import dataclass

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


# Who can ask for a partnership's pages: not signed in, signed in but not a member, and each role.
ROLES = ["anonymous", "stranger", "viewer", "editor", "facilitator"]


def client_as(client, cast, role):
    """``client`` signed in as the cast's ``role`` (one of ROLES); as nobody for "anonymous"."""
    if role != "anonymous":
        client.force_login(getattr(cast, role))
    return client
