"""Checks across years of one body: a report against the same body's report of the year before.

- 上年结转 (year Y, each column of table 三) = 结转下年度继续办理 (Y−1): an error.
- 2021 layout, table 二: 现行有效件数 (Y) against 现行有效 (Y−1) + 本年制发 − 本年废止 (Y): a note, not
  an error — bodies also clean up documents outside the year's 废止 count.
- a printed count of tables 二–四 that changed more than tenfold (both years above 0, the larger at
  least TENFOLD_FLOOR): 请核对 — a digit dropped or added, a unit slip.

The warnings are kept with the later report (rule ids start with "years."); their cells name the earlier
report's with its year.  Only printed numbers are compared: blank, “/”, “—”, uncertain and derived
figures never are.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from knowledge.fact_index import fmt
from knowledge.models import Fact, Report, Warning_

RULE_PREFIX = "years."
TENFOLD = 10
TENFOLD_FLOOR = 100  # 3 → 40 happens; 30 → 400 is worth a look
COUNT_UNITS = {"件", "个", "条", "次", "项", "家", "人", "人次", "起", "篇", "期", "场", None}
NUMERIC = ("number", "zero")


def _cells(facts: Iterable[Fact]) -> dict[tuple[str, str | None], Fact]:
    return {(f.row, f.column): f for f in facts if f.row != "prose" and not f.derived_from}


def _num(cells: dict[tuple[str, str | None], Fact], row: str, col: str) -> float | None:
    f = cells.get((row, col))
    return f.value if f is not None and f.kind in NUMERIC else None


def _cell(row: str, col: str | None, year: int | None = None) -> dict[str, Any]:
    return {"row": row, "column": col, "year": year}


def _name(f: Fact) -> str:
    return f"{f.source.row or f.row}／{f.source.column or f.column}"


def across(prev: Report, prev_facts: Iterable[Fact], cur: Report, cur_facts: Iterable[Fact]) -> list[Warning_]:
    """What cur (year Y) says against prev (the same body's year Y−1); [] for any other pair."""
    if prev.agency != cur.agency or prev.year != cur.year - 1:
        return []
    a, b = _cells(prev_facts), _cells(cur_facts)
    out = _carried(a, b, prev.year, cur)
    if prev.template == cur.template == "2021":
        out += _in_force(a, b, prev.year, cur)
    out += _tenfold(a, b, prev.year, cur, {w_key for w in out for w_key in _keys(w)})
    return out


def _keys(w: Warning_) -> list[tuple[str, str | None]]:
    return [(c["row"], c["column"]) for c in w.cells if c.get("year") is None]


def _carried(a: dict, b: dict, py: int, cur: Report) -> list[Warning_]:
    out = []
    section = next((f.source.section for (r, _), f in b.items() if r == "apply.carried_in"), None)
    for (row, col), f in b.items():
        if row != "apply.carried_in":
            continue
        now, before = _num(b, row, col), _num(a, "apply.carried_out", col)
        if now is None or before is None or abs(now - before) < 1e-6:
            continue
        where = f"“{f.source.column}”列" if col != "total" else "总计"
        msg = (f"{cur.year}年上年结转（{where}）{fmt(now)}件，但{py}年报告的结转下年度继续办理为{fmt(before)}件")
        out.append(Warning_(RULE_PREFIX + "carried", msg, section,
                            [_cell(row, col), _cell("apply.carried_out", col, py)], "years"))
    return out


def _in_force(a: dict, b: dict, py: int, cur: Report) -> list[Warning_]:
    out = []
    for row in sorted({r for r, _ in b if r.startswith("active.")}):
        now, made, gone = (_num(b, row, c) for c in ("in_force", "issued", "repealed"))
        before = _num(a, row, "in_force")
        if now is None or made is None or gone is None or before is None:
            continue
        want = before + made - gone
        if abs(now - want) < 1e-6:
            continue
        f = b[(row, "in_force")]
        msg = (f"{cur.year}年“{f.source.row or row}”现行有效{fmt(now)}件，按{py}年现行有效{fmt(before)}＋本年制发"
               f"{fmt(made)}－本年废止{fmt(gone)}应为{fmt(want)}件（清理文件也会使其不同）")
        out.append(Warning_(RULE_PREFIX + "in_force", msg, f.source.section,
                            [_cell(row, "in_force"), _cell(row, "issued"), _cell(row, "repealed"),
                             _cell(row, "in_force", py)], "note"))
    return out


def _tenfold(a: dict, b: dict, py: int, cur: Report, said: set) -> list[Warning_]:
    out = []
    for key, f in b.items():
        old = a.get(key)
        if old is None or key in said or f.unit not in COUNT_UNITS or old.unit != f.unit:
            continue
        now, before = _num(b, *key), _num(a, *key)  # type: ignore[arg-type]
        if not now or not before or now < 0 or before < 0:
            continue
        big, small = max(now, before), min(now, before)
        if big < TENFOLD_FLOOR or big <= TENFOLD * small:
            continue
        msg = f"“{_name(f)}”{cur.year}年为{fmt(now)}，{py}年为{fmt(before)}，相差{fmt(round(big / small, 1))}倍"
        out.append(Warning_(RULE_PREFIX + "tenfold", msg, f.source.section,
                            [_cell(*key), _cell(*key, py)], "check"))
    return out


def against_loaded(kb, report: Report, facts: list[Fact]) -> list[Warning_]:  # noqa: ANN001 - KnowledgeBase
    """What storing `report` would say across years with the loaded reports: it against the year before,
    and the year after against it (what an upload shows before it is confirmed)."""
    out = []
    prev = kb.report_of[(report.agency, report.year - 1)] if (report.agency, report.year - 1) in kb.report_of else None
    if prev is not None:
        out += across(prev, kb.table_facts(prev), report, facts)
    nxt = kb.report_of[(report.agency, report.year + 1)] if (report.agency, report.year + 1) in kb.report_of else None
    if nxt is not None:
        out += across(report, facts, nxt, kb.table_facts(nxt))
    return out
