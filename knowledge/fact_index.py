"""Table facts indexed by (row, column), and figures formatted the way people write them."""

from __future__ import annotations

from decimal import Decimal

from knowledge.catalogue import Catalogue
from knowledge.models import Fact

NUMERIC = ("number", "zero")


def fmt(v: float | int | None) -> str:
    """A figure as people write it: 527, not 527.0; 24230.9885 and 3802895.9 as printed; never 1e-05.

    The one number formatter of the project (checks, derived sums, replies).  Fifteen significant
    digits: every decimal a report prints comes back as printed, and the noise arithmetic leaves in
    the 16th–17th digit (3802895.9 − 100.1 = 3802795.7999999998) is dropped.
    """
    if v is None:
        return "—"
    if float(v).is_integer():
        return str(int(v))
    return format(Decimal(format(float(v), ".15g")), "f")


class Index:
    """Table facts by (row, column); numbers only where the cell holds one."""

    def __init__(self, facts: list[Fact], cat: Catalogue) -> None:
        self.facts = {(f.row, f.column): f for f in facts if f.row != "prose"}
        self.cat = cat

    def num(self, row: str, col: str | None) -> float | None:
        """The printed or derived number in a cell; None when blank, /, —, uncertain or missing."""
        f = self.facts.get((row, col))
        return f.value if f is not None and f.kind in NUMERIC else None

    def label(self, row: str, col: str | None = None) -> str:
        """The printed label of a row (the row id when the report does not have it)."""
        f = self.facts.get((row, col)) or next((f for (r, _), f in self.facts.items() if r == row), None)
        return (f.source.row or row) if f is not None else row

    def shorts(self, row: str) -> list[str]:
        """The catalogue's short label and variants of a row."""
        r = self.cat.row(row)
        return [r.short, *r.variants] if r is not None else []
