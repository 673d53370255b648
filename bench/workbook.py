"""How long workbooks take to render, and how much memory: WeasyPrint, and Chromium for scale.

    .venv/bin/python bench/workbook.py [--runs N] [--case CASE ...] [--engine ENGINE ...]

Uses the app's database (DATABASE_URL, default db.sqlite3), migrated and with the model
loaded first, as scripts/run does. Each case runs in a fresh Python process, so its peak
memory (ru_maxrss) is its own: the first render is "cold" (fonts and templates load), the
best of the following ones is "warm", which is what the long-running worker sees; "cpu" is
the warm render's processor time (for WeasyPrint, which renders in this process, it varies
less than the time on the clock when other work shares the machine).
Chromium (Debian's, through Playwright, test extra) prints the very same HTML, with the
static files served the same way; its memory is the largest Chromium process's peak.
The partnership cases build a partnership with a long Markdown note in each of the 20 cells
(or in two of them) inside a transaction that is rolled back, so the database is left as it
was. --case and --engine run only the cases and engines named (and no CSS experiments).
"""

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collabmodel.settings")

from bench.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 (after the path is set)
from bench.data import partnership_of  # noqa: E402


def blank(domains=(), stages=()):
    from domains.focus import Focus
    from workbooks.blank import BlankWorkbook

    return BlankWorkbook(Focus.from_slugs(domains, stages), "a4", "en")


MEMBERS = [
    ("Anna Bērziņa", "Rīga City Council", "public", "facilitator"),
    ("Łukasz Wróblewski", "Gdańsk Health Office", "public", "facilitator"),
    ("Jūratė Šimkūnienė", "Kaunas School Board", "public", "editor"),
    ("Søren Ærø", "Malmö Walking Bus Association", "non-profit", "editor"),
    ("Õie Kägu", "Tallinn Family Centre", "non-profit", "editor"),
    ("Jürgen Weiß", "Straßenbahn Rostock GmbH", "private", "viewer"),
    ("Ņina Ķirse", "", "citizen", "viewer"),
    ("Åsa Öberg", "Åland Sports Union", "other", "viewer"),
]

NOTE = """### What we agreed about {cell}

The steering group met in **Rīga** with partners from Gdańsk, Tallinn, Kaunas and Malmö.
We agreed that *every partner* names one contact person for this cell and that the
municipality chairs the first three meetings; after that the chair rotates. Ņina keeps the
minutes, Łukasz checks them against the list of actions, and Søren sends them out within a
week, in English and in each partner's own language where someone can help.

- The school board joins from the planning stage: **Jūratė Šimkūnienė** is their contact.
- Parents' associations are asked in May; the *citizen panel* meets in June in Kaunas.
- Budget lines are checked with each finance office (see the [shared plan](https://example.org/plan)).
- Straßenbahn Rostock offers free tickets for the pilot weeks; Jürgen confirms by Friday.

1. Map who is affected by the walking bus: children, parents, teachers, drivers, neighbours.
2. Ask the traffic departments for accident figures around the five pilot schools.
3. Report back to the council's social committee before the summer break.

> We need to hear from the schools before we decide anything: they know which streets
> parents avoid and why. (Õie, public health nurse)

#### Open points

Who pays for the safety vests is still open: the health office offered half, the sports union
the rest if its logo is printed on them. Whether the Åland partner can join the autumn
workshop depends on the ferry timetable. We keep an eye on the *warning signs* listed for
this cell, especially partners going quiet between meetings, and raise them early.

Next meeting: **14 October**, Gdańsk, 10:00 to 13:00. Agenda: the survey results, the budget
for year two, and how we share what we have learnt with other cities (ą ę ł ń ś ź ż, ā ē ī
ķ ļ ņ š ž, ė į ų ū, õ ä ö ü, å æ ø, ß).
"""


def partnership(layout="page-per-cell", domains=(), stages=(), notes=20):
    """A partnership of eight whose first ``notes`` cells each hold a long note in Markdown and
    every other question ticked, printed for a focus with the print form's default options (run
    it in a transaction that is rolled back: it writes to the database)."""
    import datetime

    from django.utils import timezone

    from domains.focus import Focus
    from domains.models import Cell
    from notes.markup import render_note
    from notes.models import DiscussedQuestion, Note, NoteStatus
    from workbooks.options import PartnershipWorkbookOptionsForm
    from workbooks.partnership import PartnershipWorkbook

    partnership, users = partnership_of(
        MEMBERS,
        name="Active schools in the Baltic Sea Region",
        goal="More children in five cities walk or cycle to school safely by 2028.",
        sectors=["public", "non-profit"],
    )
    statuses = list(NoteStatus)
    for number, cell in enumerate(Cell.objects.for_page()[:notes]):
        text = NOTE.format(cell=cell)
        Note.objects.create(
            partnership=partnership,
            cell=cell,
            text=text,
            html=render_note(text),
            status=statuses[number % 3],
            version=number + 1,
            updated_at=datetime.datetime(2026, 11, 2, 9, 30, tzinfo=datetime.UTC),
            updated_by=users[number % len(users)],
        )
        DiscussedQuestion.objects.bulk_create(
            DiscussedQuestion(partnership=partnership, question=question)
            for question in cell.questions[::2]
        )
    defaults = PartnershipWorkbookOptionsForm({})
    defaults.is_valid()
    return PartnershipWorkbook(
        partnership,
        Focus.from_slugs(domains, stages),
        "a4",
        defaults.cleaned_data["empty"],
        layout,
        "en",
        timezone.localdate(),
    )


# Each case makes the workbook whose HTML is rendered (in a transaction that is rolled back).
CASES = {
    "blank, whole model": lambda: blank(),
    "blank, one domain": lambda: blank(domains=["leadership"]),
    "blank, one cell": lambda: blank(domains=["leadership"], stages=["planning"]),
    "partnership, 20 cells": lambda: partnership(),
    "partnership, two notes": lambda: partnership(notes=2),
    "partnership, continuous": lambda: partnership(layout="continuous"),
    "partnership, one cell": lambda: partnership(domains=["leadership"], stages=["planning"]),
}
ENGINES = ["weasyprint pdf/ua", "weasyprint untagged", "chromium"]
NO_HEADER_FOOTER = (
    "@page { @top-left { content: none !important; }"
    " @top-right { content: none !important; } @bottom-right { content: none !important; } }"
)
# What costs: a case again, as served (tagged) but with one thing in the print CSS changed.
CSS_EXPERIMENTS = {
    "blank, whole model": {
        "pdf/ua + emoji font listed": 'html { font-family: "DejaVu Sans", "Noto Color Emoji",'
        " sans-serif !important; }",
        "pdf/ua, no ruled lines": ".ruled { background: none !important; }",
        "pdf/ua, no header/footer": NO_HEADER_FOOTER,
    },
    "partnership, 20 cells": {
        "pdf/ua, no list markers": "li { list-style: none !important; }",
        "pdf/ua, no header/footer": NO_HEADER_FOOTER,
        "pdf/ua, notes left out": ".note { display: none !important; }",
        "pdf/ua, guidance left out": ".cell > :not(h2, .progress, .note)"
        " { display: none !important; }",
    },
}


def weasyprint_renderer(tagged, extra_css=None):
    """The app's own rendering (workbooks/render.py), untagged or with extra CSS if asked."""
    from weasyprint import CSS

    from workbooks.render import PDF_VARIANT, document

    def render(html):
        return document(html).write_pdf(
            pdf_variant=PDF_VARIANT if tagged else None,
            stylesheets=[CSS(string=extra_css)] if extra_css else None,
        )

    return render, lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, lambda: None


def chromium_renderer():
    """Chromium prints the HTML from the same made-up origin; the fetcher serves its files."""
    from playwright.sync_api import sync_playwright

    from workbooks.fetcher import BASE_URL, RefusedURL, StaticFilesFetcher

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    page = browser.new_page()
    current = {}

    def serve(route):
        if route.request.url == BASE_URL + "workbook.html":
            return route.fulfill(body=current["html"], content_type="text/html")
        try:
            fetched = StaticFilesFetcher().fetch(route.request.url)
        except RefusedURL:
            return route.abort()
        return route.fulfill(body=fetched.read(), content_type=fetched.content_type)

    page.route("**/*", serve)

    def render(html):
        current["html"] = html
        page.goto(BASE_URL + "workbook.html")
        return page.pdf(prefer_css_page_size=True, tagged=True, outline=True)

    def close():
        browser.close()
        playwright.stop()

    def peak():
        close()
        return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss

    return render, peak, close


def run_case(case, engine, runs):
    """In a child process: render one case with one engine, print the figures as JSON."""
    import django

    django.setup()
    from django.db import transaction
    from pypdf import PdfReader

    with transaction.atomic():
        html = CASES[case]().html()
        transaction.set_rollback(True)
    if engine == "chromium":
        render, peak, _close = chromium_renderer()
    elif engine in CSS_EXPERIMENTS.get(case, {}):
        render, peak, _close = weasyprint_renderer(True, CSS_EXPERIMENTS[case][engine])
    else:
        render, peak, _close = weasyprint_renderer(tagged=engine == "weasyprint pdf/ua")
    times, cpu_times = [], []
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        pdf = render(html)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu_start)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(
        json.dumps(
            {
                "cold": times[0],
                "warm": min(times[1:] or times),
                "warm_cpu": min(cpu_times[1:] or cpu_times),
                "pages": pages,
                "peak_mb": peak() / 1024,
            }
        )
    )


def repeat_download(workbook, url, client, runs=20):
    """A cached workbook downloaded again: the whole request, as a user's browser makes it."""
    from django.core.cache import cache

    from workbooks.tasks import render_workbook

    cache.delete(workbook.cache_key())
    render_workbook.call(workbook.kind, workbook.params, workbook.cache_key())
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
    return statistics.median(times), max(times), len(response.content)


def repeat_downloads():
    """The whole model's blank workbook, and the 20-cell partnership's as one of its members."""
    from django.db import transaction
    from django.test import Client
    from django.urls import reverse

    client = Client(HTTP_HOST="127.0.0.1")
    yield "whole-model blank", repeat_download(blank(), "/en/model/workbook.pdf", client)
    with transaction.atomic():
        workbook = partnership()
        client.force_login(workbook.partnership.memberships.first().user)
        url = reverse("workbooks:partnership", args=[workbook.partnership.pk])
        yield "20-cell partnership", repeat_download(workbook, url, client)
        transaction.set_rollback(True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="renders per case (default 3)")
    parser.add_argument(
        "--case", action="append", choices=CASES, help="only this case (repeatable; default all)"
    )
    parser.add_argument(
        "--engine", action="append", choices=ENGINES, help="only this engine (repeatable)"
    )
    parser.add_argument("--child", nargs=2, metavar=("CASE", "ENGINE"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        run_case(*options.child, options.runs)
        return

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("loaddata", "model", verbosity=0)

    print(
        f"{'case':<24} {'engine':<26} {'pages':>5} {'cold s':>7} {'warm s':>7} {'cpu s':>6} "
        f"{'peak MB':>8}"
    )
    runs = [
        (case, engine) for case in options.case or CASES for engine in options.engine or ENGINES
    ]
    if not (options.case or options.engine):
        runs += [
            (case, name) for case, experiments in CSS_EXPERIMENTS.items() for name in experiments
        ]
    for case, engine in runs:
        child = subprocess.run(  # noqa: S603
            [sys.executable, __file__, "--runs", str(options.runs), "--child", case, engine],
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"{case:<24} {engine:<26} {figures['pages']:>5} {figures['cold']:>7.2f} "
            f"{figures['warm']:>7.2f} {figures['warm_cpu']:>6.2f} {figures['peak_mb']:>8.0f}"
        )
    for name, (median, worst, size) in repeat_downloads():
        print(
            f"repeat download of the cached {name} workbook ({size // 1024} KB): "
            f"median {median * 1000:.1f} ms, worst {worst * 1000:.1f} ms of 20"
        )


if __name__ == "__main__":
    main()
