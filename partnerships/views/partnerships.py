"""A partnership's own pages: my partnerships, create, home, edit, archive, delete, leave."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..access import Action, partnership_view, permits
from ..forms import PartnershipForm
from ..models import Membership, Role


@login_required
def my_partnerships(request):
    memberships = list(Membership.objects.for_my_partnerships(request.user))
    return render(
        request,
        "partnerships/my_partnerships.html",
        {
            "active": [m for m in memberships if not m.partnership.is_archived],
            "archived": [m for m in memberships if m.partnership.is_archived],
        },
    )


@login_required
def create(request):
    form = PartnershipForm(request.POST or None)
    if form.is_valid():
        with transaction.atomic():
            partnership = form.save(commit=False)
            partnership.created_by = request.user
            partnership.save()
            Membership.objects.create(
                partnership=partnership, user=request.user, role=Role.FACILITATOR
            )
        messages.success(request, _("Your partnership has been created. You are its facilitator."))
        return redirect(partnership)
    return render(
        request,
        "partnerships/partnership_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@partnership_view(Action.VIEW)
def detail(request, membership):
    partnership = membership.partnership
    return render(
        request,
        "partnerships/partnership_detail.html",
        {
            "membership": membership,
            "partnership": partnership,
            "members": Membership.objects.for_members_page(partnership),
            "can_manage": permits(membership, Action.MANAGE),
            "can_delete": permits(membership, Action.DELETE),
        },
    )


@partnership_view(Action.MANAGE)
def edit(request, membership):
    form = PartnershipForm(request.POST or None, instance=membership.partnership)
    if form.is_valid():
        form.save()
        messages.success(request, _("The details of the partnership have been saved."))
        return redirect(membership.partnership)
    return render(
        request,
        "partnerships/partnership_form.html",
        {"form": form, "partnership": membership.partnership},
        status=400 if form.errors else 200,
    )


@partnership_view(Action.MANAGE)
def archive(request, membership):
    partnership = membership.partnership
    if request.method == "POST":
        partnership.archived_at = partnership.archived_at or timezone.now()
        partnership.save(update_fields=["archived_at"])
        messages.success(request, _("“%(name)s” has been archived.") % {"name": partnership.name})
        return redirect(partnership)
    return render(request, "partnerships/partnership_archive.html", {"partnership": partnership})


@partnership_view(Action.MANAGE)
@require_POST
def restore(request, membership):
    partnership = membership.partnership
    partnership.archived_at = None
    partnership.save(update_fields=["archived_at"])
    messages.success(request, _("“%(name)s” is active again.") % {"name": partnership.name})
    return redirect(partnership)


@partnership_view(Action.DELETE)
def delete(request, membership):
    partnership = membership.partnership
    if request.method == "POST":
        partnership.delete()
        messages.success(request, _("“%(name)s” has been deleted.") % {"name": partnership.name})
        return redirect("partnerships:list")
    return render(
        request,
        "partnerships/partnership_delete.html",
        {"partnership": partnership, "member_count": partnership.memberships.count()},
    )


@partnership_view(Action.VIEW, locked=True)
def leave(request, membership):
    partnership = membership.partnership
    last_facilitator = membership.is_last_facilitator()
    if request.method == "POST" and not last_facilitator:
        membership.delete()
        partnership.touch()
        messages.success(request, _("You have left “%(name)s”.") % {"name": partnership.name})
        return redirect("partnerships:list")
    return render(
        request,
        "partnerships/partnership_leave.html",
        {
            "partnership": partnership,
            "membership": membership,
            "last_facilitator": last_facilitator,
            "alone": last_facilitator and partnership.memberships.count() == 1,
        },
        status=409 if request.method == "POST" else 200,
    )
