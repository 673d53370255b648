import copy

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Profile, Sector


class ProfileForm(forms.ModelForm):
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=Sector.choices,
        widget=forms.RadioSelect,
        help_text=_("The kind of organisation you represent."),
    )

    class Meta:
        model = Profile
        fields = ["display_name", "organisation", "sector"]
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }


class SignupForm(forms.Form):
    """What allauth's sign-up form asks beyond e-mail and password (ACCOUNT_SIGNUP_FORM_CLASS).

    allauth builds its sign-up form on top of this class, so it stays a plain form (``save`` is
    allauth's) carrying the profile's fields, and saves the profile once the user exists.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(copy.deepcopy(ProfileForm.base_fields))

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

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."), code="wrong_password")
        return password
