"""Arranging cells as the model's matrix: domains as rows, stages as columns."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Matrix:
    stages: list
    rows: list  # [(domain, [cell, ...]), ...] with one cell per stage column

    @property
    def cells(self):
        return [cell for _domain, cells in self.rows for cell in cells]


def arrange(cells) -> Matrix:
    """Lay out cells (with domain and stage loaded) as rows and columns, in model order."""
    cells = sorted(cells, key=lambda cell: (cell.domain.position, cell.stage.position))
    stages = sorted({cell.stage for cell in cells}, key=lambda stage: stage.position)
    rows = {}
    for cell in cells:
        rows.setdefault(cell.domain, {})[cell.stage] = cell
    return Matrix(
        stages=stages,
        rows=[
            (domain, [by_stage.get(stage) for stage in stages]) for domain, by_stage in rows.items()
        ],
    )
