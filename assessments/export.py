"""What assessments/ hands on as plain data: a partnership's results, for the partnership's
export (only aggregates of closed rounds whose results can be shown, as results.py decides,
never one member's answers), and a person's own answers, for their "download my data" file.
"""

from django.dispatch import receiver
from django.template.loader import render_to_string

from accounts.signals import personal_data_requested
from domains.models import Cell
from partnerships.transfer import partnership_export_requested, partnership_markdown_requested

from .models import Answer, Round
from .results import aggregates, results_for
from .scoring import Band


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


@receiver(partnership_export_requested)
def add_results(sender, partnership, **kwargs):
    return {"self_assessment_results": partnership_results(partnership)}


@receiver(partnership_markdown_requested)
def results_file(sender, document, **kwargs):
    """The closed rounds' results, readable: a table of medians and bands per round."""
    rounds = document.get("self_assessment_results", [])
    if not rounds:
        return {}
    names = {(cell.domain.slug, cell.stage.slug): str(cell) for cell in Cell.objects.for_matrix()}
    for round in rounds:
        round["lines"] = [
            {
                "cell": names.get((row["domain"], row["stage"]), f"{row['domain']}/{row['stage']}"),
                "median": row["median"],
                "band": Band(row["band"]).label if row["band"] else None,
                "divided": row["divided"],
            }
            for row in round["cells"]
        ]
    return {
        "self-assessment.md": render_to_string("assessments/export/results.txt", {"rounds": rounds})
    }
