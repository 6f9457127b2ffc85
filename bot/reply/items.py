"""Items of one report's table compared: which is largest or smallest (“哪类申请人最多”, “不予公开的原因中哪个最多”,
“行政复议结果哪种最多”: the parts the template prints for a total — applicant columns, the reasons of a group
row, the results of 行政复议/行政诉讼 —, each a cell of the report; blank, “/” and uncertain cells are named,
never ranked as 0); which of the items a question names is more (“行政复议和行政诉讼哪个多”: both figures and
the difference; one without a figure, and none is compared); and items named apart that no one field holds,
each asked on its own (`apart`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.reply import caveats, parts, together
from bot.reply.compose import REVIEW_PARTS, Composer, cite, num
from bot.reply.each import said_when
from bot.reply.execute import dec, show
from bot.understand.agencies import short_name
from bot.understand.extract import Slots
from bot.understand.match import Reading
from bot.understand.resolve import REVIEW_GROUP_LABEL, Query, label
from knowledge.fact_index import fmt
from knowledge.models import Answer, Fact, Report

if TYPE_CHECKING:
    from bot.reply.answer import Answerer

SHOWN = 6  # items listed after the first


def _parts(c: Composer, r: Report, item: Query | None, reading: Reading) -> tuple[str, list[tuple[str, Fact | None]]]:
    """The group's name and its items (label, cell or None when the report gives no cell)."""
    asks_applicants = "申请人" in reading.text and (item is None or item.kind == "apply")  # 予以公开的申请人中哪类最多
    if reading.has("applicants") or asks_applicants or "apply.applicants" in reading.ids("headers"):
        row = item.row if item is not None and item.kind == "apply" and item.row else "apply.new"
        cols = [x for x in c.cat.apply_columns if x.id not in ("total", "legal_person")]
        who = "申请人"
        named = set(reading.ids("applicants"))
        groups = [d for d in c.cat.apply_derived_columns if d["id"] in named]
        if groups and named <= {d["id"] for d in groups}:  # 法人或其他组织中哪类最多: its own columns only
            cols = [x for x in cols if any(x.id in d["sum_of"] for d in groups)]
            who = "、".join(d["label"] for d in groups)
        name = who if row == "apply.new" else f"{label(Query(kind='apply', row=row), c.cat, r.template)}的{who}"
        return name, [(x.label, c._fact(r, row, x.id)) for x in cols]
    if item is None or item.choices:
        return "", []
    if item.kind == "review":
        if item.row == "litigation" and item.column in (None, "total") and "结果" not in reading.text:
            return "行政诉讼", [(REVIEW_GROUP_LABEL[g], c._fact(r, g, "total"))
                              for g in ("litigation.direct", "litigation.after_review")]
        labels = {x.id: x.label for x in c.cat.review_columns}
        group = item.row or "review"
        return f"{REVIEW_GROUP_LABEL.get(group, '')}结果", [(labels[p], c._fact(r, group, p)) for p in REVIEW_PARTS]
    if item.kind == "apply" and item.row:
        row = c.cat.row(item.row)
        terms = (row.sum_of or row.sum_of_2021) if row is not None else ()
        name = label(Query(kind="apply", row=item.row), c.cat, r.template)
        if item.row == "apply.total":  # 办理结果: （一）予以公开 …（六）其他处理, the template's own sum rule
            terms = next(tuple(x["right"]) for x in c.cat.raw["apply"]["rules"] if x["id"] == "apply.results")
            name = "办理结果"
        children = [(t, c.cat.row(t)) for t in terms]
        return name, [
            (child.short, c._fact(r, t, item.column or "total")) for t, child in children if child is not None]
    return "", []


def rank(c: Composer, r: Report, item: Query | None, reading: Reading, order: str, named: bool = False) -> Answer | None:
    """The items of one group in one report, largest first (smallest for 最少); None when the question
    names no group with items.  named: the items the question names, compared (compare)."""
    if named:
        return compare(c, r, item.choices, reading, order) if item is not None else None
    name, parts = _parts(c, r, item, reading)
    if not parts:
        return None
    counted = [(lab, f) for lab, f in parts if f is not None and f.kind in ("number", "zero") and f.value is not None]
    other = [lab for lab, f in parts if (lab, f) not in counted]
    who = f"{r.agency}{r.year}年"
    if not counted:
        return Answer(status="unknown", agency=r.agency, year=r.year,
                      text=f"{who}的年报没有给出{name}各项的数字，无法比较。")
    counted.sort(key=lambda lf: lf[1].value or 0, reverse=order != "min")
    best = counted[0][1].value
    tops = [lab for lab, f in counted if f.value == best]
    unit = counted[0][1].unit or "件"
    word = "最少" if order == "min" else "最多"
    head = (f"{who}{name}中{word}的是{'、'.join(tops)}（{'各' if len(tops) > 1 else ''}{fmt(best)}{unit}）")
    listed = "、".join(f"{lab}{fmt(f.value)}{f.unit or '件'}" + ("（报告未单列，由分项相加）" if f.derived_from else "")
                      for lab, f in counted[: SHOWN + 1])
    more = f"等{len(counted)}项" if len(counted) > SHOWN + 1 else ""
    text = f"{head}。依次为：{listed}{more}"
    if other:
        text += f"；{'、'.join(other)}报告未给出数字，未参加比较"
    top = counted[0][1]
    caveats.used(r, *(f for _, f in counted))
    ans = Answer(status="answered", value=num(best), unit=unit, agency=r.agency, year=r.year,
                 section=top.source.section, field=f"{top.row}/{top.column}", source=top.source,
                 report_title=r.title, text=f"{text}。\n{cite(r, top.source)}")
    ans.ranking = [{"agency": r.agency, "year": r.year, "item": lab, "value": num(f.value)} for lab, f in counted]
    return ans


def apart(a: Answerer, slots: Slots, pieces: tuple[list[str], str], q: str) -> Answer:
    """Items of different tables or of the text, named apart (主动公开政府信息和行政复议分别多少): each asked as
    its own question of the body and time asked, answered or given its reason in one line (bot.reply.parts)."""
    chosen = a._reports(slots, q)
    if isinstance(chosen, Answer):  # which year? / not loaded: asked of the whole question, as for one item
        return chosen
    named, ask = pieces
    who, when = short_name(slots.agency or "", a.agency_index), said_when(slots)
    got = [(item, a.answer_one(who + when + item + ask)) for item in named]
    ans = parts.compose([(f"{slots.agency}{when}{item}", x) for item, x in got])
    if len(chosen.reports) == 1:  # items of one report: a breakdown, not a series of bodies
        ans.agency, ans.year = chosen.reports[0].agency, chosen.reports[0].year
        ans.breakdown = [(item, x.value) for item, x in got] if ans.series else []
        ans.series = []
    return ans


def _told_apart(choices: list[Query], reading: Reading) -> bool:
    """Whether the readings are the things the question names apart: any two differ only in rows or columns it
    names (行政复议 | 行政诉讼; 自然人 | 法人) — not one word read two ways (结果维持: 复议's or 诉讼's)."""
    said = {h.concept.id for h in reading.hits}
    return len(choices) >= 2 and all(
        all(x == y or (x in said and y in said) for x, y in ((p.row, q.row), (p.column, q.column)))
        for i, p in enumerate(choices) for q in choices[i + 1:])


def compare(c: Composer, r: Report, choices: list[Query], reading: Reading, order: str) -> Answer | None:
    """“行政复议和行政诉讼哪个多”: each item named with its figure, which is more (less, for 哪个少) and by how
    much; None when they are not things named apart, or one has no figure, or their units differ (then each is
    answered on its own, saying why)."""
    if not _told_apart(choices, reading):
        return None
    got = [(label(q, c.cat, r.template), c.one(q, r)) for q in together.settled(choices)]
    if any(x.status != "answered" or x.value is None for _, x in got) or len({x.unit for _, x in got}) != 1:
        return None
    unit = got[0][1].unit or ""
    ordered = sorted(got, key=lambda lx: dec(lx[1].value), reverse=order != "min")  # type: ignore[arg-type]
    (top, x), (nxt, y) = ordered[0], ordered[1]
    hi, lo = sorted((dec(x.value), dec(y.value)), reverse=True)  # type: ignore[arg-type]
    formula = f"{show(hi)} − {show(lo)} = {show(hi - lo)}"
    word = "少" if order == "min" else "多"
    figures = "，".join(f"{lab}{fmt(a.value)}{unit}" + (f"（报告未单列，由分项相加：{a.formula}）" if a.formula else "")
                        for lab, a in got)
    tied = [lab for lab, a in ordered if a.value == x.value]
    if len(tied) > 1:
        verdict = f"{'、'.join(tied)}一样{word}（各{fmt(x.value)}{unit}）"
    else:
        verdict = (f"{top}比{nxt}{word}" if len(got) == 2 else f"{top}最{word}（{fmt(x.value)}{unit}），比其次的{nxt}{word}") \
            + f"{show(hi - lo)}{unit}（{formula}）"
    cites = list(dict.fromkeys(line for _, a in got for line in a.text.split("\n") if line.startswith("来源：")))
    ans = Answer(status="answered", value=x.value, unit=x.unit, agency=r.agency, year=r.year, section=x.section,
                 field=x.field, source=x.source, report_title=r.title, formula=formula,
                 text=f"{r.agency}{r.year}年{figures}。{verdict}。\n" + "\n".join(cites))
    ans.ranking = [{"agency": r.agency, "year": r.year, "item": lab, "value": a.value} for lab, a in ordered]
    ans.sources = [s for _, a in got for s in a.sources]
    return ans
