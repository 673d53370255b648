"""How many queries every page runs, pinned: a new query shows up here first.

One visit (or more) per URL pattern of the project's own apps, in a partnership with a note in
two versions, a ticked question and a pending invitation. A test fails when a URL pattern has
no pinned count. Django's admin and allauth's account pages are the libraries' own and are not
pinned. Other tests show that the counts do not grow with the content (more notes, revisions,
members or guidance).
"""

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from domains.models import Cell
from notes.editing import save_text
from notes.models import DiscussedQuestion, NoteStatus
from partnerships.transfer import export_document

from .assessment_rounds import a_round, answered_and_closed, statements
from .people import client_as, invite

pytestmark = pytest.mark.django_db

CELL = ("communication", "planning")
NOT_PINNED = {"admin", "allauth.urls"}  # included URL confs that are a library's own
HTMX = {"HX-Request": "true"}  # a request htmx sends: the answer is a partial


@dataclass(frozen=True)
class Visit:
    name: str
    queries: int
    who: str = "anonymous"  # one of people.ROLES
    method: str = "get"
    args: tuple = ()  # "partnership", "member", "invitation" and "token" stand for the scene's
    data: dict | None = None
    status: int = 200
    headers: dict = field(default_factory=dict)
    case: str = ""

    def __str__(self):
        return " ".join(filter(None, [self.method, self.name, self.case]))


VISITS = [
    Visit("javascript-catalog", 0),
    Visit("accessibility", 0),
    Visit("privacy", 0),
    Visit("health", 1),
    Visit("favicon", 0, status=301),
    # A public page's first anonymous visit: its own queries and the model's content version
    # (domains/page_cache.py); a repeat visit from the cache runs only the latter.
    Visit("assessments:self_check", 2),
    Visit("domains:home", 3),
    Visit("domains:home", 5, who="viewer", case="signed in"),
    Visit("domains:matrix", 4),
    Visit("domains:sources", 2),
    Visit("domains:warning_signs", 2),
    Visit("domains:glossary", 2),
    Visit("domains:domain", 4, args=("leadership",)),
    Visit("domains:stage", 4, args=("planning",)),
    Visit("domains:cell", 7, args=CELL),
    Visit("domains:cell", 10, who="viewer", args=CELL, case="with my partnerships"),
    Visit("partnerships:list", 4, who="viewer"),
    Visit("partnerships:create", 3, who="viewer"),
    Visit("partnerships:detail", 13, who="viewer", args=("partnership",)),
    Visit("partnerships:edit", 4, who="facilitator", args=("partnership",)),
    Visit("partnerships:archive", 4, who="facilitator", args=("partnership",)),
    Visit("partnerships:restore", 4, who="facilitator", method="post", args=("partnership",),
          status=302),
    Visit("partnerships:delete", 5, who="facilitator", args=("partnership",)),
    Visit("partnerships:leave", 7, who="editor", args=("partnership",)),
    Visit("partnerships:members", 6, who="facilitator", args=("partnership",)),
    Visit("partnerships:invite", 4, who="facilitator", args=("partnership",)),
    Visit("partnerships:change_role", 8, who="facilitator", method="post",
          args=("partnership", "member"), data={"role": "editor"}, status=302),
    Visit("partnerships:remove", 8, who="facilitator", args=("partnership", "member")),
    Visit("partnerships:revoke", 5, who="facilitator", method="post",
          args=("partnership", "invitation"), status=302),
    Visit("partnerships:resend", 7, who="facilitator", method="post",
          args=("partnership", "invitation"), status=302),
    Visit("partnerships:invitation", 7, args=("token",)),
    # The export reads each closed self-assessment round's results (two in this scene).
    Visit("partnerships:export_json", 14, who="facilitator", args=("partnership",)),
    Visit("partnerships:export_zip", 15, who="facilitator", args=("partnership",)),
    Visit("partnerships:import", 3, who="viewer"),
    Visit("partnerships:import", 14, who="viewer", method="post", data={"file": "an export"},
          status=302, case="a partnership with a note in two versions"),
    Visit("notes:cell", 11, who="editor", args=("partnership", *CELL)),
    # Saves read their cell with its domain and stage only (Cell.objects.named()), not its
    # guidance, and do not read the note back after writing it.
    Visit("notes:save_note", 12, who="editor", method="post", args=("partnership", *CELL),
          data={"text": "A third version", "base_version": 2}, status=302),
    Visit("notes:save_note", 11, who="editor", method="post", args=("partnership", *CELL),
          data={"text": "Typed meanwhile", "base_version": 1}, status=409,
          case="the conflict page"),
    Visit("notes:save_note", 12, who="editor", method="post", args=("partnership", *CELL),
          data={"text": "A third version", "base_version": 2}, headers={"X-Autosave": "1"},
          case="autosave"),
    Visit("notes:preview", 4, who="editor", method="post", args=("partnership", *CELL),
          data={"text": "A *third* version", "base_version": 2}, headers=HTMX),
    Visit("notes:preview", 11, who="editor", method="post", args=("partnership", *CELL),
          data={"text": "A *third* version", "base_version": 2}, case="without JavaScript"),
    Visit("notes:status", 10, who="editor", method="post", args=("partnership", *CELL),
          data={"status": NoteStatus.DONE}, status=302),
    Visit("notes:status", 10, who="editor", method="post", args=("partnership", *CELL),
          data={"status": NoteStatus.DONE}, headers=HTMX, case="htmx"),
    Visit("notes:questions", 10, who="editor", method="post", args=("partnership", *CELL),
          data={"discussed": "first question"}, status=302),
    Visit("notes:questions", 11, who="editor", method="post", args=("partnership", *CELL),
          data={"discussed": "first question"}, headers=HTMX, case="htmx"),
    Visit("notes:history", 7, who="viewer", args=("partnership", *CELL)),
    Visit("notes:restore", 13, who="editor", method="post", args=("partnership", *CELL, 1),
          data={"base_version": 2}, status=302),
    Visit("workbooks:blank", 21, status=202),
    Visit("workbooks:partnership", 28, who="viewer", args=("partnership",), status=202),
    Visit("workbooks:partnership", 31, who="viewer", args=("partnership",), status=202,
          data={"self_assessment": "on"}, case="with the latest self-assessment"),
    Visit("assessments:rounds", 5, who="viewer", args=("partnership",)),
    Visit("assessments:open", 6, who="facilitator", args=("partnership",)),
    Visit("assessments:open", 10, who="facilitator", method="post", args=("partnership",),
          data={"title": "Autumn", "closes_on": "in a month", "mode": "named"}, status=302),
    Visit("assessments:round", 9, who="viewer", args=("partnership", "round")),
    Visit("assessments:round", 12, who="viewer", args=("partnership", "round"),
          data={"compare": "earlier round"}, case="compared"),
    Visit("assessments:round", 8, who="viewer", args=("partnership", "open round"), case="open"),
    Visit("assessments:answer", 7, who="viewer", args=("partnership", "open round", "leadership")),
    Visit("assessments:answer", 14, who="viewer", method="post",
          args=("partnership", "open round", "leadership"), data={"rating-answer": "4"},
          status=302),
    Visit("assessments:close", 8, who="facilitator", method="post",
          args=("partnership", "open round"), status=302),
    Visit("assessments:delete", 5, who="facilitator", args=("partnership", "round")),
    Visit("assessments:print", 7, who="viewer", args=("partnership", "round")),
    Visit("assessments:csv", 6, who="viewer", args=("partnership", "round")),
    Visit("accounts:profile", 4, who="viewer"),
    Visit("accounts:data", 9, who="facilitator"),
    Visit("accounts:delete", 5, who="facilitator"),
]  # fmt: skip


@pytest.fixture
def scene(cast):
    cell = Cell.objects.for_page().get(domain__slug=CELL[0], stage__slug=CELL[1])
    note = save_text(cast.partnership, cell, cast.editor, "A plan", 0)
    save_text(cast.partnership, cell, cast.facilitator, "A plan, agreed", note.version)
    DiscussedQuestion.objects.create(partnership=cast.partnership, question=cell.questions[1])
    invitation, token = invite(cast.partnership, "nora@example.org", invited_by=cast.facilitator)
    exported = json.dumps(export_document(cast.partnership, cast.facilitator)).encode()
    earlier_round = answered_and_closed(cast, title="Spring")
    closed_round = answered_and_closed(cast, title="Autumn")
    open_round = a_round(cast.partnership, cast.facilitator)
    return {
        "cast": cast,
        "partnership": cast.partnership.pk,
        "member": cast.membership(cast.viewer).pk,
        "invitation": invitation.pk,
        "token": token,
        "first question": cell.questions[0].pk,
        "an export": SimpleUploadedFile("export.json", exported),
        "round": closed_round.pk,
        "earlier round": earlier_round.pk,
        "open round": open_round.pk,
        "in a month": str(date.today() + timedelta(days=30)),
        "rating-answer": f"rating-{statements(open_round)['leadership/planning'].pk}",
    }


@pytest.mark.parametrize("visit", VISITS, ids=str)
def test_each_page_runs_its_pinned_number_of_queries(
    client, scene, visit, django_assert_num_queries
):
    url = reverse(visit.name, args=[scene.get(arg, arg) for arg in visit.args])
    data = {
        scene.get(name, name): scene.get(value, value) for name, value in (visit.data or {}).items()
    }
    client = client_as(client, scene["cast"], visit.who)
    with django_assert_num_queries(visit.queries):
        response = getattr(client, visit.method)(url, data, headers=visit.headers)
    assert response.status_code == visit.status


def url_names(resolver=None, namespace=""):
    """The name of every URL pattern of the project's own apps, through all the includes."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if {pattern.namespace, getattr(pattern.urlconf_module, "__name__", "")} & NOT_PINNED:
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern, inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}"


def test_every_url_pattern_has_a_pinned_query_count():
    assert set(url_names()) - {visit.name for visit in VISITS} == set()
