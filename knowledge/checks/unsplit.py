"""Sums whose terms include cells printed run together (“898989”) that no reading of them can satisfy.

A flattened cell is `uncertain` with the values its digits could be split into; the sum checks
(sums.py) never guess at it.  But when no choice of those values — each cell taken on its own, a
superset of the real splits — makes a template sum hold, the document itself does not add up,
whatever it meant: that is said, naming the run-together cells, rather than hidden.  Scanned cells
(which keep their OCR reading) are left to scan.py: there a failing sum may be a misreading.
"""

from __future__ import annotations

from itertools import product

from knowledge.catalogue import Catalogue
from knowledge.checks.scan import Sum, sums_over
from knowledge.models import Fact, Warning_

MAX_TRIES = 4096


def _options(f: Fact) -> list[float] | None:
    if f.kind in ("number", "zero") and f.value is not None:
        return [f.value]
    if f.kind == "uncertain" and f.candidates and not f.source.reading:
        return list(f.candidates)
    return None


def _never(s: Sum, options: dict[tuple[str, str], list[float]]) -> bool:
    keys = s.keys
    size = 1
    for k in keys:
        size *= len(options[k])
    if size > MAX_TRIES:
        return False
    left = set(s.left)
    for combo in product(*(options[k] for k in keys)):
        got = dict(zip(keys, combo, strict=True))
        if abs(sum(got[k] for k in left) - sum(got[k] for k in s.right)) < 1e-6:
            return False
    return True


def unsplit_warnings(facts: list[Fact], cat: Catalogue, heading: dict[str, str]) -> list[Warning_]:
    """Template sums over run-together cells that hold for no reading of them."""
    cells = {(f.row, f.column): f for f in facts if f.column and f.row != "prose" and not f.derived_from}
    options = {k: o for k, f in cells.items() if (o := _options(f)) is not None}
    out = []
    for s in sums_over(cat, {k: cells[k] for k in options}):
        runs = [cells[k] for k in s.keys if cells[k].kind == "uncertain"]
        if not runs or not _never(s, options):
            continue
        shown = "、".join(dict.fromkeys(f"“{f.source.row}／{f.source.column}”" for f in runs))
        raw = "、".join(dict.fromkeys(f"“{f.raw}”" for f in runs))
        msg = f"{s.name}，但{shown}原文数字连写（{raw}），无论如何拆分都不成立"
        section = heading.get("四" if s.name.startswith("表四") else "三")
        out.append(Warning_("unsplit.sum", msg, section,
                            [{"row": r, "column": c, "year": None} for r, c in s.keys], "error"))
    return out
