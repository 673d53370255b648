"""A partnership's members and invitations: list, invite, change roles, remove, revoke, resend."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import display_name

from ..access import Action, partnership_view, permits
from ..forms import InvitationForm, RoleForm
from ..mail import send_invitation
from ..models import INVITATION_DAYS, Invitation, Membership, Role


@partnership_view(Action.VIEW)
def members(request, membership):
    partnership = membership.partnership
    can_manage = permits(membership, Action.MANAGE)
    return render(
        request,
        "partnerships/members.html",
        {
            "partnership": partnership,
            "membership": membership,
            "members": Membership.objects.for_members_page(partnership),
            "invitations": Invitation.objects.for_members_page(partnership) if can_manage else (),
            "can_manage": can_manage,
            "roles": Role.choices,
        },
    )


@partnership_view(Action.MANAGE)
def invite(request, membership):
    partnership = membership.partnership
    form = InvitationForm(request.POST or None, partnership=partnership)
    if form.is_valid():
        invitation = form.instance
        invitation.invited_by = request.user
        token = invitation.new_token()
        try:
            with transaction.atomic():
                invitation.save()
        except IntegrityError:
            # The same address was invited a moment ago, in another request.
            form.add_error("email", _("This address has just been invited."))
        else:
            send_invitation(request, invitation, token)
            messages.success(
                request,
                _("The invitation is on its way to %(email)s.") % {"email": invitation.email},
            )
            return redirect("partnerships:members", partnership.pk)
    return render(
        request,
        "partnerships/invite.html",
        {"partnership": partnership, "form": form, "days": INVITATION_DAYS},
        status=400 if form.errors else 200,
    )


def other_member(membership, member_id):
    return get_object_or_404(
        Membership.objects.select_related("user__profile"),
        pk=member_id,
        partnership=membership.partnership,
    )


@partnership_view(Action.MANAGE, locked=True)
@require_POST
def change_role(request, membership, member_id):
    change_role_of(request, other_member(membership, member_id), RoleForm(request.POST))
    return redirect("partnerships:members", membership.partnership_id)


def change_role_of(request, member, form):
    if not form.is_valid():
        messages.error(request, _("Choose one of the roles."))
    elif form.cleaned_data["role"] != Role.FACILITATOR and member.is_last_facilitator():
        messages.error(
            request,
            _(
                "%(name)s is the only facilitator. Make another member a facilitator first: "
                "a partnership always keeps at least one."
            )
            % {"name": display_name(member.user)},
        )
    else:
        member.role = form.cleaned_data["role"]
        member.save(update_fields=["role"])
        messages.success(
            request,
            _("Role of %(name)s changed to: %(role)s.")
            % {"name": display_name(member.user), "role": member.get_role_display()},
        )


@partnership_view(Action.MANAGE, locked=True)
def remove(request, membership, member_id):
    member = other_member(membership, member_id)
    if member == membership:
        return redirect("partnerships:leave", membership.partnership_id)
    if request.method == "POST":
        # The acting facilitator, re-read under the lock, stays: the last one never goes.
        member.delete()
        membership.partnership.touch()
        messages.success(
            request,
            _("%(name)s is no longer a member.") % {"name": display_name(member.user)},
        )
        return redirect("partnerships:members", membership.partnership_id)
    return render(
        request,
        "partnerships/member_remove.html",
        {"partnership": membership.partnership, "member": member},
    )


def pending_invitation(membership, invitation_id):
    return get_object_or_404(
        Invitation.objects.pending(), pk=invitation_id, partnership=membership.partnership
    )


@partnership_view(Action.MANAGE)
@require_POST
def revoke(request, membership, invitation_id):
    invitation = pending_invitation(membership, invitation_id)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    messages.success(
        request,
        _("The invitation to %(email)s has been withdrawn; its link no longer works.")
        % {"email": invitation.email},
    )
    return redirect("partnerships:members", membership.partnership_id)


@partnership_view(Action.MANAGE)
@require_POST
def resend(request, membership, invitation_id):
    invitation = pending_invitation(membership, invitation_id)
    token = invitation.new_token()
    invitation.invited_by = request.user
    invitation.save(update_fields=["token_hash", "created_at", "expires_at", "invited_by"])
    send_invitation(request, invitation, token)
    messages.success(
        request,
        _("A new link is on its way to %(email)s; the earlier one no longer works.")
        % {"email": invitation.email},
    )
    return redirect("partnerships:members", membership.partnership_id)
