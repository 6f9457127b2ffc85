"""The reports a plan's operation runs over, then its execution: two points for a difference or
growth, one body's years for a series or “哪年”, each body once for “哪个单位” and “各单位”."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.reply import items, suggest, together
from bot.reply.execute import Executor, Measure
from bot.understand.agencies import same_government, short_name, without_bodies
from bot.understand.extract import Slots
from bot.understand.names import GOV
from bot.understand.plan import QueryPlan, scan
from bot.understand.resolve import Query, label, resolve
from knowledge.models import Answer, Report

if TYPE_CHECKING:
    from bot.reply.answer import Answerer
    from knowledge.kb import KnowledgeBase


def _loaded_years(a: Answerer, agency: str, years: list[int]) -> tuple[list[int], list[int]]:
    have = a.kb.years.get(agency, [])
    return [y for y in years if y in have], [y for y in years if y not in have]


def _one_agency(a: Answerer, slots: Slots, q: str) -> str | Answer:
    """The body a “哪年/历年” question is about, or which of those named or loaded with a year asked."""
    if slots.agency and len(slots.agencies) == 1:
        return slots.agency
    pool = slots.agencies or list(a.kb.years)
    if not (having := [x for x in pool if a.agency_index.has_year(x, slots.years)]) and len(pool) > 1:
        return a._unknown(f"知识库中没有{'、'.join(slots.agencies) or '已载入的任何机关'}"
                          f"{'、'.join(map(str, slots.years))}年的年报。已载入：{a._loaded()}。")
    pool = having or pool
    return pool[0] if len(pool) == 1 else a._clarify_agency(
        pool, without_bodies(q, a.agency_index) if slots.agencies else q, list(slots.years) or None)


def _years_of(a: Answerer, plan: QueryPlan, slots: Slots, agency: str) -> tuple[list[int], list[int]]:
    """The years of one body a series or “哪年” runs over, and the years asked for but not loaded."""
    have = a.kb.years.get(agency, [])
    if slots.years or slots.recent:
        wanted = sorted(slots.years) or list(range(have[-1] - slots.recent + 1, have[-1] + 1))
        return _loaded_years(a, agency, wanted)
    return list(have), [y for y in range(have[0], have[-1] + 1) if y not in have] if have else []


_BODY_WORDS = re.compile(r"部门|局|委|办|厅|科|中心")


def _pool(a: Answerer, slots: Slots) -> list[str]:
    """The bodies a “哪个单位/各部门” question runs over: those named; the bodies of a region named alone
    (“平潭哪个部门…” — never another region's); else every loaded body."""
    if len(slots.agencies) >= 2:
        return list(slots.agencies)
    if len(slots.agencies) == 1:
        index = a.agency_index
        s = index.splits.get(slots.agencies[0])
        if s is None or s.kind != GOV or not s.path:
            return list(slots.agencies)
        inside = sorted(index.region_agencies({s.path[-1]}) & set(a.kb.years))
        if _BODY_WORDS.search(slots.rest):  # 部门/局: the region's departments, not its government
            inside = [ag for ag in inside if ag != slots.agencies[0]] or inside
        return inside
    return list(a.kb.years)


def _bodies(a: Answerer, slots: Slots) -> tuple[list[Report], list[str], str]:
    """Each body once (for “哪个单位”, “各单位”): its report of the year asked, else its newest."""
    pool = _pool(a, slots)
    reports, missing = [], []
    for ag in pool:
        have = a.kb.years.get(ag, [])
        if slots.years:
            got = [y for y in slots.years if y in have]
            reports += [a.kb.report_of[(ag, y)] for y in got]
            missing += [f"{ag}{y}年（未载入）" for y in slots.years if y not in have][:1]
        elif have:
            reports.append(a.kb.report_of[(ag, have[-1])])
    note = "" if slots.years or all(len(a.kb.years[r.agency]) == 1 for r in reports) else "各机关取已载入的最新年度；"
    return reports, missing, note


def _point(a: Answerer, agency: str | None, year: int | None, other: int | None) -> Report | str:
    """The report of one side of a comparison; a side without a year takes the other side's, else its only one."""
    if agency is None:
        return "请写明要比较的机关。"
    have = a.kb.years.get(agency, [])
    if year is None:
        year = other if other in have else (have[0] if len(have) == 1 else None)
    if year is None:
        return f"请写明{agency}的年份（已载入{'、'.join(map(str, have))}年）。"
    if year not in have and (twin := same_government(a.agency_index, a.kb.years, agency, year)):
        return a.kb.report_of[(twin, year)]
    if year not in have:
        return f"知识库中没有{agency}{year}年的年报。已载入：{a._loaded()}。"
    return a.kb.report_of[(agency, year)]


_CHANGE = re.compile(r"增长|增加|上升|提高|下降|减少|降低|回落|持平|同比|较上年|比上年|较去年|比去年")


def _stated_change(a: Answerer, plan: QueryPlan, slots: Slots, q: str, missing: str) -> Answer | None:
    """The other year's report is not loaded, but the one asked states the change itself (访问量同比增长20%): quoted."""
    agency, year = plan.left.agency or slots.agency, plan.left.year
    if agency is None or year is None or (agency, year) not in a.kb.report_of or not missing.startswith("知识库中没有"):
        return None
    one = Slots(years=[year], agency=agency, agencies=[agency], rest=slots.rest)
    growth = {w for w in a.reading(slots.rest).words if any(k == "growth" for *_, k in scan(w, a.ops))}  # 增长率: 增长 said
    said = a._try_prose([("下降" if "降" in w else "增长") if w in growth else w for w in a.reading(slots.rest).words], one, q)
    if said is None or said.status != "answered" or said.source is None or not _CHANGE.search(said.source.row or ""):
        return None
    said.text = f"{missing.split('已载入')[0]}{year}年的年报自己写明了变化：\n{said.text}"
    return said


def _pair(a: Answerer, plan: QueryPlan, slots: Slots) -> tuple[Report, Report] | str | None:
    """A and B of a difference or growth; None when the question names only one report."""
    single = slots.agencies[0] if len(slots.agencies) == 1 else (next(iter(a.kb.years)) if len(a.kb.years) == 1
                                                                  else None)
    left, right = plan.left, plan.right
    if left.agency or right.agency or left.year or right.year:
        ag_a = left.agency or single or right.agency
        ag_b = right.agency or ag_a
        if ag_a == ag_b and left.agency is None and right.agency and len(slots.agencies) >= 2:
            ag_a = next(x for x in slots.agencies if x != ag_b)
        year_b = right.year
        if ag_a == ag_b and left.agency and not right.agency and len(slots.agencies) == 2:  # A和B相比(2019年): both's
            ag_b, year_b = next(x for x in slots.agencies if x != ag_a), right.year or next((y for y in slots.years if y != left.year), None)
        ra = _point(a, ag_a, left.year, year_b)
        if isinstance(ra, str):
            return ra
        rb = _point(a, ag_b, year_b, ra.year)
        if rb is ra:  # “开封2019年…同比增长多少”: one report; the change it states itself
            named_twice = right.agency or right.year
            return f"比较的两边是同一份年报（{ra.agency}{ra.year}年），请写明另一个年份或机关。" if named_twice else None
        return rb if isinstance(rb, str) else (ra, rb)
    if len(slots.agencies) >= 2:
        ya = slots.years[0] if slots.years else None
        ra, rb = _point(a, slots.agencies[0], ya, None), _point(a, slots.agencies[1], ya, None)
        if isinstance(ra, str) or isinstance(rb, str):
            return ra if isinstance(ra, str) else rb  # type: ignore[return-value]
        return ra, rb
    if single is None:
        return "请写明要比较的机关。"
    years = sorted(set(slots.years))
    got, missing = _loaded_years(a, single, [years[0], years[-1]] if years else [])  # 从2019年到2023年: the ends
    if missing:
        return f"知识库中没有{single}{'、'.join(map(str, missing))}年的年报。已载入：{a._loaded()}。"
    if len(got) < 2:
        return None  # one report: a change the report itself states (“同比增长20%”), read as a plain question
    return a.kb.report_of[(single, got[-1])], a.kb.report_of[(single, got[0])]


def _inside(item: Query | None, named: Query | None) -> Query | None:
    """Of an item's readings, the part of the named total (结果纠正占行政诉讼的比例: 诉讼's); else the item."""
    if item is None or not item.choices or named is None or named.choices:
        return item
    parts = [c for c in item.choices if c.kind == named.kind and c.row == named.row]
    return parts[0] if len(parts) == 1 else item


def _share_total(part: Query, named: Query | None, reading_rows: list[str]) -> Query | None:
    """The total a share is taken of: the one named after 占, else the part's own total."""
    if named is not None:
        return None if named.choices else named
    ancestors = [r for r in reading_rows if part.row and part.row.startswith(r + ".")]
    if ancestors:  # “不予公开中属于行政查询事项的占多少”
        return Query(kind=part.kind, row=ancestors[-1], column=part.column)
    if part.kind == "review":
        if part.column not in (None, "total"):
            return Query(kind="review", row=part.row, column="total")
        if part.row in ("litigation.direct", "litigation.after_review"):
            return Query(kind="review", row="litigation", column="total")
        return None
    if part.kind == "apply":
        if part.row == "apply.new":
            return Query(kind="apply", row="apply.new", column="total") if part.column != "total" else None
        if part.row in ("apply.total", "apply.carried_in", "apply.carried_out"):
            return None
        return Query(kind="apply", row="apply.total", column=part.column or "total")
    return None


def run(a: Answerer, plan: QueryPlan, slots: Slots, q: str) -> Answer | None:
    """Execute a plan; None when its item is nothing to compute with (then answered as a plain question)."""
    ex: Executor = a.executor
    item: Query | None = None
    share_of: Query | None = None
    if plan.over in ("years", "agencies") and not plan.rate:
        bare = a.reading(plan.rest)
        spans = scan(q, a.ops)
        if spans and not bare.hits and not any(len(w) >= 2 for w in bare.unexplained):
            return suggest.which_item(a, q, spans[0][0])  # “平潭三年哪年最多”: of what?
    if plan.rate or plan.op == "share":
        reading = a.reading(plan.rest)
        item = resolve(reading, a.cat)
        if plan.op == "share" or (item is not None and not plan.rate and plan.share_of):
            named = resolve(a.reading(plan.share_of), a.cat) if plan.share_of else None
            item = _inside(item, named)
            if item is None or item.kind not in ("apply", "review") or (item.choices and not together.addable(item.choices, q)):
                return None
            totals = {(t.field_id if t else None) for c in (item.choices or [item])
                      for t in [_share_total(c, named, reading.ids("apply_rows"))]}
            share_of = _share_total(item.choices[0] if item.choices else item, named, reading.ids("apply_rows"))
            if share_of is None or len(totals) != 1 or share_of.field_id == item.field_id:
                return None  # items of different totals (予以公开及行政复议) are not added
    if plan.op in ("rate", "share"):
        several = len(slots.agencies) > 1  # 平潭和洪泽…纠错率: each body's, never the first's alone
        chosen = _bodies(a, slots) if several else a._reports(slots, q)
        if isinstance(chosen, Answer):
            return chosen
        reports, gone = chosen[:2] if isinstance(chosen, tuple) else (chosen.reports, [])
        ms = [ex.measure(plan, r, item, share_of) for r in reports]
        if len(ms) == 1 and not gone:
            return _stated_rate(a, ms[0].answer, slots, q) or ms[0].answer
        plan.op = "each" if several else "series"
        return ex.listing(plan, sorted(ms, key=_by_body) if several else ms, gone, _name(a, plan, item, share_of))
    if plan.op in ("difference", "growth"):
        pair = _pair(a, plan, slots)
        if pair is None:
            return _two_items(a, plan, slots, q) if plan.op == "difference" else None
        if isinstance(pair, str):
            return _stated_change(a, plan, slots, q, pair) or Answer(status="unknown", text=pair)
        ma, mb = (ex.measure(plan, r, item, share_of) for r in pair)
        return ex.combine(plan, ma, mb)
    if plan.over in ("items", "named"):
        chosen = a._reports(slots, q)
        if isinstance(chosen, Answer) or len(chosen.reports) != 1:
            return chosen if isinstance(chosen, Answer) else None
        reading = a.reading(plan.rest)
        item = resolve(reading, a.cat)
        cell = any(h.concept.kind in ("applicants", "review_columns", "active_columns")
                   or (h.alias in a.lex.exclusive and h.concept.kind != "headers") for h in reading.hits) \
            or "总计" in reading.text
        if plan.parts and cell:
            return None  # one cell named (申请人情况 自然人): its figure, not the group's items
        return items.rank(a.compose, chosen.reports[0], item, reading, plan.order or "max", plan.over == "named")
    if item is None and plan.op in ("series", "rank", "each"):
        several = _each_item(a, plan, slots, q)  # 历年自然人和法人: each item's own series
        if several is not None:
            return several
        asked = _one_reading(a, plan, q)  # 历年结果纠正: 复议's or 诉讼's — asked once, not for every year
        if asked is not None:
            return asked
    if plan.over == "years":
        agency = _one_agency(a, slots, q)
        if isinstance(agency, Answer):
            return agency
        years, missing = _years_of(a, plan, slots, agency)
        if not years:
            return Answer(status="unknown", text=f"知识库中没有{agency}{'、'.join(map(str, missing))}年的年报。"
                                                 f"已载入：{a._loaded()}。")
        text = resolve(a.reading(plan.rest), a.cat) if plan.op == "series" else None
        if text is not None and text.kind == "section":  # 历年存在的主要问题: each year's text
            return a.compose.many(text, [a.kb.report_of[(agency, y)] for y in years], compare=False)
        ms = [ex.measure(plan, a.kb.report_of[(agency, y)], item, share_of) for y in years]
        gone = [f"{agency}{y}年（未载入）" for y in missing]
        ans = ex.rank(plan, ms, gone) if plan.op == "rank" else ex.listing(plan, ms, gone, _name(a, plan, item, share_of),
                                                                            missing)
        if plan.op == "series" and together.asks_sum(slots.rest):  # 2019到2023年一共…: the years' figures added
            ans = together.over_years(ans, agency, _name(a, plan, item, share_of), [(m.report.year, m.answer) for m in ms],
                                      [f"{agency}{y}年" for y in missing] + [m.who for m in ms if not m.ok])
        if slots.recent:
            ans.text = f"按已载入的最近{slots.recent}个年度理解（{'、'.join(map(str, years))}年）。\n" + ans.text
        ans.subject = short_name(agency, a.agency_index) + _name(a, plan, item, share_of)
        return ans
    reports, gone, note = _bodies(a, slots)
    if not reports:
        return Answer(status="unknown", text=f"知识库中没有{'、'.join(map(str, slots.years))}年的年报。已载入：{a._loaded()}。")
    ms = [ex.measure(plan, r, item, share_of) for r in reports]
    ans = ex.rank(plan, ms, gone) if plan.op == "rank" else ex.listing(plan, sorted(ms, key=_by_body), gone)
    when = "、".join(map(str, slots.years)) + "年" if slots.years else ""
    if plan.op != "rank" and together.asks_sum(slots.rest) and not note:  # 平潭的部门一共…: the bodies' figures added
        ms = sorted(ms, key=_by_body)
        ans = together.over(ans, [(m.report.agency, m.answer) for m in ms], f"下列{len(ms)}个机关{when}{_name(a, plan, item, share_of)}",
                            [m.who for m in ms if not m.ok] + gone)
    ans.subject = when + (re.sub(r"^本年度?", "", name) if when else name) if (name := _name(a, plan, item, share_of)) else None
    if note:
        ans.text = note + ans.text
    return ans


def _each_item(a: Answerer, plan: QueryPlan, slots: Slots, q: str) -> Answer | None:
    """A series or ranking of several items named apart (自然人和法人): one for each, in one reply."""
    from bot.reply import each, parts

    reading = a.reading(plan.rest)
    query = resolve(reading, a.cat)
    spans = {(h.start, h.end) for h in reading.hits}
    if query is None or not query.choices or len(spans) < 2 or not each.APART.search(plan.rest):
        return None
    got = []
    for c in query.choices:
        name = label(c, a.cat)
        one = run(a, replace(plan, rest=name), slots, q)
        got.append((name, one if one is not None else Answer(status="unknown", text="报告中没有这一项。")))
    return parts.compose(got)


def _one_reading(a: Answerer, plan: QueryPlan, q: str) -> Answer | None:
    """Which reading of a series' or ranking's item (结果纠正: 复议's or 诉讼's), as whole questions; None for one."""
    reading = a.reading(plan.rest)
    query = resolve(reading, a.cat)
    spans = {(h.start, h.end) for h in reading.hits}
    if query is None or not query.choices or len(spans) != 1 or query.kind == "active":
        return None  # several words (自然人和法人) are several items, not one word read two ways
    said = plan.rest[slice(*spans.pop())]
    if q.count(said) != 1:
        return None
    options = [q.replace(said, label(c, a.cat), 1) for c in query.choices]
    return Answer(status="clarify", options=options,
                  text="这个问题可以有几种理解，您问的是哪一个？\n" + "\n".join(f"{i}. {o}" for i, o in enumerate(options, 1)))


def _stated_rate(a: Answerer, computed: Answer, slots: Slots, q: str) -> Answer | None:
    """The computed rate with the report's own sentence stating the same (“不予公开5件，占6.17%”) quoted; never another's."""
    if computed.status != "answered" or computed.value is None or computed.unit != "%":
        return None
    one = Slots(years=[computed.year] if computed.year else [], agency=computed.agency,
                agencies=[computed.agency] if computed.agency else [], rest=slots.rest)
    said = a._try_prose(a.reading(slots.rest).words, one, q)
    if said is None or said.status != "answered" or said.unit != "%" or said.value is None \
            or abs(float(said.value) - float(computed.value)) > 0.006:
        return None
    sentence = said.source.sentence if said.source is not None and said.source.sentence else ""
    where = said.source.section if said.source is not None else ""
    computed.text = computed.text.replace("报告未直接给出，由表中数字计算", "与报告原文所写一致", 1)
    computed.text = computed.text.replace("\n来源", f"\n报告原文（{where}）：“{sentence}”\n来源", 1)
    return computed


def _name(a: Answerer, plan: QueryPlan, item: Query | None, share_of: Query | None) -> str:
    """What a series lists, in words (公开率, 行政复议, 自然人占本年新收的比例 …)."""
    if plan.rate:
        return a.ops.rates[plan.rate].label
    if item is not None and share_of is not None:
        return f"{label(item, a.cat)}占{label(share_of, a.cat)}的比例"
    query = resolve(a.reading(plan.rest), a.cat)
    if query is not None and not query.choices:
        return label(query, a.cat)
    return re.sub(r"(?:是|有)?(?:多少|几)[件条篇次个项家人起期场份元]?$", "", plan.rest.strip(" 的")) or plan.rest


def _by_body(m: Measure) -> tuple[str, int]:
    return (m.report.agency, m.report.year)


def uncertain_by_prose(a: Answerer, ans: Answer, r: Report, words: list[str], slots: Slots,
                       q: str) -> Answer | None:
    """A flattened cell (“77132470”) settled by the report's own sentence, when it quotes one of the
    cell's possible figures for what was asked (本年度制发…77件)."""
    row, _, col = (ans.field or "").partition("/")
    fact = a.kb.cell(r, row, col or None)
    if fact is None or fact.kind != "uncertain" or not fact.candidates:
        return None
    prose = a._try_prose(words, slots, q)
    if prose is None or prose.status != "answered" or prose.value not in fact.candidates:
        return None
    prose.text = f"表中该栏数字连写为“{fact.raw}”，按报告正文：" + prose.text
    return prose


def candidates(kb: KnowledgeBase, slots: Slots, limit: int = 20) -> list[Report]:
    """Loaded reports the question's agency and years allow (the first `limit`: each is read to check it)."""
    out: list[Report] = []
    for agency in [slots.agency] if slots.agency else kb.years:
        for year in kb.years.get(agency, ()):
            if not slots.years or year in slots.years:
                out.append(kb.report_of[(agency, year)])
                if len(out) >= limit:
                    return out
    return out


def _two_items(a: Answerer, plan: QueryPlan, slots: Slots, q: str) -> Answer | None:
    """“收到的申请比办结的多多少”: two items of one report, each side naming its own (None: not that)."""
    than = next(((i, j) for i, j, k in scan(q, a.ops) if k == "than"), None)
    if than is None:
        return None
    qa, qb = resolve(a.reading(q[: than[0]]), a.cat), resolve(a.reading(q[than[1]:]), a.cat)
    if qa is not None and qb is not None and (qa.choices or qb.choices) and not (qa.choices and qb.choices):
        span, amb = ((0, than[0]), qa) if qa.choices else ((than[1], len(q)), qb)
        return suggest.which_side(q, span, a.reading(q[span[0]:span[1]]), [label(c, a.cat) for c in amb.choices], slots)
    if qa is None or qb is None or qa.choices or qb.choices or qa.field_id == qb.field_id \
            or qa.kind not in ("apply", "review", "active") or qb.kind not in ("apply", "review", "active"):
        return None
    chosen = a._reports(slots, q)
    if isinstance(chosen, Answer) or len(chosen.reports) != 1:
        return chosen if isinstance(chosen, Answer) else None
    r = chosen.reports[0]
    ma = Measure(r, a.compose.one(qa, r), label(qa, a.cat, r.template))
    mb = Measure(r, a.compose.one(qb, r), label(qb, a.cat, r.template))
    return a.executor.combine(plan, ma, mb)
