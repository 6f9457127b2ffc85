"""Bounds on what one document may hold: a hostile file is refused in seconds, with a one-line reason.

A real annual report has a few hundred lines, tables of tens of rows and pages nested a few dozen
elements deep; these limits are orders of magnitude above that.  Cheap counts run before the
expensive parsers (BeautifulSoup, the template), so a file past a limit never gets that far.
"""

from __future__ import annotations

import re

from lxml import etree

from knowledge.errors import TooLarge
from knowledge.models import Document
from knowledge.readers.grid import MAX_GRID, positions

MAX_DEPTH = 150  # HTML elements nested in one another
MAX_ROWS = 5_000  # rows of one table
MAX_CELLS = 200_000  # table cells in one document
MAX_LINES = 50_000  # lines of text in one document

_ROW = re.compile(rb"<tr[\s>/]", re.IGNORECASE)
_CELL = re.compile(rb"<t[dh][\s>/]", re.IGNORECASE)
# the tags that shape a table's grid, in document order (attributes up to the tag's end)
_TABLE_TAG = re.compile(rb"<(/?)(table|tr|td|th)(?=[\s>/])([^>]*)", re.IGNORECASE)
_SPAN = re.compile(rb"""\b(rowspan|colspan)\s*=\s*["']?\s*(\d{1,9})""", re.IGNORECASE)


def _refuse(name: str, what: str, limit: int) -> TooLarge:
    return TooLarge(f"{name}：{what}超过 {limit:,} 的上限，不像一份年度报告，已拒绝（请检查文件是否完整、正确）")


def check_html(data: bytes, name: str) -> None:
    """Refuse a page with too many rows or cells, or nested too deep, before building its tree."""
    if len(_ROW.findall(data)) > MAX_ROWS * 4:
        raise _refuse(name, "网页中的表格行数", MAX_ROWS * 4)
    if len(_CELL.findall(data)) > MAX_CELLS:
        raise _refuse(name, "网页中的表格单元格数", MAX_CELLS)
    if grid_positions(data) > MAX_GRID:  # merged cells: colspan × rowspan, before any grid exists
        raise _refuse(name, "网页表格合并单元格展开后的格数", MAX_GRID)
    parser = etree.HTMLParser(recover=True, huge_tree=False)  # libxml2 stops at 256 levels itself
    root = etree.fromstring(data, parser)
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise _refuse(name, "网页元素嵌套层数", MAX_DEPTH)
    if root is None:
        return
    depth = deepest = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH:
        raise _refuse(name, "网页元素嵌套层数", MAX_DEPTH)


def grid_positions(data: bytes) -> int:
    """Grid positions the page's tables would take once their merged cells are expanded, from the markup alone.

    Every table's rows of (rowspan, colspan), nested tables apart, summed as grid.positions sums them:
    the bound is known before any parser or grid has allocated anything.
    """
    total = 0
    stack: list[list[list[tuple[int, int]]]] = []  # open tables, innermost last: their rows of spans
    for m in _TABLE_TAG.finditer(data):
        closing, tag = m.group(1), m.group(2).lower()
        if tag == b"table":
            if not closing:
                stack.append([])
            elif stack:
                total += positions(stack.pop())
        elif stack and not closing:
            if tag == b"tr":
                stack[-1].append([])
            elif stack[-1]:
                spans = {k.lower(): int(v) for k, v in _SPAN.findall(m.group(3))}
                stack[-1][-1].append((spans.get(b"rowspan", 1), spans.get(b"colspan", 1)))
    return total + sum(positions(rows) for rows in stack)


def check_lines(count: int, name: str) -> None:
    """Refuse a text with too many lines before splitting it into rows."""
    if count > MAX_LINES:
        raise _refuse(name, "文本行数", MAX_LINES)


def check_document(doc: Document, name: str) -> None:
    """Refuse a read document with too many lines, cells, or rows in one table (any reader)."""
    check_lines(len(doc.lines), name)
    cells = sum(len(line.cells) for line in doc.lines)
    if cells > MAX_CELLS:
        raise _refuse(name, "表格单元格数", MAX_CELLS)
    rows: dict[int, int] = {}
    for line in doc.lines:
        if line.kind == "row":
            rows[line.table] = rows.get(line.table, 0) + 1
    if rows and max(rows.values()) > MAX_ROWS:
        raise _refuse(name, "一张表格的行数", MAX_ROWS)
