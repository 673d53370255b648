import copy

from allauth.core import ratelimit
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import Profile, Sector


class ChoosesLanguage:
    """A form with a ``language`` field: optional, and the page's language unless the person
    chooses another. Forms call ``offer_languages`` once their fields are there."""

    def offer_languages(self):
        self.fields["language"].initial = get_language()
        self.fields["language"].required = False

    def clean_language(self):
        return self.cleaned_data["language"] or get_language()


class ProfileForm(ChoosesLanguage, forms.ModelForm):
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=Sector.choices,
        widget=forms.RadioSelect,
        help_text=_("The kind of organisation you represent."),
    )

    class Meta:
        model = Profile
        fields = ["display_name", "organisation", "sector", "language"]
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_languages()


class SignupForm(ChoosesLanguage, forms.Form):
    """What allauth's sign-up form asks beyond e-mail and password (ACCOUNT_SIGNUP_FORM_CLASS).

    allauth builds its sign-up form on top of this class, so it stays a plain form (``save`` is
    allauth's) carrying the profile's fields, and saves the profile once the user exists.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(copy.deepcopy(ProfileForm.base_fields))
        self.offer_languages()

    def signup(self, request, user):
        fields = ProfileForm.Meta.fields
        Profile.objects.create(user=user, **{name: self.cleaned_data[name] for name in fields})


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To make sure it is you, enter your password again."),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self):
        password = self.cleaned_data["password"]
        # Re-entering one's password, as allauth's reauthentication: its rate limit applies, so
        # the password cannot be guessed here without end.
        if not ratelimit.consume(self.request, action="reauthenticate", user=self.request.user):
            raise forms.ValidationError(
                _("Too many attempts. Wait a few minutes, then try again."),
                code="too_many_attempts",
            )
        if not self.request.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."), code="wrong_password")
        return password
