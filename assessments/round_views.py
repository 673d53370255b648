"""A partnership's self-assessment rounds: list, open, answer, results, print, CSV, close, delete.

What each member may do comes from partnerships/access.py; what results show, from results.py.
"""

import csv

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from domains.focus import Focus
from partnerships.access import Action, partnership_view, permits

from .answering import RoundClosed, close_round, open_round, save_answers
from .forms import AnswerForm, RoundForm
from .models import Answer, Round
from .results import aggregates, changes, results_for, round_statements


def find_round(membership, round_id):
    return get_object_or_404(Round, partnership=membership.partnership, pk=round_id)


@partnership_view(Action.VIEW)
def rounds(request, membership):
    partnership = membership.partnership
    return render(
        request,
        "assessments/rounds.html",
        {
            "membership": membership,
            "partnership": partnership,
            "rounds": Round.objects.for_list(partnership),
            "can_run": permits(membership, Action.RUN_ROUNDS),
        },
    )


@partnership_view(Action.RUN_ROUNDS)
def open_new(request, membership):
    partnership = membership.partnership
    form = RoundForm(request.POST or None)
    if form.is_valid():
        round = open_round(
            partnership,
            request.user,
            title=form.cleaned_data["title"],
            focus=form.focus,
            closes_on=form.cleaned_data["closes_on"],
            mode=form.cleaned_data["mode"],
        )
        messages.success(request, _("The round is open. Members can answer now."))
        return redirect(round)
    return render(
        request,
        "assessments/round_form.html",
        {"membership": membership, "partnership": partnership, "form": form},
        status=400 if form.errors else 200,
    )


def domain_pages(statements):
    """The round's statements grouped by domain, in the model's order: one page each."""
    pages = {}
    for statement in statements:
        pages.setdefault(statement.cell.domain, []).append(statement)
    return list(pages.items())


def round_focus(round, statements):
    """The focus the round was opened with, read from the statements it asks."""
    domains = {statement.cell.domain: None for statement in statements}
    stages = sorted({statement.cell.stage for statement in statements}, key=lambda s: s.position)
    return Focus(
        domains=tuple(domains) if round.domains else (),
        stages=tuple(stages) if round.stages else (),
    )


def compared_results(round, value):
    """The results of the earlier round asked for in ``?compare=``, when they can be shown."""
    if not value.isdigit() or len(value) > 18:
        return None
    earlier = Round.objects.filter(partnership_id=round.partnership_id, pk=int(value)).first()
    if earlier is None or earlier.pk == round.pk:
        return None
    results = results_for(earlier)
    return results if results.visible else None


@partnership_view(Action.VIEW)
def round_page(request, membership, round_id):
    partnership = membership.partnership
    round = find_round(membership, round_id)
    statements = list(round_statements(round))
    results = results_for(round, statements)
    earlier = None
    if results.visible and "compare" in request.GET:
        earlier = compared_results(round, request.GET["compare"])
        if earlier:
            changes(results, earlier)
    own = Answer.objects.filter(response__round=round, response__user=request.user)
    pages = domain_pages(statements)
    return render(
        request,
        "assessments/round.html",
        {
            "membership": membership,
            "partnership": partnership,
            "round": round,
            "focus": round_focus(round, statements),
            "results": results,
            "statement_count": len(statements),
            "answered_count": sum(1 for answer in own if answer.rating),
            "first_page": answer_url(round, pages[0][0]) if pages else None,
            "can_answer": permits(membership, Action.ANSWER) and not round.is_closed,
            "can_run": permits(membership, Action.RUN_ROUNDS),
            "earlier_rounds": [
                other
                for other in Round.objects.for_list(partnership)
                if other.opened_at < round.opened_at and other.is_closed
            ]
            if results.visible
            else [],
            "compare": request.GET.get("compare", ""),
            "earlier": earlier,
        },
    )


@partnership_view(Action.ANSWER)
def answer(request, membership, round_id, domain):
    partnership = membership.partnership
    round = find_round(membership, round_id)
    pages = domain_pages(round_statements(round))
    slugs = [page_domain.slug for page_domain, _s in pages]
    if domain not in slugs:
        raise Http404
    position = slugs.index(domain)
    page_domain, statements = pages[position]
    if round.is_closed and request.method != "POST":  # a POST keeps its text: see RoundClosed
        messages.info(request, _("This round is closed: answers can no longer be changed."))
        return redirect(round)
    status = 200
    if request.method == "POST":
        form = AnswerForm(request.POST, statements=statements)
        if form.is_valid():
            try:
                save_answers(round, request.user, form.answers())
            except RoundClosed:
                form.add_error(None, _("The round closed before your answers were saved."))
                status = 409
            else:
                if "next" in request.POST and position + 1 < len(pages):
                    return redirect(answer_url(round, pages[position + 1][0]))
                if "next" in request.POST:
                    messages.success(
                        request,
                        _("Your answers are saved. You can change them until the round closes."),
                    )
                    return redirect(round)
                messages.success(request, _("Your answers on this page are saved."))
                return redirect(answer_url(round, page_domain))
        else:
            status = 400
    else:
        own = Answer.objects.filter(
            response__round=round, response__user=request.user, statement__in=statements
        )
        form = AnswerForm(initial=AnswerForm.initial_from(own), statements=statements)
    return render(
        request,
        "assessments/answer.html",
        {
            "membership": membership,
            "partnership": partnership,
            "round": round,
            "form": form,
            "domain": page_domain,
            "pages": [(page, answer_url(round, page)) for page, _s in pages],
            "is_last": position + 1 == len(pages),
        },
        status=status,
    )


def answer_url(round, domain):
    return reverse("assessments:answer", args=[round.partnership_id, round.pk, domain.slug])


@partnership_view(Action.RUN_ROUNDS)
@require_POST
def close(request, membership, round_id):
    round = close_round(find_round(membership, round_id))
    messages.success(request, _("The round is closed."))
    return redirect(round)


@partnership_view(Action.RUN_ROUNDS)
def delete(request, membership, round_id):
    round = find_round(membership, round_id)
    if request.method == "POST":
        round.delete()
        messages.success(request, _("“%(title)s” has been deleted.") % {"title": round.title})
        return redirect("assessments:rounds", membership.partnership_id)
    return render(
        request,
        "assessments/round_delete.html",
        {"membership": membership, "partnership": membership.partnership, "round": round},
    )


def visible_results(membership, round_id):
    round = find_round(membership, round_id)
    results = results_for(round)
    if not results.visible:
        raise Http404
    return round, results


@partnership_view(Action.EXPORT)
def print_page(request, membership, round_id):
    round, results = visible_results(membership, round_id)
    return render(
        request,
        "assessments/round_print.html",
        {
            "partnership": membership.partnership,
            "round": round,
            "results": results,
            "printable": True,
        },
    )


CSV_COLUMNS = ["domain", "stage", "statement", "answered", "dont_know", "median", "band",
               "divided", *(f"rated_{score}" for score in range(1, 6))]  # fmt: skip


@partnership_view(Action.EXPORT)
def results_csv(request, membership, round_id):
    round, results = visible_results(membership, round_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = slugify(f"{membership.partnership.name}-{round.title}") or "results"
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for row in aggregates(results):
        counts = row.pop("counts") or {}
        writer.writerow(
            [
                *(row[column] for column in CSV_COLUMNS[:8]),
                *(counts.get(str(s), "") for s in range(1, 6)),
            ]
        )
    return response
