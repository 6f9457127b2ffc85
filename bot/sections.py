"""The six section headings of a report, found in order, with their text and line ranges.

Headings may stand on their own line (`## 一、总体情况`) or sit inline in a crawled one-line body
(`…联系。一、总体情况2019年，…`).  Table rows such as `一、本年新收…` or `四、结转下年度继续办理`
and the intro sentence that lists the section names without numerals do not match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Document, Line, Section

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
    "五": _spaced(rf"(?<![（(])五{_SEP}{_GAP}存在的?主要问题(?:及|和)?(?:其)?(?:改进)?(?:情况|措施)?"),
    "六": _spaced(rf"(?<![（(])六{_SEP}其他需要报告的事项"),
}
_BODY_MARK = re.compile(r"^\s*=+\s*正文\s*=+\s*$")


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
            return again
    return spans


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
    """Section records: id, heading as printed, and the section's text."""
    return [Section(s.id, s.heading, lay.text[s.body : s.end].strip()) for s in spans]
