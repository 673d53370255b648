"""Outgoing mail goes through the task queue: a mail server that is down loses no sign-up's
verification and no invitation, and the person is told the mail is on its way."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from collabmodel.mail import MAIL_ATTEMPTS, deliver, pause_after

from .html import text
from .people import PASSWORD
from .smtp import closed_port, mail_server
from .worker import run_worker

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "anna@example.org",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "display_name": "Anna Bērziņa",
    "sector": "public",
}


@pytest.fixture
def smtp_port(settings):
    """The production mailers: every message queued, then sent over SMTP to this port, where
    no mail server is listening yet."""
    port = closed_port()
    settings.MAILERS = {
        "default": {"BACKEND": "collabmodel.mail.QueuedBackend"},
        "outgoing": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        },
    }
    return port


def retries():
    return DBTaskResult.objects.filter(task_path="collabmodel.mail.deliver", status="READY")


def a_few_minutes_later():
    """The pause before the next attempt is over."""
    assert retries().exists()
    retries().update(run_after=timezone.now())


def link_in(message, path):
    body = message.get_body(("plain",)).get_content()
    return next(word for word in body.split() if path in word)


def test_a_sign_up_succeeds_while_the_mail_server_is_down_and_its_mail_follows(client, smtp_port):
    response = client.post(reverse("account_signup"), SIGNUP, follow=True)
    assert "A confirmation e-mail is on its way to anna@example.org." in text(response)
    assert "A message with a link to confirm your address is on its way to you." in text(response)

    run_worker()  # the mail server is down: the message waits for the next attempt
    assert retries().count() == 1

    with mail_server(smtp_port) as received:
        a_few_minutes_later()
        run_worker()
    [message] = received
    assert message["To"] == "anna@example.org"
    client.post(link_in(message, "/accounts/confirm-email/"))
    response = client.post(
        reverse("account_login"), {"login": "anna@example.org", "password": PASSWORD}
    )
    assert response["Location"] == reverse("partnerships:list")
    assert not retries().exists()


def test_an_invitation_is_on_its_way_while_the_mail_server_is_down(client, cast, smtp_port):
    client.force_login(cast.facilitator)
    response = client.post(
        reverse("partnerships:invite", args=[cast.partnership.pk]),
        {"email": "nora@example.org", "role": "editor"},
        follow=True,
    )
    assert "The invitation is on its way to nora@example.org." in text(response)

    run_worker()
    run_worker()  # a second worker pass before the pause is over sends nothing twice
    with mail_server(smtp_port) as received:
        a_few_minutes_later()
        run_worker()
    [message] = received
    assert message["Subject"] == "Invitation to join “Healthy schools”"
    assert "/invitations/" in link_in(message, "/invitations/")


def test_the_pause_between_attempts_grows_and_the_attempts_end(smtp_port):
    assert [pause_after(n).total_seconds() / 60 for n in (1, 2, 3, 9, 13)] == [1, 2, 4, 240, 240]
    assert sum(pause_after(n).total_seconds() for n in range(1, MAIL_ATTEMPTS)) / 3600 > 20

    fields = {
        "subject": "Hello",
        "body": "Text",
        "content_subtype": "plain",
        "alternatives": [],
        "from_email": "noreply@localhost",
        "to": ["anna@example.org"],
        "cc": [],
        "bcc": [],
        "reply_to": [],
        "headers": {},
    }
    with pytest.raises(ConnectionRefusedError):
        deliver.call(fields, MAIL_ATTEMPTS - 1)
    [retry] = retries()
    assert retry.args_kwargs["args"] == [fields, MAIL_ATTEMPTS]
    retry.delete()
    with pytest.raises(ConnectionRefusedError):
        deliver.call(fields, MAIL_ATTEMPTS)
    assert not retries().exists()


def test_a_queued_message_arrives_as_it_was_written(settings):
    settings.MAILERS = {
        "default": {"BACKEND": "collabmodel.mail.QueuedBackend"},
        "outgoing": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
    }
    message = mail.EmailMultiAlternatives(
        "Ünïcode subject",
        "Plain text",
        "Team <team@example.org>",
        ["anna@example.org"],
        cc=["carl@example.org"],
        bcc=["boss@example.org"],
        reply_to=["help@example.org"],
        headers={"X-Partnership": "k3v9q0x2ma"},
    )
    message.attach_alternative("<p>HTML</p>", "text/html")
    assert message.send() == 1
    assert mail.outbox == []
    run_worker()
    [sent] = mail.outbox
    assert (sent.subject, sent.body, sent.from_email) == (
        "Ünïcode subject",
        "Plain text",
        "Team <team@example.org>",
    )
    assert (sent.to, sent.cc, sent.bcc, sent.reply_to) == (
        ["anna@example.org"],
        ["carl@example.org"],
        ["boss@example.org"],
        ["help@example.org"],
    )
    assert sent.extra_headers == {"X-Partnership": "k3v9q0x2ma"}
    assert sent.alternatives == [("<p>HTML</p>", "text/html")]


def test_no_copy_of_a_message_is_kept_a_minute_after_it_is_sent(settings):
    settings.MAILERS = {
        "default": {"BACKEND": "collabmodel.mail.QueuedBackend"},
        "outgoing": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
    }
    mail.send_mail("Your link", "https://example.org/secret-link", None, ["anna@example.org"])
    run_worker()
    assert len(mail.outbox) == 1
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_worker()
    assert not [
        result for result in DBTaskResult.objects.all() if "secret-link" in str(result.args_kwargs)
    ]
