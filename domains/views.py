from dataclasses import dataclass

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .focus import FocusForm
from .matrix import arrange
from .models import Cell, Domain, GlossaryTerm, GuidanceItem, Source, Stage
from .page_cache import public_page
from .toolkit import GlossaryLinks


@public_page
def home(request):
    return render(
        request,
        "domains/home.html",
        {"domains": Domain.objects.all(), "stages": Stage.objects.all()},
    )


@public_page
def matrix(request):
    form = FocusForm(request.GET)
    focus = form.focus
    if form.is_bound and form.is_valid() and request.GET.urlencode(safe=",") != focus.query_string:
        # A plain form sends domains=a&domains=b: keep the short, shareable address instead.
        return redirect(focus.on(request.path) + "#focus")
    cells = Cell.objects.for_matrix().in_focus(focus)
    return render(
        request,
        "domains/matrix.html",
        {"form": form, "focus": focus, "matrix": arrange(cells)},
        status=400 if form.errors else 200,
    )


@public_page
def domain_detail(request, slug):
    domain = get_object_or_404(Domain, slug=slug)
    cells = Cell.objects.for_matrix().filter(domain=domain)
    return render(
        request,
        "domains/domain.html",
        {"domain": domain, "cells": cells, "glossary": glossary_links()},
    )


@public_page
def stage_detail(request, slug):
    stage = get_object_or_404(Stage, slug=slug)
    cells = Cell.objects.for_matrix().filter(stage=stage)
    return render(
        request,
        "domains/stage.html",
        {"stage": stage, "cells": cells, "glossary": glossary_links()},
    )


def neighbours(items, current):
    """The items before and after ``current`` in ``items`` (None at either end)."""
    index = items.index(current)
    return (
        items[index - 1] if index > 0 else None,
        items[index + 1] if index + 1 < len(items) else None,
    )


@dataclass(frozen=True)
class NeighbourLink:
    kind: str  # previous-stage, next-stage, previous-domain, next-domain
    label: str
    url: str | None  # None at the edge of the model: ``label`` then says so


def neighbour_links(cell, cell_url):
    """Links to the cells around ``cell``; ``cell_url(domain, stage)`` makes each address."""
    previous_stage, next_stage = neighbours(list(Stage.objects.all()), cell.stage)
    previous_domain, next_domain = neighbours(list(Domain.objects.all()), cell.domain)

    def link(kind, domain, stage, label, edge):
        if domain is None or stage is None:
            return NeighbourLink(kind, edge, None)
        names = {"domain": domain.name, "stage": stage.name}
        return NeighbourLink(kind, label % names, cell_url(domain, stage))

    return [
        link("previous-stage", cell.domain, previous_stage,
             _("Previous stage: %(domain)s · %(stage)s"), _("This is the first stage.")),
        link("next-stage", cell.domain, next_stage,
             _("Next stage: %(domain)s · %(stage)s"), _("This is the last stage.")),
        link("previous-domain", previous_domain, cell.stage,
             _("Previous domain: %(domain)s · %(stage)s"), _("This is the first domain.")),
        link("next-domain", next_domain, cell.stage,
             _("Next domain: %(domain)s · %(stage)s"), _("This is the last domain.")),
    ]  # fmt: skip


@public_page
def cell_detail(request, domain, stage):
    cell = get_object_or_404(Cell.objects.for_page(), domain__slug=domain, stage__slug=stage)
    links = neighbour_links(
        cell, lambda domain, stage: reverse("domains:cell", args=[domain.slug, stage.slug])
    )
    return render(
        request,
        "domains/cell.html",
        {"cell": cell, "neighbour_links": links, "glossary": glossary_links()},
    )


def glossary_links():
    """Links to the glossary for one page's texts (each term linked where it first appears)."""
    return GlossaryLinks(GlossaryTerm.objects.all(), reverse("domains:glossary"))


@public_page
def warning_signs(request):
    """Every warning sign, grouped by where people notice it, each with its cell."""
    warnings = (
        GuidanceItem.objects.filter(kind=GuidanceItem.Kind.WARNING)
        .select_related("cell__domain", "cell__stage")
        .order_by("cell__domain__position", "cell__stage__position", "position")
    )
    groups = [
        (value, label, [warning for warning in warnings if warning.noticed == value])
        for value, label in GuidanceItem.Noticed.choices
    ]
    return render(request, "domains/warning_signs.html", {"groups": groups})


@public_page
def glossary(request):
    terms = sorted(GlossaryTerm.objects.all(), key=lambda term: term.term.casefold())
    return render(request, "domains/glossary.html", {"terms": terms})


@public_page
def sources(request):
    return render(request, "domains/sources.html", {"sources": Source.objects.all()})
