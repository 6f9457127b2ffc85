"""Uncertain table 二 cells settled by the figures the prose quotes for them.

Table 二 has no sum rule, so a flattened run such as `8855698` under 本年制发件数 · 本年废止件数 ·
现行有效件数 stays uncertain.  When the report's own prose names those cells (动态更新本年度制发的
规范性文件88件; 集中公开现行有效行政规范性文件698件) and exactly one split of the run agrees with every
such figure, the row is settled by that split.  Only when this is clean: a figure that no split
allows, or two figures for one cell that disagree, leave the row as it was.  A settled cell keeps the
run as its raw text; its source quotes the sentences and says the run was split by them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from knowledge.catalogue import Catalogue, Column
from knowledge.checks.prose import context
from knowledge.models import Fact
from knowledge.template.cells import split_run

# (row, the words a prose figure ends with) — 规范性文件 also covers 行政规范性文件
_ROWS = (("active.normative", "规范性文件"), ("active.rule", "规章"))
_THIS_YEAR = re.compile(r"本年|本年度|全年|年内|今年|当年|\d{4}年")
_NOT_THIS_YEAR = re.compile(r"累计|历年|截至|截止|以来|拟")
_FLAT = re.compile(r"-?\d[\d.\-]*(?:万元|亿元|元)?")
_PROSE_UNITS = ("件", "个", "份", "篇")


def _column(before: str, template: str) -> str | None:
    """The table 二 column the words before a `…规范性文件N件` figure name, if clearly one."""
    if "现行有效" in before:
        return "in_force" if template == "2021" else None
    if _NOT_THIS_YEAR.search(before) or not _THIS_YEAR.search(before):
        return None
    if re.search(r"制发|新制定|制定|出台|印发|新制作", before):
        return "issued" if template == "2021" else "new_made"
    if template == "2021" and re.search(r"废止", before) and "清理" not in before:
        return "repealed"
    return None


def _claims(facts: list[Fact], template: str) -> dict[tuple[str, str], list[Fact]]:
    """(row, column) → the prose figures that name that table 二 cell."""
    out: dict[tuple[str, str], list[Fact]] = {}
    for f in facts:
        if f.row != "prose" or f.unit not in _PROSE_UNITS or not f.source.sentence or f.value is None:
            continue
        ctx = context(f.source.sentence, f.source.row or f.raw, f.raw)
        if ctx is None:
            continue
        before = ctx[0].strip()
        for row, words in _ROWS:
            if before.endswith(words) and (col := _column(before, template)) is not None:
                out.setdefault((row, col), []).append(f)
    return out


def _columns(cat: Catalogue, template: str, row: str) -> dict[str, Column]:
    for block in cat.active.get(template, []):
        if any(r.id == row for r in block.rows):
            return {c.id: c for c in block.columns}
    return {}


def _settle(
    cells: list[Fact], claims: dict[str, list[Fact]], columns: dict[str, Column]
) -> list[Fact] | None:
    """The row's cells settled by the claims, or None when that is not clean."""
    raw = cells[0].raw
    if not _FLAT.fullmatch(raw) or any(c.raw != raw or c.column not in columns for c in cells):
        return None
    want: dict[int, Decimal] = {}
    for col, figures in claims.items():
        values = {Decimal(repr(f.value)) for f in figures}
        at = next((i for i, c in enumerate(cells) if c.column == col), None)
        if len(values) != 1 or at is None:
            return None  # two figures for one cell, or a cell the table does not show
        want[at] = values.pop()
    kinds = [(columns[c.column or ""].decimal, columns[c.column or ""].signed) for c in cells]
    splits, _ = split_run(raw, kinds)
    if any(not any(Decimal(sp[i]) == v for sp in splits) for i, v in want.items()):
        return None  # a figure no split allows: the prose and the table disagree
    fit = [sp for sp in splits if all(Decimal(sp[i]) == v for i, v in want.items())]
    if len(fit) != 1:
        return None
    quoted = [f for figures in claims.values() for f in figures]
    clauses = "".join(f"“{f.source.row or f.raw}”" for f in quoted)
    sentences = " ".join(dict.fromkeys(f.source.sentence or "" for f in quoted))
    out = []
    for cell, token in zip(cells, fit[0], strict=True):
        value = float(Decimal(token))
        note = f"{cell.source.column}（表中数字连写为“{raw}”，按正文{clauses}拆分）"
        source = replace(cell.source, column=note, sentence=sentences)
        out.append(
            replace(
                cell, value=value, kind="zero" if value == 0 else "number", candidates=None, source=source
            )
        )
    return out


def confirm(facts: list[Fact], cat: Catalogue, template: str) -> list[Fact]:
    """The facts, with uncertain table 二 rows settled by the prose where that is clean."""
    claims = _claims(facts, template)
    settled: dict[int, Fact] = {}
    for row, _ in _ROWS:
        mine = {col: fs for (r, col), fs in claims.items() if r == row}
        cells = [(i, f) for i, f in enumerate(facts) if f.row == row and not f.derived_from]
        if not mine or not cells or any(f.kind != "uncertain" for _, f in cells):
            continue
        done = _settle([f for _, f in cells], mine, _columns(cat, template, row))
        if done is not None:
            settled.update({i: f for (i, _), f in zip(cells, done, strict=True)})
    return [settled.get(i, f) for i, f in enumerate(facts)]
