"""What partnerships/ shows on other apps' pages, through the project's hooks
(templates/hooks/)."""

from django import template

from ..leaving import plan_for_account_deletion

register = template.Library()


@register.inclusion_tag("partnerships/includes/account_deletion_plan.html")
def account_deletion_plan(user):
    """What deleting the person's account does to their partnerships, as items of a list."""
    return {"plan": plan_for_account_deletion(user)}
