"""The app as production runs it, for the load benchmarks: gunicorn with DEBUG off, PostgreSQL,
collected static files, persistent database connections and sync workers, on 127.0.0.1 only.

The flags are given on the command line (2 sync workers by default), so a benchmark measures
the same server whatever configuration file a deployment uses.
"""

import os
import secrets
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")


def production_environment(**extra):
    """The environment of a production process, for ``DATABASE_URL`` (which must be set)."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database: the benchmark measures production.")
    return {
        **os.environ,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_CONN_MAX_AGE": "60",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def prepare(environment):
    """Migrate, load the model and collect the static files, as the production steps do (the
    static files only when one changed since they were last collected: it takes minutes)."""
    commands = [["migrate", "--no-input", "-v0"], ["loaddata", "model", "-v0"]]
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    newest = max(path.stat().st_mtime for path in (ROOT / "static").rglob("*") if path.is_file())
    if not manifest.exists() or manifest.stat().st_mtime < newest:
        commands.append(["collectstatic", "--no-input", "-v0"])
    for command in commands:
        subprocess.run(  # noqa: S603 (our own arguments)
            [PYTHON, "manage.py", *command], cwd=ROOT, env=environment, check=True
        )


@contextmanager
def gunicorn(environment, port, workers=2):
    """gunicorn serving the app on 127.0.0.1:``port`` until the block ends."""
    process = subprocess.Popen(  # noqa: S603 (our own arguments)
        [GUNICORN, "collabmodel.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--worker-class", "sync", "--timeout", "30",
         "--log-level", "warning"],
        cwd=ROOT,
        env=environment,
    )  # fmt: skip
    try:
        wait_for(f"http://127.0.0.1:{port}/health/")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def worker(environment):
    """The background worker (``manage.py db_worker``) until the block ends."""
    process = subprocess.Popen(  # noqa: S603 (our own arguments)
        [PYTHON, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2"],
        cwd=ROOT,
        env=environment,
    )
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=60)


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (http://127.0.0.1 only)
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
