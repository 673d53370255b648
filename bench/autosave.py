"""Twenty members saving at once on one partnership: the autosave's response time.

    DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/DB .venv/bin/python bench/autosave.py \
        [--seconds 30] [--members 20] [--port 8162]

Starts gunicorn with production settings (bench/server.py: DEBUG off, 2 sync workers) and the
background worker on 127.0.0.1, makes a partnership of 20 signed-in members (sessions made
directly; the bench's own rows are deleted at the end) and lets each member type into a cell's
note as the note editor does: an autosave (``X-Autosave: 1``, the version it started from) 1.5
to 3 s after the previous one, with the text growing. Members share cells in pairs (8 cells with
two writers, 4 with one), so some saves meet a newer version (409) and carry on from it, as the
editor does. First the same members fetch a static file at the same pace for the same time: the
server's ceiling in this run. Prints median, 95th percentile and worst response time of each,
and their ratio. Target: the save's p95 under 50 ms.
"""

import argparse
import http.client
import os
import random
import re
import statistics
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collabmodel.settings")

from bench.server import gunicorn, prepare, production_environment, worker

PARAGRAPH = (
    "We meet every second Tuesday at the town hall; minutes go to all partners within two "
    "days. Ąžuolas, Līga, Jõgeva and Øystein lead the working groups. "
)


def make_members(count):
    """A partnership with ``count`` members, each with a session cookie; and the cells."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from bench.data import partnership_of
    from domains.models import Cell
    from partnerships.models import Role

    partnership, users = partnership_of(
        [(f"Member {n}", "", "public", Role.FACILITATOR if n == 0 else Role.EDITOR)
         for n in range(count)],
        name="Autosave bench",
        goal="Twenty members saving at once.",
    )  # fmt: skip
    sessions = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)
    cells = list(Cell.objects.for_matrix()[:12])
    return partnership, users, sessions, cells


def request(port, method, path, headers=None, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    start = time.perf_counter()
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    content = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    connection.close()
    return response.status, content, elapsed, response


def paced(seconds, step):
    """Run ``step`` from now until ``seconds`` have passed, 1.5 to 3 s apart."""
    deadline = time.monotonic() + seconds
    time.sleep(random.uniform(0, 1.5))
    while time.monotonic() < deadline:
        step()
        time.sleep(random.uniform(1.5, 3.0))


def member(port, session_key, cell_path, seconds, times, outcomes):
    cookie = f"sessionid={session_key}"
    status, page, _, response = request(port, "GET", cell_path, {"Cookie": cookie})
    assert status == 200, (status, cell_path)
    csrf_cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie", "")).group(1)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    version = int(re.search(rb'name="base_version" value="(\d+)"', page).group(1))
    text = ""

    def save():
        nonlocal version, text
        text += PARAGRAPH
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "text": text, "base_version": version}
        )
        status, content, elapsed, _ = request(
            port, "POST", cell_path + "note/",
            {"Cookie": f"{cookie}; csrftoken={csrf_cookie}", "X-Autosave": "1",
             "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
            body,
        )  # fmt: skip
        times.append(elapsed)
        outcomes.append(status)
        found = re.search(rb'"version": (\d+)', content)
        if found:
            version = int(found.group(1))

    paced(seconds, save)


def static(port, seconds, times, outcomes):
    def fetch():
        status, _, elapsed, _ = request(port, "GET", "/static/css/site.css")
        times.append(elapsed)
        outcomes.append(status)

    paced(seconds, fetch)


def in_threads(target, argument_lists):
    threads = [threading.Thread(target=target, args=arguments) for arguments in argument_lists]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def summary(times):
    times = sorted(times)
    return statistics.median(times), times[int(len(times) * 0.95)], times[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--members", type=int, default=20)
    parser.add_argument("--port", type=int, default=8162)
    args = parser.parse_args()
    environment = production_environment()
    os.environ.update(environment)
    prepare(environment)

    import django

    django.setup()
    from django.contrib.auth import get_user_model

    partnership, users, sessions, cells = make_members(args.members)
    try:
        with gunicorn(environment, args.port), worker(environment):
            ceiling, answers = [], []
            in_threads(static, [(args.port, args.seconds, ceiling, answers)] * args.members)
            saves, outcomes = [], []
            in_threads(
                member,
                [
                    (args.port, session, f"/en/partnerships/{partnership.pk}/"
                     f"{cells[n % len(cells)].domain.slug}/{cells[n % len(cells)].stage.slug}/",
                     args.seconds, saves, outcomes)
                    for n, session in enumerate(sessions)
                ],
            )  # fmt: skip
    finally:
        partnership.delete()
        get_user_model().objects.filter(pk__in=[user.pk for user in users]).delete()

    print(f"{args.members} members, {args.seconds} s, gunicorn 2 sync workers, 127.0.0.1")
    print("| request | count | median ms | p95 ms | worst ms | p95 / static p95 |")
    print("|---|---:|---:|---:|---:|---:|")
    static_p95 = summary(ceiling)[1]
    for label, times in (("static file (ceiling)", ceiling), ("autosave", saves)):
        median, p95, worst = summary(times)
        print(f"| {label} | {len(times)} | {median:.1f} | {p95:.1f} | {worst:.1f} | "
              f"{p95 / static_p95:.1f} |")  # fmt: skip
    print("autosave answers:", {status: outcomes.count(status) for status in sorted(set(outcomes))})


if __name__ == "__main__":
    main()
