"""Word (.docx) reports (python-docx): paragraphs and tables in body order, merged cells on a grid."""

from __future__ import annotations

import io
import logging
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from knowledge.errors import TooLarge, UnreadableFile
from knowledge.models import Document, Line
from knowledge.readers.grid import MAX_GRID, MAX_SPAN
from knowledge.readers.whitespace import tidy

log = logging.getLogger(__name__)

EXPANSION = 10  # a .docx may unpack to at most this many times the upload limit …
ABSOLUTE_CAP = 200 * 1024 * 1024  # … and never more than this
MAX_RATIO = 200  # XML compresses ~10-30x; a member far beyond this is a zip bomb
_RATIO_FLOOR = 1024 * 1024  # tiny members may compress absurdly well; only judge big ones


def _check_zip(data: bytes, name: str, max_bytes: int) -> None:
    """Refuse broken archives and zip bombs before anything is decompressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as e:
        raise UnreadableFile(
            f"{name}：不是有效的 Word（.docx）文件（文件已损坏，或是旧版 .doc、加密文档）"
        ) from e
    if "word/document.xml" not in {i.filename for i in infos}:
        raise UnreadableFile(f"{name}：不是 Word（.docx）文档（缺少正文 word/document.xml）")
    total = sum(i.file_size for i in infos)
    if total > min(max_bytes * EXPANSION, ABSOLUTE_CAP):
        raise TooLarge(f"{name}：解压后有 {total / 1024 / 1024:.0f} MB，超过上限（疑似压缩炸弹）")
    for i in infos:
        if i.file_size > _RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise TooLarge(
                f"{name}：{i.filename} 压缩比异常（{i.file_size // max(i.compress_size, 1)} 倍），疑似压缩炸弹"
            )


def _text(element: etree._Element) -> str:
    """The text of every paragraph inside an element (a cell), one paragraph per line, tidied."""
    return tidy("\n".join(Paragraph(p, None).text for p in element.iter(qn("w:p"))))


def _positions(tbl: etree._Element) -> int:
    """rows × widest row of the table's grid, from its gridSpan values alone (before anything is laid out)."""
    rows = list(tbl.iterchildren(qn("w:tr")))
    widths = [min(max(0, tr.grid_before), MAX_SPAN)
              + sum(min(max(1, tc.grid_span), MAX_SPAN) for tc in tr.iterchildren(qn("w:tc"))) for tr in rows]
    return len(rows) * max(widths, default=0)


def _grid(tbl: etree._Element) -> list[list[str | None]]:
    """A table's rows on a grid: gridSpan and vMerge expanded, text at the top-left, None covered."""
    rows: list[list[str | None]] = []
    for tr in tbl.iterchildren(qn("w:tr")):
        cells: list[str | None] = [None] * min(max(0, tr.grid_before), MAX_SPAN)
        for tc in tr.iterchildren(qn("w:tc")):
            span = min(max(1, tc.grid_span), MAX_SPAN)
            continued = tc.vMerge == "continue"
            cells.append(None if continued else _text(tc))
            cells.extend([None] * (span - 1))
        rows.append(cells)
    width = max((len(r) for r in rows), default=0)
    return [r + [None] * (width - len(r)) for r in rows if any(r)]


def _blocks(parent: etree._Element) -> list[etree._Element]:
    """The body's paragraphs and tables in order (looking inside content controls)."""
    out = []
    for child in parent.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            out.append(child)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                out.extend(_blocks(content))
    return out


def read_docx(data: bytes, name: str, *, max_bytes: int) -> Document:
    """Read a .docx report: paragraphs as text lines, tables as grid rows, in body order."""
    _check_zip(data, name, max_bytes)
    try:
        word = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as e:
        raise UnreadableFile(f"{name}：Word 文件已损坏，无法读取") from e
    lines: list[Line] = []
    table = 0
    budget = MAX_GRID  # grid positions left for this document's tables
    for block in _blocks(word.element.body):
        if block.tag == qn("w:p"):
            if text := tidy(Paragraph(block, None).text):
                lines.append(Line(cells=[text]))
            continue
        budget -= _positions(block)
        if budget < 0:
            raise TooLarge(f"{name}：表格合并单元格展开后超过 {MAX_GRID:,} 格的上限，不像一份年度报告，已拒绝")
        grid = _grid(block)
        if not grid:
            continue
        if len(grid[0]) <= 1:  # a one-column box around prose
            lines.extend(Line(cells=[c]) for r in grid for c in r if c)
            continue
        table += 1
        lines.extend(Line(cells=r, kind="row", grid=True, table=table) for r in grid)
    title = tidy(word.core_properties.title or "")
    if "报告" not in title:
        first = [line.text for line in lines[:5] if line.kind == "text"]
        title = next((t for t in first if "年度报告" in t or "年报" in t), "")
    return Document(source=name, form="docx", lines=lines, title=title or None)
