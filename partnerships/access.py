"""What a user may do in a partnership: the one place that decides.

Every partnership view goes through ``membership_for`` (usually via ``@partnership_view``):
anyone who is not a member, signed in or not, gets 404, so a partnership's existence is never
revealed; a member whose role lacks the action gets 403.

Views that change who belongs, in which role, are ``locked``: they take the partnership's row
lock before reading the acting member's membership, so such changes run one after the other and
each one decides on what the one before left (a member just removed gets 404, one just demoted
403). The last-facilitator rule then holds however many facilitators act at once.
"""

from contextlib import nullcontext
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404

from .models import Membership, Partnership, Role


class Action(models.TextChoices):
    VIEW = "view"  # read the partnership, its notes and members; leave it
    EDIT = "edit"  # write notes
    EXPORT = "export"  # print and download
    MANAGE = "manage"  # edit details, members, invitations, archive; export it whole
    DELETE = "delete"  # delete the partnership
    ANSWER = "answer"  # answer the partnership's self-assessment rounds
    RUN_ROUNDS = "run_rounds"  # open, close and delete self-assessment rounds


ROLE_PERMISSIONS = {
    Role.FACILITATOR: frozenset(Action),
    Role.EDITOR: frozenset({Action.VIEW, Action.EDIT, Action.EXPORT, Action.ANSWER}),
    Role.VIEWER: frozenset({Action.VIEW, Action.EXPORT, Action.ANSWER}),
}


# An archived partnership is read-only: it can be read, printed, managed and deleted.
ARCHIVED_ACTIONS = frozenset({Action.VIEW, Action.EXPORT, Action.MANAGE, Action.DELETE})


def permits(membership, action) -> bool:
    allowed = ROLE_PERMISSIONS[membership.role]
    if membership.partnership.is_archived:
        allowed = allowed & ARCHIVED_ACTIONS
    return action in allowed


def membership_for(user, partnership_id, *, lock=False) -> Membership:
    """The user's membership of the partnership, with the partnership; 404 for everyone else.

    With ``lock`` (inside a transaction), the partnership's row is locked first and held until
    the transaction ends, so the membership read is current and stays so.
    """
    if not user.is_authenticated:
        raise Http404
    if lock:
        Partnership.objects.filter(pk=partnership_id).lock()
    try:
        return Membership.objects.select_related("partnership").get(
            user=user, partnership_id=partnership_id
        )
    except Membership.DoesNotExist:
        raise Http404 from None


def partnership_view(action: Action, *, locked=False):
    """Decorate a view taking ``partnership_id``: it is called as ``view(request, membership)``.

    A ``locked`` view runs in a transaction holding the partnership's row lock from before its
    membership is read until the view returns: every change to membership is such a view.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, partnership_id, **kwargs):
            with transaction.atomic() if locked else nullcontext():
                membership = membership_for(request.user, partnership_id, lock=locked)
                if not permits(membership, action):
                    raise PermissionDenied
                return view(request, membership, **kwargs)

        wrapper.action = action  # what it needs, for the tests' table of every address
        return wrapper

    return decorator
