"""Answer a question: normalise → slots → concepts → query → report(s) → reply with its source.

`Answerer.answer(question, context)` is pure apart from updating `context` (follow-ups); it does
no I/O.  Everything it needs is built once in `Answerer.__init__`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from itertools import islice

from bot.reply import caveats, checklist, each, items, links, prose, select, suggest, thread, together
from bot.reply.compose import Composer
from bot.reply.execute import Executor, convert
from bot.reply.prose import on_cut_page
from bot.reply.thread import Context
from bot.understand import lexicon as lexicon_mod
from bot.understand import segment, smalltalk
from bot.understand.agencies import short_name
from bot.understand.extract import Slots, extract
from bot.understand.index_cache import agency_index
from bot.understand.linking import province_of
from bot.understand.linking_rules import near, tail_of
from bot.understand.match import ProseMatch, Reading, best_prose, named_concept, read
from bot.understand.normalise import normalise
from bot.understand.plan import QueryPlan, apart, compile_plan
from bot.understand.plan import default as default_ops
from bot.understand.regions import is_place
from bot.understand.resolve import Query, label, resolve
from knowledge import catalogue as catalogue_mod
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer, Report

log = logging.getLogger(__name__)

MAX_QUESTION = 200  # characters looked at; longer input is cut (a question is short)
LIST_MAX = 8  # options and agencies listed in one reply
LONG_QUESTION = 60  # longer input is answered when clear, but never echoed back as options
_ASKS_NUMBER = re.compile(r"多少|几[件个条篇次项家起期场份人]?|数量|数目|总数|金额|比例|百分")
_ASKS_RATE = re.compile(r"率|百分比|比例|占比|比重|百分之")
_COMPARE = re.compile(r"比|相比|对比|增加了?多少|减少了?多少|多了?多少|少了?多少|变化|增长|差")
_UNIT_HINT = re.compile(r"(?:多少|几)(条|件|篇|次|个|期|场|家|人|元|万元|项|起|钱)")


@dataclass
class _Plan:
    reports: list[Report] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Answerer:
    """Answers questions from one loaded knowledge base."""

    def __init__(self, kb: KnowledgeBase, warm: bool = True) -> None:
        self.kb = kb
        self.cat = catalogue_mod.default()
        self.lex = lexicon_mod.default()
        self.compose = Composer(kb, self.cat)
        self.agency_index = agency_index(kb)
        self._examples: list[str] | None = None  # made on first need: it reads every report's entry
        self.ops = default_ops()
        self.executor = Executor(kb, self.cat, self.ops, cell=self.compose.one, one=self._one)
        self._readings: dict[str, Reading] = {}
        self._queries: dict[str, Query | None] = {}
        self._read: tuple[str, str, Slots, QueryPlan | None] | None = None  # the last question read with no body talked about
        if warm:  # load the dictionary now, not on a question (a one-shot CLI question skips this)
            segment.warm()

    def examples(self, n: int = 3) -> list[str]:
        """Example questions that the loaded reports can answer."""
        if self._examples is None:
            self._examples = smalltalk.examples(self.kb.years, 4)
        return self._examples[:n]

    def resolved(self, text: str) -> Query | None:
        """The template item a text names (cached with its reading: never changed once made)."""
        if text not in self._queries:
            if len(self._queries) > 512:
                self._queries.clear()
            self._queries[text] = resolve(self.reading(text), self.cat)
        return self._queries[text]

    def read_again(self, question: str) -> tuple[str, Slots, QueryPlan | None]:
        """A question as the answerer reads it (normalised; when and who; its plan) with no body talked
        about: the question just answered is not read again (the thread reads it after the answer)."""
        got = self._read
        if got is not None and got[0] == question:
            return got[1], got[2], got[3]
        q = normalise(question[: MAX_QUESTION * 2], self.lex)[:MAX_QUESTION]
        return q, extract(q, self.agency_index), None

    # ------------------------------------------------------------------ entry point
    def answer(self, question: str, context: Context | None = None) -> Answer:
        """The reply to one question (its reports' addresses attached); with a context, one turn of a
        conversation: a follow-up is read with what it leaves out, and context keeps the thread."""
        if context is None:
            return self.answer_one(question)
        return thread.turn(self, question, context)

    def answer_one(self, question: str, place: str | None = None) -> Answer:
        """The reply to one whole question; place: the body talked about, in whose place a body named
        alone is looked for (“财政局” after 平潭)."""
        chat = smalltalk.kind(question[:MAX_QUESTION])
        if chat is not None:  # 你好 / 谢谢 / 帮助: a friendly word and examples, not “没有找到”
            return self._unknown(smalltalk.reply(chat, self.examples(3)))
        if checklist.asks_checks(question[:MAX_QUESTION]):  # “平潭的数据有没有问题”, “/checks 平潭”
            return checklist.answer(question[:MAX_QUESTION], self.kb, self.agency_index, self.lex)
        with caveats.ledger() as used:  # the figures the reply uses: their warnings go with it
            ans = self._answer(question, place)
        return links.attach(caveats.attach(ans, self.kb, used), self.kb)

    def _answer(self, question: str, place: str | None = None) -> Answer:
        q = normalise(question[: MAX_QUESTION * 2], self.lex)[:MAX_QUESTION]
        if not q or not re.search(r"[\u4e00-\u9fff]", q):
            return self._unknown("没看懂这个问题。请用中文提问，例如：" + "；".join(self.examples(2)))
        if not self.kb.reports:
            return self._unknown("知识库中还没有报告，请先载入报告。")
        slots = extract(q, self.agency_index, place)
        if place is None:  # kept as read (the answer changes its rest): the thread reads it next
            self._read = (question, q, replace(slots, years=list(slots.years), agencies=list(slots.agencies)), None)
        named = self._named(slots, q)
        if named is not None:
            return named
        if slots.agency is None and slots.lead and not slots.unknown_place:
            lead = self.reading(slots.lead)
            guess = near(slots.lead, self.agency_index) if not lead.hits else None
            if guess:  # 平谭2023年…: one character away from a loaded place
                return self._suggest(slots.lead, guess, q)
            if not lead.hits and any(len(w) >= 2 for w in lead.unexplained):
                slots.unknown_place = slots.lead
        if slots.unknown_place:
            guess = near(slots.unknown_place, self.agency_index)
            if (guess or (tail := tail_of(slots.unknown_place, self.agency_index))) and not slots.resolution.unknown:
                return self._suggest(slots.unknown_place, guess, q) if guess else suggest.as_read(self, slots.unknown_place, tail, q)
            nearby = slots.resolution.nearby or sorted(  # 郑州: what is loaded in 河南 comes first
                self.agency_index.region_agencies(set(province_of(slots.unknown_place))))
            return self._unknown(f"知识库中没有“{slots.unknown_place}”的年报。已载入：{self._loaded(nearby)}。")
        plan = compile_plan(q, slots, self.ops, lambda part: extract(part, self.agency_index))
        if self._read is not None and self._read[0] == question and place is None:  # (as made: the answer may change it)
            self._read = (*self._read[:3], replace(plan, agencies=list(plan.agencies), years=list(plan.years)))
        if plan.op == "value" and (len(slots.agencies) > 1 or slots.agency and (pieces := apart(slots.rest, self.lex, self.cat))):
            return each.bodies(self, slots) if len(slots.agencies) > 1 else items.apart(self, slots, pieces, q)  # each body's, item's own
        ans = select.run(self, plan, slots, q) if plan.op != "value" else None
        if ans is None:
            slots.rest = plan.rest if plan.op == "value" else slots.rest
            ans = self._value(slots, q)
        ans = convert(ans, plan.unit, self.ops.units) if plan.unit else ans
        if (note := slots.resolution.note or "").startswith("“") and ans.status == "answered" \
                and ans.agency == slots.agency and not ans.ranking and note not in ans.text:  # how a name was read
            ans.text = f"{note}。\n{ans.text}"
        return ans

    def reading(self, text: str) -> Reading:
        """The concepts a text names (cached: a ranking reads the same item for every report)."""
        got = self._readings.get(text)
        if got is None:
            if len(self._readings) > 512:
                self._readings.clear()
            got = self._readings[text] = read(text, self.lex)
        return got

    def _one(self, report: Report, rest: str) -> Answer:
        """The plan's item for one report, answered as the single question “<agency><year>年<rest>”."""
        slots = Slots(years=[report.year], agency=report.agency, agencies=[report.agency], rest=rest)
        return self._value(slots, rest)

    def _value(self, slots: Slots, q: str) -> Answer:
        """A figure, a text or a breakdown: the question as one selection of one item."""
        reading = self.reading(slots.rest)
        query = self.resolved(slots.rest)
        text_of: Query | None = None  # 六 has no table: its text, when no sentence of it states the figure
        if query is not None and query.kind == "section" and _ASKS_NUMBER.search(slots.rest):
            text_of = query if (query.section or "").startswith("六") else None
            query = None  # “…主动公开政府信息多少条” wants a figure, not the 主动公开 text
        unexplained = [w for w in reading.unexplained if len(w) >= 2]
        if query is None:  # no template field: a figure from the prose, or nothing
            # a figure needs a word naming an item: “开封的到” names none (a lone character is no item)
            # a sentence of 六 naming the fee states it: the words that named the section look for it too
            words = ([min((a for a, cs in self.lex.aliases if h.concept in cs), key=len)  # 信息处理费, not 多少钱
                      for h in reading.hits if h.concept.kind == "sections"] + reading.unexplained
                     if text_of else reading.words)
            named = any(len(w) >= 2 for w in words)
            prose = self._try_prose(words, slots, q) if named else None
            prose = together.prose_sum_refused(slots.rest, prose, self.kb) or prose  # one of two figures asked added
            if prose is not None or text_of is None:
                return prose or suggest.dead_end(self, slots, reading, q)
            query = text_of
        if query.kind in ("apply", "review", "active") and unexplained:
            prose = self._try_prose(reading.words, slots, q)
            quoted = (prose.source.sentence or "") if prose is not None and prose.source else ""
            if prose is not None and (prose.status == "clarify" or all(w in quoted for w in unexplained)):
                return prose  # the sentence says what the template field does not (领导信箱办结)
            # several readings: their names (label() of the group itself names no row: it said “None”)
            if len(unexplained) == 1 and is_place(unexplained[0]):  # 平潭和北京…: a place no loaded report is of
                return self._unknown(f"知识库中没有“{unexplained[0]}”的年报。已载入：{self._loaded()}。")
            known = "、".join(label(c, self.cat) for c in query.choices[:2]) if query.choices else label(query, self.cat)
            return suggest.near(self, slots, reading, q) or self._unknown(f"报告中没有“{''.join(unexplained)}”这一项；年报只统计{known}等数字。")
        if query.kind in ("review", "active") and reading.has("applicants"):
            who = "、".join(h.alias for h in reading.hits if h.concept.kind == "applicants")
            return self._unknown(f"年报的{label(query, self.cat)}数字不按申请人（{who}）分列，报告中没有这一项。")
        if _ASKS_RATE.search(slots.rest) and query.kind != "rate":
            # “办结率” names 办结 but asks a rate: only a rate the report states will do
            return self._try_prose(reading.words, slots, q) or self._unknown(
                f"年报没有直接给出这个比率；可以问{label(query, self.cat)}的数字。")
        if not query.choices and together.SUM_WORDS.search(slots.rest) and (two := together.collapsed(reading)):
            return self._unknown(f"没能把“{two[0]}”和“{two[1]}”读成两个可以相加的数字；可以分别问它们的数字。")
        if query.choices and together.SUM_WORDS.search(slots.rest) and together.addable(query.choices, q):
            chosen = self._reports(slots, q)  # 予以公开和部分公开一共多少件
            if isinstance(chosen, Answer) or len(chosen.reports) == 1:
                return chosen if isinstance(chosen, Answer) else self.executor.total(together.settled(query.choices), chosen.reports[0])
        if isinstance(query := on_cut_page(self, query, reading, slots, q), Answer):  # tables cut off: the text
            return query
        same_row = query.kind == "active" and all(c.row == query.row for c in query.choices)
        if query.choices and not same_row:  # one table-二 row: the report's template decides
            return each.items(self, query, slots, q) or self._clarify_fields(query, slots, q)
        plan = self._reports(slots, q)
        if isinstance(plan, Answer):
            return plan
        if slots.resolution.note and slots.agency:
            plan.notes.insert(0, slots.resolution.note)
        if len(plan.reports) == 1:
            r = plan.reports[0]
            ans = self.compose.one(query, r)
            said = ans.text.split("\n")[1:-1]  # the section's text between its name and the source line
            if query.section == "六.fee" and ans.status == "answered" and not any("费" in line for line in said):
                return self._unknown(f"{r.agency}{r.year}年的年报没有提到信息处理费（其他需要报告的事项："
                                     f"{''.join(said)[:40]}）。")
            if ans.status == "unknown" and query.kind == "active":
                ans = select.uncertain_by_prose(self, ans, r, reading.words, slots, q) or ans
        else:
            ans = self.compose.many(query, plan.reports, compare=bool(_COMPARE.search(slots.rest)))
            if together.asks_sum(slots.rest):  # 平潭2021年和2023年一共…: the years' figures added
                rs = sorted(plan.reports, key=lambda r: r.year)
                got = [(r.year, self.compose.one(query, r)) for r in rs]
                lacking = sorted({y for y in slots.years if y not in {r.year for r in rs}}  # not loaded, or no figure
                                 | {y for y, x in got if x.status != "answered" or x.value is None})
                ans = together.over_years(ans, rs[0].agency, label(query, self.cat), got, [f"{y}年" for y in lacking])
        if plan.notes:
            ans.text = "；".join(plan.notes) + "。\n" + ans.text
        return ans

    # ------------------------------------------------------------------ pieces
    def _try_prose(self, words: list[str], slots: Slots, q: str) -> Answer | None:
        """A figure from the report's sentences, when one clearly fits."""
        plan = self._reports(slots, q)
        m = _UNIT_HINT.search(q)
        hint = "%" if _ASKS_RATE.search(slots.rest) else ({"钱": "元"}.get(m.group(1), m.group(1)) if m else None)
        named = named_concept(slots.rest, self.lex)
        stem = prose.stated_stem(slots.rest, self.ops)
        about = self.reading(slots.rest)

        def ranked(rid: str) -> list[ProseMatch]:
            return prose.naming(prose.stating(best_prose(words, self.kb.prose(rid), hint, named), stem), words, about, self.lex)

        if isinstance(plan, Answer):
            if plan.status != "clarify":
                return plan if "没有" in plan.text else None
            # ask “which report?” only when some candidate report does have such a figure
            fits = any(r.score >= prose.PROSE_MIN for rep in select.candidates(self.kb, slots) for r in ranked(rep.id)[:1])
            return plan if fits else None
        asks_year = bool(slots.years or slots.relative)
        picks = [(r, prose.pick(ranked(r.id), slots.rest, asks_year)) for r in plan.reports]
        if len(picks) > 1:  # several years: each year's figure, said where there is none
            name = named[1] if named else "".join(w for w in words if len(w) >= 2)
            return prose.over_years(self.compose, picks, name)
        report, got = picks[0]
        if got is None:
            return None
        top, rivals = got
        counts = [x for x in (top, *rivals) if x.fact.unit != "%"]
        if hint != "%" and counts and len(counts) <= len(rivals):  # a share (占21%) answers only a question for one
            top, rivals = counts[0], counts[1:]
        if rivals:
            who = f"{short_name(report.agency, self.agency_index)}{report.year}年"
            options = [who + re.sub(rf"^{report.year}年度?", "", prose.as_question(x.fact)) for x in (top, *rivals[:3])]
            return Answer(status="clarify", text="报告中有几处相近的数字，您问的是哪一个？\n" + _numbered(options),
                          agency=report.agency, year=report.year, options=options)
        return self.compose.prose(top.fact, report)

    def _reports(self, slots: Slots, q: str) -> _Plan | Answer:
        """The report(s) a question is about, or an unknown/clarify answer."""
        plan = _Plan()
        agency = slots.agency
        agencies = [agency] if agency else list(self.kb.years)
        years = list(slots.years)
        if slots.relative or slots.recent:
            if len(agencies) > 1:
                return self._clarify_agency(agencies, q, None)
            newest = self.kb.years[agencies[0]][-1]
            if slots.recent:
                years = [y for y in self.kb.years[agencies[0]] if y > newest - slots.recent]
                plan.notes.append(f"按已载入的最近{slots.recent}个年度理解（{'、'.join(map(str, years))}年）")
            else:
                shift = {"前年": 1}.get(slots.relative or "", 0)  # 去年, 上(一)年(度), 前一年, 今年: the newest
                years = [newest - shift]
                plan.notes.append(f"“{slots.relative}”按已载入的最新年度{newest}年理解"
                                  + ("的前一年" if shift else ""))
        if years:
            if agency:
                with_year = [agency] if any(y in self.kb.years[agency] for y in years) else []
            else:
                with_year = sorted(set().union(*(self.kb.agencies_in.get(y, set()) for y in years)))
            if not with_year:
                who = agency or "已载入的任何机关"
                return self._unknown(f"知识库中没有{who}{'、'.join(map(str, years))}年的年报。已载入：{self._loaded()}。")
            if agency is None and len(with_year) > 1:
                return self._clarify_agency(with_year, q, years)
            a = with_year[0]
            missing = [y for y in years if y not in self.kb.years[a]]
            if missing:
                plan.notes.append(f"没有{'、'.join(map(str, missing))}年的年报")
            plan.reports = [self.kb.report_of[(a, y)] for y in years if y in self.kb.years[a]]
            return plan
        if len(agencies) > 1:
            return self._clarify_agency(agencies, q, None)
        a = agencies[0]
        if len(self.kb.years[a]) > 1:
            if len(q) > LONG_QUESTION:
                return self._too_long()
            options = [f"{y}年{_strip_year(q)}" for y in reversed(self.kb.years[a])]
            return Answer(status="clarify", agency=a, options=options,
                          text=f"{a}有{len(options)}个年度的年报，您问的是哪一年？\n" + _numbered(options))
        plan.reports = [self.kb.report_of[(a, self.kb.years[a][0])]]
        return plan

    def _named(self, slots: Slots, q: str) -> Answer | None:
        """The question back when the agency words name several loaded bodies, or nearly name one."""
        res = slots.resolution
        if res.suggest and res.said:
            return self._suggest(res.said, res.suggest, q)
        if res.options:
            return self._clarify_agency(res.options, q, slots.years or None, said=res.said)
        return None

    def _suggest(self, said: str, guess: str, q: str) -> Answer:
        """“您是指…吗？”: a loaded name one character away from what was said, never answered silently."""
        option = q.replace(said, guess) if said in q else guess + q  # said twice: corrected twice
        return Answer(status="clarify", options=[option],
                      text=f"知识库中没有“{said}”的年报。您是指“{guess}”吗？\n" + _numbered([option]))

    def _clarify_agency(self, agencies: list[str], q: str, years: list[int] | None,
                        said: str | None = None) -> Answer:
        if len(q) > LONG_QUESTION:
            return self._too_long()
        shown = agencies if said else sorted(agencies)
        options = [q.replace(said, a, 1) if said and said in q else f"{short_name(a, self.agency_index)}{q}"
                   for a in shown[:LIST_MAX]]
        every = years and all(set(years) <= set(self.kb.years.get(a, ())) for a in agencies)
        when = f"{'、'.join(map(str, years))}年" if every else ""  # never claimed of a body lacking one
        more = f"（只列出前{LIST_MAX}个，请在问题中写明机关）" if len(agencies) > LIST_MAX else ""
        head = (f"“{said}”可以指{len(agencies)}个已载入的机关" if said
                else f"知识库中有{len(agencies)}个机关{when}的年报")
        ask = f"{head}，您问的是哪一个？{more}"
        if said and len(agencies) == 1:  # another place's body than the one talked about
            ask = f"“{said}”是指{agencies[0]}吗？"
        return Answer(status="clarify", options=options, year=years[0] if years and len(years) == 1 else None,
                      text=f"{ask}\n" + _numbered(options))

    def _clarify_fields(self, query: Query, slots: Slots, q: str) -> Answer:
        if len(q) > LONG_QUESTION:
            return self._too_long()
        labels = [label(c, self.cat) for c in query.choices]
        prefix = ""
        if slots.agency:
            prefix += short_name(slots.agency, self.agency_index)
        if slots.years:
            prefix += "、".join(map(str, slots.years)) + "年"
        options = [f"{prefix}{lab}是多少" for lab in labels]
        return Answer(status="clarify", options=options, agency=slots.agency,
                      year=slots.years[0] if len(slots.years) == 1 else None,
                      text="这个问题可以有几种理解，您问的是哪一个？\n" + _numbered(options))

    def _loaded(self, first: list[str] | None = None) -> str:
        """The loaded agencies and their years, those of the region asked about first."""
        front = [a for a in (first or []) if a in self.kb.years]
        rest = ((a, ys) for a, ys in self.kb.years.items() if a not in front)
        # only LIST_MAX are shown: take them lazily, count the rest (thousands of bodies at scale)
        items = [(a, self.kb.years[a]) for a in front[:LIST_MAX]] + list(islice(rest, max(0, LIST_MAX - len(front))))
        total = len(front) + len(self.kb.years) - len(set(front))
        shown = "；".join(f"{a}（{'、'.join(map(str, ys))}年）" for a, ys in items[:LIST_MAX])
        return shown + (f"等{total}个机关" if total > LIST_MAX else "")

    def _too_long(self) -> Answer:
        return self._unknown("问题太长了，请一次只问一件事，例如：" + "；".join(self.examples(2)))

    @staticmethod
    def _unknown(text: str) -> Answer:
        return Answer(status="unknown", text=text)


def _numbered(options: list[str]) -> str:
    return "\n".join(f"{i}. {o}" for i, o in enumerate(options, 1))


def _strip_year(q: str) -> str:
    return re.sub(r"(?<!\d)(19|20)\d{2}(年度|年)?", "", q)
