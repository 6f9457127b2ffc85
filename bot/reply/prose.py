"""Figures quoted from a report's sentences: the one a question names, in one report or in each of
several years' reports (“平潭2021年和2023年政策解读多少”)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.reply.compose import Composer
from bot.reply.each import APART
from bot.understand.match import (
    ProseMatch,
    Reading,
    clause_of,
    item_precision,
    named_item,
    named_rivals,
    year_own,
)
from bot.understand.plan import Ops, scan
from bot.understand.resolve import Query
from knowledge.fact_index import fmt
from knowledge.models import Answer, Fact, Report
from knowledge.template.partial import missing_for, said

if TYPE_CHECKING:
    from bot.reply.answer import Answerer
    from bot.understand.extract import Slots
    from bot.understand.lexicon import Lexicon
    from bot.understand.match import Reading

PROSE_MIN = 0.75  # a figure below this fit is not offered unless the question names its item


def pick(ranked: list[ProseMatch], rest: str, asks_year: bool) -> tuple[ProseMatch, list[ProseMatch]] | None:
    """The figure that fits, and the close rivals to ask about (none when one clearly fits); None when
    no figure fits well enough."""
    own = named_item(ranked, rest, asks_year)
    if own is None and (not ranked or ranked[0].score < PROSE_MIN):
        return None
    top = own or year_own(ranked, asks_year)
    rivals = named_rivals(ranked, own, rest) if own else [
        r for r in ranked[1:] if r.score >= top.score - 0.02 and r.fact.value != top.fact.value
        and r.fact.source.row != top.fact.source.row and r is not top]
    if rivals:  # “季度通报3次、月通报7次”: the item whose own words the question repeats wins
        group = [top, *rivals]
        fits = sorted(((item_precision(x.fact, [y.fact for y in group if y is not x], rest), x)
                       for x in group), key=lambda px: px[0], reverse=True)
        if fits[0][0] - fits[1][0] >= 0.25:
            return fits[0][1], []
    return top, rivals


def stated_stem(rest: str, ops: Ops) -> str:
    """What a rate only a report's text gives is a rate of (主动公开率 → 主动公开, 办结率 → 办结), or ""."""
    word = next((rest[i:j] for i, j, kind in scan(rest, ops) if kind == "stated"), "")
    return word.rstrip("率度")


def stating(ranked: list[ProseMatch], stem: str) -> list[ProseMatch]:
    """The figures whose clause names what the rate is of (“公开率100%” of budgets is no 主动公开率)."""
    if not stem:
        return ranked
    # a rate is a percentage: 满意度 is never the 200份 of questionnaires sent out (“发放满意度调查问卷200份”)
    said = [m for m in ranked if m.fact.unit == "%"
            and stem in clause_of(m.fact.source.sentence or m.fact.source.row or "", m.fact)]
    # a percentage whose clause names it is that rate in the report's words (“主动公开的政府信息占21.02%”)
    return sorted((ProseMatch(m.fact, max(m.score, PROSE_MIN)) for m in said), key=lambda m: m.score, reverse=True)


ITEM_KINDS = frozenset({"apply_rows", "review_columns", "review_groups", "active_rows", "active_columns", "active_blocks"})
_CHANGE_WORD = re.compile(r"(?:增长|增加|上升|提高|下降|减少|降低|回落|持平|同比|较上年|比上年|较去年|比去年|变化|变动|比|了)+")


def naming(ranked: list[ProseMatch], words: list[str], reading: Reading, lex: Lexicon) -> list[ProseMatch]:
    """When the question asks a change (增长, 比), the figures whose sentence names what changed: one of the other
    words matched, or — when those say only the change — the template item the question names, in any of its names
    (申请增长了多少 and 申请数增长了多少 are never “门户网站访问量同比增长20%”)."""
    others = [w for w in words if not _CHANGE_WORD.fullmatch(w)]
    if others == words:
        return ranked
    if others:
        return [m for m in ranked if any(w in _said(m) for w in others)]
    named = {h.concept.id for h in reading.hits if h.concept.kind in ITEM_KINDS}
    names = [a for a, cs in lex.aliases if any(c.id in named for c in cs)]
    return [m for m in ranked if any(n in _said(m) for n in names)] if named else ranked


def _said(m: ProseMatch) -> str:
    return m.fact.source.sentence or m.fact.source.row or ""


def as_question(fact: Fact) -> str:
    """A prose figure's clause turned back into a question (“收到申请527件” → “收到申请多少件”)."""
    clause = fact.source.row or ""
    raw = fact.raw or ""
    num = re.match(r"[\d.]+(?:余|多)?", raw)
    if num is None:
        return clause
    # the figure itself, never the same digits inside another number (“2022年…20篇”, “12345热线办理12件”)
    return re.sub(rf"(?<![\d.]){re.escape(num.group(0))}(?![\d.])", "多少", clause, count=1)


def over_years(compose: Composer, picks: list[tuple[Report, tuple[ProseMatch, list[ProseMatch]] | None]],
               name: str) -> Answer | None:
    """One prose figure in each year's report: the figures in a line, then each year's quote and
    source; a year without one, or with several close ones, says so.  None when no year has one."""
    picks = sorted(picks, key=lambda p: p[0].year)
    said = [(r, compose.prose(got[0].fact, r)) for r, got in picks if got is not None and not got[1]]
    if not said:
        return None
    replies = dict((r.year, a) for r, a in said)
    lines = []
    for r, got in picks:
        if r.year in replies:
            a = replies[r.year]
            lines.append(f"{r.year}年：{fmt(a.value)}{a.unit or ''}")
        elif got is not None:
            lines.append(f"{r.year}年：报告中有几处相近的数字，请单独问这一年")
        else:
            lines.append(f"{r.year}年：报告中没有找到这一数字")
    agency = picks[0][0].agency
    head = f"{agency}{name}（{'、'.join(str(r.year) for r, _ in picks)}年）：" + "；".join(lines) + "。"
    last = said[-1][1]
    ans = Answer(status="answered", agency=agency, unit=last.unit, section=last.section, field="prose",
                 text="\n\n".join([head, *(a.text for _, a in said)]))
    ans.series = [{"agency": r.agency, "year": r.year, "value": a.value} for r, a in said]
    if len(said) == 1:
        ans.value, ans.year = said[0][1].value, said[0][0].year
    return ans


def said_reading(c: Composer, query: Query, reading: Reading, r: Report) -> Query | None:
    """Of a question's readings, the one whose own words the cut page's sentence for it repeats (办结 of
    “办结17件”, not 新收 of “新受理…申请17件”), when the tables of all of them are missing; else None."""
    fits = []
    for choice in query.choices:
        if c._fact(r, choice.row, choice.column) is not None or not missing_for(r.missing, choice.row or ""):
            return None  # a table the report has: its readings are asked about as ever
        f = said(choice.row or "", choice.column, c.kb.prose(r.id), r.sections)
        words = [h.alias for h in reading.hits if h.concept.id == choice.row]
        if f is not None and any(w in (f.source.row or "") for w in words):
            fits.append(choice)
    return fits[0] if len(fits) == 1 else None


def on_cut_page(a: Answerer, query: Query, reading: Reading, slots: Slots, q: str) -> Query | Answer:
    """A question on a page cut before its tables: the text's figure for a table-二 item (for_cut_table), or
    of several readings the one the text's sentence words (said_reading); else the query as it was."""
    if (got := for_cut_table(a, query, reading, slots, q)) is not None:
        return got
    if not query.choices or all(c.row == query.row for c in query.choices) or APART.search(slots.rest):
        return query  # one row's columns, or items named apart (部分公开和上年结转的申请各几件): each is asked
    plan = a._reports(slots, q)
    if isinstance(plan, Answer) or len(plan.reports) != 1:
        return query
    return said_reading(a.compose, query, reading, plan.reports[0]) or query


def for_cut_table(a: Answerer, query: Query, reading: Reading, slots: Slots, q: str) -> Answer | None:
    """A table-二 item asked of a page cut before its table (so no cell, and no rule reads the cell from the
    prose) when the question names no column: a figure of the report's sentences that its words name
    (行政事业性收费信息2条, 处罚强制类9条, 规范性文件6条) — else None, and the table is said to be missing."""
    if query.kind != "active" or reading.has("active_columns"):
        return None
    plan = a._reports(slots, q)
    if isinstance(plan, Answer) or len(plan.reports) != 1:
        return None
    r = plan.reports[0]
    cells = [(c.row or "", c.column) for c in query.choices] or [(query.row or "", query.column)]
    if any(not missing_for(r.missing, row) for row, _ in cells):  # (a whole report: its text not read here)
        return None
    prose_facts = a.kb.prose(r.id)
    if any(said(row, col, prose_facts, r.sections) for row, col in cells):
        return None
    got = a._try_prose(reading.words, slots, q)
    return got if got is not None and got.status in ("answered", "clarify") else None
