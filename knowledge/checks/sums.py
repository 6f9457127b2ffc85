"""Consistency checks (勾稽关系) over a report's facts, and the text `python -m bot check` prints.

Table 二 (2019 columns): 对外公开总数量 ≥ 本年新公开数量.
Table 三: per column 一+二 = (七)+四 and (七) = Σ results; per row 总计 = Σ applicant columns;
printed group rows = Σ their sub-rows.
Table 四: 总计 = Σ four results per group.
Prose figures that name a table figure (收到申请N件, 办结N件, 结转N件, 行政复议N件, 规范性文件N件 …)
must match it.
Only printed numbers are compared: blank, "/", "—" and uncertain cells are never guessed at.
"""

from __future__ import annotations

from typing import Any

from knowledge.catalogue import Catalogue
from knowledge.checks.prose import prose_warnings
from knowledge.checks.unsplit import unsplit_warnings
from knowledge.fact_index import Index, fmt
from knowledge.models import Fact, Parsed, Report, Warning_


def _results(cat: Catalogue) -> list[str]:
    """（一）…（六）: the rows the catalogue's rule `apply.results` adds up (knowledge/catalogue.json)."""
    return next(r["right"] for r in cat.raw["apply"]["rules"] if r["id"] == "apply.results")


BALANCE = ("apply.new", "apply.carried_in", "apply.total", "apply.carried_out")


def _same(a: float, b: float) -> bool:
    return abs(a - b) < 1e-6


def cells(*keys: tuple[str, str | None]) -> list[dict[str, Any]]:
    """The cells a check compared, as Warning_.cells names them (this report's: year None)."""
    return [{"row": r, "column": c, "year": None} for r, c in keys]


def _all(values: list[float | None]) -> list[float] | None:
    """The values when every one is a number, else None (nothing to compare)."""
    return None if any(v is None for v in values) else [v for v in values if v is not None]


def _apply(ix: Index, cat: Catalogue, heading: str | None) -> list[Warning_]:
    """Table 三: column balances, results total, row totals, printed group rows."""
    out = []
    for col in cat.apply_columns:
        edge = _all(
            [ix.num(r, col.id) for r in BALANCE]
        )
        if edge is not None and not _same(edge[0] + edge[1], edge[2] + edge[3]):
            n, c, t, o = edge
            msg = (
                f"表三“{col.label}”列：本年新收{fmt(n)}＋上年结转{fmt(c)}＝{fmt(n + c)}，"
                f"但办理结果总计{fmt(t)}＋结转下年度{fmt(o)}＝{fmt(t + o)}"
            )
            out.append(Warning_("apply.balance", msg, heading, cells(*((r, col.id) for r in BALANCE))))
        total = ix.num("apply.total", col.id)
        parts = _all([ix.num(r, col.id) for r in _results(cat)])
        if total is not None and parts is not None and not _same(total, sum(parts)):
            shown = "＋".join(fmt(p) for p in parts)
            msg = f"表三“{col.label}”列：（七）总计{fmt(total)}，但（一）至（六）之和为{shown}＝{fmt(sum(parts))}"
            keys = [("apply.total", col.id), *((r, col.id) for r in _results(cat))]
            out.append(Warning_("apply.results", msg, heading, cells(*keys)))
    cols = [c.id for c in cat.apply_columns if c.id != "total"]
    for r in cat.apply_rows:
        total = ix.num(r.id, "total")
        parts = _all([ix.num(r.id, c) for c in cols])
        # a derived group row (（三）不予公开 = Σ its reasons) repeats its reasons' disagreement: not again
        if total is None or parts is None or ix.facts[(r.id, "total")].derived_from or _same(total, sum(parts)):
            continue
        msg = f"表三“{ix.label(r.id)}”行：总计{fmt(total)}，但各申请人列之和为{fmt(sum(parts))}"
        out.append(Warning_("apply.columns", msg, heading, cells((r.id, "total"), *((r.id, c) for c in cols))))
    for r in cat.apply_rows:
        terms = r.sum_of or r.sum_of_2021
        for col in cat.apply_columns:
            printed = ix.facts.get((r.id, col.id))
            parts = _all([ix.num(t, col.id) for t in terms]) if terms else None
            # a derived group row is the sum of its items: only a printed one can disagree
            if printed is None or printed.value is None or parts is None or _same(printed.value, sum(parts)):
                continue
            msg = f"表三“{ix.label(r.id)}”“{col.label}”列为{fmt(printed.value)}，但其各项之和为{fmt(sum(parts))}"
            out.append(Warning_("apply.group", msg, heading, cells((r.id, col.id), *((t, col.id) for t in terms))))
    return out


def _review(ix: Index, cat: Catalogue, heading: str | None) -> list[Warning_]:
    """Table 四: per group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结."""
    out = []
    cols = cat.review_columns
    for group in cat.review_groups:
        got = [ix.num(group["id"], c.id) for c in cols[:-1]]
        parts = _all(got)
        total = ix.num(group["id"], cols[-1].id)
        printed = [(c, p) for c, p in zip(cols[:-1], got, strict=True) if p is not None]
        known = sum(p for _, p in printed)
        # a result left blank or “—” is never guessed at; but when the printed ones already pass the
        # total, no count in the others can mend it
        if total is None or not printed or (parts is None and known <= total + 1e-6) or _same(total, known):
            continue
        shown = "＋".join(f"{c.label}{fmt(p)}" for c, p in printed)
        msg = f"表四“{group['label']}”：{shown}＝{fmt(known)}，但总计为{fmt(total)}"
        out.append(Warning_("review.sum", msg, heading, cells(*((group["id"], c.id) for c in cols))))
    return out


def _active(ix: Index, heading: str | None) -> list[Warning_]:
    """Table 二, 2019 columns: 对外公开总数量 is never below 本年新公开数量."""
    out = []
    for row in ("active.rule", "active.normative"):
        new, total = ix.num(row, "new_published"), ix.num(row, "total_published")
        if new is not None and total is not None and total < new:
            msg = f"表二“{ix.label(row)}”：对外公开总数量{fmt(total)}小于本年新公开数量{fmt(new)}"
            out.append(Warning_("active.published", msg, heading,
                                cells((row, "new_published"), (row, "total_published"))))
    return out


def run(report: Report, facts: list[Fact], catalogue: Catalogue) -> list[Warning_]:
    """Every failed consistency rule of one report, each a one-line Chinese message with the figures."""
    ix = Index(facts, catalogue)
    heading = {s.id: s.heading for s in report.sections}
    # a table's facts come only from under its section's heading, so the heading is there to name
    out = _active(ix, heading.get("二"))
    out += _apply(ix, catalogue, heading.get("三"))
    out += _review(ix, catalogue, heading.get("四"))
    out += unsplit_warnings(facts, catalogue, heading)
    out += prose_warnings(report, facts, ix)
    unique: dict[str, Warning_] = {}
    for w in out:
        unique.setdefault(w.message, w)
    return list(unique.values())


def located(w: Warning_) -> str:
    """A warning's message and, after it, the report section it concerns (where to look)."""
    return f"{w.message}（{w.section}）" if w.section else w.message


def format_check(parsed: Parsed) -> str:
    """The report `check` prints: identity, fact counts, uncertain cells, one warning per line."""
    r, facts = parsed.report, parsed.facts
    table = [f for f in facts if f.row != "prose" and not f.derived_from]
    derived = [f for f in facts if f.derived_from]
    prose = [f for f in facts if f.row == "prose"]
    uncertain = [f for f in facts if f.kind == "uncertain"]
    lines = [
        r.title,
        f"机关：{r.agency}　年度：{r.year}　模板：{r.template}年版　文件：{r.source_file}",
        f"事实 {len(facts)} 条：表格 {len(table)}，推算 {len(derived)}，正文 {len(prose)}；不确定单元格 {len(uncertain)} 个",
    ]
    if r.identified_from:  # a saved page: where its body and year were read, what it lacks, readings that differ
        lines.insert(2, f"机关和年度据{r.identified_from}")
    if r.missing:
        lines.append(f"不完整：{'；'.join(r.missing)}")
    lines += [f"说明：{n}" for n in parsed.notes if n.startswith("页面上机关名称")]
    for f in uncertain:
        cands = "、".join(fmt(c) for c in (f.candidates or [])[:6]) + (
            "…" if len(f.candidates or []) > 6 else ""
        )
        lines.append(f"不确定：{f.source.row}／{f.source.column}（原文“{f.raw}”，可能为 {cands or '？'}）")
    if r.warnings:
        lines.append(f"勾稽关系问题 {len(r.warnings)} 项：")
        lines += [f"- {located(w)}" for w in r.warnings]
    else:
        lines.append("未发现勾稽关系问题")
    return "\n".join(lines)
