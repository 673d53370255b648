from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.forms import ChoosesLanguage
from accounts.models import Sector

from .models import ROLE_HELP, Invitation, Membership, Partnership, Role

# Lazy, so each page shows them in its own language.
ROLE_CHOICES_EXPLAINED = [
    (role.value, format_lazy("{}: {}", role.label, ROLE_HELP[role])) for role in Role
]


class PartnershipForm(forms.ModelForm):
    sectors = forms.MultipleChoiceField(
        label=_("Sectors involved"),
        choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick every sector your partners come from."),
        error_messages={"required": _("Choose at least one sector.")},
    )

    class Meta:
        model = Partnership
        fields = ["name", "goal", "description", "sectors"]
        widgets = {
            "goal": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def clean_sectors(self):
        chosen = self.cleaned_data["sectors"]
        return [value for value in Sector.values if value in chosen]


class InvitationForm(ChoosesLanguage, forms.ModelForm):
    role = forms.ChoiceField(
        label=_("Role"),
        choices=ROLE_CHOICES_EXPLAINED,
        initial=Role.EDITOR,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Invitation
        fields = ["email", "role", "language"]
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "off"})}
        help_texts = {"email": _("We send the invitation link to this address.")}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership
        self.offer_languages()  # the inviter's language, unless they choose the invitee's

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        partnership = self.instance.partnership
        if Membership.objects.filter(partnership=partnership, user__email__iexact=email).exists():
            raise forms.ValidationError(
                _("%(email)s is already a member of this partnership."),
                code="member",
                params={"email": email},
            )
        if partnership.invitations.pending().filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _(
                    "%(email)s has already been invited. To send the link again, use “Resend” "
                    "under Pending invitations."
                ),
                code="invited",
                params={"email": email},
            )
        return email


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
