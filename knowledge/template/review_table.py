"""Table 四 (行政复议、行政诉讼): one data row of 15 cells, three groups of five.

Flattened text (`110024001510102`) is split group by group with the rule
结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计; splits that still differ leave the cells uncertain.
Some documents print the table as three small tables of five, each under its group's name
(`行政复议`, `行政诉讼（未经复议直接起诉）`, `行政诉讼（复议后起诉）`); a group whose own table is
not found is missing (None), never blank.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from knowledge.models import Line
from knowledge.template.cells import RUN, Cell, is_label, read_cell, splits
from knowledge.template.sections import Layout, Span
from knowledge.template.solve import RowRead, collapse, options_from_splits

GROUPS = 3
WIDTH = 5
_HEADER_WORDS = re.compile(
    r"(?:行\s*政\s*复\s*议|行\s*政\s*诉\s*讼|结\s*果\s*维\s*持|结\s*果\s*纠\s*正|其\s*他\s*结\s*果|"
    r"尚\s*未\s*审\s*结|总\s*计|未\s*经\s*复\s*议\s*直\s*接\s*起\s*诉|复\s*议\s*后\s*起\s*诉)"
)
MAX_SPLITS = 50_000
_COLUMN_NAMES = [
    f"“{g}”“{c}”列"
    for g in ("行政复议", "未经复议直接起诉", "复议后起诉")
    for c in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
]


def _group_ok(tokens: list[str]) -> bool:
    nums = [float(t) for t in tokens]
    return abs(sum(nums[:4]) - nums[4]) < 1e-6


def _group_splits(s: str, groups: int) -> Iterator[list[str]]:
    """Splits of s into groups×5 numbers where every group adds up."""
    if groups == 0:
        if not s:
            yield []
        return
    for cut in range(WIDTH, len(s) - (groups - 1) * WIDTH + 1):
        for head in splits(s[:cut], [(False, False)] * WIDTH):
            if _group_ok(head):
                for rest in _group_splits(s[cut:], groups - 1):
                    yield head + rest


def _split(run: str) -> list[list[str]]:
    """All group-consistent splits of a run (whitespace split first), else every split."""
    parts = run.split()
    if len(parts) == GROUPS * WIDTH and all(re.fullmatch(r"0|[1-9]\d*", p) for p in parts):
        if all(_group_ok(parts[g * WIDTH : (g + 1) * WIDTH]) for g in range(GROUPS)):
            return [parts]
    digits = re.sub(r"\s+", "", run)
    out: list[list[str]] = []
    for sp in _group_splits(digits, GROUPS):
        out.append(sp)
        if len(out) >= MAX_SPLITS:
            break
    if not out:
        for sp in splits(digits, [(False, False)] * GROUPS * WIDTH):
            out.append(sp)
            if len(out) >= MAX_SPLITS:
                break
    return out


_GROUP_NAMES = (
    re.compile(r"行\s*政\s*复\s*议(?!\s*后)"),
    re.compile(r"直\s*接\s*起\s*诉"),
    re.compile(r"复\s*议\s*后\s*起\s*诉"),
)


def _group_named(ln: Line) -> int | None:
    """The one group a line names (`### 行政诉讼（复议后起诉）`); None when it names none or several."""
    text = " ".join(c for c in ln.cells if c)
    hits = [g for g, p in enumerate(_GROUP_NAMES) if p.search(text)]
    return hits[0] if len(hits) == 1 else None


def _five(ln: Line) -> list[str] | None:
    """The cells of a row of exactly five values (a group's own small table), else None."""
    cells = [c or "" for c in ln.cells]
    while cells and not cells[-1].strip():
        cells.pop()
    if len(cells) != WIDTH or not any(re.search(r"\d", c) for c in cells) or any(is_label(c) for c in cells):
        return None
    return cells


def _from_group_tables(lines: list[Line]) -> list[Cell | None] | None:
    """Three tables of five, each under its group's name; None when the section is not laid out so."""
    out: list[Cell | None] = [None] * (GROUPS * WIDTH)
    group: int | None = None
    found = False
    for ln in lines:
        filled = [c for c in ln.cells if c and c.strip()]
        if filled and any(is_label(c) for c in filled):
            named = _group_named(ln)
            group = named if named is not None else group if _HEADER_WORDS.search(" ".join(filled)) else None
            continue
        five = _five(ln)
        if five is None or group is None or out[group * WIDTH] is not None:
            continue
        for i, v in enumerate(five):
            out[group * WIDTH + i] = read_cell(v, f"表四{_COLUMN_NAMES[group * WIDTH + i]}")
        found = True
    return out if found else None


def _from_cells(lay: Layout, span: Span) -> list[Cell | None] | None:
    """The 15 cells from the first table row holding only values (or the three tables of five)."""
    lines = lay.lines_in(span)
    for ln in lines:
        filled = [c for c in ln.cells if c and c.strip()]
        if not filled or any(is_label(c) for c in filled) or not any(re.search(r"\d", c) for c in filled):
            continue
        if _five(ln) is not None and (groups := _from_group_tables(lines)) is not None:
            return groups
        if len(filled) == 1:
            if len(filled[0].split()) > 1 or ln.kind == "row":
                return _from_run(filled[0])
            continue
        vals = list(ln.cells)
        while vals and not (vals[-1] or "").strip():
            vals.pop()
        if len(vals) >= GROUPS * WIDTH:
            vals = vals[-GROUPS * WIDTH :]
        else:
            while vals and not (vals[0] or "").strip():
                vals.pop(0)
            vals = (vals + [""] * GROUPS * WIDTH)[: GROUPS * WIDTH]
        return [read_cell(v, f"表四{_COLUMN_NAMES[i]}") for i, v in enumerate(vals)]
    return None


def _from_run(run: str) -> list[Cell]:
    rr = RowRead(
        "review", "", options_from_splits(_split(run), None, "表四"), raw=run.strip(), flattened=True
    )
    return collapse(rr, GROUPS * WIDTH)


def _from_text(text: str) -> list[Cell] | None:
    """The 15 cells from the first run of at least 15 digits right after the header words."""
    for m in _HEADER_WORDS.finditer(text):
        r = RUN.match(text, m.end())
        if r is not None and len(re.findall(r"\d", r.group(0))) >= GROUPS * WIDTH:
            return _from_run(r.group(0))
    return None


def read_review(lay: Layout, span: Span) -> list[Cell | None] | None:
    """The 15 cells of table 四 in template order (None when the section has no table; a cell None
    when its group's table is missing)."""
    cells = _from_cells(lay, span)
    return cells if cells is not None else _from_text(lay.text[span.body : span.end])
