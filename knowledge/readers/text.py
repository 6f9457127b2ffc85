"""Plain-text reports: tab- or `|`-separated table rows, markdown headings, crawler-saved pages."""

from __future__ import annotations

import logging
import re

from knowledge.models import Document, Line
from knowledge.readers.encoding import decode_noted

log = logging.getLogger(__name__)

_BODY_MARK = re.compile(r"^\s*=+\s*正文\s*=+\s*$")
_HEADER = re.compile(r"^\s*([^:：\s]{1,12})\s*[:：]\s*(.*?)\s*$")
_URL = re.compile(r"https?://[^\s\"'<>（）()，。]+")
_HEADING = re.compile(r"^\s*(#{1,6})\s+")
_BOLD = re.compile(r"\*\*|__")
_SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")
_TITLE_WORDS = ("年度报告", "年报")
_URL_KEYS = ("原文链接", "原文地址", "来源", "链接", "网址", "url", "URL")


def _split_header(lines: list[str]) -> tuple[dict[str, str], list[str]] | None:
    """For crawler-saved text, the `key: value` header and the body lines after `==== 正文 ====`."""
    for i, raw in enumerate(lines[:40]):
        if _BODY_MARK.match(raw):
            header = {}
            for h in lines[:i]:
                if m := _HEADER.match(h):
                    header.setdefault(m.group(1), m.group(2))
            return header, lines[i + 1 :]
    return None


def _cells(raw: str) -> list[str] | None:
    """The cells of a table row (tabs or `|` separators), or None for a paragraph line."""
    if "\t" in raw.lstrip("\t "):  # a tab after the text; a leading tab alone is indentation
        return [c.strip() for c in raw.split("\t")]
    s = raw.strip()
    if s.startswith("|") or s.count("|") >= 2:
        inner = s[1:] if s.startswith("|") else s
        inner = inner[:-1] if inner.endswith("|") else inner
        return [c.strip() for c in inner.split("|")]
    return None


# a saved page's table cell on a line of its own: a number, a dash, “/”, 无
_VALUE = re.compile(r"^\s*(?:[+-]?\d+(?:\.\d+)?(?:万元|元)?|[/／—\-－–]+)\s*$")
# a line that only closes cells of the row above: `|`, `||`, `3 |` (empty cells saved with a line break)
_CONTINUES = re.compile(r"^\s*(?:\s*(?:[+-]?\d+(?:\.\d+)?|[/／—\-－–]+)?\s*\|)+\s*$")
_LABEL_MAX = 40


def _continues(prev: str | list[str] | None, raw: str) -> bool:
    """Whether raw closes cells of prev, a `label | … |` row of a saved page (not a markdown `| … |` row)."""
    if not isinstance(prev, str) or "\t" in prev or not prev.rstrip().endswith("|") or prev.lstrip().startswith("|"):
        return False
    s = raw.strip()
    return s == "|" * len(s) or (not s.startswith("|") and _CONTINUES.match(s) is not None)


def _opens_row(prev: str | list[str] | None, raw: str) -> bool:
    """Whether raw (`|`) closes the first cell of prev, a label saved on a line of its own (`行政规范性文件`)."""
    return isinstance(prev, str) and raw.strip() == "|" and "|" not in prev and "\t" not in prev \
        and len(prev.strip()) <= _LABEL_MAX and "。" not in prev and not prev.lstrip().startswith("#") \
        and not _VALUE.match(prev)


def _restacked(raws: list[str]) -> list[str | list[str]]:
    """Saved-page tables put back into rows: a `规章 |` line and the `|` lines that close its cells
    become one `|` row; a short label followed by lines that each hold one value (`规章` / `0` / `0` /
    `0`) becomes a row of cells.  Other lines are kept as they are (blank lines dropped)."""
    lines = [r for r in raws if r.strip()]
    out: list[str | list[str]] = []
    i = 0
    while i < len(lines):
        raw = lines[i]
        prev = out[-1] if out else None
        if _continues(prev, raw) or _opens_row(prev, raw):
            out[-1] = str(prev).rstrip() + " " + raw.strip()
            i += 1
            continue
        j = i + 1
        while j < len(lines) and _VALUE.match(lines[j]):
            j += 1
        label = raw.strip()
        if j > i + 1 and not _VALUE.match(raw) and len(label) <= _LABEL_MAX and "。" not in label \
                and "|" not in label and "\t" not in label and not label.startswith("#"):
            out.append([label, *(v.strip() for v in lines[i + 1 : j])])
            i = j
            continue
        out.append(raw)
        i += 1
    return out


def lines_of(text: str) -> list[Line]:
    """Lines of plain text: rows (tabs or `|`, or cells one per line) numbered into tables, other lines
    as paragraphs."""
    out: list[Line] = []
    table = 0
    in_table = False
    for raw in _restacked(text.splitlines()):
        cells = raw if isinstance(raw, list) else _cells(raw)
        if cells is not None and len(cells) > 1:
            if all(not c or _SEPARATOR_CELL.match(c) for c in cells):
                continue  # markdown |---|---| rule
            if not any(cells):
                continue
            if not in_table:
                table += 1
                in_table = True
            out.append(Line(cells=[_BOLD.sub("", c).strip() for c in cells], kind="row", table=table))
            continue
        in_table = False
        line = _BOLD.sub("", _HEADING.sub("", str(raw))).strip()
        if line:
            out.append(Line(cells=[line]))
    return out


def _title(raw_lines: list[str]) -> str | None:
    """The first level-1 markdown heading, else the first line when it names an annual report."""
    for raw in raw_lines:
        if (m := _HEADING.match(raw)) and len(m.group(1)) == 1:
            return _BOLD.sub("", raw[m.end() :]).strip() or None
    first = next((r for r in raw_lines if r.strip()), "")
    first = _BOLD.sub("", _HEADING.sub("", first)).strip()
    return first if any(w in first for w in _TITLE_WORDS) else None


def _url(header: dict[str, str]) -> str | None:
    """The page address from header fields (`原文链接`, `来源`, …), else any URL in the header."""
    for key in _URL_KEYS:
        if (m := _URL.search(header.get(key, ""))) is not None:
            return m.group(0)
    for value in header.values():
        if (m := _URL.search(value)) is not None:
            return m.group(0)
    return None


def read_text(data: bytes, name: str) -> Document:
    """Read a .txt/.md report (form "text", or "crawled" when it has the crawler's header)."""
    text, encoding, notes = decode_noted(data, name)
    raw_lines = text.splitlines()
    crawled = _split_header(raw_lines)
    if crawled is not None:
        header, body = crawled
        doc = Document(source=name, form="crawled", lines=lines_of("\n".join(body)), encoding=encoding,
                       notes=notes)
        doc.title = header.get("标题") or _title(body)
        doc.url = _url(header)
        return doc
    # A plain text file may still open with a few `key: value` lines naming its source.
    header = {m.group(1): m.group(2) for r in raw_lines[:8] if (m := _HEADER.match(r))}
    return Document(
        source=name,
        form="text",
        lines=lines_of(text),
        title=_title(raw_lines),
        url=_url({k: v for k, v in header.items() if k in _URL_KEYS}),
        encoding=encoding,
        notes=notes,
    )
