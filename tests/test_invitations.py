"""Invitations: sent by e-mail, single use, expiring, for the address they were sent to only."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from partnerships.models import Invitation, Membership, Role

from .html import page, text
from .mail import link_in
from .people import PASSWORD, invite, make_user

pytestmark = pytest.mark.django_db


def send_invitation(client, cast, email="nora@example.org", role="editor"):
    client.force_login(cast.facilitator)
    return client.post(
        reverse("partnerships:invite", args=[cast.partnership.pk]),
        {"email": email, "role": role},
        follow=True,
    )


def test_a_facilitator_invites_by_email_with_a_role(client, cast):
    response = send_invitation(client, cast, email="Nora@Example.org", role="viewer")
    assert "The invitation is on its way to nora@example.org." in text(response)
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role) == ("nora@example.org", Role.VIEWER)
    assert invitation.expires_at - invitation.created_at == timedelta(days=14)
    [message] = mail.outbox
    assert message.to == ["nora@example.org"]
    assert message.subject == "Invitation to join “Healthy schools”"
    assert "Fiona Facilitator invites you to join the partnership “Healthy schools”" in (
        message.body
    )
    assert "as Viewer" in message.body
    token = link_in(message, "/invitations/").rstrip("/").rsplit("/", 1)[1]
    assert token not in invitation.token_hash
    assert "nora@example.org" in text(response)


def test_inviting_a_member_or_an_invited_address_is_refused_clearly(client, cast):
    send_invitation(client, cast)
    for email, message in [
        ("emma@example.org", "emma@example.org is already a member of this partnership."),
        ("NORA@example.org", "nora@example.org has already been invited."),
    ]:
        response = client.post(
            reverse("partnerships:invite", args=[cast.partnership.pk]),
            {"email": email, "role": "editor"},
        )
        assert response.status_code == 400
        assert message in text(response)
        assert page(response).select_one("#id_email")["value"] == email
    assert len(mail.outbox) == 1


def test_a_bad_address_keeps_what_was_typed(client, cast):
    client.force_login(cast.facilitator)
    response = client.post(
        reverse("partnerships:invite", args=[cast.partnership.pk]),
        {"email": "nora@", "role": "editor"},
    )
    assert response.status_code == 400
    assert "E-mail address: Enter a valid email address." in text(response)
    assert page(response).select_one("#id_email")["value"] == "nora@"


def test_the_invited_person_accepts_and_becomes_a_member(client, cast):
    send_invitation(client, cast)
    link = link_in(mail.outbox[0], "/invitations/")
    nora = make_user("nora@example.org", "Nora")
    client.force_login(nora)
    assert "Fiona Facilitator invites you to join this partnership as Editor." in text(
        client.get(link)
    )
    response = client.post(link, {"answer": "accept"}, follow=True)
    assert response.redirect_chain[-1][0] == cast.partnership.get_absolute_url()
    assert "Welcome to “Healthy schools”. You have joined as Editor." in text(response)
    assert cast.membership(nora).role == Role.EDITOR
    assert Invitation.objects.get().accepted_at is not None


def test_declining_leaves_the_person_outside(client, cast):
    _, token = invite(cast.partnership, "nora@example.org", invited_by=cast.facilitator)
    nora = make_user("nora@example.org")
    client.force_login(nora)
    response = client.post(reverse("partnerships:invitation", args=[token]), {"answer": "decline"})
    assert response["Location"] == reverse("partnerships:list")
    assert not Membership.objects.filter(user=nora).exists()
    assert Invitation.objects.get().declined_at is not None


def test_someone_without_an_account_signs_up_from_the_link(client, cast):
    _, token = invite(cast.partnership, "nora@example.org", invited_by=cast.facilitator)
    link = reverse("partnerships:invitation", args=[token])
    response = client.get(link)
    assert "Create an account with that address" in text(response)
    signup = page(response).find("a", string="Create an account")["href"]

    signup_page = page(client.get(signup))
    assert signup_page.select_one("#id_email")["value"] == "nora@example.org"
    response = client.post(
        signup,
        {
            "email": "nora@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Nora Nordic",
            "sector": "citizen",
        },
    )
    # The invitation reached this inbox, so the address needs no second check.
    assert response["Location"] == link
    assert mail.outbox == []
    response = client.post(link, {"answer": "accept"}, follow=True)
    assert "Nora Nordic (Editor)" in text(response)


def test_an_invitation_works_only_once(client, cast):
    _, token = invite(cast.partnership, "nora@example.org", invited_by=cast.facilitator)
    link = reverse("partnerships:invitation", args=[token])
    client.force_login(make_user("nora@example.org"))
    client.post(link, {"answer": "accept"})
    Membership.objects.filter(user__email="nora@example.org").delete()
    response = client.post(link, {"answer": "accept"})
    assert response.status_code == 410
    assert "This invitation has already been answered." in text(response)
    assert not Membership.objects.filter(user__email="nora@example.org").exists()


def test_an_expired_invitation_says_so_and_cannot_be_accepted(client, cast):
    invitation, token = invite(cast.partnership, "nora@example.org", invited_by=cast.facilitator)
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    client.force_login(make_user("nora@example.org"))
    response = client.post(reverse("partnerships:invitation", args=[token]), {"answer": "accept"})
    assert response.status_code == 410
    assert "This invitation expired on" in text(response)
    assert "Ask Fiona Facilitator to send it again" in text(response)
    assert not Membership.objects.filter(user__email="nora@example.org").exists()


def test_a_revoked_invitation_cannot_be_accepted(client, cast):
    invitation, token = invite(cast.partnership, "nora@example.org", invited_by=cast.facilitator)
    client.force_login(cast.facilitator)
    response = client.post(
        reverse("partnerships:revoke", args=[cast.partnership.pk, invitation.pk]), follow=True
    )
    assert "The invitation to nora@example.org has been withdrawn" in text(response)
    assert "No invitations are waiting for an answer." in text(response)
    client.force_login(make_user("nora@example.org"))
    response = client.post(reverse("partnerships:invitation", args=[token]), {"answer": "accept"})
    assert response.status_code == 410
    assert "withdrawn" in text(response)
    assert not Membership.objects.filter(user__email="nora@example.org").exists()


def test_another_account_cannot_accept_and_is_told_why(client, cast):
    _, token = invite(cast.partnership, "nora@example.org", invited_by=cast.facilitator)
    client.force_login(cast.stranger)
    response = client.post(reverse("partnerships:invitation", args=[token]), {"answer": "accept"})
    assert response.status_code == 403
    assert "This invitation was sent to nora@example.org" in text(response)
    assert "you are logged in as stella@example.org" in text(response)
    assert not cast.partnership.memberships.filter(user=cast.stranger).exists()
    assert Invitation.objects.get().accepted_at is None


def test_an_unverified_address_does_not_count(client, cast):
    _, token = invite(cast.partnership, "nora@example.org", invited_by=cast.facilitator)
    nora = make_user("nora@example.org")
    nora.emailaddress_set.update(verified=False)
    client.force_login(nora)
    response = client.post(reverse("partnerships:invitation", args=[token]), {"answer": "accept"})
    assert response.status_code == 403
    assert not Membership.objects.filter(user=nora).exists()


def test_someone_already_a_member_is_told_so(client, cast):
    _, token = invite(cast.partnership, "emma@example.org", invited_by=cast.facilitator)
    client.force_login(cast.editor)
    response = client.post(reverse("partnerships:invitation", args=[token]), {"answer": "accept"})
    assert "You are already a member of this partnership." in text(response)
    assert cast.membership(cast.editor).role == Role.EDITOR


def test_an_unknown_token_is_not_found(client):
    assert client.get(reverse("partnerships:invitation", args=["made-up"])).status_code == 404


def test_resending_sends_a_new_link_and_retires_the_old_one(client, cast):
    invitation, old_token = invite(
        cast.partnership, "nora@example.org", invited_by=cast.facilitator
    )
    invitation.expires_at = timezone.now() - timedelta(days=1)
    invitation.save()
    client.force_login(cast.facilitator)
    members_page = text(client.get(reverse("partnerships:members", args=[cast.partnership.pk])))
    assert "nora@example.org , editor." in members_page
    assert "The link has expired." in members_page
    response = client.post(
        reverse("partnerships:resend", args=[cast.partnership.pk, invitation.pk]), follow=True
    )
    assert "A new link is on its way to nora@example.org" in text(response)
    assert client.get(reverse("partnerships:invitation", args=[old_token])).status_code == 404
    client.force_login(make_user("nora@example.org"))
    new_link = link_in(mail.outbox[0], "/invitations/")
    assert client.post(new_link, {"answer": "accept"}).status_code == 302
    assert cast.partnership.memberships.filter(user__email="nora@example.org").exists()


def test_the_invitation_page_never_shows_other_partnerships(client, cast):
    _, token = invite(cast.partnership, "nora@example.org", invited_by=cast.facilitator)
    response = client.get(reverse("partnerships:invitation", args=[token]))
    assert "Healthy schools" in text(response)
    assert "Emma" not in text(response)


def test_the_subject_is_plain_text_on_one_line(client, cast):
    cast.partnership.name = "R&D <Lab> “North”"
    cast.partnership.save()
    send_invitation(client, cast)
    assert mail.outbox[0].subject == "Invitation to join “R&D <Lab> “North””"
