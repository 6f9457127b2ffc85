"""OCR'd table cells checked by the template's sum rules before they are stored.

Every printed number of a scanned table is a term of the sums the template fixes (table 三's column
balance, results total and group rows, each row's 总计 over the applicant columns; table 四's 总计 per
group).  A cell in a sum that holds is confirmed and stored as read.  A sum that fails with exactly
one unconfirmed cell names the value that cell must have; when that value differs from the reading in
one digit (the way OCR misreads: 8↔3, 1↔7) and breaks no other sum, the cell is corrected and its
source keeps both readings.  Every other cell — in a failing sum, or in no sum at all (table 二) — is
`uncertain`: the scan does not establish it, so it is never answered as a figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from knowledge.catalogue import Catalogue
from knowledge.fact_index import fmt
from knowledge.models import Fact, Warning_

Key = tuple[str, str]
FIGURES = ("number", "zero")
SUMMARY = "OCR：{pages}页，{checked}个数字经勾稽核对，{uncertain}个存疑"
CORRECTED = "扫描件识别为“{raw}”，与勾稽关系（{rule}）不符，按其更正为{value}"
UNCHECKED = "扫描件识别为“{raw}”，但没有勾稽关系可以核对这个数字，不作为确定数字回答"
CONTRADICTED = "扫描件识别为“{raw}”，与勾稽关系（{rule}）不符，无法确定是哪个数字识别有误，不作为确定数字回答"
# a sum that fails with readings no other sum confirms: a misreading or the document's own slip, which
# the scan cannot tell (one whose every reading another sum confirms is the document's: sums.py says so)
UNSETTLED = "{rule}，但扫描件读出的数字是{left}与{right}：可能是识别有误，也可能是报告本身不一致，扫描件无法判断，请核对原件"


@dataclass
class Sum:
    """One rule instance: sum(left) == sum(right), with a name for people."""

    left: list[Key]
    right: list[Key]
    name: str

    @property
    def keys(self) -> list[Key]:
        return self.left + self.right


@dataclass
class Outcome:
    """What the check made of a scanned report's cells."""

    facts: list[Fact]
    checked: int  # confirmed or corrected by a sum
    uncertain: int
    warnings: list[Warning_] = field(default_factory=list)  # sums the readings leave failing (UNSETTLED)


def sums_over(cat: Catalogue, cells: dict[Key, Fact]) -> list[Sum]:
    """The template's sums over the cells present, group rows expanded into sub-rows when not printed."""
    rows = {r.id: r for r in cat.apply_rows}

    def terms(row: str, col: str) -> list[Key] | None:
        if (row, col) in cells:
            return [(row, col)]
        r = rows.get(row)
        subs = (r.sum_of or r.sum_of_2021) if r else ()
        got = [(s, col) for s in subs if (s, col) in cells]
        return got if subs and len(got) == len(subs) else None

    def add(left: list[tuple[str, str]], right: list[tuple[str, str]], name: str) -> None:
        lt = [terms(*k) for k in left]
        rt = [terms(*k) for k in right]
        if all(t is not None for t in lt + rt):
            out.append(Sum([k for t in lt for k in t or []], [k for t in rt for k in t or []], name))

    out: list[Sum] = []
    rules = {r["id"]: r for r in cat.raw["apply"]["rules"]}
    bal, res = rules["apply.balance"], rules["apply.results"]
    for col in cat.apply_columns:
        c = col.id
        add([(r, c) for r in bal["left"]], [(r, c) for r in bal["right"]], f"表三{col.label}列：{bal['text']}")
        add([(r, c) for r in res["left"]], [(r, c) for r in res["right"]], f"表三{col.label}列：{res['text']}")
        for r in cat.apply_rows:
            subs = r.sum_of or r.sum_of_2021
            if subs and (r.id, c) in cells:
                add([(r.id, c)], [(s, c) for s in subs], f"表三{col.label}列：{r.short}等于其各项之和")
    parts = [c.id for c in cat.apply_columns if c.id != "total"]
    for r in cat.apply_rows:
        if (r.id, "total") in cells:
            add([(r.id, "total")], [(r.id, p) for p in parts], f"表三{r.short}行：总计等于各申请人列之和")
    cols = [c.id for c in cat.review_columns]
    for g in cat.review_groups:
        add([(g["id"], cols[-1])], [(g["id"], c) for c in cols[:-1]], f"表四{g['label']}：总计等于四项结果之和")
    return out


def _holds(s: Sum, value: dict[Key, float]) -> bool:
    return abs(sum(value[k] for k in s.left) - sum(value[k] for k in s.right)) < 1e-6


def _one_digit_off(read: float, want: float) -> bool:
    """True when `want` is `read` with one digit misread (same length): how OCR errs."""
    if want < 0 or not float(want).is_integer() or not float(read).is_integer():
        return False
    a, b = str(int(read)), str(int(want))
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def verify(facts: list[Fact]) -> Outcome:
    """Table cells of a scanned report checked by the sums (see the module doc); other facts untouched."""
    from knowledge.catalogue import default

    cat = default()
    cells = {(f.row, f.column): f for f in facts if f.column and f.kind in FIGURES and not f.derived_from}
    value = {k: float(f.value or 0) for k, f in cells.items()}
    sums = sums_over(cat, cells)
    confirmed: set[Key] = set()
    corrected: dict[Key, tuple[float, str]] = {}
    changed = True
    while changed:
        changed = False
        for s in sums:
            if _holds(s, value):
                new = set(s.keys) - confirmed
                changed |= bool(new)
                confirmed |= new
                continue
            open_ = [k for k in s.keys if k not in confirmed]
            if len(open_) != 1:
                continue
            k = open_[0]
            left = sum(value[x] for x in s.left if x != k)
            right = sum(value[x] for x in s.right if x != k)
            want = right - left if k in s.left else left - right  # not -(left - right): no -0.0 stored
            trial = {**value, k: want}
            if _one_digit_off(value[k], want) and all(_holds(t, trial) for t in sums if k in t.keys and t is not s
                                                     and all(x in confirmed or x == k for x in t.keys)):
                corrected[k] = (want, s.name)
                value[k] = want
                changed = True
    failing = {k: s.name for s in sums if not _holds(s, value) for k in s.keys}
    warnings = [_unsettled(s, value, cells) for s in sums if not _holds(s, value)
                and any(k not in confirmed and k not in corrected for k in s.keys)]
    out, uncertain = [], 0
    for f in facts:
        k = (f.row, f.column or "")
        if k not in cells:
            out.append(f)
        elif k in corrected:
            v, rule = corrected[k]
            reading = CORRECTED.format(raw=f.raw, rule=rule, value=fmt(v))
            kind = "zero" if v == 0 else "number"
            out.append(replace(f, value=v, kind=kind, source=replace(f.source, reading=reading)))
        elif k in confirmed:
            out.append(f)
        else:
            uncertain += 1
            why = CONTRADICTED.format(raw=f.raw, rule=failing[k]) if k in failing else UNCHECKED.format(raw=f.raw)
            out.append(replace(f, kind="uncertain", value=None, candidates=[f.value or 0.0],
                               source=replace(f.source, reading=why)))
    return Outcome(out, len(confirmed | set(corrected)), uncertain, list({w.message: w for w in warnings}.values()))


def _unsettled(s: Sum, value: dict[Key, float], cells: dict[Key, Fact]) -> Warning_:
    """A failing sum of a scan, said as such: never claimed as the document's own inconsistency."""
    left, right = sum(value[k] for k in s.left), sum(value[k] for k in s.right)
    section = next((cells[k].source.section for k in s.keys if k in cells), None)
    return Warning_("scan.sum", UNSETTLED.format(rule=s.name, left=fmt(left), right=fmt(right)), section,
                    [{"row": r, "column": c, "year": None} for r, c in s.keys], "scan")
