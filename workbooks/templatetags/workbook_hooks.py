"""What workbooks/ shows on other apps' pages, through the project's hooks (templates/hooks/)."""

from django import template

from partnerships.access import Action, permits

from ..options import PartnershipWorkbookOptionsForm

register = template.Library()


@register.inclusion_tag("workbooks/includes/partnership_form.html", takes_context=True)
def partnership_workbook_form(context):
    """Under a partnership's matrix, for members who may print: its focus as a workbook."""
    membership = context["membership"]
    return {
        "can_export": permits(membership, Action.EXPORT),
        "partnership": membership.partnership,
        "focus": context["focus"],
        "workbook_options": PartnershipWorkbookOptionsForm(),
    }
