"""Merged-cell tables → rectangular grids (text at the merged cell's top-left, None where covered)."""

from __future__ import annotations

from dataclasses import dataclass

_MAX_SPAN = 200  # a colspan="10000" in a broken page must not allocate a huge grid


@dataclass
class Cell:
    """One source cell: its text and how many rows and columns it covers."""

    text: str
    rowspan: int = 1
    colspan: int = 1


def expand(rows: list[list[Cell]]) -> list[list[str | None]]:
    """Lay out rows of spanning cells on a grid; every returned row has the same length."""
    grid: dict[tuple[int, int], str | None] = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            rs = max(1, min(cell.rowspan, len(rows) - r, _MAX_SPAN))
            cs = max(1, min(cell.colspan, _MAX_SPAN))
            for dr in range(rs):
                for dc in range(cs):
                    grid[(r + dr, c + dc)] = None
            grid[(r, c)] = cell.text
            c += cs
            width = max(width, c)
    # A row shorter than the table (a ragged source row) is padded with blank cells.
    return [[grid.get((r, c), "") for c in range(width)] for r in range(len(rows))]
