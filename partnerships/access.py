"""What a user may do in a partnership: the one place that decides.

Every partnership view goes through ``membership_for`` (usually via ``@partnership_view``):
anyone who is not a member, signed in or not, gets 404, so a partnership's existence is never
revealed; a member whose role lacks the action gets 403.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

from .models import Membership, Role


class Action(models.TextChoices):
    VIEW = "view"  # read the partnership, its notes and members; leave it
    EDIT = "edit"  # write notes
    EXPORT = "export"  # print and download
    MANAGE = "manage"  # edit details, members, invitations, archive
    DELETE = "delete"  # delete the partnership


ROLE_PERMISSIONS = {
    Role.FACILITATOR: frozenset(Action),
    Role.EDITOR: frozenset({Action.VIEW, Action.EDIT, Action.EXPORT}),
    Role.VIEWER: frozenset({Action.VIEW, Action.EXPORT}),
}


# An archived partnership is read-only: it can be read, printed, managed and deleted.
ARCHIVED_ACTIONS = frozenset({Action.VIEW, Action.EXPORT, Action.MANAGE, Action.DELETE})


def permits(membership, action) -> bool:
    allowed = ROLE_PERMISSIONS[membership.role]
    if membership.partnership.is_archived:
        allowed = allowed & ARCHIVED_ACTIONS
    return action in allowed


def membership_for(user, partnership_id) -> Membership:
    """The user's membership of the partnership, with the partnership; 404 for everyone else."""
    if not user.is_authenticated:
        raise Http404
    try:
        return Membership.objects.select_related("partnership").get(
            user=user, partnership_id=partnership_id
        )
    except Membership.DoesNotExist:
        raise Http404 from None


def partnership_view(action: Action):
    """Decorate a view taking ``partnership_id``: it is called as ``view(request, membership)``."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, partnership_id, **kwargs):
            membership = membership_for(request.user, partnership_id)
            if not permits(membership, action):
                raise PermissionDenied
            return view(request, membership, **kwargs)

        wrapper.action = action  # what it needs, for the tests' table of every address
        return wrapper

    return decorator
