"""allauth's adapter, for the language of what it sends and where it lands a person."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Profile


def language_of(email, default):
    """The language a person chose on their profile, by their address; else ``default``."""
    language = (
        Profile.objects.filter(user__email__iexact=email).values_list("language", flat=True).first()
    )
    return language or default


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Mail goes out in its recipient's language: their profile's, else the page's (a new
        address signing up in Polish gets its verification mail in Polish), and its links lead
        to pages in that language."""
        language = language_of(email, translation.get_language())
        links = {  # made in the page's language: translate_url reads them in it
            key: translate_url(value, language)
            for key, value in context.items()
            if key.endswith("_url") and isinstance(value, str)
        }
        with translation.override(language):
            super().send_mail(template_prefix, email, {**context, **links})

    def format_email_subject(self, subject):
        """A subject starts with the product's name, in the mail's language."""
        return f"[{_('Collaboration workbook')}] {subject}"

    def get_login_redirect_url(self, request):
        """After logging in, the site continues in the person's own language."""
        user = request.user
        language = language_of(user.email, translation.get_language())
        with translation.override(language):
            return super().get_login_redirect_url(request)
