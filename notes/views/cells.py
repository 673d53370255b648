"""A partnership's work on the model: the matrix with progress, a cell with its note, history."""

import itertools

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from domains.focus import FocusForm
from domains.matrix import arrange
from domains.models import Cell, GuidanceItem
from domains.views import neighbour_links
from partnerships.access import Action, partnership_view, permits

from ..diff import line_diff
from ..editing import EditConflict, mark_discussed, note_for, save_text, set_status
from ..markup import saved_html
from ..models import REVISIONS_KEPT, DiscussedQuestion, Revision
from ..note_forms import DiscussedForm, NoteForm, StatusForm
from ..progress import with_progress


def cell_url(partnership, cell, name="cell"):
    return reverse(f"notes:{name}", args=[partnership.pk, cell.domain.slug, cell.stage.slug])


def partnership_matrix(partnership, query):
    """The focus form and the partnership's matrix, each cell with its progress."""
    form = FocusForm(query)
    cells = with_progress(
        partnership,
        Cell.objects.for_matrix()
        .in_focus(form.focus)
        .annotate(question_count=Count("items", filter=Q(items__kind=GuidanceItem.Kind.QUESTION))),
    )
    for cell in cells:
        cell.url = cell_url(partnership, cell)
    return {"form": form, "focus": form.focus, "matrix": arrange(cells)}


def find_cell(domain, stage, cells=None):
    cells = Cell.objects.for_page() if cells is None else cells
    return get_object_or_404(cells, domain__slug=domain, stage__slug=stage)


def render_cell(request, membership, cell, *, note_form=None, status=200):
    partnership = membership.partnership
    [cell] = with_progress(partnership, [cell], texts=True)
    note = cell.note
    links = neighbour_links(
        cell,
        lambda domain, stage: reverse("notes:cell", args=[partnership.pk, domain.slug, stage.slug]),
    )
    return render(
        request,
        "notes/cell.html",
        {
            "membership": membership,
            "partnership": partnership,
            "cell": cell,
            "note": note,
            "note_html": saved_html(note),
            "can_edit": permits(membership, Action.EDIT),
            "note_form": note_form
            or NoteForm(initial={"text": note.text, "base_version": note.version}),
            "status_form": StatusForm(initial={"status": note.status}),
            "ticked": cell.discussed,
            "neighbour_links": links,
        },
        status=status,
    )


@partnership_view(Action.VIEW)
def cell_page(request, membership, domain, stage):
    return render_cell(request, membership, find_cell(domain, stage))


def wants_json(request):
    return request.headers.get("X-Autosave") == "1"


@partnership_view(Action.EDIT)
@require_POST
def save_note(request, membership, domain, stage):
    partnership = membership.partnership
    cell = find_cell(domain, stage, Cell.objects.named())
    form = NoteForm(request.POST)
    if request.POST.get("resolution") == "keep-current":
        messages.info(request, _("The current text was kept; yours was set aside."))
        return redirect(cell_url(partnership, cell) + "#note-saved")
    if not form.is_valid():
        if wants_json(request):
            errors = [error for errors in form.errors.values() for error in errors]
            return JsonResponse({"errors": errors}, status=400)
        return render_cell(
            request, membership, find_cell(domain, stage), note_form=form, status=400
        )
    try:
        note = save_text(
            partnership,
            cell,
            request.user,
            form.cleaned_data["text"],
            form.cleaned_data["base_version"],
        )
    except EditConflict as conflict:
        if wants_json(request):
            return JsonResponse({"conflict": True, "version": conflict.current.version}, status=409)
        return render(
            request,
            "notes/conflict.html",
            {
                "membership": membership,
                "partnership": partnership,
                "cell": cell,
                "current": conflict.current,
                "current_html": saved_html(conflict.current),
                "form": NoteForm(
                    initial={
                        "text": form.cleaned_data["text"],
                        "base_version": conflict.current.version,
                    }
                ),
            },
            status=409,
        )
    if wants_json(request):
        saved_at = formats.time_format(timezone.localtime(note.updated_at), "TIME_FORMAT")
        return JsonResponse({"version": note.version, "saved_at": saved_at})
    messages.success(request, _("The note has been saved."))
    return redirect(cell_url(partnership, cell) + "#note-saved")


@partnership_view(Action.EDIT)
@require_POST
def change_status(request, membership, domain, stage):
    cell = find_cell(domain, stage, Cell.objects.named())
    form = StatusForm(request.POST)
    if not form.is_valid():
        return render_cell(request, membership, find_cell(domain, stage), status=400)
    note = set_status(membership.partnership, cell, request.user, form.cleaned_data["status"])
    messages.success(
        request, _("Status set to “%(status)s”.") % {"status": note.get_status_display()}
    )
    return redirect(cell_url(membership.partnership, cell) + "#status")


@partnership_view(Action.EDIT)
@require_POST
def mark_questions(request, membership, domain, stage):
    cell = find_cell(domain, stage)
    form = DiscussedForm(request.POST, questions=cell.questions)
    if not form.is_valid():
        return render_cell(request, membership, cell, status=400)
    ticked, unticked = form.changes()
    mark_discussed(membership.partnership, request.user, ticked=ticked, unticked=unticked)
    if wants_json(request):
        discussed = DiscussedQuestion.objects.filter(
            partnership=membership.partnership, question__cell=cell
        ).values_list("question_id", flat=True)
        return JsonResponse({"discussed": [str(pk) for pk in discussed]})
    messages.success(request, _("The discussed questions have been saved."))
    return redirect(cell_url(membership.partnership, cell) + "#questions")


@partnership_view(Action.VIEW)
def history(request, membership, domain, stage):
    partnership = membership.partnership
    cell = find_cell(domain, stage, Cell.objects.named())
    note = note_for(partnership, cell)
    revisions = list(
        Revision.objects.filter(note__partnership=partnership, note__cell=cell).select_related(
            "author__profile"
        )
    )
    for newer, older in itertools.pairwise(revisions):
        newer.previous = older
    comparison = compare(request, revisions)
    return render(
        request,
        "notes/history.html",
        {
            "membership": membership,
            "partnership": partnership,
            "cell": cell,
            "note": note,
            "revisions": revisions,
            "comparison": comparison,
            "revisions_kept": REVISIONS_KEPT,
            "can_edit": permits(membership, Action.EDIT),
        },
        status=400 if comparison == "invalid" else 200,
    )


def compare(request, revisions):
    """The line diff between the revisions named in ?from=&to= (versions), if asked for."""
    if "from" not in request.GET and "to" not in request.GET:
        return None
    by_version = {str(revision.version): revision for revision in revisions}
    older, newer = by_version.get(request.GET.get("from")), by_version.get(request.GET.get("to"))
    if older is None or newer is None:
        return "invalid"
    if older.version > newer.version:
        older, newer = newer, older
    return {"older": older, "newer": newer, "lines": line_diff(older.text, newer.text)}


@partnership_view(Action.EDIT)
@require_POST
def restore(request, membership, domain, stage, version):
    partnership = membership.partnership
    cell = find_cell(domain, stage, Cell.objects.named())
    revision = Revision.objects.filter(
        note__partnership=partnership, note__cell=cell, version=version
    ).first()
    if revision is None:
        raise Http404
    form = NoteForm({"text": revision.text, "base_version": request.POST.get("base_version")})
    if not form.is_valid():
        return redirect(cell_url(partnership, cell, "history"))
    base_version = form.cleaned_data["base_version"]
    try:
        note = save_text(
            partnership,
            cell,
            request.user,
            revision.text,
            base_version,
            restored_from=revision.version,
        )
    except EditConflict:
        messages.error(
            request,
            _(
                "Someone saved the note while you were looking at its history. "
                "Nothing was restored: check the newest version first."
            ),
        )
        return redirect(cell_url(partnership, cell, "history"))
    if note.version == base_version:
        messages.info(
            request,
            _("Version %(version)s has the same text as the current version: nothing changed.")
            % {"version": revision.version},
        )
    else:
        messages.success(
            request,
            _("Version %(version)s has been restored as the newest version.")
            % {"version": revision.version},
        )
    return redirect(cell_url(partnership, cell) + "#note")
