"""A person's profile beside Django's own user: how they are shown and which sector they are from.

Sign-in is by e-mail (django-allauth); the user model stays django.contrib.auth's.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    PUBLIC = "public", _("Public body")
    PRIVATE = "private", _("Private company")
    NON_PROFIT = "non-profit", _("Non-profit organisation")
    CITIZEN = "citizen", _("Citizen")
    OTHER = "other", _("Other")


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    display_name = models.CharField(
        _("display name"),
        max_length=100,
        help_text=_("How other members of your partnerships see you, e.g. “Anna Bērziņa”."),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Optional: the organisation you work for, if any."),
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the e-mails we send you, and of the site when you log in."),
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return self.display_name


def display_name(user) -> str:
    """How a person is shown: their display name, else the part of their e-mail before the @."""
    try:
        name = user.profile.display_name
    except Profile.DoesNotExist:
        name = ""
    return name or user.email.partition("@")[0]
