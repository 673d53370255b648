from django import template
from django.utils.translation import gettext as _

from accounts.models import display_name

register = template.Library()


@register.filter
def person(user, kept_name=""):
    """A person's display name; content whose author deleted their account shows no name.
    ``kept_name`` is the name an imported partnership kept for someone with no account here."""
    if user is None:
        return kept_name or _("a former member")
    return display_name(user)
