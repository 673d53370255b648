"""Every page on a large installation's database against the same page on one with the model only.

    DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/EMPTY \
    SCALE_DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/SCALE \
        .venv/bin/python bench/scale.py [--requests 30] [--rounds 2] [--explain]

SCALE is filled first with ``manage.py fill_scale`` (10,000 people, 3,000 partnerships, 20
notes each with 10 revisions); EMPTY holds the model only. Each round measures the pages of
bench/pages.py in a fresh process on each database in turn (the same partnership of six
members with a long note and five revisions in every cell, made in a transaction that is
rolled back), so both see the same load on this shared machine; a page's figure is its best
median over the rounds. Prints each page's median on both, the ratio (target: at most 1.2) and
the query counts, which must be equal. ``--explain`` then prints PostgreSQL's plans (EXPLAIN
ANALYZE) of the queries on memberships, notes, ticks and revisions (my partnerships, the matrix,
the note, the history) for one of SCALE's own partnerships.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collabmodel.settings")


def child(requests):
    """Measure the pages on DATABASE_URL and print them as JSON."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from bench.pages import measure_pages

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    print(json.dumps(measure_pages(requests)))


def explain():
    """The plans of the queries on notes, ticks and revisions of a scale partnership's pages."""
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from partnerships.models import Membership

    settings.ALLOWED_HOSTS = ["testserver"]
    membership = Membership.objects.select_related("partnership", "user").get(
        partnership__name="Partnership 1500", role="facilitator"
    )
    client = Client()
    client.force_login(membership.user)
    base = f"/en/partnerships/{membership.partnership.pk}"
    for page, url in [
        ("my partnerships", "/en/partnerships/"),
        ("partnership matrix", f"{base}/"),
        ("partnership cell (the note)", f"{base}/communication/planning/"),
        ("note history", f"{base}/communication/planning/history/"),
    ]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        for query in queries.captured_queries:
            tables = (
                "notes_note",
                "notes_revision",
                "notes_discussedquestion",
                "partnerships_membership",
            )
            if not any(f'FROM "{table}"' in query["sql"] for table in tables):
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN ANALYZE " + query["sql"])
                plan = "\n".join(row[0] for row in cursor.fetchall())
            print(f"### {page}\n\n```sql\n{query['sql']}\n```\n\n```\n{plan}\n```\n")


def run_child(database_url, requests):
    output = subprocess.run(  # noqa: S603 (our own arguments)
        [sys.executable, __file__, "--child", "--requests", str(requests)],
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True, text=True, check=True, timeout=600,
    ).stdout  # fmt: skip
    return {name: (median, p95, queries) for name, median, p95, queries in json.loads(output)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.requests)
    empty_url, scale_url = os.environ.get("DATABASE_URL"), os.environ.get("SCALE_DATABASE_URL")
    if not (empty_url and scale_url):
        sys.exit("Set DATABASE_URL (the model only) and SCALE_DATABASE_URL (fill_scale's).")
    best = {"empty": {}, "scale": {}}
    for _ in range(args.rounds):
        for label, url in (("empty", empty_url), ("scale", scale_url)):
            for name, figures in run_child(url, args.requests).items():
                if name not in best[label] or figures[0] < best[label][name][0]:
                    best[label][name] = figures
    print("| page | empty: median ms | scale: median ms | scale / empty | queries (empty, scale) |")
    print("|---|---:|---:|---:|---|")
    for name, (median, _p95, queries) in best["empty"].items():
        scale_median, _scale_p95, scale_queries = best["scale"][name]
        print(f"| {name} | {median:.1f} | {scale_median:.1f} | {scale_median / median:.2f} | "
              f"{queries}, {scale_queries} |")  # fmt: skip
    if args.explain:
        os.environ["DATABASE_URL"] = scale_url
        explain()


if __name__ == "__main__":
    main()
