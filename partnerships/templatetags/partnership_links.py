from django import template

from ..models import Membership

register = template.Library()


@register.inclusion_tag("partnerships/includes/open_in_partnerships.html", takes_context=True)
def open_in_partnerships(context, cell):
    """Links from a public cell page to the same cell in each of the reader's partnerships."""
    user = context["request"].user
    memberships = Membership.objects.for_cell_links(user) if user.is_authenticated else []
    return {"cell": cell, "memberships": memberships}
