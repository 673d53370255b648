from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.models import display_name

from .models import INVITATION_DAYS


def send_invitation(request, invitation, token):
    """E-mail the invitation's link, in the invitation's language. The mail is queued and sent
    by the worker, which keeps trying while the mail server is down (collabmodel/mail.py)."""
    with translation.override(invitation.language):
        _send(request, invitation, token)


def _send(request, invitation, token):
    context = {
        "invitation": invitation,
        "partnership": invitation.partnership,
        "inviter": display_name(invitation.invited_by),
        "role": invitation.get_role_display(),
        "days": INVITATION_DAYS,
        "link": request.build_absolute_uri(reverse("partnerships:invitation", args=[token])),
    }
    # A subject is one line of plain text, whatever the template's whitespace.
    subject = " ".join(
        render_to_string("partnerships/email/invitation_subject.txt", context, request).split()
    )
    body = render_to_string("partnerships/email/invitation_message.txt", context, request)
    send_mail(subject, body, None, [invitation.email])
