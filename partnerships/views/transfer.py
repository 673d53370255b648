"""A partnership's export (JSON, and Markdown files in a zip) and the import of an export into a
new partnership (partnerships/transfer.py says what they hold)."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..access import Action, partnership_view
from ..forms import ImportForm
from ..transfer import export_document, import_document, markdown_zip


def download(content, content_type, partnership, extension):
    name = slugify(partnership.name) or "partnership"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{name}-{timezone.localdate().isoformat()}.{extension}"'
    )
    return response


def as_json(document):
    return json.dumps(document, ensure_ascii=False, indent=1)


@partnership_view(Action.MANAGE)
def export_json(request, membership):
    document = export_document(membership.partnership, request.user)
    return download(as_json(document), "application/json", membership.partnership, "json")


@partnership_view(Action.MANAGE)
def export_zip(request, membership):
    document = export_document(membership.partnership, request.user)
    archive = markdown_zip(document, as_json(document))
    return download(archive, "application/zip", membership.partnership, "zip")


@login_required
def import_partnership(request):
    limit = settings.PARTNERSHIP_IMPORT_MAX_BYTES
    # A body far larger than any export allowed is refused before it is read.
    oversized = int(request.META.get("CONTENT_LENGTH") or 0) > limit + 100_000
    if request.method != "POST":
        form = ImportForm(limit=limit)
    elif oversized:
        form = ImportForm({}, limit=limit, oversized=True)
    else:
        form = ImportForm(request.POST, request.FILES, limit=limit)
    if form.is_valid():
        try:
            partnership = import_document(form.cleaned_data["file"], request.user)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(
                request,
                _(
                    "The partnership has been imported. You are its facilitator; the other "
                    "members are listed under Pending invitations, to send when you are ready."
                ),
            )
            return redirect(partnership)
    return render(
        request,
        "partnerships/import.html",
        {"form": form, "limit_mb": limit // 1_000_000},
        status=400 if form.errors else 200,
    )
