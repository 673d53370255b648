"""A partnership's self-assessment results as plain data, for the partnership's export.

Only aggregates of closed rounds whose results can be shown (results.py decides), never one
member's answers.
"""

from .models import Round
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
