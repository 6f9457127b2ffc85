"""Readers: one per document form, all producing a `Document` (lines of cells).

`read(path)` and `read_bytes(data, name)` pick the reader from the file's extension, checked
against its first bytes (detect.py):

    text.py   .txt .md      tab- or `|`-separated rows (grid False); crawler pages → form "crawled"
    html.py   .html .htm    the article body only; tables as rectangular grids (grid True)
    docx.py   .docx         body order; gridSpan/vMerge expanded; zip bombs refused before parsing
    pdf.py    .pdf          ruled tables as grids, joined across pages; prose paragraphs rejoined;
                            image-only (scanned) pages read by ocr.py, loaded only when one turns up

Merged cells keep their text at the top-left position; covered positions are None.  Readers know
formats, not the template.  Failures raise UnreadableFile, TooLarge or UnsupportedFormat with a
one-line message that starts with the file name.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path, PurePath

from knowledge.errors import TooLarge, UnreadableFile, UnsupportedFormat
from knowledge.models import Document
from knowledge.readers import limits
from knowledge.readers.detect import form_for
from knowledge.readers.docx import read_docx
from knowledge.readers.html import read_html
from knowledge.readers.pdf import read_pdf
from knowledge.readers.script import simplified
from knowledge.readers.text import read_text

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def _mb(n: int) -> str:
    """A byte count in MB for messages."""
    return f"{n / 1024 / 1024:.1f} MB"


def read(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a report file into a Document (size checked before the file is read)."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise UnreadableFile(f"{p.name}：不是文件，无法读取")
        if size > max_bytes:
            raise TooLarge(f"{p.name}：文件有 {_mb(size)}，超过 {_mb(max_bytes)} 的上限")
        with p.open("rb") as f:
            data = f.read(max_bytes + 1)  # the file may have grown since stat()
    except FileNotFoundError:
        raise UnreadableFile(f"{p.name}：找不到这个文件") from None
    except PermissionError:
        raise UnreadableFile(f"{p.name}：没有权限读取这个文件") from None
    except IsADirectoryError:
        raise UnreadableFile(f"{p.name}：是文件夹，不是文件") from None
    return read_bytes(data, p.name, max_bytes=max_bytes)


def read_bytes(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read an uploaded file's bytes into a Document; `name` picks the reader and names the file in errors."""
    name = PurePath(name).name or "上传的文件"
    if len(data) > max_bytes:
        raise TooLarge(f"{name}：文件有 {_mb(len(data))}，超过 {_mb(max_bytes)} 的上限")
    if not data.strip():
        raise UnreadableFile(f"{name}：文件是空的")
    form = form_for(data, name)
    log.debug("%s: reading as %s", name, form)
    try:
        doc = _read_form(form, data, name, max_bytes)
    except TooLarge as exc:  # a bound met inside a reader (grid.expand): name the file
        if name in str(exc):
            raise
        raise TooLarge(f"{name}：{exc}") from None
    if doc is None:
        ext = PurePath(name).suffix.lower() or "无扩展名"
        raise UnsupportedFormat(
            f"{name}：不支持 {ext} 格式，请发送 PDF、Word（.docx）、网页（.html）或文本（.txt）文件"
        )
    limits.check_document(doc, name)
    return simplified(_visible(doc))  # a page in traditional characters read as simplified (script.py)


# zero-width spaces and joiners, direction marks and overrides, word joiners, BOM, soft hyphen: a copy-paste
# leaves them inside names, where they would be stored, matched against and echoed back to people
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _visible(doc: Document) -> Document:
    """The document without invisible format characters in its cells and title."""
    for line in doc.lines:
        line.cells = [c if c is None or not _INVISIBLE.search(c) else _INVISIBLE.sub("", c) for c in line.cells]
    if doc.title and _INVISIBLE.search(doc.title):
        doc.title = _INVISIBLE.sub("", doc.title)
    return doc


def _read_form(form: str, data: bytes, name: str, max_bytes: int) -> Document | None:
    """The document read by the reader of `form` (None: no reader); cheap bounds checked first."""
    if form == "pdf":
        return read_pdf(data, name)
    if form == "docx":
        return read_docx(data, name, max_bytes=max_bytes)
    if form == "html":
        limits.check_html(data, name)
        return read_html(data, name)
    if form == "text":
        limits.check_lines(data.count(b"\n"), name)
        return read_text(data, name)
    return None
