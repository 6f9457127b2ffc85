"""Read table cells → `Fact`s with their source (section heading, block, printed row and column)."""

from __future__ import annotations

from knowledge.catalogue import Catalogue
from knowledge.models import Fact, Source
from knowledge.template.active_table import ActiveRow
from knowledge.template.cells import Cell
from knowledge.template.solve import RowRead, collapse

APPLY_UNIT = "件"


def fact(report: str, row: str, column: str | None, cell: Cell, unit: str | None, source: Source) -> Fact:
    """One fact from one cell (uncertain cells keep their candidates)."""
    return Fact(
        report=report,
        row=row,
        column=column,
        value=cell.value,
        kind=cell.kind,
        raw=cell.raw,
        unit=cell.unit or unit,
        source=source,
        candidates=list(cell.candidates) if cell.candidates is not None else None,
    )


def active_facts(report: str, heading: str, rows: list[ActiveRow]) -> list[Fact]:
    """Facts of table 二: row × the block's columns."""
    out = []
    for r in rows:
        for head, cell in zip(r.heads, r.cells, strict=False):
            src = Source(section=heading, table=r.block.block, row=r.label, column=head.printed)
            out.append(fact(report, r.row.id, head.column.id, cell, head.unit or head.column.unit, src))
    return out


def apply_facts(report: str, heading: str, rows: list[RowRead], cat: Catalogue) -> list[Fact]:
    """Facts of table 三: every row read × the 7 applicant columns."""
    out = []
    cols = cat.apply_columns
    for r in rows:
        for col, cell in zip(cols, collapse(r, len(cols)), strict=True):
            src = Source(section=heading, table=heading, row=r.label, column=col.label)
            out.append(fact(report, r.row_id, col.id, cell, APPLY_UNIT, src))
    return out


def review_facts(report: str, heading: str, cells: list[Cell | None], cat: Catalogue) -> list[Fact]:
    """Facts of table 四: three groups × five columns, in template order (missing cells left out)."""
    out = []
    cols = cat.review_columns
    for g, group in enumerate(cat.review_groups):
        label = group["label"] if "parent_label" not in group else f"{group['parent_label']}·{group['label']}"
        for c, col in enumerate(cols):
            cell = cells[g * len(cols) + c]
            if cell is None:
                continue
            src = Source(section=heading, table=heading, row=label, column=col.label)
            out.append(fact(report, group["id"], col.id, cell, APPLY_UNIT, src))
    return out
