"""Outgoing mail through the task queue: a mail server that is down loses nothing.

The default mailer (settings.MAILERS) only queues each message; `manage.py db_worker` sends it
through the "outgoing" mailer (SMTP in production) and, while that fails, queues it again after
a growing pause, up to MAIL_ATTEMPTS tries (about a day). A minute after each attempt the
queue's finished records, which hold the messages, are deleted: no copy is kept once sent."""

import logging
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

OUTGOING = "outgoing"
MAIL_ATTEMPTS = 14
FORGET_AFTER = timedelta(minutes=1)


def pause_after(attempt):
    """How long to wait after a failed attempt: 1, 2, 4… minutes, at most four hours."""
    return timedelta(minutes=min(2 ** (attempt - 1), 240))


class QueuedBackend(BaseEmailBackend):
    """Queues every message for delivery by the worker, and answers at once."""

    def send_messages(self, email_messages):
        for message in email_messages:
            deliver.enqueue(to_json(message))
        return len(email_messages)


def to_json(message):
    if message.attachments:
        raise ValueError("Queued mail carries no attachments.")
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "content_subtype": message.content_subtype,
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
    }


def from_json(fields):
    alternatives = fields.pop("alternatives")
    content_subtype = fields.pop("content_subtype")
    message = EmailMultiAlternatives(**fields)
    message.content_subtype = content_subtype
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    return message


@task
def deliver(fields, attempt=1):
    """Send one queued message. When the mail server cannot be reached or refuses it (an
    OSError, as smtplib's errors are), the message is queued again for later and this attempt
    fails, so the task list shows it."""
    forget_sent_mail.using(run_after=timezone.now() + FORGET_AFTER).enqueue()
    try:
        mailers[OUTGOING].send_messages([from_json(dict(fields))])
    except OSError as error:
        if attempt >= MAIL_ATTEMPTS:
            logger.error("Mail to %s given up after %d attempts", fields["to"], attempt)
            raise
        retry_at = timezone.now() + pause_after(attempt)
        deliver.using(run_after=retry_at).enqueue(fields, attempt + 1)
        logger.warning(
            "Mail to %s not sent (attempt %d): %s; trying again at %s",
            fields["to"],
            attempt,
            error,
            retry_at,
        )
        raise


@task
def forget_sent_mail():
    """Delete the finished records of mail deliveries (each holds its message; a failed
    attempt's retry holds its own copy) and of earlier runs of this task."""
    DBTaskResult.objects.filter(
        task_path__in=[deliver.module_path, forget_sent_mail.module_path],
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
    ).delete()
