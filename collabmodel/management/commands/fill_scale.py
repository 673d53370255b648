"""Fill a database with the data of a large installation, for measuring pages at scale.

    manage.py fill_scale [--people 10000] [--partnerships 3000] [--revisions 10]

People (verified, with profiles), partnerships of five members each (a facilitator, three
editors, a viewer), every partnership with a note on all 20 cells, each note with its
revisions, and a ticked question per cell. Written with PostgreSQL's COPY, a batch of
partnerships at a time, so it takes a minute or two and little memory. For a database of its
own: it refuses to run twice on one database, and on anything but PostgreSQL.
"""

import json
from datetime import timedelta
from html import escape

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import Sector
from domains.models import Cell, GuidanceItem
from partnerships.models import Role, new_partnership_id

MEMBERS = 5
BATCH = 100  # partnerships written at a time
SECTORS = json.dumps([Sector.PUBLIC, Sector.NON_PROFIT])
ROLES = [Role.FACILITATOR, Role.EDITOR, Role.EDITOR, Role.EDITOR, Role.VIEWER]
SENTENCES = [
    "We meet every second Tuesday at the town hall.",
    "Minutes go to all partners within two days.",
    "The steering group decides on money above 5,000 euros.",
    "Each partner names one contact person and a deputy.",
    "Problems are raised at the next meeting, or by e-mail to the chair if urgent.",
    "Ąžuolas, Līga, Jõgeva and Øystein lead the working groups.",
]


def note_text(partnership_number, cell_number, version):
    """Four to six sentences, different from one note and version to the next."""
    start = partnership_number + 7 * cell_number + 3 * version
    return " ".join(SENTENCES[(start + i) % len(SENTENCES)] for i in range(4 + version % 3))


class Command(BaseCommand):
    help = __doc__.split("\n\n")[0]

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=10_000)
        parser.add_argument("--partnerships", type=int, default=3_000)
        parser.add_argument("--revisions", type=int, default=10)

    def handle(self, *args, people, partnerships, revisions, **options):
        if connection.vendor != "postgresql":
            raise CommandError("fill_scale writes with PostgreSQL's COPY: use PostgreSQL.")
        if partnerships * MEMBERS > people * 2:
            raise CommandError("Too few people: each may belong to two partnerships at most.")
        cells = list(Cell.objects.order_by("domain__position", "stage__position"))
        if len(cells) != 20:
            raise CommandError("Load the model first: manage.py loaddata model")
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM auth_user WHERE username LIKE 'scale-%%' LIMIT 1")
            if cursor.fetchone():
                raise CommandError("This database already holds the scale data.")
        questions = {}  # each cell's first guiding question
        for question_id, cell_id in (
            GuidanceItem.objects.filter(kind=GuidanceItem.Kind.QUESTION)
            .order_by("-position")
            .values_list("pk", "cell_id")
        ):
            questions[cell_id] = question_id
        now = timezone.now()
        user_ids = self.fill_people(people, now)
        self.stdout.write(f"{people} people")
        for start in range(0, partnerships, BATCH):
            numbers = range(start, min(start + BATCH, partnerships))
            with transaction.atomic():
                self.fill_partnerships(numbers, user_ids, cells, questions, revisions, now)
            self.stdout.write(f"{numbers.stop} partnerships")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def copy(self, table, columns, rows):
        quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
        statement = f"COPY {table} ({quoted}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)

    @transaction.atomic
    def fill_people(self, count, now):
        password = make_password("scale-password-1")  # one hash for all: hashing is slow
        self.copy(
            "auth_user",
            ["password", "is_superuser", "username", "first_name", "last_name", "email",
             "is_staff", "is_active", "date_joined"],
            ((password, False, f"scale-{n}", "", "", f"scale-{n}@example.org", False, True, now)
             for n in range(count)),
        )  # fmt: skip
        with connection.cursor() as cursor:
            cursor.execute("SELECT id FROM auth_user WHERE username LIKE 'scale-%%' ORDER BY id")
            user_ids = [row[0] for row in cursor.fetchall()]
        sectors = list(Sector.values)
        self.copy(
            "account_emailaddress",
            ["user_id", "email", "verified", "primary"],
            ((pk, f"scale-{n}@example.org", True, True) for n, pk in enumerate(user_ids)),
        )
        self.copy(
            "accounts_profile",
            ["user_id", "display_name", "organisation", "sector", "language"],
            ((pk, f"Person {n}", f"Organisation {n % 700}", sectors[n % len(sectors)],
              ["en", "lv", "pl", "de", "fi"][n % 5])
             for n, pk in enumerate(user_ids)),
        )  # fmt: skip
        return user_ids

    def fill_partnerships(self, numbers, user_ids, cells, questions, revisions, now):
        ids = {number: new_partnership_id() for number in numbers}
        members = {
            number: [user_ids[(number * MEMBERS + k) % len(user_ids)] for k in range(MEMBERS)]
            for number in numbers
        }
        self.copy(
            "partnerships_partnership",
            ["id", "name", "goal", "description", "sectors", "created_by_id", "created_at",
             "last_activity_at"],
            ((ids[n], f"Partnership {n}", "More children walk or cycle to school.", "",
              SECTORS, members[n][0], now - timedelta(days=400), now - timedelta(minutes=n))
             for n in numbers),
        )  # fmt: skip
        self.copy(
            "partnerships_membership",
            ["partnership_id", "user_id", "role", "joined_at"],
            ((ids[n], user, ROLES[k], now - timedelta(days=400 - k))
             for n in numbers for k, user in enumerate(members[n])),
        )  # fmt: skip
        self.copy(
            "notes_note",
            ["partnership_id", "cell_id", "text", "html", "status", "version", "updated_at",
             "updated_by_id"],
            ((ids[n], cell.pk, note_text(n, c, revisions),
              f"<p>{escape(note_text(n, c, revisions))}</p>\n",
              ["not_started", "in_progress", "done"][c % 3], revisions,
              now - timedelta(minutes=n), members[n][c % MEMBERS])
             for n in numbers for c, cell in enumerate(cells)),
        )  # fmt: skip
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, partnership_id, cell_id FROM notes_note WHERE partnership_id = ANY(%s)",
                [list(ids.values())],
            )
            notes = {(partnership, cell): pk for pk, partnership, cell in cursor.fetchall()}
        self.copy(
            "notes_revision",
            ["note_id", "version", "text", "author_id", "saved_at"],
            ((notes[ids[n], cell.pk], version, note_text(n, c, version),
              members[n][(c + version) % MEMBERS],
              now - timedelta(minutes=n) - timedelta(hours=revisions - version))
             for n in numbers for c, cell in enumerate(cells)
             for version in range(1, revisions + 1)),
        )  # fmt: skip
        self.copy(
            "notes_discussedquestion",
            ["partnership_id", "question_id", "ticked_by_id", "ticked_at"],
            ((ids[n], questions[cell.pk], members[n][1], now - timedelta(days=1))
             for n in numbers for cell in cells if cell.pk in questions),
        )  # fmt: skip
