"""Execute a query plan over the loaded reports with exact decimal arithmetic.

Each operation (difference, growth, rate, share, rank, series, each) measures one figure per report
— a cell, a prose figure, or a rate of cells — and combines them; the reply names every input
figure with its report and section, and the formula.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from itertools import combinations

from bot.reply.compose import fmt
from bot.reply.parts import reason
from bot.understand.plan import Ops, QueryPlan, Rate
from bot.understand.resolve import REVIEW_GROUP_LABEL, Query, label
from knowledge.catalogue import Catalogue
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer, Report

CENT = Decimal("0.01")
LIST_MAX = 8

# Counts of documents a report words either way (政策解读22条 one year, 13个 the next): one kind of figure.
_DOCUMENTS = frozenset({"条", "个", "件", "篇", "份"})


def dec(v: float | int | Decimal) -> Decimal:
    """A stored figure as the exact decimal it was printed as."""
    return v if isinstance(v, Decimal) else Decimal(fmt(v))


def show(d: Decimal) -> str:
    """A decimal as printed: no exponent, no trailing zeros."""
    s = format(d.normalize(), "f")
    return "0" if s in ("-0", "") else s


def pct(num: Decimal, den: Decimal) -> Decimal:
    """num ÷ den as a percentage, rounded half-up to 2 decimals."""
    return (num / den * 100).quantize(CENT, rounding=ROUND_HALF_UP)


def value(d: Decimal) -> float | int:
    """JSON value: int when integral."""
    return int(d) if d == d.to_integral_value() else float(d)


@dataclass
class Measure:
    """One report's figure for the plan's item: the answer that gave it and its exact value."""

    report: Report
    answer: Answer
    label: str = ""  # the item, when the two sides of a difference are two items of one report

    @property
    def ok(self) -> bool:
        return self.answer.status == "answered" and self.answer.value is not None

    @property
    def d(self) -> Decimal:
        return dec(self.answer.value)  # type: ignore[arg-type]

    @property
    def who(self) -> str:
        return f"{self.report.agency}{self.report.year}年{self.label}"


def source_of(r: Report, section: str | None) -> dict[str, object]:
    """One entry of Answer.sources."""
    return {"agency": r.agency, "year": r.year, "title": r.title, "url": r.url, "section": section}


def cite_line(r: Report, section: str | None) -> str:
    return f"来源：《{r.title}》{section or ''}"


def query_of(row: str, column: str) -> Query:
    """The table query of one (row, column) cell."""
    kind = "review" if row.startswith(("review", "litigation")) else "active" if row.startswith("active") else "apply"
    return Query(kind=kind, row=row, column=column)  # type: ignore[arg-type]


class Executor:
    """Runs plans; `one(report, rest)` answers the plan's item for one report as a single question would."""

    def __init__(self, kb: KnowledgeBase, cat: Catalogue, ops: Ops,
                 cell: Callable[[Query, Report], Answer], one: Callable[[Report, str], Answer]) -> None:
        self.kb, self.cat, self.ops = kb, cat, ops
        self.cell, self.one = cell, one

    # ------------------------------------------------------------------ one report
    def measure(self, plan: QueryPlan, r: Report, item: Query | None, share_of: Query | None) -> Measure:
        """The plan's item (a rate, a share or a figure) for one report."""
        if plan.rate:
            return Measure(r, self.rate(self.ops.rates[plan.rate], r, item))
        if plan.op == "share" or (item is not None and share_of is not None):
            return Measure(r, self.share(item, share_of, r))  # type: ignore[arg-type]
        return Measure(r, self.one(r, plan.rest + (f"多少{plan.counted}" if plan.counted else "")))

    def rate(self, rate: Rate, r: Report, group: Query | None) -> Answer:
        """Σnum ÷ (Σden − Σminus) from the report's cells, with each input and the formula."""
        g = group.row if group is not None and group.kind == "review" and group.row else "review"
        name = (REVIEW_GROUP_LABEL.get(g, "") if rate.group else "") + rate.label
        parts: dict[str, list[tuple[str, Answer]]] = {}
        for key, cells in (("num", rate.num), ("den", rate.den), ("minus", rate.minus)):
            parts[key] = []
            for row, col in cells:
                q = query_of(row.replace("{group}", g), col)
                name_ = label(q, self.cat, r.template) + ("总计" if q.kind == "review" and col == "total" else "")
                parts[key].append((name_, self.cell(q, r)))
        bad = [lab for key in parts for lab, a in parts[key] if a.status != "answered" or a.value is None]
        who = f"{r.agency}{r.year}年"
        if bad:
            return Answer(status="unknown", agency=r.agency, year=r.year,
                          text=f"{who}的年报缺少计算{name}所需的“{'、'.join(bad)}”，无法计算。")
        total = {k: sum((dec(a.value) for _, a in v), Decimal(0)) for k, v in parts.items()}  # type: ignore[arg-type]
        den = total["den"] - total["minus"]
        src = parts["den"][0][1]
        if den <= 0:
            return Answer(status="unknown", agency=r.agency, year=r.year, section=src.section,
                          text=f"{who}{name}的分母为{show(den)}，无法计算。\n{cite_line(r, src.section)}")
        d = pct(total["num"], den)

        def terms(key: str) -> str:
            return " + ".join(f"{lab}{fmt(a.value)}" for lab, a in parts[key])
        num_text = terms("num") if len(parts["num"]) == 1 else f"({terms('num')})"
        den_text = terms("den") + (f" − {terms('minus')}" if parts["minus"] else "")
        den_text = den_text if len(parts["den"]) + len(parts["minus"]) == 1 else f"({den_text})"
        formula = f"{num_text} ÷ {den_text} = {show(d)}%"
        text = f"{who}{name}{show(d)}%（{formula}；报告未直接给出，由表中数字计算）"
        return Answer(status="answered", value=value(d), unit="%", agency=r.agency, year=r.year,
                      section=src.section, field=f"rate.{rate.id}", formula=formula,
                      source=src.source, report_title=r.title, sources=[source_of(r, src.section)],
                      text=text + "。\n" + cite_line(r, src.section))

    def total(self, items: list[Query], r: Report) -> Answer:
        """Items of one report added up (予以公开和部分公开一共多少), each term and the formula shown."""
        who = f"{r.agency}{r.year}年"
        terms = [(label(c, self.cat, r.template), c) for c in items]
        names = "、".join(lab for lab, _ in terms)
        for (la, a), (lb, b) in combinations(terms, 2):  # a total and its part, or two sides of a sum rule
            if self._overlap(a, b) or self._overlap(b, a):
                return Answer(status="unknown", agency=r.agency, year=r.year,
                              text=f"“{la}”和“{lb}”不能相加（一项包含另一项，或是同一等式的两边）；可以分别问它们的数字。")
        got = [(lab, self.cell(c, r)) for lab, c in terms]
        bad = [lab for lab, a in got if a.status != "answered" or a.value is None]
        if bad:
            return Answer(status="unknown", agency=r.agency, year=r.year,
                          text=f"{who}的年报缺少相加所需的“{'、'.join(bad)}”的数字，无法合计。")
        d = sum((dec(a.value) for _, a in got), Decimal(0))  # type: ignore[arg-type]
        unit = got[0][1].unit or ""
        formula = " + ".join(f"{lab}{fmt(a.value)}" for lab, a in got) + f" = {show(d)}"
        text = f"{who}{names}合计{show(d)}{unit}（{formula}；报告未单列此数，由表中数字相加）"
        sections = list(dict.fromkeys(a.section for _, a in got))
        first = got[0][1]
        return Answer(status="answered", value=value(d), unit=unit or None, agency=r.agency, year=r.year,
                      section=first.section, field="sum." + "+".join(c.field_id for c in items), formula=formula,
                      breakdown=[(lab, a.value) for lab, a in got], source=first.source,
                      report_title=r.title, sources=[source_of(r, s) for s in sections],
                      text=text + "。\n" + "\n".join(cite_line(r, s) for s in sections))

    def _overlap(self, a: Query, b: Query) -> bool:
        """Whether b is counted in a: a's parts (不予公开 → 其中第三方), a sum rule's two sides
        (总计 = 予以公开 + … ; 新收 + 结转 = 总计 + 结转下年), or the total column and one applicant's."""
        if a.row == b.row:
            return a.column == "total" and b.column != "total"
        row = self.cat.row(a.row or "")
        if (b.row or "").startswith(f"{a.row}.") or (row is not None and b.row in row.sum_of + row.sum_of_2021):
            return True
        rules = self.cat.raw.get("apply", {}).get("rules", [])
        return any(a.row in d.get("left", ()) and b.row in d.get("right", ()) for d in rules)

    def share(self, part: Query, whole: Query, r: Report) -> Answer:
        """part (or the sum of its readings: 予以公开及部分公开) ÷ its total, as a percentage."""
        a = self.total(part.choices, r) if part.choices else self.cell(part, r)
        b = self.cell(whole, r)
        pl = "、".join(label(c, self.cat, r.template) for c in part.choices) or label(part, self.cat, r.template)
        wl = label(whole, self.cat, r.template)
        who = f"{r.agency}{r.year}年"
        if a.status != "answered" or b.status != "answered" or a.value is None or b.value is None:
            return Answer(status="unknown", agency=r.agency, year=r.year,
                          text=f"{who}的年报缺少计算“{pl}占{wl}的比例”所需的数字。")
        if not b.value:  # the report prints the total as 0: nothing is missing, there is no share of nothing
            return Answer(status="unknown", agency=r.agency, year=r.year, section=b.section,
                          text=f"{who}{wl}为0，无法计算“{pl}占{wl}的比例”。\n{cite_line(r, b.section)}")
        d = pct(dec(a.value), dec(b.value))
        top = f"({(a.formula or '').split(' = ')[0]})" if part.choices else f"{pl}{fmt(a.value)}"
        formula = f"{top} ÷ {wl}{fmt(b.value)} = {show(d)}%"
        text = f"{who}{pl}占{wl}的{show(d)}%（{formula}；报告未直接给出，由表中数字计算）"
        return Answer(status="answered", value=value(d), unit="%", agency=r.agency, year=r.year,
                      section=a.section, field=f"share.{'+'.join(c.field_id for c in part.choices) or part.field_id}:{whole.field_id}", formula=formula,
                      source=a.source, report_title=r.title,
                      sources=[source_of(r, a.section)], text=text + "。\n" + cite_line(r, a.section))

    # ------------------------------------------------------------------ several reports
    def combine(self, plan: QueryPlan, a: Measure, b: Measure) -> Answer:
        """difference (A − B, or B − A for “少多少”) or growth ((A − B) ÷ B) of two measures."""
        for m in (a, b):
            if not m.ok:
                return Answer(status=m.answer.status if m.answer.status == "clarify" else "unknown",
                              options=m.answer.options, text=f"{m.who}：" + (
                                  m.answer.text if m.answer.status == "clarify" else reason(m.answer) + "。"))
        unit = a.answer.unit or ""
        if (b.answer.unit or "") != unit and not {a.answer.unit, b.answer.unit} <= _DOCUMENTS:
            return Answer(status="unknown", text=f"两个数字单位不同（{a.answer.unit}、{b.answer.unit}），不能直接相减。")
        inputs = f"{a.who}{fmt(a.answer.value)}{unit}，{b.label or b.who}{fmt(b.answer.value)}{b.answer.unit or ''}"
        other = b.label or (f"{b.report.year}年" if b.report.agency == a.report.agency else b.who)
        if plan.op == "growth":
            if b.d == 0:
                return Answer(status="unknown", text=f"{inputs}；基数为0，增长率无法计算。\n" + self._cites([a, b]))
            d = pct(a.d - b.d, b.d)
            formula = f"({show(a.d)} − {show(b.d)}) ÷ {show(b.d)} = {show(d)}%"
            verdict = f"{a.who}比{other}{'增长' if d >= 0 else '下降'}{show(abs(d))}%"
            if plan.direction == "less":  # the fall asked for: its size, or a rise said to be one
                d = -d
                verdict += "（不是下降）" if d < 0 else ""
            ans = Answer(status="answered", value=value(d), unit="%")
        else:
            first, second = (b, a) if plan.direction == "less" else (a, b)
            d = first.d - second.d
            formula = f"{show(first.d)} − {show(second.d)} = {show(d)}"
            gap = abs(a.d - b.d)
            said = "少" if plan.direction == "less" else "多"
            real = "多" if a.d > b.d else "少"
            step = "个百分点" if unit == "%" else unit  # two rates differ by points, not per cent
            verdict = (f"{a.who}与{other}持平" if gap == 0 else f"{a.who}比{other}{real}{show(gap)}{step}"
                       + ("" if plan.direction == "apart" or real == said else f"（不是{said}）"))
            ans = Answer(status="answered", value=value(d), unit=unit or None)
        ans.formula = formula
        ans.agency, ans.year = a.report.agency, a.report.year
        ans.section, ans.field = a.answer.section, a.answer.field
        ans.series = [self._point(m) for m in (a, b)]
        ans.sources = [source_of(m.report, m.answer.section) for m in (a, b)]
        text = f"{inputs}。{verdict}（{formula}）"
        ans.text = text + "。\n" + self._cites([a, b])
        return ans

    def rank(self, plan: QueryPlan, measures: list[Measure], missing: list[str]) -> Answer:
        """Measures ordered by value (largest first for 最多), each line cited; the failed ones named."""
        got = [m for m in measures if m.ok]
        failed = [f"{m.who}（{reason(m.answer)}）" for m in measures if not m.ok] + missing
        if not got:
            return Answer(status="unknown", text="没有可以比较的数字：" + "；".join(failed))
        units = {m.answer.unit for m in got}
        if len(units) > 1:
            return Answer(status="unknown", text="各报告该项单位不同，不能比较。")
        ordered = sorted(got, key=lambda m: m.d, reverse=plan.order != "min")
        n = plan.top or len(ordered)
        top = ordered[0]
        tied = [m for m in ordered if m.d == top.d]
        unit = top.answer.unit or ""
        by = "年度" if plan.over == "years" else "机关"
        word = "最少" if plan.order == "min" else "最多"
        head = "、".join(m.who for m in tied) + ("并列" if len(tied) > 1 else "") + f"{word}：{show(top.d)}{unit}"
        lines = [f"{i}. {m.who}：{show(m.d)}{unit}" for i, m in enumerate(ordered[:max(n, 1)][:LIST_MAX * 4], 1)]
        ans = Answer(status="answered", value=value(top.d), unit=top.answer.unit, agency=top.report.agency,
                     year=top.report.year, section=top.answer.section, field=top.answer.field,
                     formula=top.answer.formula)
        ans.ranking = [self._point(m) for m in ordered[:n]]
        ans.sources = [source_of(m.report, m.answer.section) for m in ordered[:n]]
        text = f"按{by}比较（{len(measures)}个已载入）：{head}\n" + "\n".join(lines)
        if failed:
            text += "\n未能比较（没有数字或未载入）：" + "；".join(failed[:LIST_MAX])
        ans.text = text + "\n" + self._cites(ordered[:n])
        return ans

    def listing(self, plan: QueryPlan, measures: list[Measure], missing: list[str], name: str = "",
                gap_years: list[int] | None = None) -> Answer:
        """Each year's (series) or each body's (each) figure, the changes, and what is missing."""
        got = [m for m in measures if m.ok]
        failed = [f"{m.who}（{reason(m.answer)}）" for m in measures if not m.ok] + missing
        if not got:
            return Answer(status="unknown", text="没有可以列出的数字：" + "；".join(failed))
        unit = got[0].answer.unit or ""
        ans = Answer(status="answered", unit=got[0].answer.unit, section=got[-1].answer.section,
                     field=got[-1].answer.field)
        if plan.op == "series":
            ans.agency = got[0].report.agency
            years = "、".join(str(m.report.year) for m in measures)
            text = (f"{ans.agency}{name}（{years}年）："
                    + "；".join(f"{m.report.year}年：{fmt(m.answer.value)}{m.answer.unit or ''}" if m.ok
                               else f"{m.report.year}年：未能给出数字" for m in measures) + "。")
            step = "个百分点" if unit == "%" else unit  # a change of a rate is in points, not per cent
            changes = [f"{m.report.year}年与{p.report.year}年持平" if m.d == p.d else
                       f"{m.report.year}年比{p.report.year}年{'增加' if m.d > p.d else '减少'}{show(abs(m.d - p.d))}{step}"
                       for p, m in zip(got, got[1:], strict=False) if p.answer.unit == m.answer.unit]
            if changes:
                text += "\n变化：" + "；".join(changes) + "。"
            if gap_years:
                text += f"\n没有{'、'.join(map(str, gap_years))}年的年报。"
            failed = [f for f in failed if "未载入" not in f]
        else:  # each body's; a rate with how it was computed (平潭和洪泽…纠错率)
            text = (f"{name}：\n" if name else "") + "\n".join(
                f"{m.who}：{fmt(m.answer.value)}{m.answer.unit or ''}"
                + (f"（{m.answer.formula}）" if m.answer.formula and m.answer.unit == "%" else "") for m in got)
        if len(got) == 1:
            ans.value, ans.year, ans.agency = got[0].answer.value, got[0].report.year, got[0].report.agency
        ans.series = [self._point(m) for m in got]
        ans.sources = [source_of(m.report, m.answer.section) for m in got]
        if failed:
            text += "\n没有数字：" + "；".join(failed[:LIST_MAX])
        ans.text = text + "\n" + self._cites(got)
        return ans

    @staticmethod
    def _point(m: Measure) -> dict[str, object]:
        return {"agency": m.report.agency, "year": m.report.year, "value": value(m.d)}

    @staticmethod
    def _cites(ms: list[Measure]) -> str:
        seen = dict.fromkeys(cite_line(m.report, m.answer.section) for m in ms[:LIST_MAX * 2])
        return "\n".join(seen)


def convert(ans: Answer, unit: str, units: dict[str, int]) -> Answer:
    """A money answer in the unit asked for (元/万元/亿元); counts and rates are never converted."""
    if ans.status != "answered" or ans.unit not in units or ans.unit == unit:
        return ans
    factor = Decimal(units[ans.unit]) / Decimal(units[unit])
    if ans.value is None:
        return _convert_series(ans, unit, factor) if ans.series else ans
    old = dec(ans.value)
    new = old * factor
    how = f"{show(old)}{ans.unit} {'×' if factor >= 1 else '÷'} {show(factor if factor >= 1 else 1 / factor)}"
    ans.text = f"合{show(new)}{unit}（{how}）。\n" + ans.text
    ans.formula = (ans.formula + "；" if ans.formula else "") + f"{how} = {show(new)}{unit}"
    ans.value, ans.unit = value(new), unit
    for p in ans.series + ans.ranking:
        p["value"] = value(dec(p["value"]) * factor)
    return ans


def _convert_series(ans: Answer, unit: str, factor: Decimal) -> Answer:
    """Each year's money figure of a series in the unit asked for, on a line above the report's own."""
    by = f"{'×' if factor >= 1 else '÷'} {show(factor if factor >= 1 else 1 / factor)}"
    several = len({p["agency"] for p in ans.series}) > 1
    said, how = [], []
    for p in ans.series:
        old = dec(p["value"])
        p["value"] = value(old * factor)
        said.append(f"{p['agency'] if several else ''}{p['year']}年{show(old * factor)}{unit}")
        how.append(f"{show(old)}{ans.unit} {by} = {show(old * factor)}{unit}")
    ans.text = f"合{'；'.join(said)}（{ans.unit} {by}）。\n" + ans.text
    ans.formula = "；".join(([ans.formula] if ans.formula else []) + how)
    ans.unit = unit
    return ans
