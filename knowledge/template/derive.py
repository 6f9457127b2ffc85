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


_BLANK_AS_NONE = "报告未单列此数，由各分项相加（空白的分项按无计）"


def _sum(report: str, row: str, column: str, terms: list[Fact | None], source: Source,
         blank_ok: bool = False) -> Fact | None:
    """A derived fact, when every term is a number (blank_ok: or blank, when some term is a number;
    the fact then says blanks were counted as none)."""
    blanks = [t for t in terms if t is not None and t.kind == "blank"] if blank_ok else []
    terms = [t for t in terms if t not in blanks]
    if not terms or any(t is None or t.kind not in _NUMERIC or t.value is None for t in terms) \
            or (blanks and not any(t is not None and t.kind == "number" for t in terms)):
        return None
    if blanks:
        source = Source(section=source.section, table=source.table, row=source.row, column=source.column,
                        reading=_BLANK_AS_NONE)
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
    # A row whose 总计 is left blank while its applicant columns are filled (自然人14, the rest blank),
    # as some bodies publish: its total is the sum of the printed ones, said so (blank counted as none).
    parts = [c.id for c in cat.apply_columns if c.id != "total"]
    for r in cat.apply_rows:
        total = idx.get((r.id, "total"))
        cells = [idx.get((r.id, c)) for c in parts]
        printed = [f for f in cells if f is not None and f.kind in _NUMERIC and f.value is not None]
        if total is None or total.kind != "blank" or not any(f.kind == "number" for f in printed) \
                or any(f is not None and f.kind not in (*_NUMERIC, "blank") for f in cells):
            continue
        got = _sum(report, r.id, "total", printed, total.source)
        if got is not None:
            got.source = Source(section=total.source.section, table=total.source.table, row=total.source.row,
                                column=total.source.column, sentence=total.source.sentence,
                                reading="报告总计栏空白，此数由该行已填的各申请人栏相加（空白栏按无计）")
            idx[(r.id, "total")] = got
            out.append(got)
    for r in cat.apply_rows:
        terms = r.sum_of or (r.sum_of_2021 if sub_rows else ())
        if not terms:
            continue
        label = f"{r.label}（1–{len(terms)}项之和）"
        for col in cat.apply_columns:
            if (r.id, col.id) in idx:
                continue
            src = Source(section=apply_heading, table=apply_heading, row=label, column=col.label)
            add(_sum(report, r.id, col.id, [idx.get((t, col.id)) for t in terms], src, blank_ok=col.id == "total"))

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
            add(_sum(report, dg["id"], col.id, parts, src, blank_ok=True))  # 复议后起诉 left blank: none
    return out
