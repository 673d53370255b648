from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.models import display_name

from .models import INVITATION_DAYS


def send_invitation(request, invitation, token):
    context = {
        "invitation": invitation,
        "partnership": invitation.partnership,
        "inviter": display_name(invitation.invited_by),
        "role": invitation.get_role_display().lower(),
        "days": INVITATION_DAYS,
        "link": request.build_absolute_uri(reverse("partnerships:invitation", args=[token])),
    }
    subject = render_to_string(
        "partnerships/email/invitation_subject.txt", context, request
    ).strip()
    body = render_to_string("partnerships/email/invitation_message.txt", context, request)
    send_mail(subject, body, None, [invitation.email])
