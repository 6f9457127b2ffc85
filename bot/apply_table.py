"""Table 三 (收到和处理政府信息公开申请情况): rows × the 7 applicant columns.

Rows are matched to the catalogue in template order, from table cells (grid or tabs) or, for
crawled text where every cell runs together, from the labels found in the flattened text with the
digits between them split by the sum rules (row: 总计 = Σ six columns; columns: 一+二 = (七)+四 and
(七) = Σ results).
"""

from __future__ import annotations

import re

from .catalogue import Catalogue, Row
from .cells import RUN, is_label, read_cell, split_run
from .labels import GROUP_LABEL, norm, pattern, row_matches
from .models import Line
from .sections import Layout, Span
from .solve import Assignment, RowRead, Rule, equal, options_from_splits, settle, total_of, value

WIDTH = 7
_INT = [(False, False)] * WIDTH


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


def _from_cells(lines: list[Line], cat: Catalogue, sub_rows: bool) -> list[RowRead]:
    """Rows read from table cells."""
    rows = [
        ln for ln in lines if ln.kind == "row" or ln.grid or sum(1 for c in ln.cells if c and c.strip()) >= 2
    ]
    width = max((i for ln in rows if ln.grid for i, c in enumerate(ln.cells) if c and c.strip()), default=0)
    order = cat.apply_rows
    cursor, out = 0, []
    for ln in rows:
        cells = ln.cells
        label_end = max((i for i, c in enumerate(cells) if c and c.strip() and is_label(c)), default=-1)
        labels = [c for c in cells[: label_end + 1] if c and c.strip() and not GROUP_LABEL.match(norm(c))]
        hit, printed = None, ""
        for text in reversed(labels):
            hit = next((k for k in range(cursor, len(order)) if row_matches(text, order[k])), None)
            if hit is not None:
                printed = " ".join(text.split())
                break
        if hit is None:
            continue
        row = order[hit]
        vals = _values(cells, label_end + 1, ln.grid, width)
        if row.header and not any((v or "").strip() for v in vals):
            cursor = hit + 1
            continue  # a group label (不予公开 …) without cells of its own
        if row.version == "2021" and not sub_rows:
            continue
        cols = [c.label for c in cat.apply_columns]
        read = [read_cell(v, f"表三“{printed}”行“{col}”列") for v, col in zip(vals, cols, strict=True)]
        out.append(RowRead(row.id, printed, [read]))
        cursor = hit + 1
    return out


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
    results = [
        r.id
        for r in data_rows(cat, sub_rows)
        if r.id not in ("apply.new", "apply.carried_in", "apply.total", "apply.carried_out")
    ]

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
