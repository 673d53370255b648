"""Partnerships: who belongs to which partnership, in which role, and who is invited.

A partnership's id is random, so its address says nothing about other partnerships.
What each role may do is decided in partnerships/access.py, nowhere else.
"""

import hashlib
import secrets
import string
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Sector

from .signals import activity

ID_ALPHABET = string.ascii_lowercase + string.digits
PARTNERSHIP_ID_LENGTH = 10
INVITATION_DAYS = 14


def new_partnership_id() -> str:
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(PARTNERSHIP_ID_LENGTH))


def validate_single_line(value):
    """Names appear in e-mail subjects and headers: no line breaks or other control characters."""
    if any(ord(character) < 32 or ord(character) == 127 for character in value):
        raise ValidationError(
            _("Use a single line, without line breaks or tabs."), code="single_line"
        )


def validate_sectors(value):
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one sector."), code="required")
    unknown = [item for item in value if item not in Sector.values]
    if unknown:
        raise ValidationError(
            _("Unknown sector: %(value)s."), code="invalid_choice", params={"value": unknown[0]}
        )


class PartnershipQuerySet(models.QuerySet):
    def lock(self):
        """Hold these partnerships' rows until the transaction ends, so that changes to their
        members run one after the other and cannot leave one without a facilitator. Rows are
        locked in one order, so two lockers of several partnerships never deadlock."""
        list(self.select_for_update(of=("self",)).order_by("pk").values_list("pk", flat=True))


class Partnership(models.Model):
    id = models.CharField(
        primary_key=True, max_length=12, default=new_partnership_id, editable=False
    )
    name = models.CharField(_("name"), max_length=150, validators=[validate_single_line])
    goal = models.TextField(
        _("common goal"),
        max_length=1000,
        help_text=_(
            "The shared problem the partners want to solve together, in a sentence or two."
        ),
    )
    description = models.TextField(
        _("description"),
        max_length=5000,
        blank=True,
        help_text=_("Optional: who the partners are, where and when you work."),
    )
    sectors = models.JSONField(_("sectors involved"), default=list, validators=[validate_sectors])
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="partnerships_created",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnerships:detail", args=[self.pk])

    @property
    def is_archived(self):
        return self.archived_at is not None

    @property
    def sector_labels(self):
        return [Sector(value).label for value in self.sectors]

    def touch(self, when=None):
        """Record activity (a note saved, a member joining or leaving): the one way the
        partnership's last activity is written, with a single UPDATE of that column."""
        self.last_activity_at = when or timezone.now()
        Partnership.objects.filter(pk=self.pk).update(last_activity_at=self.last_activity_at)
        activity.send(sender=Partnership, partnership=self)


class Role(models.TextChoices):
    FACILITATOR = "facilitator", _("Facilitator")
    EDITOR = "editor", _("Editor")
    VIEWER = "viewer", _("Viewer")


ROLE_HELP = {
    Role.FACILITATOR: _("everything, including members, archiving and deleting the partnership"),
    Role.EDITOR: _("writes notes, reads and prints"),
    Role.VIEWER: _("reads and prints"),
}


class MembershipQuerySet(models.QuerySet):
    def for_my_partnerships(self, user):
        """The "My partnerships" page: the user's memberships, most recently active first."""
        return (
            self.filter(user=user)
            .select_related("partnership")
            .annotate(member_count=models.Count("partnership__memberships"))
            .order_by("-partnership__last_activity_at")
        )

    def for_cell_links(self, user):
        """A reader's active partnerships, to open a public cell in: by partnership name."""
        return (
            self.filter(user=user, partnership__archived_at=None)
            .select_related("partnership")
            .order_by("partnership__name")
        )

    def for_members_page(self, partnership):
        """A partnership's members with their profiles: facilitators first, then by joining."""
        role_order = models.Case(
            *(models.When(role=role, then=position) for position, role in enumerate(Role)),
            output_field=models.IntegerField(),
        )
        return (
            self.filter(partnership=partnership)
            .select_related("user__profile")
            .order_by(role_order, "joined_at", "pk")
        )

    def facilitators(self):
        return self.filter(role=Role.FACILITATOR)


class Membership(models.Model):
    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("partnership"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "user"], name="one_membership_per_partnership_and_user"
            )
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} · {self.partnership} ({self.get_role_display()})"

    @property
    def is_facilitator(self):
        return self.role == Role.FACILITATOR

    def is_last_facilitator(self) -> bool:
        return (
            self.is_facilitator
            and not Membership.objects.facilitators()
            .filter(partnership_id=self.partnership_id)
            .exclude(pk=self.pk)
            .exists()
        )


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        """Not yet answered or revoked (expired ones included: facilitators can resend them)."""
        return self.filter(accepted_at=None, declined_at=None, revoked_at=None)

    def for_members_page(self, partnership):
        return (
            self.pending()
            .filter(partnership=partnership)
            .select_related("invited_by__profile")
            .order_by("-created_at")
        )


class Invitation(models.Model):
    """An e-mailed, single-use, expiring invitation. Only a hash of its token is stored."""

    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("partnership"),
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    language = models.CharField(
        _("language of the invitation"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The e-mail and its link are in this language."),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_sent",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "partnership",
                condition=models.Q(accepted_at=None, declined_at=None, revoked_at=None),
                name="one_pending_invitation_per_address",
            )
        ]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.partnership}"

    def new_token(self) -> str:
        """Give the invitation a fresh token and expiry; returns the token for the link."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.created_at = timezone.now()
        self.expires_at = self.created_at + timedelta(days=INVITATION_DAYS)
        return token

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at
