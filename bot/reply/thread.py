"""The thread of a conversation: what was talked about last, and a follow-up read as the whole question
it stands for.

One `Context` per conversation (the terminal `chat`, a private chat, a group's message replied to or
the group itself).  It holds the last body (or bodies), the time asked about, the item, the operation
and the options of a clarify.  A follow-up fills only what it does not name:

- after “平潭2023年行政复议多少件”, “纠错率呢？” is “平潭2023年行政复议纠错率”;
  “比2021年多多少” is “平潭2023年行政复议比2021年多多少”; “那2021年呢” is “平潭2021年行政复议多少件”;
- “其中自然人呢” (a column alone) keeps the row asked about last;
- after a clarify, “1” or a name that tells the options apart (“开封”, “行政诉讼”) picks that option.

The rewritten question is then answered exactly as if it had been asked whole, so a follow-up and the
full question always get the same reply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.reply.each import said_when
from bot.understand import smalltalk
from bot.understand.agencies import short_name
from bot.understand.extract import GAP, extract
from bot.understand.normalise import normalise
from bot.understand.plan import QueryPlan, compile_plan
from bot.understand.resolve import Query

if TYPE_CHECKING:
    from bot.reply.answer import Answerer
    from knowledge.models import Answer

# words that make a question a follow-up of the last one
_FOLLOW = re.compile(r"^(那|那么|那么说|其中|另外|还有|再看|换成|也)|呢[?？]?$|^(比|同比|和|跟|与)")
# what is left of an item when it names nothing (呢, 多少件, 的情况 …)
_FILLER = re.compile(r"那么说|那么|那|和|与|呢|吗|啊|呀|吧|的|是|还有|另外|再看|换成|其中|多少|几|数量|数目|数字|情况|分别|各自|各"
                     r"|[件条篇次个项家人起期场份元]|[?？,，。.!！:：;；、\s" + GAP + "]")
LOOKED_AT = 200  # characters of a turn read for the thread (as the answerer reads a question)
_EDGES = re.compile(r"^(那么|那|其中|另外|还有)|呢[?？]?$|[?？]$")  # a follow-up's words around its item
_BEFORE = {"上年", "上一年", "上年度", "上一年度", "前一年"}  # relative to the year talked about
_AGAINST = re.compile(r"^(?:那|那么)?(?:和|跟|与|同)(.{2,12}?)(?:相比|比较|对比|比)(?:一下|的话)?(?:呢|怎么样|如何)?[?？]?$")
_COUNT = re.compile(r"(?:是|有)?(?:多少|几)[件条篇次个项家人起期场份元]?")
_COLUMN_KINDS = {"applicants": "apply", "review_columns": "review", "active_columns": "active"}
_ORDINAL = re.compile(r"^(?:第|选)?\s*(\d{1,2}|[一二三四五六七八九十])\s*(?:个|项|条|种)?[.、。]?$")
_CN = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}
_PICK_FILLER = re.compile(r"^(?:选|是|要|问的是|我问的是|就是)|(?:吧|的|那个|这个|呢|吗)$|[?？,，。.!！\s]")


@dataclass
class Context:
    """What a conversation is about so far (its thread)."""

    agency: str | None = None  # the last body asked about (one)
    year: int | None = None  # the last year asked about (one)
    query: Query | None = None  # the last item as a template field (set by the answerer)
    agencies: list[str] = field(default_factory=list)  # every body of the last question (“平潭和洪泽…各多少”)
    when: str = ""  # the time as the last question put it: “2023年”, “2021年和2023年”, “近5年”, “去年”
    item: str = ""  # the words naming the last item, without agency, time or operation (“行政复议多少件”)
    asked: str = ""  # the last question's item and operation words as asked (“行政复议纠错率”)
    options: list[str] = field(default_factory=list)  # the last clarify's options, to pick by number or name


def turn(a: Answerer, question: str, ctx: Context) -> Answer:
    """Answer one turn of a conversation: a pick from the last options, a follow-up, or a new question."""
    if smalltalk.kind(question) is not None:  # 谢谢, 帮助 …: a word between questions leaves the thread as it is
        return a.answer_one(question)
    picked = pick(a, question, ctx.options)
    full = picked or whole(a, question, ctx)
    ans = a.answer_one(full, place=ctx.agency)
    remember(a, full, ans, ctx)
    return ans


# ---------------------------------------------------------------- picking an option


def pick(a: Answerer, text: str, options: list[str]) -> str | None:
    """The option a reply to a clarify chooses: by number (“1”, “第2个”) or by what tells the options
    apart (“开封”, “行政诉讼”, “2021年”); None when it chooses none or more than one."""
    if not options:
        return None
    if len(text) > LOOKED_AT:
        return None
    said = normalise(text, a.lex)
    m = _ORDINAL.match(said)
    if m:
        i = _CN.get(m.group(1)) or int(m.group(1))
        return options[i - 1] if 1 <= i <= len(options) else None
    bare = _PICK_FILLER.sub("", said)
    if not bare or len(options) < 2:
        return None
    holding = [o for o in options if bare in o]
    if len(holding) == 1:  # words only one option has, across what tells them apart (总数量 of 对外公开总数量)
        return holding[0]
    parts = _distinct(options)
    # the words that tell one option apart, said alone (开封) or in a longer word of that option (行政复议); a word
    # every option holds tells none apart (信息 of 共公布政府信息多少条 and 采购项目信息多少条)
    hits = [o for o, p in zip(options, parts, strict=True)
            if p and ((bare in o and p in bare) or (len(bare) >= 2 and bare in p))] if len(holding) < len(options) else []
    if len(hits) == 1:
        return hits[0]
    named = extract(bare, a.agency_index)  # “平潭综合实验区”: the body an option names by its short name
    if named.agencies and not _names_item(named.rest):
        same = [o for o in options if extract(normalise(o, a.lex), a.agency_index).agencies == named.agencies]
        if len(same) == 1:
            return same[0]
    return None


def _distinct(options: list[str]) -> list[str]:
    """Each option without what all options share at their start and end."""
    head = 0
    while all(len(o) > head for o in options) and len({o[head] for o in options}) == 1:
        head += 1
    tail = 0
    while all(len(o) - head > tail for o in options) and len({o[len(o) - 1 - tail] for o in options}) == 1:
        tail += 1
    return [o[head: len(o) - tail] for o in options]


# ---------------------------------------------------------------- a follow-up made whole


def _names_item(words: str) -> bool:
    return bool(_FILLER.sub("", words))


def _who(a: Answerer, agencies: list[str]) -> str:
    return "和".join(short_name(x, a.agency_index) for x in agencies)


def whole(a: Answerer, question: str, ctx: Context) -> str:
    """The question a follow-up stands for; any other question as it was asked."""
    if not (ctx.agencies or ctx.item or ctx.when):
        return question
    if len(question) > LOOKED_AT:
        return question  # a long text is no follow-up
    q = normalise(question, a.lex)
    if not q or not re.search(r"[\u4e00-\u9fff]", q):
        return question
    slots = extract(q, a.agency_index, ctx.agency)
    if slots.relative in _BEFORE and ctx.year:  # “上一年呢”: the year before the one talked about
        q = q.replace(slots.relative, f"{ctx.year - 1}年", 1)
        slots = extract(q, a.agency_index, ctx.agency)
    if slots.unknown_place:
        return question  # a place not loaded: said as it was asked
    against = _AGAINST.match(q)
    if against and (ctx.item or ctx.asked):  # “和2023年比呢”: the last question and this one side by side
        other = extract(against.group(1), a.agency_index, ctx.agency)
        item = _COUNT.sub("", ctx.item or ctx.asked)
        if other.agencies and not other.years:
            return f"{_who(a, ctx.agencies)}和{_who(a, other.agencies)}{ctx.when}{item}相比"
        if other.years and not other.agencies:
            return f"{_who(a, ctx.agencies)}{ctx.when}和{said_when(other)}{item}相比"
    plan = compile_plan(q, slots, a.ops, lambda part: extract(part, a.agency_index))
    said = slots.resolution.said if slots.resolution.options or slots.resolution.suggest else ""
    named_who = bool(slots.agencies or said)  # a name to ask back about (“那财政局呢” in 开封) is kept as said
    named_when = bool(slots.years or slots.recent or slots.relative)
    comparing = plan.op in ("difference", "growth")
    if comparing and (plan.right.agency or plan.right.year) and not (plan.left.agency or plan.left.year):
        named_who = named_when = False  # “比2021年多多少”: the other side is named; this side is the last one
    names_item = _names_item(plan.rest) or bool(plan.rate)
    follow = bool(_FOLLOW.search(q)) or not names_item or not (named_who or named_when)
    if not follow:
        return question
    who = "" if named_who else _who(a, ctx.agencies)
    over_years = plan.op == "series" or plan.over == "years"
    when = "" if named_when or over_years else ctx.when
    if plan.op == "value" and not names_item:  # only the body or the time changes: the last question again
        last = ctx.asked or ctx.item
        if not last:
            return question
        who = (_who(a, slots.agencies) or said) if named_who else who
        return who + (said_when(slots) if named_when else when) + last
    if not names_item:  # an operation on the last item (纠错率呢, 比2021年多多少, 哪年最多)
        return who + when + _COUNT.sub("", ctx.item) + q
    kinds = _only_columns(a, plan.rest, ctx)
    if kinds:  # 其中自然人呢: the last row, this column (instead of the column named last)
        return who + when + _without(a, _COUNT.sub("", ctx.item), kinds) + q
    return who + when + q


def _only_columns(a: Answerer, rest: str, ctx: Context) -> set[str]:
    """The kinds of column (自然人, 结果纠正, 废止件数) the words name, when they name nothing else and the
    table asked about last has such columns; else none."""
    reading = a.reading(rest)
    kinds = {h.concept.kind for h in reading.hits}
    if not kinds or not kinds <= set(_COLUMN_KINDS) or ctx.query is None:
        return set()
    return kinds if all(_COLUMN_KINDS[k] == ctx.query.kind for k in kinds) else set()


def _without(a: Answerer, item: str, kinds: set[str]) -> str:
    """The item's words without those naming a column of these kinds (自然人申请中予以公开 → 申请中予以公开)."""
    reading = a.reading(item)
    for h in sorted((h for h in reading.hits if h.concept.kind in kinds), key=lambda h: h.start, reverse=True):
        item = item[: h.start] + item[h.end:]
    return item


def remember(a: Answerer, full: str, ans: Answer, ctx: Context) -> None:
    """Keep what the question and its answer were about, for the next turn."""

    q, slots, plan_read = a.read_again(full)
    if not re.search(r"[\u4e00-\u9fff]", q) or ans.status == "unknown" and not slots.agencies:
        ctx.options = []
        return
    plan: QueryPlan = plan_read or compile_plan(q, slots, a.ops, lambda part: extract(part, a.agency_index))
    ctx.options = list(ans.options) if ans.status == "clarify" else []
    if ans.status == "clarify" and not slots.agencies and not ctx.agencies:
        return  # the body is being asked: nothing settled yet
    points = ans.ranking + ans.series  # a ranking of several bodies (years) is not about its first one
    agencies = list(slots.agencies) or ([ans.agency] if ans.agency and len({p.get("agency") for p in points}) <= 1
                                        else [])
    if agencies:
        ctx.agencies = agencies
        ctx.agency = agencies[0]
    if ans.year and len({p.get("year") for p in points}) <= 1 and len(slots.years) <= 1 and not slots.recent:
        ctx.year, ctx.when = ans.year, f"{ans.year}年"
    elif slots.years or slots.recent or slots.relative:
        ctx.year = slots.years[0] if len(slots.years) == 1 else None
        ctx.when = said_when(slots)
    if _names_item(plan.rest) or plan.rate:  # a rate is part of the item: 比2021年高多少 compares the rates
        item = (slots.rest if plan.rate else plan.rest).replace(GAP, "").strip(" 的")
        ctx.item = _EDGES.sub("", item)
        ctx.query = a.resolved(plan.rest)
    asked = slots.rest.replace(GAP, "").strip()
    if plan.op not in ("difference", "growth") and _names_item(asked):
        ctx.asked = _EDGES.sub("", asked)
    elif _names_item(plan.rest) or plan.rate:
        ctx.asked = ctx.item
