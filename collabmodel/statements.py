"""What a public body must publish about a service it runs: the accessibility statement and the
privacy notice, naming the operator from settings. The facts they state (how long things are
kept) are read from the code that keeps them, so the pages stay true when it changes."""

import datetime

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from notes.models import REVISIONS_KEPT
from partnerships.models import INVITATION_DAYS
from workbooks.tasks import PDF_TIMEOUT

DAY = 60 * 60 * 24
# When the accessibility of the pages was last assessed (the checks the statement describes).
ASSESSED_ON = datetime.date(2026, 12, 4)


def operator():
    return {
        "name": settings.OPERATOR_NAME,
        "email": settings.OPERATOR_EMAIL,
        "address": settings.OPERATOR_ADDRESS,
    }


@require_safe
def accessibility(request):
    return render(
        request,
        "statements/accessibility.html",
        {
            "operator": operator(),
            "feedback_email": settings.ACCESSIBILITY_EMAIL,
            "enforcement_body": settings.ACCESSIBILITY_ENFORCEMENT_BODY,
            "enforcement_url": settings.ACCESSIBILITY_ENFORCEMENT_URL,
            "assessed_on": ASSESSED_ON,
        },
    )


@require_safe
def privacy(request):
    return render(
        request,
        "statements/privacy.html",
        {
            "operator": operator(),
            "revisions_kept": REVISIONS_KEPT,
            "invitation_days": INVITATION_DAYS,
            "session_days": settings.SESSION_COOKIE_AGE // DAY,
            "language_cookie_days": settings.LANGUAGE_COOKIE_AGE // DAY,
            "workbook_days": PDF_TIMEOUT // DAY,
            "data_url": reverse("accounts:data"),
            "profile_url": reverse("accounts:profile"),
            "delete_url": reverse("accounts:delete"),
        },
    )
