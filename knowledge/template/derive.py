"""Derived facts: group subtotals the template defines but reports leave out.

(三)不予公开 = Σ its 8 reasons, (四)无法提供 = Σ 3, (五)不予处理 = Σ 5, (六)其他处理 = Σ its 3
sub-rows (2021 layout); the 法人或其他组织 column = Σ its 5 columns for every row; 行政诉讼 =
直接起诉 + 复议后起诉 for every column.  Derived only when every term is a printed number (or 0),
and never over a cell the report prints itself.
"""

from __future__ import annotations

from knowledge.catalogue import Catalogue
from knowledge.fact_index import fmt
from knowledge.models import Fact, Source
from knowledge.template.cells import exact_sum

_NUMERIC = ("number", "zero")


def _sum(report: str, row: str, column: str, terms: list[Fact | None], source: Source) -> Fact | None:
    """A derived fact, when every term is a number."""
    if not terms or any(t is None or t.kind not in _NUMERIC or t.value is None for t in terms):
        return None
    facts = [t for t in terms if t is not None]
    total = exact_sum(t.value for t in facts if t.value is not None)
    return Fact(
        report=report,
        row=row,
        column=column,
        value=float(total),
        kind="number",
        raw="+".join(fmt(t.value) for t in facts),
        unit=facts[0].unit,
        source=source,
        derived_from=[{"row": t.row, "column": t.column} for t in facts],
    )


def derive(report: str, facts: list[Fact], cat: Catalogue, sub_rows: bool) -> list[Fact]:
    """The derived facts for a report's table facts (printed cells win)."""
    idx: dict[tuple[str, str | None], Fact] = {(f.row, f.column): f for f in facts if f.row != "prose"}
    out: list[Fact] = []

    def add(f: Fact | None) -> None:
        if f is not None and (f.row, f.column) not in idx:
            idx[(f.row, f.column)] = f
            out.append(f)

    apply_heading = next((f.source.section for f in facts if f.row.startswith("apply.")), "")
    for r in cat.apply_rows:
        terms = r.sum_of or (r.sum_of_2021 if sub_rows else ())
        if not terms:
            continue
        label = f"{r.label}（1–{len(terms)}项之和）"
        for col in cat.apply_columns:
            if (r.id, col.id) in idx:
                continue
            src = Source(section=apply_heading, table=apply_heading, row=label, column=col.label)
            add(_sum(report, r.id, col.id, [idx.get((t, col.id)) for t in terms], src))

    for dc in cat.apply_derived_columns:
        rows = [r.id for r in cat.apply_rows]
        for rid in rows:
            first = idx.get((rid, "total")) or idx.get((rid, dc["sum_of"][0]))
            if first is None or (rid, dc["id"]) in idx:
                continue
            src = Source(
                section=first.source.section,
                table=first.source.table,
                row=first.source.row,
                column=dc["label"],
            )
            add(_sum(report, rid, dc["id"], [idx.get((rid, c)) for c in dc["sum_of"]], src))

    for dg in cat.review_derived_groups:
        for col in cat.review_columns:
            parts = [idx.get((g, col.id)) for g in dg["sum_of"]]
            first = parts[0]
            if (dg["id"], col.id) in idx or first is None:
                continue
            base = first.source
            src = Source(
                section=base.section,
                table=base.table,
                row=f"{dg['label']}（直接起诉与复议后起诉之和）",
                column=col.label,
            )
            add(_sum(report, dg["id"], col.id, parts, src))
    return out
