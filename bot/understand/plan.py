"""Compile a question into a query plan: selection (agencies × years × item) → operation → presentation.

The operation words (比…多多少, 增长率, 哪年最多, 历年, 公开率, 占比 …) and the rate definitions are data
(knowledge/data/operations.json), found by one automaton pass, longest word first.  What is left of
the question names the item; the answerer reads it as it reads any single question.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import ahocorasick

from bot.understand.extract import Slots
from bot.understand.lexicon import Lexicon
from bot.understand.match import named_concept, read
from bot.understand.regions import is_place
from bot.understand.resolve import resolve
from knowledge.catalogue import Catalogue
from knowledge.paths import DATA

Op = Literal["value", "difference", "growth", "rate", "share", "rank", "series", "each"]
KINDS = ("growth", "more", "less", "apart", "than", "max", "min", "which_year", "which_agency", "which_item", "each",
         "series", "share", "stated", "parts")  # stated: rates only a report's text gives (主动公开率): never computed from a table
_TOP = re.compile(r"前(\d{1,2})(?:个|名|位|家)?")
_UNIT = re.compile(r"(?<![\d.])(亿元|万元|元)")
_SHARE_OF = re.compile(r"占(?!比)")
_COUNTED = re.compile(r"(?:多少|几)(条|件|篇|次|个|期|场|家|人|项|起)")
_CHANGED = re.compile(r"变化|变动")  # a change of one year's figure: against the year before
_WHICH_MORE = re.compile(r"(?<!多)(?:更|还|要)?(多|少|高|低|大|小)(?:一些|一点|些)?[？?吗呢]?$")
_WHICH_ONE = frozenset({"哪个", "哪一个", "谁多", "谁更多", "谁少", "谁更少"})  # of the things named, not a kind of body
_NAMED_APART = re.compile(r"[\u4e00-\u9fff](?:和|与|及|跟|同|、|以及)[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Rate:
    """A rate the template lets us compute: Σnum ÷ (Σden − Σminus), cells as (row, column)."""

    id: str
    label: str
    num: tuple[tuple[str, str], ...]
    den: tuple[tuple[str, str], ...]
    minus: tuple[tuple[str, str], ...] = ()
    group: bool = False  # rows written “{group}” take the review group the question names


@dataclass
class Ops:
    """Operation vocabulary, rate definitions and money units, with one automaton over all words."""

    automaton: Any
    rates: dict[str, Rate]
    units: dict[str, int]


def load(path: Path | None = None) -> Ops:
    """Read and check operations.json: a word naming two kinds of operation is an error."""
    raw = json.loads((path or DATA / "operations.json").read_text(encoding="utf-8"))
    owner: dict[str, str] = {}
    for kind in KINDS:
        for w in raw["words"].get(kind, ()):
            if w in owner and owner[w] != kind:
                raise ValueError(f"operations: word {w!r} names both {owner[w]} and {kind}")
            owner[w] = kind
    rates: dict[str, Rate] = {}
    for rid, d in raw["rates"].items():
        rates[rid] = Rate(rid, d["label"], tuple(map(tuple, d["num"])), tuple(map(tuple, d["den"])),
                          tuple(map(tuple, d.get("minus", ()))), bool(d.get("group")))
        for w in d["words"]:
            if w in owner:
                raise ValueError(f"operations: word {w!r} names both {owner[w]} and rate {rid}")
            owner[w] = "rate:" + rid
    automaton = ahocorasick.Automaton()
    for w, kind in owner.items():
        automaton.add_word(w, (kind, w))
    automaton.make_automaton()
    return Ops(automaton, rates, dict(raw["units"]))


@cache
def default() -> Ops:
    """The bundled operations, loaded once per process."""
    return load()


@dataclass
class Side:
    """One side of a comparison (“A比B”): the agency and year it names, if any."""

    agency: str | None = None
    year: int | None = None


@dataclass
class QueryPlan:
    """What to select, what to compute over it, and how to present it."""

    op: Op = "value"
    rest: str = ""  # the item: the question without agency, year and operation words
    agencies: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    rate: str | None = None  # for op rate (or a rank/series/difference of a rate)
    order: Literal["max", "min"] | None = None  # for rank
    over: Literal["years", "agencies", "items", "named"] | None = None  # what a rank/each/series runs over
    # (named: the items the question names, 行政复议和行政诉讼哪个多; items: a group's items, 哪类申请人最多)
    top: int | None = None
    direction: Literal["more", "less", "apart"] | None = None  # difference: A − B, B − A, later − earlier
    left: Side = field(default_factory=Side)  # for difference/growth: A (“A比B”)
    right: Side = field(default_factory=Side)  # B
    share_of: str = ""  # the words naming a share's total (“占行政诉讼的比例” → 行政诉讼)
    unit: str | None = None  # money unit asked for (元/万元/亿元)
    counted: str | None = None  # the count word asked with (“少了多少条” → 条): each side is asked for it
    recent: int | None = None
    parts: bool = False  # “都是谁/有哪些”: a group's items, when the question names a group and not one of them


def scan(text: str, ops: Ops) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every operation word, leftmost-longest, not overlapping."""
    return [(end - len(w) + 1, end + 1, kind) for end, (kind, w) in ops.automaton.iter_long(text)]


def _blank(text: str, spans: list[tuple[int, int, str]], kinds: set[str]) -> str:
    out = list(text)
    for i, j, k in spans:
        if k in kinds or (k.startswith("rate:") and "rate" in kinds):
            out[i:j] = " " * (j - i)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def compile_plan(q: str, slots: Slots, ops: Ops, sides: Callable[[str], Slots]) -> QueryPlan:
    """The plan for a normalised question whose slots are already extracted.

    sides: extracts the agency and years of a part of the question (for “A比B”).
    """
    plan = QueryPlan(rest=slots.rest, agencies=list(slots.agencies), years=list(slots.years), recent=slots.recent)
    spans = scan(slots.rest, ops)
    kinds = {k for _, _, k in spans}
    which = {slots.rest[i:j] for i, j, k in spans if k == "which_agency"}
    rate = next((k[5:] for _, _, k in spans if k.startswith("rate:")), None)
    m = _UNIT.search(slots.rest)
    if m:  # “多少亿元”: a presentation unit; the item is the amount
        plan.unit = m.group(1)
    m = _COUNTED.search(slots.rest)
    plan.counted = m.group(1) if m else None
    top = _TOP.search(slots.rest)
    two_points = len(slots.agencies) >= 2 or len(slots.years) >= 2
    dropped: set[str] = set()
    if rate:
        plan.rate, plan.op = rate, "rate"
        dropped |= {"rate", "share"}
    if "max" in kinds or "min" in kinds or top is not None:
        plan.order = "min" if "min" in kinds and "max" not in kinds else "max"
        if "which_year" in kinds:
            plan.over = "years"
        elif "which_item" in kinds and "each" not in kinds:  # 哪类申请人最多: the items of one report's table
            plan.over = "items"
        elif "which_agency" in kinds or top is not None or not slots.agency:
            plan.over = "agencies"
        elif not slots.years and not slots.relative:
            plan.over = "years"
        if plan.over:
            plan.op = "rank"
            plan.top = int(top.group(1)) if top else None
            dropped |= {"max", "min", "which_year", "which_agency", "which_item", "each"}
    elif "parts" in kinds and len(slots.years) <= 1:  # 申请人都是谁, 不予公开的理由有哪些: the items, largest first
        plan.op, plan.over, plan.order = "rank", "items", "max"  # (the words stay: they name the group)
        plan.parts = True
    elif "which_agency" in kinds and len(slots.agencies) >= 2 and (m := _WHICH_MORE.search(slots.rest)):
        plan.op, plan.over = "rank", "agencies"  # “市场监管局和财政局哪个收到的申请多”: the bodies named
        plan.order = "min" if m.group(1) in "少低小" else "max"
        dropped |= {"which_agency"}
    elif which & _WHICH_ONE and len(slots.agencies) <= 1 and len(slots.years) <= 1 \
            and _NAMED_APART.search(slots.rest) and (m := _WHICH_MORE.search(slots.rest)):
        plan.op, plan.over = "rank", "named"  # “行政复议和行政诉讼哪个多”: the items named, one report's, compared
        plan.order = "min" if m.group(1) in "少低小" else "max"
        dropped |= {"which_agency"}
    elif "which_year" in kinds and len(slots.agencies) <= 1 and (m := _WHICH_MORE.search(slots.rest)):
        plan.op, plan.over = "rank", "years"  # “2021年和2023年哪年多”, “哪年收到的申请多”: the years, as 哪年最多
        plan.order = "min" if m.group(1) in "少低小" else "max"
        dropped |= {"which_year"}
    elif "each" in kinds:  # one region named: each of its bodies (select._pool)
        plan.op, plan.over = "each", "agencies"
        dropped |= {"each"}
    elif "growth" in kinds:
        plan.op = "growth"  # “下降了百分之几” asks the size of a fall
        falls = any(k == "growth" and re.search("下降|减少|降", slots.rest[i:j]) for i, j, k in spans)
        plan.direction = "less" if falls else None
        dropped |= {"growth", "than", "more", "less", "apart", "share"}
    elif ("series" in kinds or slots.recent) and len(slots.agencies) <= 1 and len(slots.years) != 1:
        # 趋势 over the loaded years, 近三年, or the years named (2019年到2023年, 2019、2021和2023年)
        plan.op, plan.over = "series", "years"
        dropped |= {"series"}
    elif kinds & {"more", "less", "apart"} and (two_points or "than" in kinds or _CHANGED.search(slots.rest)):
        plan.op = "difference"
        plan.direction = "more" if "more" in kinds else "less" if "less" in kinds else "apart"
        dropped |= {"than", "more", "less", "apart"}
    elif "share" in kinds and not rate:
        plan.op = "share"
        dropped |= {"share"}
    back_word = _sides(plan, q, slots, ops, sides) if plan.op in ("difference", "growth") else ""
    if plan.op == "share":
        plan.rest, plan.share_of = _split_share(_blank(slots.rest, spans, dropped))
    else:
        plan.rest = _blank(slots.rest, spans, dropped)
    if back_word:  # “上年” named the other side's year, not an item
        plan.rest = plan.rest.replace(back_word, " ", 1).strip()
    if plan.unit:
        plan.rest = _UNIT.sub("金额", plan.rest)
    if top:
        plan.rest = (plan.rest[: top.start()] + plan.rest[top.end():]) if top.group(0) in plan.rest else plan.rest
        plan.rest = _TOP.sub(" ", plan.rest).strip()
    if plan.op == "rank" and plan.over in ("years", "agencies", "named") and not kinds & {"max", "min"}:
        plan.rest = _WHICH_MORE.sub("", plan.rest.rstrip()).rstrip()  # 哪年少一些 / 哪个多: the order, not the item
    return plan


def _split_share(rest: str) -> tuple[str, str]:
    """“不掌握的占办理总数的” → (不掌握的, 办理总数): the part and the total it is a share of."""
    m = _SHARE_OF.search(rest)
    if not m:
        return rest, ""
    return rest[: m.start()].strip(), rest[m.end():].strip(" 的")


_BACK = {"去年": 1, "上年": 1, "上年度": 1, "上一年": 1, "上一年度": 1, "前一年": 1, "前年": 2}  # “比上年”: how many years before the one named


def _sides(plan: QueryPlan, q: str, slots: Slots, ops: Ops, sides: Callable[[str], Slots]) -> str:
    """A and B of “A比B…”: each side's own agency and year; what one side lacks it takes from the other.
    Returns the relative word (上年, 去年 …) that named B's year, if one did."""
    than = next(((i, j) for i, j, k in scan(q, ops) if k == "than"), None)
    if than is None:  # the growth of one year (“2019年…增长率”, “同比增长率” is one word): against the year before
        changed = plan.op == "difference" and _CHANGED.search(q) is not None  # “2019年…变化多少”: the same
        if (plan.op == "growth" or changed) and len(slots.years) == 1 and len(slots.agencies) <= 1:
            plan.left, plan.right = Side(None, slots.years[0]), Side(None, slots.years[0] - 1)
        return ""
    a, b = sides(q[: than[0]]), sides(q[than[1]:])
    plan.left = Side(a.agency, a.years[0] if a.years else None)
    plan.right = Side(b.agency, b.years[0] if b.years else None)
    # (a year the question names is on one side: when it is not before 比 it is after it, and B has its own)
    year = plan.left.year
    back = _BACK.get(b.relative or "") or (1 if q[than[0] : than[1]] == "同比" else 0)
    if year and back and plan.right.year is None and plan.right.agency is None:
        plan.left.year, plan.right.year = year, year - back  # “2019年…比上年”, “2019年…同比”: the year before
        return b.relative or ""
    return ""


# ---------------------------------------------------------------- items named apart
# Items that no one template field holds: of two tables (行政复议和本年新收申请), or of a table and the text
# (主动公开政府信息和行政复议) — each a question of its own, with the ask said once at the end.  Items of one
# table (行政复议和行政诉讼, 自然人和法人) are left to the table's own reading (resolve's choices).

_APART_JOIN = re.compile(r"以及|和|与|及|跟|、")
# the ask the items share, at the end: “分别多少件”, “各是多少”, “各有几条”
_APART_ASK = re.compile(r"(?:分别|各自|各|都)?(?:是|有|为)?((?:多少|几)[件条篇次个项家人起期场份元]?)[?？]?$")
_APART_LEAD = re.compile(r"^(?:\s|以及|和|与|及|跟|、)+")
_APART_SUM = re.compile(r"一共|合计|总共|共计|加起来|合起来|加在一起|加上|相加|之和|总和")  # added up: not each


def apart(rest: str, lex: Lexicon, cat: Catalogue) -> tuple[list[str], str] | None:
    """Each item of the question (主动公开政府信息, 行政复议) and the ask they share (多少), when the items named
    apart are of different tables or of the text; None when one field (or nothing) is named."""
    ask = _APART_ASK.search(rest)
    if ask is None or _APART_SUM.search(rest):
        return None
    said = _APART_LEAD.sub("", rest[: ask.start()])  # “2021年和2023年…”: the years' 和 is left before the items
    reading = read(said, lex)
    covered = [False] * len(said)
    for h in reading.hits:
        covered[h.start : h.end] = [True] * (h.end - h.start)
    cuts = [m for m in _APART_JOIN.finditer(said) if not any(covered[m.start() : m.end()])]
    if not cuts:
        return None
    bounds = [0, *(x for m in cuts for x in m.span()), len(said)]
    items = [said[i:j].strip(" 的") for i, j in zip(bounds[::2], bounds[1::2], strict=True)]
    kinds = [_kind(item, lex, cat) for item in items]
    if len(items) < 2 or None in kinds or len(set(kinds)) < 2:
        return None
    return items, ask.group(1)


def _kind(item: str, lex: Lexicon, cat: Catalogue) -> str | None:
    """Which table an item is of (apply, review, active, a section), or which figure of the text; None for
    an item nothing names (律师费) or a place (北京: a body not loaded)."""
    if len(item) < 2 or is_place(item):
        return None
    query = resolve(read(item, lex), cat)
    if query is not None and not read(item, lex).unexplained:
        return query.kind
    prose = named_concept(item, lex)
    return f"text:{prose[1]}" if prose is not None else None
