"""How long the main pages take to answer, and how many queries they run.

    .venv/bin/python bench/pages.py [--requests N]

Uses the app's database (DATABASE_URL, default db.sqlite3), migrated and with the model loaded
first, as scripts/run does. A partnership with six members and a long note with history in
every cell is made inside a transaction that is rolled back at the end, so the database is left
as it was. Each page is requested N times in-process with Django's test client (middleware,
views, templates and queries; no network or WSGI server): the median and 95th percentile are
printed with the page's query count.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collabmodel.settings")

from bench.data import partnership_of  # noqa: E402 (after the path is set)

NOTE = (
    "## What we agreed\n\n"
    "We meet **every second Tuesday** at the town hall; minutes go to all partners within "
    "two days. Ąžuolas, Līga, Jõgeva and Øystein lead the working groups.\n\n"
    "- The steering group decides on money above 5,000 euros.\n"
    "- Each partner names one contact person and a deputy.\n"
    "- Problems are raised at the next meeting, or by e-mail to the chair if urgent.\n\n"
)


class Rollback(Exception):
    pass


def build(partnership_size=6):
    from domains.models import Cell
    from notes.editing import mark_discussed, save_text
    from partnerships.models import Role

    partnership, users = partnership_of(
        [
            (f"Partner {number}", "", "public", Role.FACILITATOR if number == 0 else Role.EDITOR)
            for number in range(partnership_size)
        ],
        name="Bench partnership",
        goal="Measure the pages.",
    )
    for cell in Cell.objects.for_page():
        note = None
        for revision in range(5):
            note = save_text(
                partnership,
                cell,
                users[revision % len(users)],
                NOTE * (revision + 3),
                note.version if note else 0,
            )
        mark_discussed(partnership, users[0], ticked=cell.questions[:3], unticked=[])
    return partnership, users[0]


def assessment_rounds(partnership, users):
    """A closed round every member answered in full, with comments, and an open one."""
    from assessments.answering import close_round, open_round, save_answers
    from domains.focus import Focus

    rounds = []
    for title in ("Closed round", "Open round"):
        round = open_round(
            partnership, users[0], title=title, focus=Focus(), closes_on=date.today(),
            mode="anonymous",
        )  # fmt: skip
        rounds.append(round)
    for position, user in enumerate(users):
        save_answers(
            rounds[0],
            user,
            {
                statement.pk: (str(1 + (position + number) % 5), f"Comment {number} " * 20)
                for number, statement in enumerate(rounds[0].statements.all())
            },
        )
    close_round(rounds[0])
    return rounds


def measure(client, url, requests):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()  # DEBUG keeps a bounded log of queries: start from an empty one
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("loaddata", "model", verbosity=0)

    print(f"{'page':<42} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, median, p95, queries in measure_pages(args.requests):
        print(f"{name:<42} {median:>10.1f} {p95:>8.1f} {queries:>8}")


def measure_pages(requests):
    """(page, median ms, p95 ms, queries) for each page, in a transaction rolled back."""
    from django.db import transaction
    from django.test import Client

    results = []
    try:
        with transaction.atomic():
            partnership, member = build()
            closed_round, open_round = assessment_rounds(
                partnership, [m.user for m in partnership.memberships.all()]
            )
            anonymous, signed_in = Client(), Client()
            signed_in.force_login(member)
            base = f"/en/partnerships/{partnership.pk}"
            pages = [
                ("start page", anonymous, "/en/"),
                ("model matrix", anonymous, "/en/model/"),
                ("model matrix, focus", anonymous, "/en/model/?domains=leadership&stages=planning"),
                ("public cell", anonymous, "/en/model/communication/planning/"),
                ("my partnerships", signed_in, "/en/partnerships/"),
                ("partnership matrix (20 notes)", signed_in, f"{base}/"),
                ("partnership cell", signed_in, f"{base}/communication/planning/"),
                (
                    "note history (5 revisions)",
                    signed_in,
                    f"{base}/communication/planning/history/",
                ),
                ("members", signed_in, f"{base}/members/"),
                ("self-assessment rounds", signed_in, f"{base}/assessments/"),
                (
                    "self-assessment results (6 members)",
                    signed_in,
                    f"{base}/assessments/{closed_round.pk}/",
                ),
                ("results CSV", signed_in, f"{base}/assessments/{closed_round.pk}/results.csv"),
                (
                    "answering a domain",
                    signed_in,
                    f"{base}/assessments/{open_round.pk}/answer/leadership/",
                ),
            ]
            for name, client, url in pages:
                results.append((name, *measure(client, url, requests)))
            raise Rollback
    except Rollback:
        pass
    return results


if __name__ == "__main__":
    main()
