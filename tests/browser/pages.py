"""Every kind of page the site shows, with the data that makes each one look as in real use:
one list for the layout tests and for the screenshot script (scripts/screenshots)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from domains.models import Cell
from notes.editing import mark_discussed, save_text, set_status
from notes.models import NoteStatus

from ..people import invite, make_partnership, make_user

WIDTHS = (1280, 375)
CELL = ("coordination", "implementation")


@dataclass(frozen=True)
class PageKind:
    name: str
    path: str
    # How to reach the page when an address is not enough (a form sent): takes the Playwright
    # page and the full address, returns the response that showed it.
    visit: Callable | None = None

    def open(self, page, base_url):
        url = base_url + self.path
        if self.visit:
            return self.visit(page, url)
        return page.goto(url)


def public_pages():
    """Pages anyone sees, signed out."""
    domain, stage = CELL
    return [
        PageKind("home", "/en/"),
        PageKind("matrix", "/en/model/"),
        PageKind("focus", "/en/model/?domains=leadership,communication&stages=planning"),
        PageKind("focus-error", "/en/model/?domains=trust"),
        PageKind("domain", "/en/model/domains/leadership/"),
        PageKind("stage", "/en/model/stages/planning/"),
        PageKind("cell", f"/en/model/{domain}/{stage}/"),
        PageKind("sources", "/en/model/sources/"),
        PageKind("self-check", "/en/model/self-check/"),
        PageKind("not-found", "/en/model/no-such/page/"),
        PageKind("login", reverse("account_login")),
        PageKind("signup", reverse("account_signup")),
        PageKind("workbook-preparing", "/en/model/workbook.pdf"),
        PageKind("workbook-bad-options", "/en/model/workbook.pdf?paper=a0"),
    ]


@dataclass
class Demo:
    """A partnership in use: two members, a pending invitation, a note saved twice."""

    partnership: object
    facilitator: object
    editor: object


def make_demo():
    anna = make_user("anna@example.org", "Anna Bērziņa", organisation="Jelgava city council")
    ben = make_user("ben@example.org", "Ben Berg", organisation="Walk to school association")
    partnership = make_partnership(anna, name="Active school travel")
    partnership.memberships.create(user=ben, role="editor")
    invite(partnership, "cleo@example.org", invited_by=anna)
    cell = Cell.objects.for_page().get(domain__slug=CELL[0], stage__slug=CELL[1])
    note = save_text(
        partnership,
        cell,
        anna,
        "## Who does what\n\n- Anna: the council's transport team\n- Ben: parents' groups",
        0,
    )
    save_text(
        partnership,
        cell,
        ben,
        note.text + "\n- Both: the schools' heads, in **May**\n\nSee <https://example.org/plan>.",
        note.version,
    )
    set_status(partnership, cell, anna, NoteStatus.IN_PROGRESS)
    mark_discussed(partnership, anna, ticked=list(cell.questions[:2]), unticked=[])
    return Demo(partnership, anna, ben)


def send_stale_note(page, url):
    """The conflict page, as a partner sees it whose save started from an older version."""
    page.goto(url)
    with page.expect_navigation() as navigation:
        page.evaluate(
            """() => {
                const form = document.querySelector('form[action$="/note/"]');
                form.querySelector('[name=base_version]').value = '1';
                form.querySelector('[name=text]').value = 'My older idea of who does what.';
                HTMLFormElement.prototype.submit.call(form);
            }"""
        )
    return navigation.value


def partnership_pages(demo):
    """Pages a partnership's facilitator sees, signed in."""
    pk = demo.partnership.pk
    cell = [pk, *CELL]
    return [
        PageKind("profile", reverse("accounts:profile")),
        PageKind("partnerships", reverse("partnerships:list")),
        PageKind("partnership", reverse("partnerships:detail", args=[pk])),
        PageKind("members", reverse("partnerships:members", args=[pk])),
        PageKind("invite", reverse("partnerships:invite", args=[pk])),
        PageKind("partnership-cell", reverse("notes:cell", args=cell)),
        PageKind("history", reverse("notes:history", args=cell) + "?from=1&to=2"),
        PageKind("conflict", reverse("notes:cell", args=cell), visit=send_stale_note),
        PageKind("partnership-workbook-preparing", reverse("workbooks:partnership", args=[pk])),
    ]
