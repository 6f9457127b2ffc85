"""Compose replies from facts: the figure, its unit, breakdown, arithmetic, warnings and source.

Every figure here comes from a stored fact (a parsed cell, a derived sum with its terms, or a prose
sentence); when the cell is blank, “/”, “—” or uncertain, the reply says so instead of a number.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from bot.reply import caveats
from bot.understand.match import clause_of
from bot.understand.resolve import REVIEW_GROUP_LABEL, Query, label
from knowledge.catalogue import Catalogue
from knowledge.fact_index import fmt
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer, Fact, Report, Source
from knowledge.template.partial import missing_for, said

REVIEW_PARTS = ("upheld", "corrected", "other", "pending")
DEFAULT_ACTIVE_COLUMN = {"active.license": "decisions", "active.penalty": "decisions", "active.coercion": "decisions",
                         "active.other_service": "decisions"}
KIND_TEXT = {"blank": "报告中该栏为空白（未填写）", "na": "报告中该栏填“/”（不适用）", "dash": "报告中该栏填“—”"}
QUOTE_MAX = 160
SECTION_SPLIT = ("改进措施", "改进情况", "下一步", "采取以下措施", "将切实抓好", "措施加以改进", "今后")


def num(v: float | None) -> float | int | None:
    """JSON value: int when integral."""
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def cite(report: Report, source: Source | None, detail: str = "") -> str:
    """The source line every reply ends with."""
    where = source.section if source else ""
    found = f"（机关和年度据{report.identified_from}）" if report.identified_from else ""
    return f"来源：《{report.title}》{found}{where}{('，' + detail) if detail else ''}"


_SUB_HEAD = re.compile(r"[（(]([一二三四五六七八九十])[）)]")


def sub_section(body: str, key: str) -> str | None:
    """The （一）…（五） part of 总体情况 that the key names (主动公开, 依申请公开 …), if any."""
    from bot.understand.lexicon import default as lexicon

    words = lexicon().sub_sections.get(key, [])
    starts = [m.start() for m in _SUB_HEAD.finditer(body)]
    for i, at in enumerate(starts):
        part = body[at : starts[i + 1] if i + 1 < len(starts) else len(body)]
        if any(w in part[:24] for w in words):
            return part.strip()
    return None


def problems_or_improvements(body: str, problems: bool) -> str:
    """The part of section 五 about problems, or about improvements (the whole text when unclear)."""
    starts = [m.start() for m in _SUB_HEAD.finditer(body)]
    if len(starts) >= 2:  # sub-headed: （一）存在的主要问题 （二）改进措施 — in either order
        parts = [body[a:b].strip() for a, b in pairwise([*starts, len(body)])]
        def improving(part: str) -> bool:
            return bool(re.search("改进|措施|整改|下一步", part[:30]))

        if problems:
            chosen = [p for p in parts if "问题" in p[:30] and not improving(p)]
        else:
            chosen = [p for p in parts if improving(p)]
        if chosen:
            return "\n".join(chosen)
    cut = min((i for i in (body.find(m) for m in SECTION_SPLIT) if i > 10), default=-1)
    if cut > 0:  # at the start of the sentence the marker is in (“2024年，我区将采取以下措施…”), never inside it
        cut = max(body.rfind(c, 0, cut) for c in "。；;\n！!") + 1 or cut
        return body[:cut].rstrip("。；;，, ") if problems else body[cut:].strip()
    return body


def _why_none(r: Report, a: Answer) -> str:
    """Why a year of a series gives no number, in its own reply's words (name and year dropped)."""
    first = a.text.split("\n")[0].removesuffix("。")
    head = f"{r.agency}{r.year}年"
    why = first.removeprefix(head).removeprefix("的")
    return why if first.startswith(head) and len(why) <= 60 else "未能给出数字"


class Composer:
    """Builds Answers for one report or several."""

    def __init__(self, kb: KnowledgeBase, cat: Catalogue) -> None:
        self.kb = kb
        self.cat = cat

    # ------------------------------------------------------------------ one report
    def one(self, q: Query, r: Report) -> Answer:
        """The answer to q from report r."""
        if q.kind == "section":
            return self._section(q, r)
        if q.kind == "rate":
            return self._no_rate(q, r)
        asked, q = q, self._settle_column(q, r)
        who = f"{r.agency}{r.year}年"
        if q.choices and not any(self._in_template(c, r) for c in q.choices):  # 2021 columns of a 2019 report
            absent = "、".join(f"“{label(c, self.cat, r.template)}”" for c in q.choices)
            return Answer(status="unknown", agency=r.agency, year=r.year,
                          text=f"{who}的年报（{r.template}版格式）没有{absent}这几项。")
        if q.choices:
            opts = [f"{r.agency}{r.year}年{label(c, self.cat, r.template)}是多少" for c in q.choices]
            return Answer(status="clarify", agency=r.agency, year=r.year, options=opts,
                          text="您问的是哪一栏？\n" + "\n".join(f"{i}. {o}" for i, o in enumerate(opts, 1)))
        fact = self._fact(r, q.row, q.column)
        name = label(q, self.cat, r.template)
        if fact is None and (gone := missing_for(r.missing, q.row or "")):
            if (words := said(q.row or "", asked.column, self.kb.prose(r.id), r.sections)) is not None:
                a = self.prose(words, r)  # the prose says it: its sentence, and that the table is not there
                said_as = f"{fmt(words.value)}{words.unit}（{gone}；此数取自正文“{words.source.row}”）"
                a.field, a.text = q.field_id, f"{who}{name}{said_as}。\n" + a.text.split("\n", 1)[1]
                return a
            return Answer(status="unknown", agency=r.agency, year=r.year, field=q.field_id,
                          text=f"{who}的年报不完整：{gone}，报告中没有“{name}”的数字。")
        if fact is None and not self._in_template(q, r):
            return Answer(status="unknown", agency=r.agency, year=r.year, field=q.field_id,
                          text=f"{who}的年报（{r.template}版格式）没有“{name}”这一项。")
        others = self._row_figures(r, q) if fact is None or fact.kind == "blank" else ""
        if fact is None:  # the template has it; this report gives no figure for it (blank, and no parts to add)
            tail = f"；报告在该行其他栏填有：{others}" if others else ""
            return Answer(status="unknown", agency=r.agency, year=r.year, field=q.field_id,
                          text=f"{who}的年报没有给出“{name}”的数字（该栏未填写，也无法由分项相加得出{tail}）。")
        if fact.kind in KIND_TEXT or fact.kind == "uncertain" or fact.value is None:
            why = KIND_TEXT.get(fact.kind, "")
            if fact.kind == "uncertain" and fact.source.reading:
                why = fact.source.reading
            elif fact.kind == "uncertain":
                cands = "、".join(fmt(c) for c in (fact.candidates or [])[:6])
                why = f"报告原文此处数字连写为“{fact.raw}”，无法确定如何拆分" + (f"（可能是{cands}）" if cands else "")
            return Answer(status="unknown", agency=r.agency, year=r.year, section=fact.source.section,
                          field=q.field_id, source=fact.source, report_title=r.title,
                          text=f"{who}{name}：{why}，不能给出数字" + (f"；报告在该行其他栏填有：{others}" if others else "")
                          + f"。\n{cite(r, fact.source, self._where(fact))}")
        unit = fact.unit or "件"
        ans = Answer(status="answered", value=num(fact.value), unit=unit, agency=r.agency, year=r.year,
                     section=fact.source.section, field=q.field_id, source=fact.source, report_title=r.title)
        text = f"{who}{name}{fmt(fact.value)}{unit}"
        parts = self._parts(r, q)
        if parts:
            ans.breakdown = [(lab, num(f.value)) for lab, f in parts]
            text += "（" + "、".join(f"{lab}{fmt(f.value)}{f.unit or unit}" for lab, f in parts) + "）"
        if fact.derived_from:
            terms = [self._fact(r, t["row"], t["column"]) for t in fact.derived_from]
            if all(t is not None for t in terms):
                ans.formula = " + ".join(fmt(t.value) for t in terms if t) + f" = {fmt(fact.value)}"
                text += f"。{fact.source.reading or '报告未单列此数，由分项相加'}：{ans.formula}"
        caveats.used(r, fact, *(f for _, f in parts))  # their warnings go with every reply built on this one
        ans.text = text + "。\n" + cite(r, fact.source, self._where(fact))
        return ans

    def _settle_column(self, q: Query, r: Report) -> Query:
        """For table 二: the column this report's template has for what was asked."""
        if q.kind != "active":
            return q
        block = next((b for b in self.cat.active[r.template] if any(x.id == q.row for x in b.rows)), None)
        if block is None:
            return q
        ids = [c.id for c in block.columns]
        if q.choices:  # the columns named that this version has; all of them when it has none
            fit = [c for c in q.choices if c.column in ids]
            return fit[0] if len(fit) == 1 else replace(q, choices=fit or q.choices)
        if q.column is None:  # the only column, the usual one (处理决定数量), or ask
            default = ids[0] if len(ids) == 1 else DEFAULT_ACTIVE_COLUMN.get(q.row or "")
            return replace(q, column=default) if default in ids else replace(q, choices=[replace(q, column=c) for c in ids])
        if q.column not in ids:  # the other version's name for it (本年新制作数量 ↔ 本年制发件数)
            from bot.understand.lexicon import default as lex

            eq = lex().equivalents.get(q.column)
            return replace(q, column=eq) if eq in ids else q
        return q

    def _fact(self, r: Report, row: str | None, column: str | None) -> Fact | None:
        return self.kb.cell(r, row or "", column)

    def _in_template(self, q: Query, r: Report) -> bool:
        """Whether the report's template version has the item q asks for."""
        if q.kind == "review":
            return True
        if q.kind == "active":  # the row, and the column asked for, in a block of this version
            return any(any(row.id == q.row for row in b.rows) and (q.column is None or any(c.id == q.column for c in b.columns))
                       for b in self.cat.active[r.template])
        row = self.cat.row(q.row or "")  # table 三
        return row is not None and row.version in (None, r.template)

    def _row_figures(self, r: Report, q: Query) -> str:
        """The numbers the report prints in the other columns of q's row (自然人14、商业企业2), or ""."""
        if q.kind == "apply":
            cols = [(c.id, c.label) for c in self.cat.apply_columns if c.id != "total"]
        elif q.kind == "review":
            cols = [(c.id, c.label) for c in self.cat.review_columns]
        else:
            return ""
        got = [(lab, f) for cid, lab in cols if cid != q.column
               and (f := self._fact(r, q.row, cid)) is not None and not f.derived_from
               and f.kind in ("number", "zero") and f.value is not None]
        return "、".join(f"{lab}{fmt(f.value)}件" for lab, f in got)  # tables 三 and 四 count 件

    def _parts(self, r: Report, q: Query) -> list[tuple[str, Fact]]:
        """The breakdown a total has (复议/诉讼 results; 不予公开 reasons …)."""
        if q.kind == "review":
            if q.column != "total":
                return []
            if q.row == "litigation":
                cells = [(REVIEW_GROUP_LABEL[g], self._fact(r, g, "total")) for g in ("litigation.direct", "litigation.after_review")]
            else:
                cells = [(c.label, self._fact(r, q.row, c.id)) for c in self.cat.review_columns if c.id in REVIEW_PARTS]
        elif q.kind == "apply":  # table 三: the rows its total is the sum of
            row = self.cat.row(q.row or "")
            terms = (row.sum_of or row.sum_of_2021) if row else ()
            cells = [(child.short, self._fact(r, t, q.column)) for t in terms if (child := self.cat.row(t))]
        else:
            return []
        return [(lab, f) for lab, f in cells if f is not None and f.value is not None]

    @staticmethod
    def _where(f: Fact) -> str:
        table = f.source.table if f.source.table != f.source.section else None
        bits = [b for b in (table, f.source.row, f.source.column) if b]
        return " · ".join(bits)

    # ------------------------------------------------------------------ prose, sections, rates
    def prose(self, f: Fact, r: Report) -> Answer:
        """A figure quoted from a sentence of the report."""
        sentence = (f.source.sentence or f.source.row or "").strip()
        clause = clause_of(sentence, f)
        quote = sentence
        if len(quote) > QUOTE_MAX:
            at = max(0, sentence.find(clause))
            lo, hi = max(0, at - 40), min(len(sentence), at + len(clause) + 40)
            quote = ("…" if lo else "") + sentence[lo:hi] + ("…" if hi < len(sentence) else "")
        caveats.used(r, f)
        shown = clause if f.raw in clause else f"{clause}（{f.raw}）"
        if re.search(r"\d", clause.replace(f.raw, "", 1)) and f.source.row and f.raw in f.source.row:
            shown = f.source.row  # “季度通报3次、月通报7次”: show the one item asked about
        return Answer(status="answered", value=num(f.value), unit=f.unit, agency=r.agency, year=r.year,
                      section=f.source.section, field="prose", source=f.source, report_title=r.title,
                      text=f"{r.agency}{r.year}年：{shown}。\n原文：“{quote}”\n{cite(r, f.source)}")

    def _section(self, q: Query, r: Report) -> Answer:
        key, name, who = q.section or "", label(q, self.cat), f"{r.agency}{r.year}年"
        sid = key.split(".")[0]
        sec = r.section(sid)
        if sec is None:
            gone = next((m for m in r.missing if m.startswith(f"第{sid}部分")), None)
            why = f"：{gone}" if gone else ""
            return Answer(status="unknown", agency=r.agency, year=r.year, text=f"{who}的年报中没有找到“{name}”一节{why}。")
        body = sec.text.strip()  # the text under the heading (knowledge/template/sections.py)
        part: str | None = body
        if sid == "一" and key != "一":
            part = sub_section(body, key)
            if part is None:
                return Answer(status="unknown", agency=r.agency, year=r.year, section=sec.heading,
                              text=f"{who}的年报“{sec.heading}”中没有单列“{name}”部分。")
        if key in ("五.problems", "五.improve"):
            part = problems_or_improvements(body, key == "五.problems")
        src = Source(section=sec.heading)
        return Answer(status="answered", agency=r.agency, year=r.year, section=sec.heading, field=q.field_id,
                      source=src, report_title=r.title,
                      text=f"{who}{name}：\n{(part or '').strip() or '（该节无内容）'}\n{cite(r, src)}")

    def _no_rate(self, q: Query, r: Report) -> Answer:
        """A share select.run declined (no total to take it of): no figure, and what to ask instead.
        Every other rate (纠错率, 维持率, A占B的比例 …) is computed in execute.py and never comes here."""
        name = label(q, self.cat).removesuffix("所占比例")  # a total of table 三 or 四: one name in both versions
        row = q.row or ""
        if row in ("apply.carried_in", "apply.carried_out"):  # not a part of 办理结果总计
            return Answer(status="unknown", agency=r.agency, year=r.year,
                          text=f"“{name}”不是办理结果总计的一部分，请说明要算它占哪一项的比例，"
                               f"例如：{name}占本年新收申请的比例。")
        example = f"结果纠正占{name}的比例" if row.startswith(("review", "litigation")) else "予以公开占办理结果总计的比例"
        return Answer(status="unknown", agency=r.agency, year=r.year,
                      text=f"“{name}”本身就是总数，请说明要算哪一项占它的比例，例如：{example}。")

    # ------------------------------------------------------------------ several years
    def many(self, q: Query, reports: list[Report], compare: bool) -> Answer:
        """The same figure over several years; with two years and a comparison word, the difference."""
        rows = [(r, self.one(q, r)) for r in sorted(reports, key=lambda r: r.year)]
        agency = reports[0].agency  # one agency's years
        if q.kind == "section":  # a text, not a figure: each year's, one after the other
            said = [a for _, a in rows if a.status == "answered"]
            return Answer(status="answered" if said else "unknown", agency=agency,
                          section=rows[-1][1].section, field=q.field_id,
                          text="\n\n".join(a.text for _, a in rows))
        # one() gives a table figure with its unit, or no figure and why
        lines = [f"{r.year}年：{fmt(a.value)}{a.unit}" if a.value is not None else f"{r.year}年：{_why_none(r, a)}"
                 for r, a in rows]
        got = [(r, a) for r, a in rows if a.value is not None]
        first = (got or rows)[-1][1]
        ans = Answer(status="answered" if got else "unknown", agency=agency, unit=first.unit,
                     section=first.section, field=first.field)
        ans.series = [{"agency": r.agency, "year": r.year, "value": a.value} for r, a in got]
        name = label(q, self.cat)
        text = f"{agency}{name}（{'、'.join(str(r.year) for r, _ in rows)}年）：" + "；".join(lines)
        if compare and len(got) == 2:
            (r1, a1), (r2, a2) = got
            diff = (a2.value or 0) - (a1.value or 0)
            ans.value = num(diff)
            ans.formula = f"{fmt(a2.value)} − {fmt(a1.value)} = {fmt(diff)}"
            verdict = (f"{r2.year}年与{r1.year}年持平" if diff == 0 else
                       f"{r2.year}年比{r1.year}年{'多' if diff > 0 else '少'}{fmt(abs(diff))}{a2.unit}")
            text += f"。{verdict}（{ans.formula}）"
        elif len(got) == 1:
            ans.value, ans.year = got[0][1].value, got[0][0].year
        sources = "\n".join(f"来源：《{r.title}》{a.section}" for r, a in rows if a.section)
        ans.text = text + "。\n" + sources
        return ans
