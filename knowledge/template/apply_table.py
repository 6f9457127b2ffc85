"""Table 三 (收到和处理政府信息公开申请情况): rows × the 7 applicant columns.

Rows are matched to the catalogue in template order, from table cells (grid or tabs) or, for
crawled text where every cell runs together, from the labels found in the flattened text with the
digits between them split by the sum rules (row: 总计 = Σ six columns; columns: 一+二 = (七)+四 and
(七) = Σ results).
"""

from __future__ import annotations

import re

from knowledge.catalogue import Catalogue, Row
from knowledge.models import Line
from knowledge.template.cells import RUN, is_label, read_cell, split_run
from knowledge.template.labels import GROUP_LABEL, match_kind, norm, numbering, pattern, pieces, row_matches
from knowledge.template.sections import Layout, Span
from knowledge.template.solve import (
    Assignment,
    RowRead,
    Rule,
    equal,
    options_from_splits,
    settle,
    total_of,
    value,
)

WIDTH = 7
_INT = [(False, False)] * WIDTH
_EDGE_ROWS = ("apply.new", "apply.carried_in", "apply.total", "apply.carried_out")


def data_rows(cat: Catalogue, sub_rows: bool) -> list[Row]:
    """The rows that carry cells in this layout (group headers excluded, 其他处理 per layout)."""
    out = []
    for r in cat.apply_rows:
        if r.header or (r.id == "apply.other" and sub_rows) or (r.version == "2021" and not sub_rows):
            continue
        out.append(r)
    return out


def _values(cells: list[str | None], start: int, grid: bool, width: int) -> list[str | None]:
    """The 7 value cells after the label (grid: by position; tab text: around placeholders)."""
    vals = cells[start : width + 1] if grid else cells[start:]
    if grid:
        return (["" for _ in range(WIDTH)] + vals)[-WIDTH:]
    right = list(vals)
    while right and not (right[-1] or "").strip():
        right.pop()
    if len(right) >= WIDTH:
        return right[-WIDTH:]
    left = list(vals)
    while left and not (left[0] or "").strip():
        left.pop(0)
    return (left + [""] * WIDTH)[:WIDTH]


class _Reader:
    """Rows from table cells, also when a PDF→text conversion pulled labels out of their rows.

    A label printed on a text line of its own (`（二）部分公开…`, wrapped over lines) waits for the
    next row that holds only values; such a row is given to the first waiting label at or after the
    cursor.  Rows placed that way are only layout guesses: they are kept when the column sums
    confirm the whole table (see `_confirm`).  A value row with no waiting label is an orphan.
    """

    def __init__(self, cat: Catalogue, sub_rows: bool, width: int) -> None:
        self.order = cat.apply_rows
        self.wanted = {r.id for r in data_rows(cat, sub_rows)}
        self.cols = [c.label for c in cat.apply_columns]
        self.width = width
        self.cursor = 0
        self.out: list[RowRead] = []
        self.waiting: dict[int, str] = {}  # row index → label printed on text lines
        self.text_label: tuple[int | None, str] | None = None  # the label text lines are building
        self.orphans: list[list[str | None]] = []

    def _match(self, label: str) -> int | None:
        return next(
            (k for k in range(self.cursor, len(self.order)) if row_matches(label, self.order[k])), None
        )

    def text(self, line: str) -> None:
        """A text line: a label of its own, the rest of one, or neither."""
        for piece in pieces(line):
            if numbering(norm(piece))[0] is not None:
                self.text_label = (None, piece)
            elif not re.search(r"[\u4e00-\u9fff]", piece):
                continue  # a stray figure or a page number (— 5 —) between the lines of a label
            elif self.text_label is not None:
                old, label = self.text_label
                if old is not None:
                    self.waiting.pop(old, None)  # matched again below, with the rest of its text
                self.text_label = (None, label + piece)
            else:
                continue
            _, label = self.text_label
            k = self._match(label)
            if k is not None and self.order[k].id in self.wanted:
                self.waiting[k] = " ".join(label.split())
                self.text_label = (k, label)

    def row(self, ln: Line) -> None:
        """A table row: labelled, or values for a waiting label, or an orphan."""
        self.text_label = None
        cells = ln.cells
        label_end = max((i for i, c in enumerate(cells) if c and c.strip() and is_label(c)), default=-1)
        labels = [c for c in cells[: label_end + 1] if c and c.strip() and not GROUP_LABEL.match(norm(c))]
        hit, printed = None, ""
        for text in reversed(labels):
            if (hit := self._match(text)) is not None:
                printed = " ".join(text.split())
                break
        vals = _values(cells, label_end + 1, ln.grid, self.width)
        inferred = False
        if hit is None:
            if label_end >= 0 or not any(re.search(r"\d", v or "") for v in vals):
                return
            waiting = sorted(k for k in self.waiting if k >= self.cursor)
            if not waiting:
                self.orphans.append(vals)
                return
            hit, inferred = waiting[0], True
            printed = self.waiting.pop(hit)
        row = self.order[hit]
        if match_kind(printed, row) != "label":
            printed = row.label  # only a piece of the label is printed in one place: name the row
        if row.header and not any((v or "").strip() for v in vals):
            self.cursor = hit + 1
            return  # a group label (不予公开 …) without cells of its own
        if row.id not in self.wanted and row.version == "2021":
            return
        read = [read_cell(v, f"表三“{printed}”行“{col}”列") for v, col in zip(vals, self.cols, strict=True)]
        self.out.append(RowRead(row.id, printed, [read], inferred=inferred))
        self.cursor = hit + 1


def _from_cells(lines: list[Line], cat: Catalogue, sub_rows: bool) -> list[RowRead]:
    """Rows read from table cells (labels on text lines of their own allowed, see `_Reader`)."""
    rows = [ln for ln in lines if _is_row(ln)]
    width = max((i for ln in rows if ln.grid for i, c in enumerate(ln.cells) if c and c.strip()), default=0)
    reader = _Reader(cat, sub_rows, width)
    for ln in lines:
        if _is_row(ln):
            reader.row(ln)
        elif ln.cells and ln.cells[0]:
            reader.text(ln.cells[0])
    return _confirm(reader.out, reader.orphans, cat, sub_rows)


def _is_row(ln: Line) -> bool:
    return ln.kind == "row" or ln.grid or sum(1 for c in ln.cells if c and c.strip()) >= 2


def _confirm(
    rows: list[RowRead], orphans: list[list[str | None]], cat: Catalogue, sub_rows: bool
) -> list[RowRead]:
    """Keep rows placed by layout only when the column sums confirm the table, else drop them.

    One value row left over while exactly one data row is missing is put there when the sums then
    hold: (七)总计 = Σ results fixes the missing row, so the sums decide, not the layout.
    """
    if not any(r.inferred for r in rows) and not orphans:
        return rows
    wanted = data_rows(cat, sub_rows)
    have = {r.row_id for r in rows}
    missing = [r for r in wanted if r.id not in have]
    if len(missing) == 1 and len(orphans) == 1:
        cols = [c.label for c in cat.apply_columns]
        cells = [
            read_cell(v, f"表三“{missing[0].label}”行“{c}”列") for v, c in zip(orphans[0], cols, strict=True)
        ]
        trial = [*rows, RowRead(missing[0].id, missing[0].label, [cells], inferred=True)]
        order = {r.id: i for i, r in enumerate(cat.apply_rows)}
        trial.sort(key=lambda r: order[r.row_id])
        if _sums_confirm(trial, cat, sub_rows):
            return trial
    if not any(r.inferred for r in rows) or _sums_confirm(rows, cat, sub_rows):
        return rows
    return [r for r in rows if not r.inferred]


def _sums_confirm(rows: list[RowRead], cat: Catalogue, sub_rows: bool) -> bool:
    """Every data row read, every column's sums hold, and at least one column has them in print."""
    a: Assignment = {r.row_id: r.options[0] for r in rows if len(r.options) == 1}
    if any(r.id not in a for r in data_rows(cat, sub_rows)):
        return False
    if not all(rule(a) for rule in column_rules(sub_rows, cat)):
        return False
    results = [r.id for r in data_rows(cat, sub_rows) if r.id not in _EDGE_ROWS]
    return any(
        value(a, "apply.total", c) is not None and total_of(a, results, c) is not None for c in range(WIDTH)
    )


def _row_rule(split: list[str]) -> bool:
    """总计 = Σ the six applicant columns."""
    nums = [float(t) for t in split]
    return abs(sum(nums[:-1]) - nums[-1]) < 1e-6


def _from_text(text: str, cat: Catalogue, sub_rows: bool) -> list[RowRead]:
    """Rows recovered from flattened text: labels in order, digit runs between them."""
    hits = []
    pos = 0
    for row in data_rows(cat, sub_rows):
        m = pattern(row).search(text, pos)
        if m is None:
            continue
        hits.append((row, m))
        pos = m.end()
    out = []
    for i, (row, m) in enumerate(hits):
        end = hits[i + 1][1].start() if i + 1 < len(hits) else len(text)
        seg = text[m.end() : end]
        first = re.search(r"[\d/／—－]", seg)
        r = RUN.match(seg, first.start()) if first else None
        run = r.group(0) if r else ""
        line, _, _ = run.strip().partition("\n")
        if len(line.split()) >= WIDTH:
            run = line  # a whole row on its own line: the next line's digits belong to another row
        rest = seg[: first.start()] if first else ""
        label = "".join((m.group(0) + rest).split())
        where = f"表三“{label}”行"
        if not run.strip():
            out.append(
                RowRead(row.id, label, [[read_cell("") for _ in range(WIDTH)]], raw="", flattened=True)
            )
            continue
        splits, unit = split_run(run, _INT, _row_rule)
        out.append(
            RowRead(row.id, label, options_from_splits(splits, unit, where), raw=run.strip(), flattened=True)
        )
    return out


def column_rules(sub_rows: bool, cat: Catalogue) -> list[Rule]:
    """Per column: 一+二 = (七)+四, and (七) = Σ the result rows."""
    results = [r.id for r in data_rows(cat, sub_rows) if r.id not in _EDGE_ROWS]

    def rule(a: Assignment) -> bool:
        for c in range(WIDTH):
            left = total_of(a, ["apply.new", "apply.carried_in"], c)
            right = total_of(a, ["apply.total", "apply.carried_out"], c)
            if not equal(left, right):
                return False
            present = [r for r in results if r in a]
            if len(present) == len(results) and not equal(
                value(a, "apply.total", c), total_of(a, present, c)
            ):
                return False
        return True

    return [rule]


def read_apply(lay: Layout, span: Span, cat: Catalogue) -> tuple[list[RowRead], bool]:
    """Table 三's rows (settled by the sum rules) and whether it uses the 2021 其他处理 sub-rows."""
    text = lay.text[span.body : span.end]
    sub_rows = pattern(cat.rows["apply.other.no_correction"]).search(text) is not None
    by_cells = _from_cells(lay.lines_in(span), cat, sub_rows)
    by_text = [] if len(by_cells) >= len(data_rows(cat, sub_rows)) else _from_text(text, cat, sub_rows)
    rows = by_text if len(by_text) > len(by_cells) else by_cells
    settle(rows, column_rules(sub_rows, cat))
    return rows, sub_rows
