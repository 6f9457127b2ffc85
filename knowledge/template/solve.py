"""Rows read from a table, and the small constraint search that settles flattened rows.

A row read from a real grid or tab text has one option (its cells).  A flattened row (`640020470`)
has one option per split of its digit run.  `settle` keeps the options that take part in some
assignment satisfying every sum rule; a cell whose surviving options disagree becomes "uncertain"
with the values it could take.  Nothing is guessed.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from knowledge.template.cells import Cell, read_cell

Assignment = dict[str, list[Cell]]
Rule = Callable[[Assignment], bool]
MAX_ASSIGNMENTS = 50_000


@dataclass
class RowRead:
    """One table row as read: the catalogue row, its printed label and its possible cell vectors."""

    row_id: str
    label: str
    options: list[list[Cell]]
    raw: str = ""  # the flattened run, for rows read from run-together text
    flattened: bool = False
    column_labels: list[str] = field(default_factory=list)  # printed, when known
    unit: str | None = None  # a unit the header states (单位：万元)
    inferred: bool = False  # placed by layout alone (a label on its own text line), not by its own label


def options_from_splits(splits: list[list[str]], unit: str | None, where: str) -> list[list[Cell]]:
    """Cell vectors for the splits of a run; a trailing money unit belongs to the last cell."""
    out = []
    for split in splits:
        cells = [read_cell(t, where) for t in split]
        if unit and cells:
            last = cells[-1]
            cells[-1] = Cell(last.value, last.kind, last.raw + unit, unit)
        out.append(cells)
    return out


def value(a: Assignment, row: str, col: int) -> float | None:
    """A cell's value in an assignment (None when missing or not a number)."""
    cells = a.get(row)
    if cells is None or col >= len(cells):
        return None
    return cells[col].value


def total_of(a: Assignment, rows: list[str], col: int) -> float | None:
    """The sum of a column over rows, or None when a term is missing."""
    vals = [value(a, r, col) for r in rows]
    return None if any(v is None for v in vals) else sum(v for v in vals if v is not None)


def equal(x: float | None, y: float | None) -> bool:
    """Equal, or not comparable (either side unknown)."""
    return x is None or y is None or abs(x - y) < 1e-6


def settle(rows: list[RowRead], rules: list[Rule]) -> None:
    """Drop the options of flattened rows that no rule-satisfying assignment uses (in place)."""
    fixed = {r.row_id: r.options[0] for r in rows if len(r.options) == 1}
    open_rows = [r for r in rows if len(r.options) > 1]
    if not open_rows:
        return
    size = 1
    for r in open_rows:
        size *= len(r.options)
    if size > MAX_ASSIGNMENTS:
        return  # too many to search: the rows stay as uncertain as their own rules leave them
    used: list[set[int]] = [set() for _ in open_rows]
    for choice in itertools.product(*(range(len(r.options)) for r in open_rows)):
        a = dict(fixed)
        for r, i in zip(open_rows, choice, strict=True):
            a[r.row_id] = r.options[i]
        if all(rule(a) for rule in rules):
            for k, i in enumerate(choice):
                used[k].add(i)
    if all(used):
        for r, keep in zip(open_rows, used, strict=True):
            r.options = [o for i, o in enumerate(r.options) if i in keep]


def collapse(row: RowRead, width: int) -> list[Cell]:
    """The row's cells: agreed cells as read, disagreeing ones "uncertain" with their candidates."""
    if not row.options:
        return [Cell(None, "uncertain", row.raw, None, ()) for _ in range(width)]
    out = []
    for col in range(width):
        seen = [o[col] for o in row.options]
        values = sorted({c.value for c in seen if c.value is not None})
        if len({(c.value, c.kind) for c in seen}) == 1:
            out.append(seen[0])
        else:
            out.append(Cell(None, "uncertain", row.raw, seen[0].unit, tuple(values)))
    return out
