"""What partnerships/ holds about one person, for their "download my data" file."""

from django.dispatch import receiver

from accounts.signals import personal_data_requested

from .models import Invitation, Membership, Partnership


def partnership_data(partnership):
    return {
        "id": partnership.pk,
        "name": partnership.name,
        "goal": partnership.goal,
        "description": partnership.description,
        "sectors": partnership.sectors,
        "created_at": partnership.created_at.isoformat(),
        "archived_at": partnership.archived_at and partnership.archived_at.isoformat(),
    }


def invitation_status(invitation):
    for status, moment in (
        ("accepted", invitation.accepted_at),
        ("declined", invitation.declined_at),
        ("revoked", invitation.revoked_at),
    ):
        if moment:
            return status
    return "expired" if invitation.is_expired else "pending"


def user_data(user) -> dict:
    memberships = Membership.objects.filter(user=user).select_related("partnership")
    invitations = Invitation.objects.filter(invited_by=user).select_related("partnership")
    return {
        "memberships": [
            {
                "partnership": membership.partnership_id,
                "partnership_name": membership.partnership.name,
                "role": membership.role,
                "joined_at": membership.joined_at.isoformat(),
            }
            for membership in memberships.order_by("joined_at")
        ],
        "partnerships_created": [
            partnership_data(partnership)
            for partnership in Partnership.objects.filter(created_by=user).order_by("created_at")
        ],
        "invitations_sent": [
            {
                "partnership": invitation.partnership_id,
                "email": invitation.email,
                "role": invitation.role,
                "sent_at": invitation.created_at.isoformat(),
                "status": invitation_status(invitation),
            }
            for invitation in invitations.order_by("created_at")
        ],
    }


@receiver(personal_data_requested)
def add_partnership_data(sender, user, **kwargs):
    return user_data(user)
