"""What notes/ holds about one person, for their "download my data" file: the revisions of
notes they wrote (the notes themselves belong to their partnerships)."""

from django.dispatch import receiver

from accounts.signals import personal_data_requested

from .models import Revision


def user_data(user) -> dict:
    return {
        "note_revisions": [
            {
                "partnership": revision.note.partnership_id,
                "cell": f"{revision.note.cell.domain.slug}/{revision.note.cell.stage.slug}",
                "version": revision.version,
                "text": revision.text,
                "saved_at": revision.saved_at.isoformat(),
            }
            for revision in Revision.objects.filter(author=user)
            .select_related("note__cell__domain", "note__cell__stage")
            .order_by("saved_at")
        ],
    }


@receiver(personal_data_requested)
def add_note_data(sender, user, **kwargs):
    return user_data(user)
