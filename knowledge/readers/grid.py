"""Merged-cell tables → rectangular grids (text at the merged cell's top-left, None where covered).

A grid's size is known before it is built: `positions` gives rows × widest row from the cells'
spans alone (what `expand` would allocate), so a page of huge colspan/rowspan is refused from its
markup (limits.py) and `expand` itself never allocates past `MAX_GRID`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.errors import TooLarge

MAX_SPAN = 200  # one cell covers at most this many rows, and this many columns
MAX_GRID = 500_000  # grid positions (rows × widest row, summed over tables) one document may lay out


@dataclass
class Cell:
    """One source cell: its text and how many rows and columns it covers."""

    text: str
    rowspan: int = 1
    colspan: int = 1


def positions(spans: Sequence[Sequence[tuple[int, int]]]) -> int:
    """rows × width of the grid the rows of (rowspan, colspan) cells make: an upper bound of what expand allocates.

    A row's width is at most its own cells' columns plus those of cells above that reach down into it
    (spans capped as expand caps them).
    """
    n = len(spans)
    reach = [0] * (n + 1)  # columns taken from row r on (a running sum gives each row's width bound)
    for r, row in enumerate(spans):
        for rowspan, colspan in row:
            cs = max(1, min(colspan, MAX_SPAN))
            reach[r] += cs
            reach[r + max(1, min(rowspan, n - r, MAX_SPAN))] -= cs
    width = running = 0
    for r in range(n):
        running += reach[r]
        width = max(width, running)
    return n * width


def expand(rows: list[list[Cell]], budget: int = MAX_GRID) -> list[list[str | None]]:
    """Lay out rows of spanning cells on a grid; every returned row has the same length.

    TooLarge (before anything is allocated) when the grid would have more than `budget` positions.
    """
    if positions([[(c.rowspan, c.colspan) for c in row] for row in rows]) > budget:
        raise TooLarge(f"表格合并单元格展开后超过 {budget:,} 格的上限，不像一份年度报告，已拒绝")
    grid: dict[tuple[int, int], str | None] = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            rs = max(1, min(cell.rowspan, len(rows) - r, MAX_SPAN))
            cs = max(1, min(cell.colspan, MAX_SPAN))
            for dr in range(rs):
                for dc in range(cs):
                    grid[(r + dr, c + dc)] = None
            grid[(r, c)] = cell.text
            c += cs
            width = max(width, c)
    # A row shorter than the table (a ragged source row) is padded with blank cells.
    return [[grid.get((r, c), "") for c in range(width)] for r in range(len(rows))]
