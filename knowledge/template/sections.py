"""The six section headings of a report, found in order, with their text and line ranges.

Headings may stand on their own line (`## 一、总体情况`) or sit inline in a crawled one-line body
(`…联系。一、总体情况2019年，…`).  Table rows such as `一、本年新收…` or `四、结转下年度继续办理`
and the intro sentence that lists the section names without numerals do not match.

Some bodies (上海市 departments) number their own sections (一、总体情况 二、工作机制保障 三、主动公开
工作情况 …) and attach the national tables after them under other numerals (一、主动公开政府信息情况
二、收到和处理政府信息公开申请情况 …).  `find_named` reads those by name: the tables' headings give
二/三/四, the body's own headings before the tables are parts of 一 (the template's 总体情况), and
其他需要报告的事项 is 六.  When section 五 has no heading of its own (lost in a PDF conversion, or
printed only as sub-heads such as `（一）主要问题`), the text after table 四 that opens with such a
sub-head becomes 五, under a heading that says it was not printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.models import Document, Line, Section

PREFACE_ID = "序"
PREFACE_HEADING = "前言"
_SEP = r"\s*[、.．]\s*"
_GAP = r"[^。\n\d、：:]{0,16}?"


def _spaced(pattern: str) -> re.Pattern[str]:
    """Allow spaces and line breaks between the Chinese characters of a heading (PDF text)."""
    return re.compile(re.sub(r"([\u4e00-\u9fff])(?=[\u4e00-\u9fff])", r"\1\\s*", pattern))


HEADINGS: dict[str, re.Pattern[str]] = {
    "一": _spaced(rf"(?<![（(])一{_SEP}总体情况"),
    "二": _spaced(rf"(?<![（(])二{_SEP}(?:行政机关)?主动公开政府信息(?:的)?情况"),
    "三": _spaced(rf"(?<![（(])三{_SEP}收到和处理政府信息公开申请(?:的)?情况"),
    "四": _spaced(
        rf"(?<![（(])四{_SEP}{_GAP}行政法?复议(?:、|，|,|和|及|与)?[^。\n\d]{{0,8}}?行政诉讼(?:的)?情况"
    ),
    "五": _spaced(
        rf"(?<![（(])五{_SEP}{_GAP}(?:存在的?主要问题|存在的?问题|主要问题)(?:及|和)?(?:其)?(?:改进)?(?:情况|措施)?"
    ),
    "六": _spaced(rf"(?<![（(])六{_SEP}其他需要报告的事项"),
}
_BODY_MARK = re.compile(r"^\s*=+\s*正文\s*=+\s*$")
_NUMERAL = "[一二三四五六七八九十]{1,2}"
# the template's section names under any numeral, at the start of a line (a body's own numbering)
NAMED: dict[str, re.Pattern[str]] = {
    sid: re.compile(r"^[#\s]*" + p.pattern.replace("(?<![（(])" + sid, _NUMERAL, 1), re.M)
    for sid, p in HEADINGS.items()
}
_TOP = re.compile(rf"^[#\s]*{_NUMERAL}\s*[、.．]\s*[^\s。；，\d][^。；]{{1,28}}$")
_PROBLEMS_HEAD = re.compile(
    rf"^[#\s]*(?:[（(]\s*{_NUMERAL}\s*[）)]|{_NUMERAL}\s*[、.．])\s*[^。；]{{0,24}}?"
    r"(?:存在的?(?:主要)?问题|主要问题|改进情况|改进措施)[^。；]{0,16}$"
)
NO_HEADING_FIVE = "五、存在的主要问题及改进情况（原文无此标题）"


@dataclass
class Span:
    """One section: id, printed heading, and character offsets into Layout.text."""

    id: str
    heading: str
    start: int  # where the heading starts
    body: int  # where the text after the heading starts
    end: int  # where the next heading starts


@dataclass
class Layout:
    """The document as one string (lines joined by newlines) plus each line's offset."""

    lines: list[Line]
    text: str
    starts: list[int]
    body_start: int  # after any crawler header

    def lines_in(self, span: Span) -> list[Line]:
        """Whole lines that start inside a span's body."""
        return [ln for ln, st in zip(self.lines, self.starts, strict=True) if span.body <= st < span.end]

    def line_at(self, offset: int) -> int:
        """The index of the line holding a character offset."""
        idx = 0
        for i, st in enumerate(self.starts):
            if st > offset:
                break
            idx = i
        return idx


def layout(doc: Document) -> Layout:
    """Join the document's lines; note where the body starts after a crawler header."""
    texts = [ln.text for ln in doc.lines]
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    body_start = 0
    for i, t in enumerate(texts[:40]):
        if _BODY_MARK.match(t):
            body_start = starts[i] + len(t) + 1
    return Layout(doc.lines, "\n".join(texts), starts, body_start)


def _search(lay: Layout, pos: int) -> list[Span]:
    """Headings in template order from pos (missing sections are skipped)."""
    found: list[tuple[str, str, int, int]] = []
    for sid, pattern in HEADINGS.items():
        m = pattern.search(lay.text, pos)
        if m is None:
            continue
        found.append((sid, re.sub(r"\s+", "", m.group(0)), m.start(), m.end()))
        pos = m.end()
    spans = []
    for i, (sid, heading, start, body) in enumerate(found):
        end = found[i + 1][2] if i + 1 < len(found) else len(lay.text)
        spans.append(Span(sid, heading, start, body, end))
    return spans


def find(lay: Layout) -> list[Span]:
    """The section headings, in template order; a table of contents listing them is skipped."""
    spans = _search(lay, lay.body_start)
    empty = [s for s in spans[:-1] if len(lay.text[s.body : s.end].strip()) < 4]
    if len(spans) >= 4 and len(empty) >= len(spans) - 2:  # 目录: headings with nothing between them
        again = _search(lay, spans[-1].body)
        if len(again) >= 3:
            return _five_unheaded(lay, again)
    return _five_unheaded(lay, spans)


def _line_spans(lay: Layout, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, text) of the lines starting in [start, end)."""
    return [(st, ln.text) for ln, st in zip(lay.lines, lay.starts, strict=True) if start <= st < end]


def _five_unheaded(lay: Layout, spans: list[Span]) -> list[Span]:
    """Section 五 found by its sub-heads after table 四, when it has no heading of its own."""
    if any(s.id == "五" for s in spans):
        return spans
    four = next((s for s in spans if s.id == "四"), None)
    if four is None:
        return spans
    lines = _line_spans(lay, four.body, four.end)
    last_row = max(
        (i for i, (st, _) in enumerate(lines) if lay.lines[lay.line_at(st)].kind == "row"), default=-1
    )
    for st, text in lines[last_row + 1 :]:
        if _PROBLEMS_HEAD.match(text):
            own = re.match(r"^[#\s]*五\s*[、.．]", text) is not None  # printed 五、, worded otherwise
            heading = re.sub(r"\s+", "", text.lstrip("# ")) if own else NO_HEADING_FIVE
            body = st + len(text) + 1 if own else st
            five = Span("五", heading, st, min(body, four.end), four.end)
            four.end = st
            return sorted([*spans, five], key=lambda s: s.start)
    return spans


def find_named(lay: Layout) -> list[Span]:
    """Sections by name whatever their numerals (see the module doc); parts of 一 share its id."""
    named: list[tuple[int, int, str, str]] = []  # (start, body, id, heading)
    for sid, pattern in NAMED.items():
        m = pattern.search(lay.text, lay.body_start)
        if m is not None:
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip("# \n"))
            named.append((start, m.end(), sid, re.sub(r"\s+", "", m.group(0).lstrip("# \n"))))
    named.sort()
    tables = [n[0] for n in named if n[2] in ("二", "三", "四")]
    one = next((n[0] for n in named if n[2] == "一"), None)
    if one is not None and tables:
        taken = {n[0] for n in named}
        for st, text in _line_spans(lay, one + 1, min(tables)):
            if st not in taken and _TOP.match(text):
                heading = re.sub(r"\s+", "", text.lstrip("# "))
                named.append((st, st + len(text), "一", heading))
    named.sort()
    spans = [
        Span(sid, heading, start, body, named[i + 1][0] if i + 1 < len(named) else len(lay.text))
        for i, (start, body, sid, heading) in enumerate(named)
    ]
    return _five_unheaded(lay, spans)


def preface(lay: Layout, spans: list[Span], title: str | None) -> Span | None:
    """The text before section 一 (after the title lines), as a pseudo-section, when there is any."""
    end = spans[0].start if spans else len(lay.text)
    start = lay.body_start
    bare = re.sub(r"[\s#*]+", "", title or "")
    for st, ln in zip(lay.starts, lay.lines, strict=True):
        if st < start:
            continue
        line = re.sub(r"[\s#*]+", "", ln.text)
        if st >= end or not bare or not line:
            break
        if line in bare or (bare in line and len(line) < 2 * len(bare)):
            start = min(st + len(ln.text) + 1, end)  # a title line (or the title split over two lines)
            continue
        break
    if not lay.text[start:end].strip():
        return None
    return Span(PREFACE_ID, PREFACE_HEADING, start, start, end)


def sections(lay: Layout, spans: list[Span]) -> list[Section]:
    """Section records: id, heading as printed, and the section's text (parts of one id joined)."""
    out: list[Section] = []
    last: dict[str, Span] = {}
    for s in spans:
        if s.id in last:
            first = next(x for x in out if x.id == s.id)
            first.text = lay.text[_body_of(spans, s.id) : s.end].strip()
            continue
        last[s.id] = s
        out.append(Section(s.id, s.heading, lay.text[s.body : s.end].strip()))
    return out


def _body_of(spans: list[Span], sid: str) -> int:
    return next(s.body for s in spans if s.id == sid)
