"""PDF reports: prose lines and ruled tables in page order, tables joined across pages.

Each page's characters, paths and images come from PDFium (pdfium_page.py: C, ≈ 10× faster than
pdfminer's interpreter); pdfplumber finds the ruled tables and groups the characters into lines.

A page with no text layer but a page-sized image (a scan) is read by OCR (ocr.py, imported and its
engine loaded only when such a page turns up); its items join the others as if read from text.
"""

from __future__ import annotations

import io
import logging
import re
from bisect import bisect_left
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.psparser import PSException
from pdfplumber.page import Page
from pdfplumber.table import Table
from pdfplumber.utils import extract_text
from pdfplumber.utils.exceptions import PdfminerException

from knowledge.errors import UnreadableFile
from knowledge.models import Document, Line
from knowledge.readers.pdfium_page import PdfiumPage, font_descents, usable
from knowledge.readers.whitespace import join_wrapped, tidy

log = logging.getLogger(__name__)
# pdfminer warns once per damaged operator (hundreds of lines for one broken file); the reader's own
# one-line reason says what matters
logging.getLogger("pdfminer").setLevel(logging.ERROR)

_PAGE_NUMBER = re.compile(
    r"^[-—–－~〜\s]*(第\s*)?\d{1,4}(\s*页)?(\s*/\s*(共\s*)?\d{1,4}\s*页?)?[-—–－~〜\s]*$"
)
_MARKED_PAGE_NUMBER = re.compile(r"^\s*[-—–－]\s*\d{1,4}\s*[-—–－]\s*$|^\s*第\s*\d{1,4}\s*页")
_CID = re.compile(r"\(cid:\d+\)")  # glyphs pdfminer could not map to characters
_HAN = re.compile(r"[\u4e00-\u9fff]")
_X_TOLERANCE = 3.0  # points: cell edges closer than this are the same column boundary
_SCAN_MIN_CHARS = 20  # fewer text-layer characters than this on a page covered by an image: a scan
_CORRUPT = (PdfminerException, PSException, ValueError, KeyError, TypeError, AttributeError, EOFError)


@dataclass
class _Block:
    """A table, possibly continued over several pages: rows of (cell bbox, cell text) pairs."""

    rows: list[list[tuple[tuple[float, float, float, float] | None, str | None]]] = field(
        default_factory=list
    )
    x0: float = 0.0
    x1: float = 0.0


@dataclass
class _Text:
    """One line of text on a page, with its position."""

    text: str
    x0: float
    x1: float
    top: float
    size: float


def _visible(obj: dict[str, Any]) -> bool:
    """True for a drawn rule or shaded cell; False for the white boxes some converters put behind text."""
    if obj.get("object_type") == "line" or obj.get("stroke"):
        return True
    color = obj.get("non_stroking_color")
    if not obj.get("fill") or color is None:
        return False
    values = list(color) if isinstance(color, (list, tuple)) else [color]
    if not values or not all(isinstance(v, (int, float)) for v in values):
        return True  # a pattern or named colour: assume it shows
    white = all(v >= 0.95 for v in values) if len(values) in (1, 3) else all(v <= 0.05 for v in values)
    return not white


def _vertical_rules(page: Page) -> list[tuple[float, float, float]]:
    """Visible vertical edges on the page as (x, top, bottom)."""
    return [
        (e["x0"], e["top"], e["bottom"]) for e in page.edges if e.get("orientation") == "v" and _visible(e)
    ]


def _ruled(bbox: tuple[float, float, float, float], rules: list[tuple[float, float, float]]) -> bool:
    """True when a visible vertical rule crosses the row: a real table row, not a page-frame line."""
    x0, top, x1, bottom = bbox
    mid = (top + bottom) / 2
    return any(x0 - 2 <= x <= x1 + 2 and t <= mid <= b for x, t, b in rules)


def _extract(table: Table) -> list[list[str | None]]:
    """`table.extract()` without testing every character of the page against every row (pdfplumber 0.11's
    rule: a character belongs to the row, then the cell, its midpoint falls in, right and bottom edges
    excluded; a cell's characters in page order)."""
    mids = sorted(((ch["top"] + ch["bottom"]) / 2, n, (ch["x0"] + ch["x1"]) / 2, ch)
                  for n, ch in enumerate(table.page.chars))
    keys = [m[0] for m in mids]
    out: list[list[str | None]] = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        near = sorted(m[1:] for m in mids[bisect_left(keys, top):bisect_left(keys, bottom)] if x0 <= m[2] < x1)
        texts: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            left, ctop, right, cbottom = cell
            chars = [ch for _, h, ch in near if left <= h < right and ctop <= (ch["top"] + ch["bottom"]) / 2 < cbottom]
            texts.append(extract_text(chars) if chars else "")
        out.append(texts)
    return out


def _table_block(table: Table, rules: list[tuple[float, float, float]]) -> _Block | None:
    """The table's ruled rows with their texts, or None when it is a frame around prose."""
    texts = _extract(table)
    block = _Block()
    for row, row_texts in zip(table.rows, texts, strict=False):
        if not _ruled(row.bbox, rules):
            continue
        cells = [
            (bbox, None if bbox is None else tidy(t or ""))
            for bbox, t in zip(row.cells, row_texts, strict=False)
        ]
        block.rows.append(cells)
    edges = _boundaries(block)
    if len(edges) < 3:
        return None  # one column (or nothing ruled): a box around text, read as text
    block.x0, block.x1 = edges[0], edges[-1]
    return block


def _boundaries(block: _Block) -> list[float]:
    """The distinct column edges (x positions) of a table block."""
    xs = sorted(x for row in block.rows for bbox, _ in row if bbox for x in (bbox[0], bbox[2]))
    merged: list[float] = []
    for x in xs:
        if not merged or x - merged[-1] > _X_TOLERANCE:
            merged.append(x)
    return merged


def _grid(block: _Block) -> list[list[str | None]]:
    """The block's rows on one grid of columns (cells placed by x position, covered positions None)."""
    edges = _boundaries(block)
    width = len(edges) - 1

    def col(x: float) -> int:
        return min(range(len(edges)), key=lambda i: abs(edges[i] - x))

    out = []
    for row in block.rows:
        cells: list[str | None] = [None] * width
        for bbox, text in row:
            if bbox is not None and (i := col(bbox[0])) < width:
                cells[i] = text
        if any(cells):
            out.append(cells)
    return out


def _text_lines(page: Page, blocks: list[tuple[float, float, float, float]]) -> list[tuple[float, _Text]]:
    """The page's text lines that are not inside a table row, keyed by their top."""
    out = []
    for ln in page.extract_text_lines(strip=True, return_chars=False):
        cx, cy = (ln["x0"] + ln["x1"]) / 2, (ln["top"] + ln["bottom"]) / 2
        if any(x0 <= cx <= x1 and t <= cy <= b for x0, t, x1, b in blocks):
            continue
        text = tidy(ln["text"])
        if not text or _MARKED_PAGE_NUMBER.match(text):
            continue
        out.append((ln["top"], _Text(text, ln["x0"], ln["x1"], ln["top"], ln["bottom"] - ln["top"])))
    # a bare number alone at the very top or bottom of the page is a page number too
    if out and _PAGE_NUMBER.match(out[-1][1].text) and out[-1][0] > page.height * 0.85:
        out.pop()
    if out and _PAGE_NUMBER.match(out[0][1].text) and out[0][0] < page.height * 0.12:
        out.pop(0)
    return out


def _page_items(page: Page) -> list[_Text | _Block]:
    """Text lines and table blocks of one page, top to bottom."""
    rules = _vertical_rules(page)
    # Close the cells a page break cuts open: a horizontal edge where the topmost rules start and
    # the bottommost end (a table continued from the previous page often lacks its top border).
    ends = [min(t for _, t, _ in rules), max(b for _, _, b in rules)] if rules else []
    tables = page.find_tables({"explicit_horizontal_lines": ends})
    blocks = [b for t in tables if (b := _table_block(t, rules)) is not None]
    row_boxes = [bbox for b in blocks for row in b.rows for bbox, _ in row if bbox is not None]
    items: list[tuple[float, _Text | _Block]] = list(_text_lines(page, row_boxes))
    for b in blocks:
        top = min(bbox[1] for row in b.rows for bbox, _ in row if bbox is not None)
        items.append((top, b))
    return [item for _, item in sorted(items, key=lambda pair: pair[0])]


def _title(first_page: list[_Text | _Block], left: float, right: float) -> str | None:
    """The centred lines at the top of page 1 joined, when they name a report."""
    parts = []
    middle, width = (left + right) / 2, right - left
    for item in first_page:
        if not isinstance(item, _Text):
            break
        centred = abs((item.x0 + item.x1) / 2 - middle) < width * 0.1 and item.x1 - item.x0 < width * 0.85
        if not centred:
            break
        parts.append(item.text)
    title = tidy("".join(parts))
    return title if ("报告" in title or "年报" in title) else None


def _paragraphs(items: list[_Text | _Block | None], left: float, right: float) -> list[Line]:
    """Lines for the document: wrapped prose lines rejoined into paragraphs, blocks as numbered grids."""
    lines: list[Line] = []
    table = 0
    prev: _Text | _Block | None = None
    for item in items:
        if item is None:  # page break
            continue
        if isinstance(item, _Block):
            if not (isinstance(prev, _Block) and prev is item):
                table += 1
            for cells in _grid(item):
                lines.append(Line(cells=cells, kind="row", grid=True, table=table))
            prev = item
            continue
        tol = max(item.size, 8.0) * 1.2
        wraps = isinstance(prev, _Text) and prev.x1 >= right - tol and item.x0 <= left + tol
        if wraps and lines and lines[-1].kind == "text":
            lines[-1].cells[0] = tidy(join_wrapped(lines[-1].text, item.text))
        else:
            lines.append(Line(cells=[item.text]))
        prev = item
    return lines


def _join_pages(pages: list[list[_Text | _Block]]) -> list[_Text | _Block | None]:
    """All items in order, with a table that runs off one page merged into its continuation."""
    out: list[_Text | _Block | None] = []
    for items in pages:
        last = next((x for x in reversed(out) if x is not None), None)
        if (
            items
            and isinstance(last, _Block)
            and isinstance(items[0], _Block)
            and abs(items[0].x0 - last.x0) < 10
            and abs(items[0].x1 - last.x1) < 10
        ):
            first, *rest = items[0].rows
            # the top row continues cells cut by the page break: its blanks are covered positions
            last.rows.append(
                [(bbox, None if bbox is not None and not text else text) for bbox, text in first]
            )
            last.rows.extend(rest)
            items = items[1:]
        out.extend(items)
        out.append(None)
    return out


def _margins(items: list[_Text | _Block | None]) -> tuple[float, float]:
    """The text area's left and right edges (robust to a few stray lines)."""
    texts = [x for x in items if isinstance(x, _Text)]
    if not texts:
        return 0.0, 0.0
    lefts = sorted(t.x0 for t in texts)
    rights = sorted(t.x1 for t in texts)
    return lefts[len(lefts) // 10], rights[min(len(rights) - 1, len(rights) * 9 // 10)]


def needs_ocr(page: Page) -> bool:
    """True when the page has (almost) no text layer but an image covering much of it: a scan."""
    if len(page.chars) >= _SCAN_MIN_CHARS:
        return False
    area = float(page.width * page.height) or 1.0
    covered = sum(max(0.0, (im["x1"] - im["x0"]) * (im["bottom"] - im["top"])) for im in page.images)
    return covered / area > 0.3


# Told how many pages are about to be OCR'd (the parse worker extends its time budget by them).
ocr_listeners: list[Callable[[int], None]] = []
# Told (pages read, pages in all) after each page: the progress a user sees while a PDF is read.
page_listeners: list[Callable[[int, int], None]] = []


def pages_done(done: int, total: int) -> None:
    """Tell every page listener how far the reading is."""
    for listener in page_listeners:
        listener(done, total)


PDFIUM = True  # False: every page through pdfplumber (pdfminer), as before issue 26 (benchmarks/compare_pdf_readers.py)


def _pages(doc: pdfium.PdfDocument, data: bytes, stack: ExitStack) -> dict[int, Page]:
    """Every page (by its index in the file) with its objects: from PDFium, or from pdfplumber (open until
    `stack` closes) for a page PDFium's can't stand for."""
    pages: dict[int, Page] = {}
    plumber: pdfplumber.PDF | None = None
    doctop = 0.0
    if not PDFIUM:
        return dict(enumerate(stack.enter_context(pdfplumber.open(io.BytesIO(data))).pages))
    descents = font_descents(data)
    for i in range(len(doc)):
        raw = doc[i]
        try:
            page: Page | None = PdfiumPage(raw, i + 1, doctop, descents) if usable(raw) else None
        finally:
            raw.close()
        if page is None or not page.faithful:  # pdfplumber (pdfminer) places this page's objects
            plumber = plumber or stack.enter_context(pdfplumber.open(io.BytesIO(data)))
            if i >= len(plumber.pages):  # a page PDFium finds and pdfminer does not: nothing to read on it
                continue
            page = plumber.pages[i]
        doctop += float(page.height)
        pages[i] = page
    return pages


def _all_items(data: bytes, name: str) -> tuple[list[list[_Text | _Block]], int]:
    """Every page's items, scanned pages read by OCR; and how many pages needed it."""
    with ExitStack() as stack:
        doc = pdfium.PdfDocument(data)
        stack.callback(doc.close)
        return _read_pages(_pages(doc, data, stack), data, name)


def _read_pages(pages: dict[int, Page], data: bytes, name: str) -> tuple[list[list[_Text | _Block]], int]:
    scans = {i: float(page.height) for i, page in pages.items() if needs_ocr(page)}
    total, done = len(pages), 0
    items: dict[int, list[Any]] = {}
    for i, page in pages.items():  # the text pages first: a scan's pages then count up to the end
        if i not in scans:
            items[i] = _page_items(page)
            done += 1
            pages_done(done, total)
    if scans:
        for listener in ocr_listeners:
            listener(len(scans))
        from knowledge.readers.ocr import ocr_pages  # onnxruntime and the models: only for a scan

        items.update(ocr_pages(data, name, scans, progress=lambda n: pages_done(done + n, total)))
    return [items[i] for i in sorted(items)], len(scans)


def read_pdf(data: bytes, name: str) -> Document:
    """Read a PDF report: prose as text lines (paragraphs rejoined), ruled tables as grid rows."""
    if b"%PDF-" not in data[:1024]:
        raise UnreadableFile(f"{name}：不是有效的 PDF 文件")
    if b"%%EOF" not in data[-2048:]:
        raise UnreadableFile(f"{name}：PDF 文件不完整或已损坏，无法读取")
    try:
        pages, scanned = _all_items(data, name)
    except pdfium.PdfiumError as e:
        if e.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise UnreadableFile(f"{name}：PDF 文件已加密（需要密码），无法读取") from e
        raise UnreadableFile(f"{name}：PDF 文件不完整或已损坏，无法读取") from e
    except PdfminerException as e:
        cause = e.args[0] if e.args else None
        if isinstance(cause, PDFEncryptionError):
            raise UnreadableFile(f"{name}：PDF 文件已加密（需要密码），无法读取") from e
        raise UnreadableFile(f"{name}：PDF 文件不完整或已损坏，无法读取") from e
    except _CORRUPT as e:
        raise UnreadableFile(f"{name}：PDF 文件不完整或已损坏，无法读取") from e
    items = _join_pages(pages)
    left, right = _margins(items)
    lines = _paragraphs(items, left, right)
    if scanned:
        from knowledge.readers.ocr import take_scores

        take_scores(lines)  # the numbers' OCR scores rode along in their cells: drop them
    if not any(line.text.strip() for line in lines):
        raise UnreadableFile(f"{name}：PDF 里没有可提取的文字（可能是扫描件），无法读取")
    text = "\n".join(line.text for line in lines)
    if len(_CID.findall(text)) > max(20, len(_HAN.findall(text))):
        raise UnreadableFile(f"{name}：PDF 的字体缺少编码信息或已损坏，文字无法提取")
    title = _title(pages[0], left, right) if pages else None
    log.debug("%s: %d pages, %d lines", name, len(pages), len(lines))
    return Document(source=name, form="pdf", lines=lines, title=title, encoding=None, ocr_pages=scanned)
