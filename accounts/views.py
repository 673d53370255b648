import json

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from .forms import DeleteAccountForm, ProfileForm
from .models import Profile
from .signals import account_deleting, personal_data_requested


@login_required
def profile(request):
    instance = Profile.objects.filter(user=request.user).first() or Profile(user=request.user)
    form = ProfileForm(request.POST or None, instance=instance)
    if form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(
        request, "accounts/profile.html", {"form": form}, status=400 if form.errors else 200
    )


def account_data(user) -> dict:
    profile = Profile.objects.filter(user=user).first()
    return {
        "email": user.email,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "profile": profile
        and {
            "display_name": profile.display_name,
            "organisation": profile.organisation,
            "sector": profile.sector,
        },
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


@login_required
def download_data(request):
    data = {"account": account_data(request.user)}
    for _receiver, app_data in personal_data_requested.send(
        sender=type(request.user), user=request.user
    ):
        data.update(app_data)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"collaboration-workbook-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, request=request)
    if form.is_valid():
        user = request.user
        with transaction.atomic():
            account_deleting.send(sender=type(user), user=user)
            logout(request)
            user.delete()
        messages.success(request, _("Your account has been deleted."))
        return redirect("domains:home")
    return render(
        request,
        "accounts/delete.html",
        {"form": form},
        status=400 if form.errors else 200,
    )
