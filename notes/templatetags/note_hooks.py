"""What notes/ shows on other apps' pages, through the project's hooks (templates/hooks/)."""

from django import template

from partnerships.models import Membership

from ..views.cells import partnership_dashboard

register = template.Library()


@register.inclusion_tag("notes/includes/open_in_partnerships.html", takes_context=True)
def open_in_partnerships(context, cell):
    """Links from a public cell page to the same cell in each of the reader's partnerships."""
    user = context["request"].user
    memberships = Membership.objects.for_cell_links(user) if user.is_authenticated else []
    return {"cell": cell, "memberships": memberships}


@register.inclusion_tag("notes/includes/partnership_work.html", takes_context=True)
def partnership_work(context):
    """A partnership's home: its progress on the model, for the focus asked, and its latest work."""
    membership = context["membership"]
    return {
        "request": context["request"],
        "membership": membership,
        "partnership": membership.partnership,
        **partnership_dashboard(membership.partnership, context["request"].GET),
    }
