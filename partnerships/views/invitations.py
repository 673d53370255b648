"""The page an invitation link opens: sign up or log in, then accept or decline."""

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Invitation, Membership, hash_token


def invitation_state(invitation, user):
    """Why the invitation cannot be answered by this user, or "open" when it can."""
    if invitation.accepted_at or invitation.declined_at:
        return "used"
    if invitation.revoked_at:
        return "revoked"
    if invitation.is_expired:
        return "expired"
    if not user.is_authenticated:
        return "anonymous"
    if Membership.objects.filter(partnership=invitation.partnership, user=user).exists():
        return "member"
    if not EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists():
        return "wrong_account"
    return "open"


STATUS = {"used": 410, "revoked": 410, "expired": 410, "wrong_account": 403}


def invitation(request, token):
    with transaction.atomic():
        invitation = get_object_or_404(
            Invitation.objects.select_for_update(of=("self",)).select_related(
                "partnership", "invited_by__profile"
            ),
            token_hash=hash_token(token),
        )
        state = invitation_state(invitation, request.user)
        answer = request.POST.get("answer")
        if request.method == "POST" and state == "open" and answer in ANSWERS:
            return ANSWERS[answer](request, invitation)
    if state == "anonymous":
        # The link reached this address's inbox: signing up with it needs no second check.
        get_adapter(request).stash_verified_email(request, invitation.email)
    return render(
        request,
        "partnerships/invitation.html",
        {"invitation": invitation, "partnership": invitation.partnership, "state": state},
        status=STATUS.get(state, 200),
    )


def accept(request, invitation):
    partnership = invitation.partnership
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    Membership.objects.create(partnership=partnership, user=request.user, role=invitation.role)
    partnership.touch()
    messages.success(
        request,
        _("Welcome to “%(name)s”. You have joined as %(role)s.")
        % {"name": partnership.name, "role": invitation.get_role_display()},
    )
    return redirect(partnership)


def decline(request, invitation):
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])
    messages.info(
        request,
        _("You have declined the invitation to “%(name)s”.")
        % {"name": invitation.partnership.name},
    )
    return redirect("partnerships:list")


ANSWERS = {"accept": accept, "decline": decline}
