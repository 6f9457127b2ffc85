"""“各/分别/和”: one question over every body or every item it names (“2023年平潭和洪泽主动公开信息各多少”,
“平潭2023年行政复议和行政诉讼分别多少件”), each part answered as its own question or given its reason in
one line (bot.reply.parts)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.reply import parts, together
from bot.understand.agencies import short_name
from bot.understand.extract import GAP, Slots
from bot.understand.resolve import Query, label
from knowledge.models import Answer

if TYPE_CHECKING:
    from bot.reply.answer import Answerer

_JOIN = re.compile(r"^[和与及、跟同,，\s]+|[和与及、,，\s]+$")
_EACH = re.compile(r"分别|各自|各是|各为|各(?=有?多少|几)|都是多少")
APART = re.compile(r"分别|各自|各是|各为|各(?=有?多少|几)|都是多少|和|与|及|、|以及")  # items named apart


def said_when(slots: Slots) -> str:
    """The time a question names, as words that name it again (2021年和2023年, 近3年, 去年)."""
    if slots.years:
        return "和".join(f"{y}年" for y in slots.years)
    if slots.recent:
        return f"近{slots.recent}年"
    return slots.relative or ""


def bodies(a: Answerer, slots: Slots) -> Answer:
    """The question for each body named, in the order named."""
    when = said_when(slots)
    rest = _JOIN.sub("", _EACH.sub("", slots.rest.replace(GAP, " ")).strip()).replace(" ", "")
    got = [(f"{ag}{w}", a.answer_one(short_name(ag, a.agency_index) + w + rest)) for ag in slots.agencies
           for w in [f"{slots.years_of[ag]}年" if ag in slots.years_of else when]]  # a body's own year, when said
    subject = f"{when}{_item(a, rest)}" if when else _item(a, rest)
    ans = parts.compose(got, subject=subject)
    if together.asks_sum(slots.rest):  # 平潭和洪泽一共…: the bodies' figures added
        lacking = [who for who, x in got if x.status != "answered"]
        years = {x.year for _, x in got}
        ans = together.over(ans, [(x.agency or who, x) for who, x in got], "、".join(slots.agencies) + subject, lacking)
        ans.year = years.pop() if ans.formula and len(years) == 1 else ans.year
    return ans


def items(a: Answerer, query: Query, slots: Slots, q: str) -> Answer | None:
    """Each item named (行政复议和行政诉讼) for the one report asked about; None when the question is not
    one report's, or names its items as one word with several readings (then the caller asks which)."""
    if not APART.search(slots.rest):
        return None
    chosen = a._reports(slots, q)
    if isinstance(chosen, Answer) or len(chosen.reports) != 1:
        return None
    r = chosen.reports[0]
    named = [(label(c, a.cat, r.template), a.compose.one(c, r)) for c in query.choices]
    ans = parts.compose([(f"{r.agency}{r.year}年{name}", x) for name, x in named])
    if ans.series:  # items of one report: a breakdown, not a series of bodies
        ans.breakdown = [(name, x.value) for name, x in named]
        ans.series = []
    ans.agency, ans.year = r.agency, r.year
    return ans


def _item(a: Answerer, rest: str) -> str:
    from bot.understand.resolve import resolve

    q = resolve(a.reading(rest), a.cat)
    if q is not None and not q.choices and (name := label(q, a.cat)):  # a section too: its heading as the template says it
        return name
    return re.sub(r"(?:是|有)?(?:多少|几)[件条篇次个项家人起期场份元]?$", "", rest)
