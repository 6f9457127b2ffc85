"""Items named together in one question (予以公开和部分公开一共多少): whether they are to be added, and
two things to add that the template reads as one cell (never answered as that cell)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise

from bot.reply.compose import DEFAULT_ACTIVE_COLUMN
from bot.understand.match import Reading
from bot.understand.resolve import Query
from knowledge.fact_index import fmt
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer, Fact

EACH = re.compile(r"分别|各自|各是|各为|各多少|每项|哪个|哪一")
SUM_WORDS = re.compile(r"一共|合计|总共|共计|加起来|合起来|加在一起|加上|相加|之和|总和")


_JOINED = re.compile(r"^\s*(?:和|与|及|跟|、|加上|以及)\s*$")


def collapsed(reading: Reading) -> tuple[str, str] | None:
    """Two things named apart to be added that the template reads as one cell (“行政复议和行政复议结果维持”:
    the group and its own column): the words of each, so that neither is answered for the sum asked."""
    hits = sorted(reading.hits, key=lambda h: h.start)
    runs: list[list[int]] = []  # hit spans joined without a gap: one thing named
    for h in hits:
        if runs and h.start <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], h.end)
        else:
            runs.append([h.start, h.end])
    for (s1, e1), (s2, e2) in pairwise(runs):
        if _JOINED.match(reading.text[e1:s2]):
            return reading.text[s1:e1], reading.text[s2:e2]
    return None


def addable(items: list[Query], q: str) -> bool:
    """Whether several items named together are to be added: cells of one table (自然人予以公开和商业企业部分公开,
    行政复议结果维持和行政诉讼结果纠正), not asked one by one."""
    if EACH.search(q) or len({c.kind for c in items}) != 1:
        return False
    if items[0].kind == "active":  # table 二: one column of several rows (行政许可和行政处罚的处理决定), never a row's columns
        columns = {c.column for c in settled(items)}
        return len(columns) == 1 and None not in columns
    return items[0].kind in ("apply", "review")


def settled(items: list[Query]) -> list[Query]:
    """Rows of table 二 named without a column in the column each is answered by alone (行政许可和行政处罚:
    their 处理决定数量); a row with no such column (规范性文件: 制发, 废止, 现行有效) keeps none."""
    return [c if c.column or c.kind != "active" else replace(c, column=DEFAULT_ACTIVE_COLUMN.get(c.row or ""))
            for c in items]


_APART = re.compile(r"[\u4e00-\u9fff](?:和|与|及|、|以及)[\u4e00-\u9fff]")
_TOTAL_SAID = re.compile(r"共|合计|总计|累计|总数")


def prose_sum_refused(rest: str, ans: Answer | None, kb: KnowledgeBase | None = None) -> Answer | None:
    """“业务工作和公告公示栏目一共发布多少条”: a sentence's one figure is not the sum of two things asked
    together; unless that sentence states a total, or prints each of the two (the report's prose figures:
    then they are added, with the formula), say so instead of giving one of them."""
    if ans is None or ans.status != "answered" or not SUM_WORDS.search(rest) or not _APART.search(rest):
        return None
    sentence = ans.source.sentence if ans.source is not None and ans.source.sentence else ""
    figure = fmt(ans.value) if ans.value is not None else ""
    at = sentence.find(figure) if figure else -1
    if at >= 0 and _TOTAL_SAID.search(sentence[max(0, at - 8) : at]):  # “…共计发布信息47条”: a total itself
        return None
    r = kb.report_of.get((ans.agency, ans.year)) if kb is not None and ans.agency and ans.year else None
    prose = kb.prose(r.id) if kb is not None and r is not None else []
    if (added := _prose_sum(rest, ans, [f for f in prose if f.source.sentence == sentence])) is not None:
        return added
    said = sentence if len(sentence) <= 80 else "…" + sentence[-80:]  # the figures stand at its end
    return Answer(status="unknown", agency=ans.agency, year=ans.year,
                  text=f"报告正文没有给出这几项加在一起的数字（原文：“{said}”）；可以分别问它们的数字。")


_PARTS = re.compile(r"^(.+?)(?:和|与|及|、|以及)(.+?)(?:一共|合计|总共|共计|加起来|合起来|加在一起|之和|总和)")


def _prose_sum(rest: str, ans: Answer, facts: list[Fact]) -> Answer | None:
    """The two things asked added, each printed once in the answer's sentence with the same unit: their sum."""
    m = _PARTS.match(re.sub(r"\s+", "", rest))
    if m is None:
        return None
    terms: list[Fact] = []
    for part in m.groups():
        part = re.sub(r"(?:的|共|一共)?(?:办理|发布|公开|收到)?(?:的)?$", "", part)
        hits = [f for f in facts if len(part) >= 2 and part in (f.source.row or "") and f.value is not None]
        if len(hits) != 1 or hits[0] in terms:
            return None
        terms.append(hits[0])
    if len({f.unit for f in terms}) != 1:
        return None
    total = sum((Decimal(fmt(f.value)) for f in terms), Decimal(0))
    value = int(total) if total == total.to_integral_value() else float(total)
    unit = terms[0].unit or ""
    formula = " + ".join(fmt(f.value) for f in terms) + f" = {fmt(value)}"
    what = "和".join(m.groups())
    parts = "、".join(f"“{f.source.row}”" for f in terms)
    head = f"{ans.agency}{ans.year}年{what}合计{fmt(value)}{unit}（报告正文分别写有{parts}，由这两个数相加：{formula}）。"
    rest_lines = ans.text.split("\n", 1)[1] if "\n" in ans.text else ""
    return replace(ans, value=value, unit=unit or None, formula=formula, field="sum.prose",
                   breakdown=[(f.source.row or "", f.value) for f in terms], text=f"{head}\n{rest_lines}")


def asks_sum(rest: str) -> bool:
    """Whether a question over several bodies or years asks for their figures added (一共, 合计 …), not each."""
    return bool(SUM_WORDS.search(rest)) and not EACH.search(rest)


def years_said(years: list[int]) -> str:
    """Years added up, as said: a run as 2019—2021年, others one by one (2021年和2023年)."""
    ys = sorted(set(years))
    if len(ys) > 2 and ys == list(range(ys[0], ys[-1] + 1)):
        return f"{ys[0]}—{ys[-1]}年"
    return "和".join(f"{y}年" for y in ys)


def over_years(ans: Answer, agency: str, name: str, got: list[tuple[int, Answer]], lacking: list[str]) -> Answer:
    """`over` for one body's years (平潭2021年和2023年一共…): each year's figure a term, the years said once."""
    return over(ans, [(f"{y}年", x) for y, x in got], agency + years_said([y for y, _ in got]) + name, lacking)


def over(ans: Answer, terms: list[tuple[str, Answer]], head: str, lacking: list[str]) -> Answer:
    """“一共” over several bodies or years (平潭和洪泽一共…, 2019到2023年一共…): the figures listed added up,
    as the reply's first line with the formula — when each has its figure of one item and unit (not a rate:
    rates do not add); else the listing as it was, with why no total is given."""
    got = [x for _, x in terms]
    fields, units = {x.field for x in got}, {x.unit for x in got}
    why = ""
    if lacking:
        why = "缺少" + "、".join(lacking[:3]) + "的数字"
    elif len(fields) != 1 or None in fields or len(units) != 1 or any(x.value is None for x in got):
        why = "各项不是同一类数字"
    elif "%" in units or str(next(iter(fields))).startswith("rate."):
        why = "比率不能相加"
    if why or len(terms) < 2:
        if why and ans.status == "answered":  # the figures found are listed; the total asked for is not given
            ans.text = f"未合计：{why}。\n" + ans.text
            ans.status, ans.value, ans.formula = "unknown", None, None
        return ans
    total = sum((Decimal(fmt(x.value)) for x in got), Decimal(0))
    ans.value = int(total) if total == total.to_integral_value() else float(total)
    unit = got[0].unit or ""
    formula = " + ".join(f"{lab}{fmt(x.value)}" for lab, x in terms) + f" = {fmt(ans.value)}"
    ans.text = f"{head}合计{fmt(ans.value)}{unit}（{formula}；报告未单列此数，由各报告的数字相加）。\n" + ans.text
    ans.unit, ans.formula = unit or None, formula
    ans.breakdown = [(lab, x.value) for lab, x in terms]
    ans.field = "sum." + str(next(iter(fields)))
    return ans
