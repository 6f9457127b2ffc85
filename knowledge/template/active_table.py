"""Table 二 (主动公开政府信息情况): blocks 第二十条第（X）项, each rows × its header's columns.

Columns are taken from each block's header row (`信息内容 | 本年新制作数量 | …`), matched to the
catalogue's columns of that block.  Flattened text has no sum rule here, so a run such as
`898989` under three columns stays uncertain unless only one split is possible (`000`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.catalogue import Block, Catalogue, Column, Row
from knowledge.template.cells import RUN, Cell, read_cell, split_run
from knowledge.template.labels import BLOCK, block_item, norm
from knowledge.template.sections import Layout, Span
from knowledge.template.solve import RowRead, collapse, options_from_splits

_UNIT = re.compile(r"单位\s*[:：]\s*(万元|亿元|元|件|个|项)")
# a block header whose item was lost on the page (`第二十条第` alone): the block is known by its first row
_BARE_BLOCK = re.compile(r"^\s*第\s*二\s*十\s*条\s*(?:第\s*(?:项)?)?\s*$")


@dataclass
class Head:
    """One printed column header of a block, matched to its catalogue column."""

    column: Column
    printed: str
    unit: str | None
    pos: int = -1  # position in a grid/tab row; -1 in flattened text


@dataclass
class ActiveRow:
    """One row of one block, read."""

    block: Block
    row: Row
    label: str
    heads: list[Head]
    cells: list[Cell]


def _block(cat: Catalogue, version: str, item: str) -> Block | None:
    """The catalogue block for an item numeral, preferring the detected version."""
    for v in (version, *(x for x in cat.active if x != version)):
        for b in cat.active.get(v, []):
            if b.item == item:
                return b
    return None


def _names(c: Column) -> list[str]:
    """A column's header as the template prints it and as real reports misprint it."""
    return [norm(x) for x in (c.label, *c.variants)]


def _column(printed: str, block: Block) -> Column | None:
    """The catalogue column a printed header names."""
    p = norm(printed)
    return next(
        (c for c in block.columns if any(n in p or (len(p) >= 4 and p in n) for n in _names(c))), None
    )


def _columns_in(printed: str, block: Block) -> list[Column]:
    """Every catalogue column a header line names, in printed order (headers on one text line)."""
    p = norm(printed)
    hits = sorted((min(p.find(n) for n in _names(c) if n in p), c.id) for c in block.columns
                  if any(n in p for n in _names(c)))
    return [next(c for c in block.columns if c.id == cid) for _, cid in hits]


_LABEL_NOTE = re.compile(r"[（(]\s*指[^（）()]*[）)]\s*$")  # 规范性文件（指各行政机关印发的有正式文号的文件）


def _row(printed: str, block: Block) -> Row | None:
    """The catalogue row a printed label names (exact, or a known variant; a note “（指…）” after it dropped)."""
    for p in dict.fromkeys((norm(printed), norm(_LABEL_NOTE.sub("", printed)))):
        if (row := next((r for r in block.rows if p in (norm(r.label), *(norm(v) for v in r.variants))), None)):
            return row
    return None


def _unit(printed: str) -> str | None:
    m = _UNIT.search(printed)
    return m.group(1) if m else None


def _kinds(heads: list[Head]) -> list[tuple[bool, bool]]:
    return [(h.column.decimal, h.column.signed) for h in heads]


def _read_run(run: str, heads: list[Head], label: str) -> list[Cell]:
    """The cells of a flattened row: determined when only one split is possible."""
    splits, unit = split_run(run, _kinds(heads))
    where = f"表二“{label}”行"
    rr = RowRead("", label, options_from_splits(splits, unit, where), raw=run.strip(), flattened=True)
    return collapse(rr, len(heads))


def _header_of_other_block(
    filled: list[tuple[int, str]], cat: Catalogue, version: str, block: Block | None
) -> Block | None:
    """The one other block whose column headers a row names (at least two of them), if any."""
    blocks = [b for b in cat.active.get(version, []) if b is not block]
    named = [b for b in blocks if sum(1 for _, c in filled if _column(c, b) is not None) >= 2]
    return named[0] if len(named) == 1 else None


def _short_row(values: list[str], heads: list[Head], label: str) -> list[Cell]:
    """Fewer values than columns and no positions to place them: every cell stays uncertain, with
    the values that could stand in it (order kept), unless there are none at all."""
    where = f"表二“{label}”行"
    read = [read_cell(v, where) for v in values]
    n, m = len(read), len(heads)
    raw = " ".join(v.strip() for v in values)
    out = []
    for j in range(m):
        could = {c.value for c in read[max(0, j - (m - n)) : min(j, n - 1) + 1] if c.value is not None}
        out.append(Cell(None, "uncertain", raw, None, tuple(sorted(could))))
    return out


def _block_of_row(printed: str, cat: Catalogue, version: str) -> Block | None:
    """The one block of the version whose rows include a printed label, if only one has it."""
    having = [b for b in cat.active.get(version, []) if _row(printed, b) is not None]
    return having[0] if len(having) == 1 else None


def _from_cells(lay: Layout, span: Span, cat: Catalogue, version: str) -> list[ActiveRow]:
    """Rows read from table cells (grid or tabs), block by block."""
    out: list[ActiveRow] = []
    block: Block | None = None
    heads: list[Head] = []
    header = ""  # a block's header printed one cell per line (a saved page): its lines joined
    unnamed = False  # under a `第二十条第` whose item the page lost, until a row names the block
    for ln in lay.lines_in(span):
        filled = [(i, c) for i, c in enumerate(ln.cells) if c and c.strip()]
        if not filled:
            continue
        if item := block_item(filled[0][1]):
            block, heads, header, unnamed = _block(cat, version, item), [], "", False
            continue
        if len(filled) == 1 and _BARE_BLOCK.match(filled[0][1]):
            block, heads, header, unnamed = None, [], "", True
            continue
        if unnamed and block is None:
            if (named := _block_of_row(filled[0][1], cat, version)) is None:
                if len(filled) == 1:
                    header += filled[0][1]
                continue
            block, unnamed = named, False
            heads = [Head(col, col.label, _unit(header)) for col in _columns_in(header, block)]
        if block is not None and len(filled) == 1 and ln.kind != "row" and not ln.grid:
            header += filled[0][1]
            if len(many := _columns_in(header, block)) > len(heads):
                heads = [Head(col, col.label, _unit(header)) for col in many]
                continue
        if (other := _header_of_other_block(filled, cat, version, block)) is not None:
            block, heads = other, []  # a block's header row printed away from its 第二十条 line
        if block is None:
            continue
        found = [(i, c, col) for i, c in filled if (col := _column(c, block))]
        if found:
            heads = [Head(col, " ".join(c.split()), _unit(c), i) for i, c, col in found]
            if len(found) == 1 and len(many := _columns_in(found[0][1], block)) > 1:
                heads = [Head(col, col.label, _unit(found[0][1])) for col in many]  # one text line
            continue
        first = filled[0][1]
        if len(filled) == 1 and (m := re.match(r"^\s*(\D+?)\s*([-\d].*)$", first)) and heads:
            row = _row(m.group(1), block)
            if row is not None:
                out.append(
                    ActiveRow(block, row, m.group(1).strip(), heads, _read_run(m.group(2), heads, m.group(1)))
                )
            continue
        row = _row(first, block)
        if row is None or not heads or (len(filled) == 1 and not ln.grid and ln.kind != "row"):
            continue  # a label alone on a text line: its cells follow one per line (text mode)
        label = " ".join(first.split())
        raw: list[str | None]
        at_label = filled[0][0]  # a header row that lost its 信息内容 cell puts a column where the label is
        if all(0 <= h.pos < len(ln.cells) and h.pos != at_label for h in heads) and len(filled) - 1 <= len(heads):
            raw = [ln.cells[h.pos] for h in heads]
        elif len(filled) - 1 < len(heads):
            out.append(
                ActiveRow(block, row, label, heads, _short_row([c for _, c in filled[1:]], heads, label))
            )
            continue
        elif len(filled) - 1 == len(block.columns) and _in_order(heads, block):
            # more values than printed headers that name a column (`本年增/` cut off): the header named the
            # template's columns in its order, so the values take the template's columns
            heads, raw = [Head(c, c.label, heads[0].unit) for c in block.columns], [c for _, c in filled[1:]]
        elif len(filled) - 1 > len(heads):
            out.append(ActiveRow(block, row, label, heads, _short_row([c for _, c in filled[1:]], heads, label)))
            continue
        else:
            raw = [c for _, c in filled[1:]]
        cells = [read_cell(r, f"表二“{label}”行“{h.printed}”列") for r, h in zip(raw, heads, strict=False)]
        out.append(ActiveRow(block, row, label, heads, cells))
    return out


def _in_order(heads: list[Head], block: Block) -> bool:
    """Whether the printed headers name catalogue columns in the catalogue's order (none twice)."""
    ids = [c.id for c in block.columns]
    at = [ids.index(h.column.id) for h in heads]
    return at == sorted(set(at))


def _from_text(text: str, cat: Catalogue, version: str) -> list[ActiveRow]:
    """Rows recovered from flattened text: block headers, header columns, labels and runs."""
    out: list[ActiveRow] = []
    marks = list(BLOCK.finditer(text))
    for k, mark in enumerate(marks):
        block = _block(cat, version, mark.group(1))
        if block is None:
            continue
        seg = text[mark.end() : marks[k + 1].start() if k + 1 < len(marks) else len(text)]
        labels = [(r, v) for r in block.rows for v in sorted({r.label, *r.variants}, key=len, reverse=True)]
        starts = [(m.start(), r, m) for r, v in labels if (m := re.search(re.escape(v), seg))]
        if not starts:
            continue
        header = seg[: min(s for s, _, _ in starts)]
        unit = _unit(header)
        heads = [Head(c, c.label, unit) for c in block.columns if any(n in norm(header) for n in _names(c))]
        heads = heads or [Head(c, c.label, unit) for c in block.columns]
        pos = len(header)
        for row in block.rows:
            alts = "|".join(re.escape(v) for v in sorted({row.label, *row.variants}, key=len, reverse=True))
            m = re.compile(alts).search(seg, pos)
            if m is None:
                continue
            r = RUN.match(seg, m.end())
            pos = r.end() if r else m.end()
            if r is None or not r.group(0).strip():
                continue
            out.append(ActiveRow(block, row, m.group(0), heads, _read_run(r.group(0), heads, m.group(0))))
    return out


def read_active(lay: Layout, span: Span, cat: Catalogue, version: str) -> list[ActiveRow]:
    """Table 二's rows, from cells when the document has them, else from flattened text."""
    by_cells = _from_cells(lay, span, cat, version)
    by_text = _from_text(lay.text[span.body : span.end], cat, version)
    return by_text if len(by_text) > len(by_cells) else by_cells
