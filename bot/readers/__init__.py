"""Readers: one per document form, all producing a `Document` (lines of cells).

`read(path)` picks the reader from the file's extension and content.  Readers know formats,
not the template.
"""

from __future__ import annotations

from pathlib import Path

from ..models import Document, Line


def read(path: str | Path, *, max_bytes: int = 20 * 1024 * 1024) -> Document:
    """Read a report file into a Document.  (Placeholder: UTF-8 text, tabs separate cells.)"""
    p = Path(path)
    text = p.read_text(encoding="utf-8-sig")
    lines = []
    for raw in text.splitlines():
        cells = raw.split("\t")
        lines.append(Line(cells=list(cells), kind="row" if len(cells) > 1 else "text"))
    return Document(source=p.name, form="text", lines=lines, encoding="utf-8")
