from django import template
from django.utils.translation import gettext as _

from accounts.models import display_name

register = template.Library()


@register.filter
def person(user):
    """A person's display name; content whose author deleted their account shows no name."""
    if user is None:
        return _("a former member")
    return display_name(user)
