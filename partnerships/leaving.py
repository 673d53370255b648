"""What happens to a person's partnerships when they delete their account.

What they wrote stays with the partnership (authorship becomes "a former member"). A partnership
they are the only member of is deleted. Where they are the last facilitator, the member who has
belonged longest becomes facilitator, so every partnership keeps one.
"""

from dataclasses import dataclass, field

from django.dispatch import receiver

from accounts.signals import account_deleting

from .models import Membership, Partnership, Role


@dataclass
class LeavingPlan:
    deleted: list[Partnership] = field(default_factory=list)
    promoted: list[Membership] = field(default_factory=list)

    def carry_out(self):
        Partnership.objects.filter(pk__in=[p.pk for p in self.deleted]).delete()
        for membership in self.promoted:
            membership.role = Role.FACILITATOR
            membership.save(update_fields=["role"])
            membership.partnership.touch()


def plan_for_account_deletion(user) -> LeavingPlan:
    own = {m.partnership_id: m for m in Membership.objects.filter(user=user)}
    others = (
        Membership.objects.filter(partnership__in=list(own))
        .exclude(user=user)
        .select_related("partnership", "user__profile")
        .order_by("joined_at", "pk")
    )
    remaining = {}
    for membership in others:
        remaining.setdefault(membership.partnership_id, []).append(membership)
    plan = LeavingPlan(
        deleted=list(
            Partnership.objects.filter(pk__in=[pk for pk in own if pk not in remaining]).order_by(
                "name"
            )
        )
    )
    for partnership_id, members in remaining.items():
        if own[partnership_id].is_facilitator and not any(m.is_facilitator for m in members):
            plan.promoted.append(members[0])
    return plan


def leave_all(user):
    """Carry out the plan; call it inside the transaction that deletes the account."""
    Partnership.objects.filter(memberships__user=user).lock()
    plan_for_account_deletion(user).carry_out()


@receiver(account_deleting)
def leave_partnerships(sender, user, **kwargs):
    leave_all(user)
