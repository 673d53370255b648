from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.forms import ChoosesLanguage
from accounts.models import Sector

from .models import ROLE_HELP, Invitation, Membership, Partnership, Role
from .transfer import read_document

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


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Export file"),
        help_text=_("The export.json file downloaded from a partnership’s page."),  # noqa: RUF001
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )

    def __init__(self, *args, limit, oversized=False, **kwargs):
        """``oversized``: the request was refused unread, being larger than ``limit``."""
        super().__init__(*args, **kwargs)
        self.limit = limit
        self.oversized = oversized
        self.fields["file"].required = not oversized

    def too_large(self):
        return ValidationError(
            _("The file is larger than %(limit)s MB, more than any export this server reads."),
            code="too_large",
            params={"limit": self.limit // 1_000_000},
        )

    def clean_file(self):
        """The export the file holds, read and checked for its format (as a dict)."""
        upload = self.cleaned_data["file"]
        if self.oversized or upload.size > self.limit:
            raise self.too_large()
        return read_document(upload.read())
