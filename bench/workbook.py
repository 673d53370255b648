"""How long workbooks take to render, and how much memory: WeasyPrint, and Chromium for scale.

    .venv/bin/python bench/workbook.py [--runs N]

Uses the app's database (DATABASE_URL, default db.sqlite3), migrated and with the model
loaded first, as scripts/run does. Each case runs in a fresh Python process, so its peak
memory (ru_maxrss) is its own: the first render is "cold" (fonts and templates load), the
best of the following ones is "warm", which is what the long-running worker sees.
Chromium (Debian's, through Playwright, test extra) prints the very same HTML, with the
static files served the same way; its memory is the largest Chromium process's peak.
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

CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def blank(domains=(), stages=()):
    from domains.focus import Focus
    from domains.models import Domain, Stage
    from notes.workbooks.blank import BlankWorkbook

    focus = Focus(
        domains=tuple(Domain.objects.filter(slug__in=domains)),
        stages=tuple(Stage.objects.filter(slug__in=stages)),
    )
    return BlankWorkbook(focus, "a4", "en")


# Each case makes the workbook whose HTML is rendered.
# EXTENSION POINT: the partnership workbook. When partnerships and notes exist, add
#     "partnership, 20 cells, long notes": lambda: partnership_workbook(...),
# building (in a rolled-back transaction) a partnership whose 20 cells each hold a long
# formatted note (about 40 pages). Its targets: at most 2 s as tagged PDF, under 300 MB.
CASES = {
    "blank, whole model": lambda: blank(),
    "blank, one domain": lambda: blank(domains=["leadership"]),
    "blank, one cell": lambda: blank(domains=["leadership"], stages=["planning"]),
}
ENGINES = ["weasyprint pdf/ua", "weasyprint untagged", "chromium"]
# What costs: the whole model again, as served but with one thing in the print CSS changed.
CSS_EXPERIMENTS = {
    "pdf/ua + emoji font listed": 'html { font-family: "DejaVu Sans", "Noto Color Emoji",'
    " sans-serif !important; }",
    "pdf/ua, no ruled lines": ".ruled { background: none !important; }",
    "pdf/ua, no header/footer": "@page { @top-left { content: none !important; }"
    " @top-right { content: none !important; } @bottom-right { content: none !important; } }",
}


def weasyprint_renderer(tagged, extra_css=None):
    from weasyprint import CSS, HTML

    from notes.workbooks.fetcher import BASE_URL, StaticFilesFetcher

    def render(html):
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher())
        return document.write_pdf(
            pdf_variant="pdf/ua-1" if tagged else None,
            stylesheets=[CSS(string=extra_css)] if extra_css else None,
        )

    return render, lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, lambda: None


def chromium_renderer():
    """Chromium prints the HTML from the same made-up origin; the fetcher serves its files."""
    from playwright.sync_api import sync_playwright

    from notes.workbooks.fetcher import BASE_URL, RefusedURL, StaticFilesFetcher

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
    from pypdf import PdfReader

    html = CASES[case]().html()
    if engine == "chromium":
        render, peak, _close = chromium_renderer()
    elif engine in CSS_EXPERIMENTS:
        render, peak, _close = weasyprint_renderer(True, CSS_EXPERIMENTS[engine])
    else:
        render, peak, _close = weasyprint_renderer(tagged=engine == "weasyprint pdf/ua")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        pdf = render(html)
        times.append(time.perf_counter() - start)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(
        json.dumps(
            {
                "cold": times[0],
                "warm": min(times[1:] or times),
                "pages": pages,
                "peak_mb": peak() / 1024,
            }
        )
    )


def repeat_download(runs=20):
    """A cached workbook downloaded again: the whole request, as a user's browser makes it."""
    from django.core.cache import cache
    from django.test import Client

    from notes.workbooks.tasks import render_workbook

    workbook = CASES["blank, whole model"]()
    cache.delete(workbook.cache_key())
    render_workbook.call(workbook.kind, workbook.params)
    client = Client(HTTP_HOST="127.0.0.1")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get("/model/workbook.pdf")
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
    return statistics.median(times), max(times), len(response.content)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="renders per case (default 3)")
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

    print(f"{'case':<22} {'engine':<26} {'pages':>5} {'cold s':>7} {'warm s':>7} {'peak MB':>8}")
    runs = [(case, engine) for case in CASES for engine in ENGINES]
    runs += [("blank, whole model", experiment) for experiment in CSS_EXPERIMENTS]
    for case, engine in runs:
        child = subprocess.run(  # noqa: S603
            [sys.executable, __file__, "--runs", str(options.runs), "--child", case, engine],
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"{case:<22} {engine:<26} {figures['pages']:>5} {figures['cold']:>7.2f} "
            f"{figures['warm']:>7.2f} {figures['peak_mb']:>8.0f}"
        )
    median, worst, size = repeat_download()
    print(
        f"repeat download of the cached whole-model workbook ({size // 1024} KB): "
        f"median {median * 1000:.1f} ms, worst {worst * 1000:.1f} ms of 20"
    )


if __name__ == "__main__":
    main()
