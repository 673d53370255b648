"""What assessments/ hands on as plain data: a partnership's results, for the partnership's
export (only aggregates of closed rounds whose results can be shown, as results.py decides,
never one member's answers), and a person's own answers, for their "download my data" file.
"""

from django.dispatch import receiver

from accounts.signals import personal_data_requested

from .models import Answer, Round
from .results import aggregates, results_for


def partnership_results(partnership) -> list:
    """Each closed round with results to show, oldest first: per cell its median, band,
    counts and whether partners are divided (JSON-serialisable)."""
    exported = []
    for round in Round.objects.filter(partnership=partnership).order_by("opened_at", "pk"):
        if not round.is_closed:
            continue
        results = results_for(round)
        if results.visible:
            exported.append(
                {
                    "title": round.title,
                    "mode": round.mode,
                    "opened_at": round.opened_at.isoformat(),
                    "closed_at": round.ends_at.isoformat(),
                    "respondents": results.respondents,
                    "cells": [
                        {**row, "band": row["band"] and str(row["band"])}
                        for row in aggregates(results)
                    ],
                }
            )
    return exported


def user_data(user) -> dict:
    """The person's own answers: only they download them."""
    answers = (
        Answer.objects.filter(response__user=user)
        .select_related("response__round", "statement__cell__domain", "statement__cell__stage")
        .order_by("response__round__opened_at", "statement__cell__domain__position",
                  "statement__cell__stage__position")
    )  # fmt: skip
    return {
        "self_assessment_answers": [
            {
                "partnership": answer.response.round.partnership_id,
                "round": answer.response.round.title,
                "cell": f"{answer.statement.cell.domain.slug}/{answer.statement.cell.stage.slug}",
                "statement": answer.statement.text,
                "rating": answer.rating,
                "comment": answer.comment,
            }
            for answer in answers
        ]
    }


@receiver(personal_data_requested)
def add_assessment_data(sender, user, **kwargs):
    return user_data(user)
