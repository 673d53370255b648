"""The sign-up form allauth shows (``ACCOUNT_FORMS["signup"]``).

allauth builds its form on ``accounts.forms.SignupForm`` (``ACCOUNT_SIGNUP_FORM_CLASS``), which
adds the profile's fields; this module subclasses allauth's form, so it cannot live in
``accounts.forms``, which allauth's forms module imports.

For an address that already has an account, allauth creates no user and e-mails the owner
instead, skipping the password hashing that makes up most of a new account's cost. Hashing the
password on that path too makes both take as long, so a sign-up's timing does not tell whether
an address has an account.
"""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password


class SignupForm(AllauthSignupForm):
    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data["password1"])
        return super().try_save(request)
