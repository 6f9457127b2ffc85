"""Replies composed from other replies' parts: the figure line and quote of each answered part, one
short reason for each part without a figure, the sources last — never one reply's whole text pasted
into another (no “可以问：…” examples, no numbered options, no second source line inside a line).
"""

from __future__ import annotations

import re

from knowledge.models import Answer

_SOURCE = re.compile(r"^来源：")
_TAIL = re.compile(r"[。；;，,]?(?:可以问|已载入|例如|年报只统计)[：:].*$")


def reason(ans: Answer) -> str:
    """Why an answer gives no figure, in one short clause of its own words."""
    first = ans.text.split("\n", 1)[0].strip()
    if ans.status == "answered":  # several figures (each of several items), not one
        return "这一问有几项数字，请分别问"
    if ans.status == "clarify":  # “报告中有几处相近的数字，您问的是哪一个？” → the fact, and what to do
        head = re.split(r"[，,]?您(?:问的|是指)|？|\?", first, maxsplit=1)[0].strip("，,。 ")
        return (head + "，请单独问这一项") if head else "有几种理解，请单独问这一项"
    first = _TAIL.sub("", first)
    if ans.agency and ans.year:  # the part is named already: “平潭2021年（年报中没有找到…）”
        first = first.removeprefix(f"{ans.agency}{ans.year}年的")
    return first.split("。", 1)[0].strip("，,；; ") or "报告中没有这一项"


def not_loaded(ans: Answer) -> bool:
    """Whether an answer says the body or year asked about has no loaded report."""
    return ans.status == "unknown" and ans.text.startswith("知识库中没有")


def headline(ans: Answer) -> str:
    """The line that answers: not a note on how the question was read (按…理解, “去年”按…, 合…万元),
    a quote or a source."""
    lines = body(ans)
    main = [ln for ln in lines if not ln.startswith(("按", "“", "原文：", "没有", "注意"))]
    return (main or lines or [ans.text.strip()])[0].strip()


def body(ans: Answer) -> list[str]:
    """An answered reply's lines without its source lines."""
    return [ln for ln in ans.text.split("\n") if ln and not _SOURCE.match(ln)]


def sources(ans: Answer) -> list[str]:
    """An answer's source lines."""
    return [ln for ln in ans.text.split("\n") if _SOURCE.match(ln)]


def compose(parts: list[tuple[str, Answer]], subject: str | None = None) -> Answer:
    """One reply of several parts (who → its answer): each answered part's lines, each other part as
    “who：reason”, the sources once each at the end; a series of the figures when they share a unit."""
    lines: list[str] = []
    cites: list[str] = []
    got = [a for _, a in parts if a.status == "answered"]
    for who, a in parts:
        if a.status == "answered":
            lines += body(a)
            cites += sources(a)
        else:
            lines.append(f"{who}：{reason(a).removeprefix(f'{who}：')}。")  # a reason naming its part: once
    out = Answer(status="answered" if got else "unknown", text="\n".join(lines + list(dict.fromkeys(cites))),
                 subject=subject)
    if not got:
        return out
    out.sources = [s for a in got for s in a.sources]  # field stays None: several parts, no one cell
    sections = {a.section for a in got}
    out.section = sections.pop() if len(sections) == 1 else None
    units = {a.unit for a in got}
    valued = [a for a in got if a.value is not None]
    if len(units) == 1 and len(valued) >= 2 and len(valued) == len(got):
        out.unit = got[0].unit
        out.series = [{"agency": a.agency, "year": a.year, "value": a.value} | ({"warned": True} if a.warnings else {})
                      for a in valued]  # a part's warnings were attached when it was answered: its point is flagged
    if len(got) == 1:  # one part answered: its figure is the reply's
        one = got[0]
        out.value, out.unit, out.agency, out.year = one.value, one.unit, one.agency, one.year
        out.section, out.source, out.report_title, out.url = one.section, one.source, one.report_title, one.url
        out.warnings = one.warnings
    else:
        out.warnings = list(dict.fromkeys(w for a in got for w in a.warnings))
    return out
