"""The sign-up and log-in forms allauth shows (``ACCOUNT_FORMS``), in the product's words.

allauth builds its form on ``accounts.forms.SignupForm`` (``ACCOUNT_SIGNUP_FORM_CLASS``), which
adds the profile's fields; this module subclasses allauth's form, so it cannot live in
``accounts.forms``, which allauth's forms module imports.

For an address that already has an account, allauth creates no user and e-mails the owner
instead, skipping the password hashing that makes up most of a new account's cost. Hashing the
password on that path too makes both take as long, so a sign-up's timing does not tell whether
an address has an account.
"""

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _

LABELS = {
    "login": _("E-mail address"),
    "email": _("E-mail address"),
    "password": _("Password"),
    "password1": _("Password"),
    "password2": _("Password again"),
    "remember": _("Keep me logged in on this browser"),
}


def in_our_words(form):
    """The product's labels on allauth's fields, and no placeholders repeating them."""
    for name, field in form.fields.items():
        if name in LABELS:
            field.label = LABELS[name]
            field.widget.attrs.pop("placeholder", None)


class LoginForm(AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        in_our_words(self)


class SignupForm(AllauthSignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        in_our_words(self)

    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data["password1"])
        return super().try_save(request)
