"""The README's production steps, run as written on an empty PostgreSQL database, with
production settings, then used over HTTP as a person would: sign up (the link read from the
mail the worker sends), create a partnership, save a note, download a workbook. And several
app servers against that one database: two gunicorn instances on two ports.

One set-up for the whole module (about half a minute); select these with `-m production`."""

import email
import email.policy
import os
import re
import secrets
import shlex
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import psycopg
import pytest
from psycopg import sql

from .pdf import poppler
from .production import ROOT, is_service, production_steps
from .web_client import Browser

pytestmark = pytest.mark.production

PASSWORD = "a long enough passphrase"
NOTE = "We meet every Monday at the library; Ilze keeps the minutes."


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Production:
    ports: tuple
    mail: Path
    database_url: str

    def mail_to(self, address, timeout=60):
        """The newest message the worker has written for ``address``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for path in sorted(self.mail.glob("*.log"), key=os.path.getmtime, reverse=True):
                for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                    message = email.message_from_bytes(raw.lstrip(), policy=email.policy.default)
                    if message["To"] == address:
                        return message
            time.sleep(0.2)
        raise AssertionError(f"no mail to {address} within {timeout} s")


class EmptyDatabase:
    """A new, empty PostgreSQL database beside the tests' own, on the same server."""

    def __init__(self):
        self.config = dj_database_url.parse(os.environ["DATABASE_URL"])
        self.name = f"{self.config['NAME']}_production"
        self.url = (
            f"postgres://{self.config['USER']}:{self.config['PASSWORD']}@"
            f"{self.config['HOST']}:{self.config['PORT']}/{self.name}"
        )

    def execute(self, statement):
        with psycopg.connect(
            dbname="postgres",
            user=self.config["USER"],
            password=self.config["PASSWORD"],
            host=self.config["HOST"],
            port=self.config["PORT"],
            autocommit=True,
        ) as connection:
            connection.execute(statement.format(sql.Identifier(self.name)))

    def create(self):
        self.drop()
        self.execute(sql.SQL("CREATE DATABASE {}"))

    def drop(self):
        self.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)"))


def wait_for_health(port, process, log):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"gunicorn stopped:\n{log.read_text()[-3000:]}")
        try:
            if Browser(port).get("/health/").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"gunicorn did not answer on {port}:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """The README's steps on an empty database; gunicorn started twice (two app servers on
    two ports, one database) and the worker once."""
    folder = tmp_path_factory.mktemp("production")
    database = EmptyDatabase()
    database.create()
    (folder / "secret_key").write_text(secrets.token_urlsafe(50) + "\n")
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    } | {
        "DEBUG": "false",
        "SECRET_KEY_FILE": str(folder / "secret_key"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database.url,
        "STATIC_ROOT": str(folder / "static"),
        "EMAIL_FILE_PATH": str(folder / "mail"),
        "WEB_CONCURRENCY": "2",
    }
    exported, steps = production_steps()
    assert exported <= environment.keys(), "the test sets every variable the README exports"
    ports = (free_port(), free_port())
    services = []
    try:
        for command in steps:
            if not is_service(command):
                result = subprocess.run(  # noqa: S603
                    command, cwd=ROOT, env=environment, capture_output=True, text=True, check=False
                )
                assert result.returncode == 0, f"{shlex.join(command)}:\n{result.stderr}"
                continue
            for port in ports if command[0].endswith("/gunicorn") else (None,):
                log = folder / f"{Path(command[0]).name}-{port or 'worker'}.log"
                bind = {"GUNICORN_CMD_ARGS": f"--bind 127.0.0.1:{port}"} if port else {}
                process = subprocess.Popen(  # noqa: S603
                    command,
                    cwd=ROOT,
                    env=environment | bind,
                    stdout=log.open("w"),
                    stderr=subprocess.STDOUT,
                )
                services.append(process)
                if port:
                    wait_for_health(port, process, log)
        yield Production(ports=ports, mail=folder / "mail", database_url=database.url)
    finally:
        for process in services:
            process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown; the worker's too
        for process in services:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        database.drop()


def sign_up(production, browser, address):
    """Sign up as ``address`` and follow the mailed link: logged in, on My partnerships."""
    form = browser.get("/en/accounts/signup/")
    answer = browser.submit(
        form,
        "main form",
        {
            "email": address,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": address.partition("@")[0].title(),
            "sector": "public",
        },
    )
    assert "A message with a link to confirm your address is on its way to you." in answer.text
    body = production.mail_to(address).get_body(("plain",)).get_content()
    link = re.search(r"https://\S+/accounts/confirm-email/\S+", body).group(0)
    answer = browser.submit(browser.get(link), "main form", {})
    assert answer.url.endswith("/en/partnerships/"), answer.url
    return answer


def log_in(browser, address, password=PASSWORD):
    return browser.submit(
        browser.get("/en/accounts/login/"), "main form", {"login": address, "password": password}
    )


def create_partnership(browser, name):
    answer = browser.submit(
        browser.get("/en/partnerships/new/"),
        "main form",
        {"name": name, "goal": "More children walk to school.", "sectors": ["public", "citizen"]},
    )
    assert re.search(r"/en/partnerships/\w+/$", answer.url), answer.url
    return answer.url


def download(browser, url, timeout=120):
    """Ask for a workbook until it is ready, as the preparing page's button does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        answer = browser.get(url)
        if answer.status == 200:
            assert answer.headers["Content-Type"] == "application/pdf"
            return answer.body
        assert answer.status == 202, answer.text
        time.sleep(0.5)
    raise AssertionError(f"{url} was not ready within {timeout} s")


def test_the_readme_production_steps_give_a_working_app(production):
    browser = Browser(production.ports[0])
    answer = sign_up(production, browser, "anna@example.org")
    assert "My partnerships" in answer.text
    partnership = create_partnership(browser, "Healthy schools")

    cell = browser.get(partnership + "communication/planning/")
    browser.submit(cell, "form[data-note-editor]", {"text": NOTE})
    assert NOTE in browser.get(partnership + "communication/planning/").text

    pdf = download(browser, partnership + "workbook.pdf?domains=communication&stages=planning")
    text = " ".join(poppler("pdftotext", pdf, "-").split())
    assert "Healthy schools" in text
    assert NOTE in text


def test_a_person_logs_in_on_one_app_server_and_goes_on_on_the_other(production):
    first, second = production.ports
    sign_up(production, Browser(first), "ben@example.org")
    browser = Browser(first)
    assert log_in(browser, "ben@example.org").url.endswith("/en/partnerships/")

    browser.switch_to(second)
    create_partnership(browser, "Green corridors")
    browser.switch_to(first)
    assert "Green corridors" in browser.get("/en/partnerships/").text


def test_failed_log_ins_count_towards_one_limit_across_app_servers(production):
    first, second = production.ports
    sign_up(production, Browser(first), "cleo@example.org")
    guesser = Browser(first)
    for attempt in range(5):
        guesser.switch_to((first, second)[attempt % 2])
        answer = log_in(guesser, "cleo@example.org", "not the password")
        assert "The email address and/or password you specified are not correct." in answer.text

    answer = log_in(Browser(second), "cleo@example.org")
    assert "Too many failed login attempts. Try again later." in answer.text
    answer = log_in(Browser(first), "cleo@example.org")
    assert "Too many failed login attempts. Try again later." in answer.text


def test_a_workbook_queued_through_one_app_server_is_downloaded_through_the_other(production):
    first, second = production.ports
    browser = Browser(first)
    sign_up(production, browser, "dina@example.org")
    partnership = create_partnership(browser, "Safe routes")
    url = partnership + "workbook.pdf?domains=leadership&stages=mapping&paper=letter"
    assert browser.get(url).status == 202  # queued, through the first

    browser.switch_to(second)
    pdf = download(browser, url)
    assert "Safe routes" in " ".join(poppler("pdftotext", pdf, "-").split())


def test_a_backup_restores_the_database_as_it_was(production):
    """docs/operations.md's backup and restore, on this database as the tests above left it
    (people, partnerships, notes, rendered workbooks, queued tasks); last, as it wipes it."""
    browser = Browser(production.ports[0])
    sign_up(production, browser, "emil@example.org")
    partnership = create_partnership(browser, "Riverside walks")
    cell = browser.get(partnership + "leadership/mapping/")
    browser.submit(cell, "form[data-note-editor]", {"text": "Ünïcode, “quotes”\nand lines."})

    result = subprocess.run(  # noqa: S603
        [ROOT / "scripts" / "backup-check", production.database_url],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"tables \d+, rows \d+, each table's checksum unchanged", result.stdout)

    browser = Browser(production.ports[1])  # the restored database, through the app
    assert log_in(browser, "emil@example.org").url.endswith("/en/partnerships/")
    assert "Ünïcode, “quotes” and lines." in browser.get(partnership + "leadership/mapping/").text
