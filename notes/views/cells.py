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
from ..markup import render_note, saved_html
from ..models import REVISIONS_KEPT, DiscussedQuestion, Revision
from ..note_forms import DiscussedForm, NoteForm, NoteTextForm, StatusForm
from ..progress import recent_saves, summarise, with_progress
from ..version_forms import CompareForm, ConflictForm


def cell_url(partnership, cell, name="cell"):
    return reverse(f"notes:{name}", args=[partnership.pk, cell.domain.slug, cell.stage.slug])


def partnership_dashboard(partnership, query):
    """The partnership's home: the focus form, its cells with their progress as a matrix, the
    totals over them and the latest note saves."""
    form = FocusForm(query)
    cells = with_progress(
        partnership,
        Cell.objects.for_matrix()
        .in_focus(form.focus)
        .annotate(question_count=Count("items", filter=Q(items__kind=GuidanceItem.Kind.QUESTION))),
    )
    for cell in cells:
        cell.url = cell_url(partnership, cell)
    saves = list(recent_saves(partnership))
    for revision in saves:
        revision.url = cell_url(partnership, revision.note.cell)
    return {
        "form": form,
        "focus": form.focus,
        "matrix": arrange(cells),
        "summary": summarise(cells),
        "recent_saves": saves,
    }


def find_cell(domain, stage, cells=None):
    cells = Cell.objects.for_page() if cells is None else cells
    return get_object_or_404(cells, domain__slug=domain, stage__slug=stage)


START_FROM_TEMPLATE, ADD_TEMPLATE = "start", "append"


def text_with_template(text, cell, choice):
    """The note's text as the editor shows it: with the cell tool's template put in if asked
    (``?template=start`` into an empty note, ``?template=append`` after the text). Nothing is
    saved until the member saves."""
    if choice == START_FROM_TEMPLATE and not text.strip():
        return cell.tool.note_text()
    if choice == ADD_TEMPLATE:
        template = cell.tool.note_text()
        return f"{text.rstrip()}\n\n{template}" if text.strip() else template
    return text


def render_cell(request, membership, cell, *, note_form=None, status=200):
    """The cell page: the note's workspace (status, editor and preview) beside the guidance.
    ``note_form`` is a bound form when the page comes back with the writer's text in it."""
    partnership = membership.partnership
    [cell] = with_progress(partnership, [cell], texts=True)
    note = cell.note
    shown_text = text_with_template(note.text, cell, request.GET.get("template"))
    links = neighbour_links(
        cell,
        lambda domain, stage: reverse("notes:cell", args=[partnership.pk, domain.slug, stage.slug]),
    )
    if note_form is None:
        note_form = NoteForm(
            initial={"text": shown_text, "base_version": note.version},
            preview_url=cell_url(partnership, cell, "preview"),
        )
        preview = saved_html(note) if shown_text == note.text else render_note(shown_text)
    else:
        preview = render_note(note_form.cleaned_data["text"]) if note_form.is_valid() else None
    return render(
        request,
        "notes/cell.html",
        {
            "membership": membership,
            "partnership": partnership,
            "cell": cell,
            "note": note,
            "note_html": saved_html(note),
            "preview": preview,
            "can_edit": permits(membership, Action.EDIT),
            "note_form": note_form,
            "status_form": StatusForm(initial={"status": note.status}),
            "discussed_form": discussed_form(cell, cell.discussed),
            "ticked": cell.discussed,
            "neighbour_links": links,
            # The questions are the labels of tick boxes here: no glossary links inside them.
            "glossary": None,
        },
        status=status,
    )


def discussed_form(cell, ticked, data=None):
    ticked = [str(pk) for pk in ticked]
    return DiscussedForm(
        data, initial={"discussed": ticked, "shown": ticked}, questions=cell.questions
    )


@partnership_view(Action.VIEW)
def cell_page(request, membership, domain, stage):
    return render_cell(request, membership, find_cell(domain, stage))


def wants_json(request):
    return request.headers.get("X-Autosave") == "1"


@partnership_view(Action.EDIT)
@require_POST
def preview_note(request, membership, domain, stage):
    """The note as it will look, from the editor's text, by the same renderer as a save. With
    htmx only the preview; without JavaScript the cell page, the text kept in the editor."""
    partnership = membership.partnership
    if request.htmx:
        find_cell(domain, stage, Cell.objects.all())  # a cell of the model, or 404
        form = NoteTextForm(request.POST)
        valid = form.is_valid()
        return render(
            request,
            "notes/includes/note_form.html#preview",
            {"preview": render_note(form.cleaned_data["text"]) if valid else None, "form": form},
            status=200 if valid else 400,
        )
    cell = find_cell(domain, stage)
    form = NoteForm(request.POST, preview_url=cell_url(partnership, cell, "preview"))
    return render_cell(
        request, membership, cell, note_form=form, status=200 if form.is_valid() else 400
    )


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
        form = NoteForm(request.POST, preview_url=cell_url(partnership, cell, "preview"))
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
                "form": ConflictForm(
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
        if request.htmx:
            return render_status(request, membership, cell, form, status=400)
        return render_cell(request, membership, find_cell(domain, stage), status=400)
    note = set_status(membership.partnership, cell, request.user, form.cleaned_data["status"])
    said = _("Status set to “%(status)s”.") % {"status": note.get_status_display()}
    if request.htmx:
        return render_status(
            request, membership, cell, StatusForm(initial={"status": note.status}), said
        )
    messages.success(request, said)
    return redirect(cell_url(membership.partnership, cell) + "#status")


def render_status(request, membership, cell, form, said="", status=200):
    """The status form alone, for htmx to put in place of the one sent."""
    context = {"partnership": membership.partnership, "cell": cell, "status_form": form}
    return render(
        request,
        "notes/cell.html#status",
        {**context, "said": said, "can_edit": True},
        status=status,
    )


@partnership_view(Action.EDIT)
@require_POST
def mark_questions(request, membership, domain, stage):
    partnership = membership.partnership
    cell = find_cell(domain, stage)
    form = DiscussedForm(request.POST, questions=cell.questions)
    if not form.is_valid():
        if request.htmx:
            return render_ticks(request, partnership, cell, form, status=400)
        return render_cell(request, membership, cell, status=400)
    ticked, unticked = form.changes()
    mark_discussed(partnership, request.user, ticked=ticked, unticked=unticked)
    if request.htmx:
        now = DiscussedQuestion.objects.filter(
            partnership=partnership, question__cell=cell
        ).values_list("question_id", flat=True)
        return render_ticks(request, partnership, cell, discussed_form(cell, now), _("Saved."))
    messages.success(request, _("The discussed questions have been saved."))
    return redirect(cell_url(partnership, cell) + "#questions")


def render_ticks(request, partnership, cell, form, said="", status=200):
    """The ticks form alone, for htmx to put in place of the one sent."""
    return render(
        request,
        "notes/includes/cell_questions.html#ticks",
        {
            "partnership": partnership,
            "cell": cell,
            "discussed_form": form,
            "said": said,
            "can_edit": True,
        },
        status=status,
    )


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
    compare_form = CompareForm(request.GET, revisions)
    comparison = compare(compare_form)
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
            "form": compare_form,
            "revisions_kept": REVISIONS_KEPT,
            "can_edit": permits(membership, Action.EDIT),
        },
        status=400 if compare_form.errors else 200,
    )


def compare(form):
    """The line diff between the two versions the form names, if it was sent and is valid."""
    if not form.is_bound or not form.is_valid():
        return None
    older, newer = form.versions()
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
