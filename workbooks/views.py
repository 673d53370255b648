from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from domains.focus import FocusForm
from partnerships.access import Action, partnership_view

from .blank import BlankWorkbook
from .delivery import deliver
from .options import BlankWorkbookOptionsForm, PartnershipWorkbookOptionsForm
from .partnership import PartnershipWorkbook


def bad_options(request, focus_form, options, **context):
    """The page that says what is wrong with the focus or options in the query."""
    return render(
        request,
        "workbooks/bad_options.html",
        {"forms": [focus_form, options], **context},
        status=400,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def blank_workbook(request):
    """The model's guidance for the focus in the query, as a PDF to print and write on."""
    focus_form = FocusForm(request.GET)
    options = BlankWorkbookOptionsForm(request.GET)
    if focus_form.errors or not options.is_valid():
        return bad_options(request, focus_form, options)
    workbook = BlankWorkbook(
        focus=focus_form.focus,
        paper=options.cleaned_data["paper"],
        language=options.cleaned_data["lang"],
        questions=options.cleaned_data["questions"],
    )
    back_url = workbook.focus.on(reverse("domains:matrix"))
    return deliver(request, workbook, {"workbook": workbook, "back_url": back_url})


@partnership_view(Action.EXPORT)
@require_http_methods(["GET", "HEAD", "POST"])
def partnership_workbook(request, membership):
    """The partnership's notes and ticks on the focus in the query, as a PDF (members only)."""
    partnership = membership.partnership
    focus_form = FocusForm(request.GET)
    options = PartnershipWorkbookOptionsForm(request.GET)
    if focus_form.errors or not options.is_valid():
        return bad_options(request, focus_form, options, partnership=partnership)
    workbook = PartnershipWorkbook(
        partnership=partnership,
        focus=focus_form.focus,
        language=options.cleaned_data.pop("lang"),
        printed=timezone.localdate(),
        **options.cleaned_data,
    )
    return deliver(
        request,
        workbook,
        {
            "workbook": workbook,
            "back_url": workbook.focus.on(partnership.get_absolute_url()),
            "back_label": _("Back to the partnership"),
        },
    )
