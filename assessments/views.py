from django.shortcuts import render

from domains.matrix import arrange
from domains.models import Cell
from domains.page_cache import public_page

from .forms import SelfCheckForm
from .scoring import summarise, where_to_start


@public_page
def self_check(request):
    """Anyone rates the model's statements for their partnership and sees where they stand.
    The answers travel in the address (a GET form) and nothing is stored."""
    cells = list(Cell.objects.for_matrix())
    form = SelfCheckForm(request.GET or None, cells=cells)
    results = None
    if form.is_valid():
        summaries = {cell: summarise([answer]) for cell, answer in form.answers().items()}
        if any(summary.scores for summary in summaries.values()):
            for cell, summary in summaries.items():
                cell.summary = summary
            results = {"matrix": arrange(cells), "start": where_to_start(summaries)}
    return render(
        request,
        "assessments/self_check.html",
        {"form": form, "results": results},
        status=400 if form.errors else 200,
    )
