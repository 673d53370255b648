"""From a click on "Print" to the PDF in hand, after a typical edit session.

    DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/DB .venv/bin/python bench/print.py \
        [--clicks 20] [--settle 5] [--port 8164]

Starts gunicorn with production settings (bench/server.py) and the background worker on
127.0.0.1, with the settling time shortened to ``--settle`` seconds (60 in production; the
bench would otherwise wait a minute), and makes a partnership of six signed-in members (its rows
are deleted at the end). The edit session: three members write notes in eight cells through
the autosave, several saves a cell, and tick questions. Then:

- "after the edits settled": a member clicks Print (the print form's default options, sent as
  the form sends them) once the background renders the edits queued have finished and none
  waits (nothing else asks for the workbook before); the time until the PDF is in hand,
  ``--clicks`` times (target: under 200 ms);
- "right after the last edit": the same click a moment after one more save, before anything
  settled; the time until the PDF is in hand, following the preparing page as its script does
  (asking again every 1.5 s);
- the static file's time in the same run, the server's ceiling.
"""

import argparse
import os
import re
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collabmodel.settings")

from bench.autosave import PARAGRAPH, make_members, request
from bench.server import gunicorn, prepare, production_environment, worker

DEFAULT_OPTIONS = "?paper=a4&lang=en&empty=include&layout=page-per-cell"


class Member:
    """A signed-in member's browser: a session, and the CSRF token of the last page read."""

    def __init__(self, port, session_key):
        self.port, self.cookie, self.csrf = port, f"sessionid={session_key}", None

    def get(self, path):
        headers = {"Cookie": self.cookie + (f"; csrftoken={self.csrf[0]}" if self.csrf else "")}
        status, content, elapsed, response = request(self.port, "GET", path, headers)
        cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
        if cookie and token:
            self.csrf = (cookie.group(1), token.group(1).decode())
        return status, content, elapsed, response

    def post(self, path, data, **headers):
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": self.csrf[1], **data}, doseq=True)
        return request(
            self.port, "POST", path,
            {"Cookie": f"{self.cookie}; csrftoken={self.csrf[0]}",
             "Content-Type": "application/x-www-form-urlencoded", **headers},
            body,
        )  # fmt: skip


def edit_session(members, base, cells):
    """Three members write in eight cells (four autosaves a cell) and tick a question in each."""
    for number, cell in enumerate(cells[:8]):
        member = members[number % 3]
        path = f"{base}/{cell.domain.slug}/{cell.stage.slug}/"
        _, page, _, _ = member.get(path)
        version = int(re.search(rb'name="base_version" value="(\d+)"', page).group(1))
        text = ""
        for _ in range(4):
            text += PARAGRAPH
            _, content, _, _ = member.post(
                path + "note/", {"text": text, "base_version": version}, **{"X-Autosave": "1"}
            )
            version = int(re.search(rb'"version": (\d+)', content).group(1))
        member.post(path + "questions/", {"discussed": [cell.questions[0].pk]})


def pdf_in_hand(member, url):
    """Milliseconds from the click to the PDF, following the preparing page; and how."""
    start = time.perf_counter()
    status, content, _, _ = member.get(url)
    waited = status == 202
    while status == 202:
        time.sleep(1.5)
        status, content, _, _ = member.get(url)
    assert status == 200, status
    assert content.startswith(b"%PDF")
    return (time.perf_counter() - start) * 1000, waited


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clicks", type=int, default=20)
    parser.add_argument("--settle", type=int, default=5)
    parser.add_argument("--port", type=int, default=8164)
    args = parser.parse_args()
    environment = production_environment(WORKBOOK_SETTLE_SECONDS=str(args.settle))
    os.environ.update(environment)
    prepare(environment)

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from domains.models import Cell
    from workbooks.tasks import prerender_workbooks

    partnership, users, sessions, _ = make_members(6)
    cells = list(Cell.objects.for_page())
    base = f"/en/partnerships/{partnership.pk}"
    url = f"{base}/workbook.pdf{DEFAULT_OPTIONS}"
    try:
        with gunicorn(environment, args.port), worker(environment):
            members = [Member(args.port, session) for session in sessions]
            for member in members:
                member.get(base + "/")
            edit_session(members, base, cells)
            edited = timezone.now()
            prerenders = DBTaskResult.objects.filter(task_path=prerender_workbooks.module_path)
            deadline = time.monotonic() + args.settle + 120  # settling, then a render or two
            while time.monotonic() < deadline and (
                prerenders.filter(status__in=["READY", "RUNNING"]).exists()
                or not prerenders.filter(status="SUCCESSFUL", finished_at__gt=edited).exists()
            ):
                time.sleep(1)
            static = sorted(
                request(args.port, "GET", "/static/css/site.css")[2] for _ in range(args.clicks)
            )
            settled = [pdf_in_hand(members[5], url) for _ in range(args.clicks)]
            cell = cells[0]
            path = f"{base}/{cell.domain.slug}/{cell.stage.slug}/"
            _, page, _, _ = members[0].get(path)
            version = int(re.search(rb'name="base_version" value="(\d+)"', page).group(1))
            members[0].post(
                path + "note/", {"text": "One more thing.", "base_version": version},
                **{"X-Autosave": "1"},
            )  # fmt: skip
            right_after = pdf_in_hand(members[5], url)
    finally:
        partnership.delete()
        get_user_model().objects.filter(pk__in=[user.pk for user in users]).delete()

    ceiling = statistics.median(static)
    times = sorted(elapsed for elapsed, _ in settled)
    print(f"gunicorn 2 sync workers and db_worker, 127.0.0.1; settling time {args.settle} s")
    print("| click on Print | count | median ms | worst ms | median / static file's |")
    print("|---|---:|---:|---:|---:|")
    print(f"| static file (ceiling) | {len(static)} | {ceiling:.1f} | {static[-1]:.1f} | 1.0 |")
    print(f"| after the edits settled | {len(times)} | {statistics.median(times):.1f} | "
          f"{times[-1]:.1f} | {statistics.median(times) / ceiling:.1f} |")  # fmt: skip
    print(f"| right after the last edit | 1 | {right_after[0]:.0f} | {right_after[0]:.0f} | "
          f"{right_after[0] / ceiling:.0f} |")  # fmt: skip
    print("preparing page shown: after settling", sum(waited for _, waited in settled),
          "times of", len(settled), "; right after the last edit:", right_after[1])  # fmt: skip


if __name__ == "__main__":
    main()
