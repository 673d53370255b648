"""A whole partnership as one document: exported by a facilitator, imported into a new one.

The document is JSON (``FORMAT``, ``VERSION``). partnerships/ writes its own parts (details,
members and roles, pending invitations) and asks the apps above it for theirs through signals,
as accounts/ does for a person's data download:

- ``partnership_export_requested(partnership)``: each receiver returns a dict of sections it
  adds to the document (notes/ adds "notes" and "ticks").
- ``partnership_markdown_requested(document)``: each receiver returns ``{path: text}`` of the
  Markdown files its sections make in the readable zip.
- ``partnership_importing(partnership, document, people)``: sent inside the transaction that
  creates the new partnership; each receiver restores its sections, or raises
  ``ValidationError`` with a message for the importer, which undoes the whole import.

People in the document are ``{"name": ..., "email": ...}`` (``None`` for a former member).
An import never adds anyone to the new partnership: the importer is its only member, its
facilitator; the other members come back as invitations with their roles, not sent until the
facilitator sends them; what others wrote keeps their names (``People``).
"""

import io
import json
import zipfile
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from accounts.models import Sector, display_name

from .models import Invitation, Membership, Partnership, Role

FORMAT = "collabmodel-partnership"
VERSION = 1
# The most members and invitations an import brings back as invitations.
PEOPLE_IMPORTED = 500

partnership_export_requested = Signal()
partnership_markdown_requested = Signal()
partnership_importing = Signal()


def person(user, kept_name=""):
    """How the document names someone: their name and address, a kept name, or None."""
    if user is None:
        return {"name": kept_name, "email": ""} if kept_name else None
    return {"name": display_name(user), "email": user.email}


def moment(value):
    return value and value.isoformat()


def export_document(partnership, exported_by) -> dict:
    members = Membership.objects.for_members_page(partnership)
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "exported_by": person(exported_by),
        "partnership": {
            "name": partnership.name,
            "goal": partnership.goal,
            "description": partnership.description,
            "sectors": partnership.sectors,
            "created_at": moment(partnership.created_at),
            "archived_at": moment(partnership.archived_at),
            "last_activity_at": moment(partnership.last_activity_at),
        },
        "members": [
            {**person(member.user), "role": member.role, "joined_at": moment(member.joined_at)}
            for member in members
        ],
        "invitations": [
            {"email": invitation.email, "role": invitation.role}
            for invitation in partnership.invitations.pending().order_by("created_at", "pk")
        ],
    }
    for _receiver, sections in partnership_export_requested.send(
        sender=Partnership, partnership=partnership
    ):
        document.update(sections)
    return document


class People:
    """Who the people named in an imported document are on this server: the importer is
    recognised by their e-mail address; anyone else is kept as a name only, so an import tells
    nothing about who has an account here and adds no one to the partnership."""

    def __init__(self, importer):
        self.importer = importer

    def resolve(self, reference, where):
        """(user, kept name) for a person of the document: (None, "") for a former member."""
        if reference is None:
            return None, ""
        reference = require(reference, dict, where)
        email = require(reference.get("email", ""), str, f"{where}.email")
        name = require(reference.get("name", ""), str, f"{where}.name").strip()
        if email and email.lower() == self.importer.email.lower():
            return self.importer, ""
        if len(name) > 150:
            raise invalid(where, _("a name is longer than 150 characters"))
        return None, name


def invalid(where, problem):
    return ValidationError(
        _("The file cannot be imported: %(where)s: %(problem)s."),
        code="invalid",
        params={"where": where, "problem": problem},
    )


def require(value, kind, where):
    """``value`` if it is of ``kind``, for the checks of an imported document."""
    if (kind is int and isinstance(value, bool)) or not isinstance(value, kind):
        raise invalid(where, _("not what an export holds there"))
    return value


def parse_moment(value, where, *, optional=False):
    if value is None and optional:
        return None
    try:
        parsed = datetime.fromisoformat(require(value, str, where))
        if timezone.is_naive(parsed):
            raise ValueError
        # In UTC, as stored: a moment at the very edge of the calendar has no UTC time.
        return parsed.astimezone(UTC)
    except (ValueError, OverflowError):
        raise invalid(where, _("not a date and time")) from None


def read_document(raw: bytes) -> dict:
    """The export in ``raw``, checked for its format and version; ValidationError if not."""
    try:
        document = json.loads(raw)
    except (ValueError, RecursionError):
        raise ValidationError(
            _("The file is not a partnership export: it is not valid JSON."), code="json"
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValidationError(
            _("The file is not a partnership export from this application."), code="format"
        )
    if document.get("version") != VERSION:
        raise ValidationError(
            _(
                "The file is an export in a format version this server does not read "
                "(it reads version %(version)s)."
            ),
            code="version",
            params={"version": VERSION},
        )
    return document


@transaction.atomic
def import_document(document, importer) -> Partnership:
    """A new partnership made from ``document``, with ``importer`` as its facilitator."""
    details = require(document.get("partnership"), dict, "partnership")
    partnership = Partnership(
        name=require(details.get("name"), str, "partnership.name"),
        goal=require(details.get("goal"), str, "partnership.goal"),
        description=require(details.get("description", ""), str, "partnership.description"),
        sectors=require(details.get("sectors"), list, "partnership.sectors"),
        created_by=importer,
        created_at=parse_moment(details.get("created_at"), "partnership.created_at"),
        archived_at=parse_moment(
            details.get("archived_at"), "partnership.archived_at", optional=True
        ),
        last_activity_at=parse_moment(
            details.get("last_activity_at"), "partnership.last_activity_at"
        ),
    )
    try:
        partnership.full_clean()
    except ValidationError as error:
        field, problems = next(iter(error.message_dict.items()))
        raise invalid(f"partnership.{field}", problems[0]) from None
    partnership.save()
    Membership.objects.create(partnership=partnership, user=importer, role=Role.FACILITATOR)
    invite_the_others(partnership, document, importer)
    partnership_importing.send(
        sender=Partnership, partnership=partnership, document=document, people=People(importer)
    )
    return partnership


def invite_the_others(partnership, document, importer):
    """Every member but the importer, and every pending invitation, becomes an invitation with
    its role; none is sent (the facilitator sends them from the members page)."""
    roles = {}
    for key in ("members", "invitations"):
        for index, entry in enumerate(require(document.get(key, []), list, key)):
            where = f"{key}[{index}]"
            entry = require(entry, dict, where)
            email = require(entry.get("email"), str, f"{where}.email").strip().lower()
            try:
                validate_email(email)
            except ValidationError:
                raise invalid(f"{where}.email", _("not an e-mail address")) from None
            if entry.get("role") not in Role.values:
                raise invalid(f"{where}.role", _("not a role"))
            if email != importer.email.lower():
                roles.setdefault(email, entry["role"])
    if len(roles) > PEOPLE_IMPORTED:
        raise invalid("members", _("more than %(limit)s people") % {"limit": PEOPLE_IMPORTED})
    invitations = [
        Invitation(partnership=partnership, email=email, role=role, invited_by=importer)
        for email, role in roles.items()
    ]
    for invitation in invitations:
        # No one has its link: it shows as expired until the facilitator sends it ("Resend").
        invitation.new_token()
        invitation.expires_at = invitation.created_at
    Invitation.objects.bulk_create(invitations)


def markdown_zip(document, exported_json) -> bytes:
    """The readable export: an index, the partnership's details and members, and each app's
    files (a file per cell's note with its history), in a folder named for the partnership,
    with the JSON export beside them."""
    folder = slugify(document["partnership"]["name"]) or "partnership"
    files = {"partnership.md": details_markdown(document)}
    for _receiver, more in partnership_markdown_requested.send(
        sender=Partnership, document=document
    ):
        files.update(more)
    index = render_to_string(
        "partnerships/export/index.txt",
        {
            "document": document,
            "exported_at": date_format(
                localtime(datetime.fromisoformat(document["exported_at"])), "DATETIME_FORMAT"
            ),
            "exported_by": document["exported_by"]["name"],
            # Each file starts with its title, as a Markdown heading.
            "files": [
                {"path": path, "title": text.partition("\n")[0].lstrip("# ")}
                for path, text in files.items()
            ],
        },
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{folder}/index.md", index)
        archive.writestr(f"{folder}/export.json", exported_json)
        for path, text in files.items():
            archive.writestr(f"{folder}/{path}", text)
    return buffer.getvalue()


def details_markdown(document):
    return render_to_string(
        "partnerships/export/partnership.txt",
        {
            "document": document,
            "sectors": [Sector(value).label for value in document["partnership"]["sectors"]],
            "members": [
                {**member, "role": Role(member["role"]).label} for member in document["members"]
            ],
            "invitations": [
                {**invitation, "role": Role(invitation["role"]).label}
                for invitation in document["invitations"]
            ],
        },
    )
