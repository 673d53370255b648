from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from domains.focus import FocusForm
from domains.models import Domain, Stage

from .blank import BlankWorkbook
from .delivery import deliver
from .options import WorkbookOptionsForm


@require_http_methods(["GET", "HEAD", "POST"])
def blank_workbook(request):
    """The model's guidance for the focus in the query, as a PDF to print and write on."""
    focus_form = FocusForm(request.GET, domains=Domain.objects.all(), stages=Stage.objects.all())
    options = WorkbookOptionsForm(request.GET)
    if focus_form.errors or not options.is_valid():
        return render(
            request, "workbooks/bad_options.html", {"forms": [focus_form, options]}, status=400
        )
    workbook = BlankWorkbook(
        focus=focus_form.focus, paper=options.cleaned_data["paper"], language=get_language()
    )
    query = workbook.focus.query_string
    back_url = reverse("domains:matrix") + (f"?{query}" if query else "")
    return deliver(request, workbook, {"workbook": workbook, "back_url": back_url})
