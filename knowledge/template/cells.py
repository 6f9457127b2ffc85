"""Table cells: read one printed cell into a value and its kind, and split flattened digit runs.

Kinds stay distinct: a printed 0 is "zero", an empty cell "blank", "/" or 不适用 "na", a dash
"dash"; a run of digits whose cell boundaries were lost gives every possible split, so that the
caller can keep only the splits the sum rules allow.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from knowledge.errors import BadTable
from knowledge.models import ValueKind

_NA = {"/", "／", "不适用", "无此项", "\\"}
_DASH = {"—", "-", "－", "——", "–", "―", "--"}
_UNIT = r"(?:万元|亿元|元|件|个|项|条|次)"
NUMBER = re.compile(rf"^([+-]?)(\d+(?:\.\d+)?)\s*({_UNIT})?$")
_INT_TOKEN = re.compile(r"0|[1-9]\d*")
_DEC_TOKEN = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")
RUN = re.compile(rf"[\d\s.\-－/／—]*\d[\d\s.\-－/／—]*(?:{_UNIT})?|[/／—－]+")
MAX_SPLITS = 200_000


@dataclass(frozen=True)
class Cell:
    """One table cell as read: value, kind, the printed text and a unit the cell itself names."""

    value: float | None
    kind: ValueKind
    raw: str
    unit: str | None = None
    candidates: tuple[float, ...] | None = None


def clean(text: str | None) -> str:
    """NFKC and no whitespace: the form in which cells and labels are compared."""
    if text is None:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def read_cell(text: str | None, where: str = "") -> Cell:
    """The value of one printed cell; letters or nonsense raise BadTable naming `where`."""
    raw = (text or "").strip()
    s = clean(raw).replace(",", "")
    if not s:
        return Cell(None, "blank", raw)
    if s in _NA:
        return Cell(None, "na", raw)
    if s in _DASH or set(s) <= set("—-－–―"):
        return Cell(None, "dash", raw)
    m = NUMBER.match(s)
    if m is None:
        raise BadTable(f"表格中应为数字的单元格写着“{raw}”（{where}）")
    value = float(Decimal(m.group(2))) * (-1 if m.group(1) == "-" else 1)
    unit = m.group(3)
    if unit in ("件", "个", "项", "条", "次"):
        unit = None  # a counting word repeats the column's unit; only money units override it
    return Cell(value, "zero" if value == 0 else "number", raw, unit)


def exact_sum(values: Iterable[float]) -> float:
    """The sum of printed decimals without binary drift (0.1 + 0.2 is 0.3, not 0.30000000000000004)."""
    return float(sum((Decimal(repr(float(v))) for v in values), Decimal(0)))


def is_label(text: str | None) -> bool:
    """Whether a cell is label text (has Chinese words) rather than a value, "/" or 不适用."""
    s = clean(text)
    return bool(re.search(r"[\u4e00-\u9fff]", s)) and s not in _NA and NUMBER.match(s) is None


def _token_ok(token: str, decimal: bool, signed: bool) -> bool:
    """A flattened piece is a well-formed number: no leading zeros except 0 itself."""
    if signed and token.startswith("-"):
        token = token[1:]
    pattern = _DEC_TOKEN if decimal else _INT_TOKEN
    return pattern.fullmatch(token) is not None


def splits(s: str, kinds: list[tuple[bool, bool]]) -> Iterator[list[str]]:
    """Every way to cut digit string s into len(kinds) well-formed numbers, in order."""
    if not kinds:
        if not s:
            yield []
        return
    if len(kinds) == 1:
        if _token_ok(s, *kinds[0]):
            yield [s]
        return
    for i in range(1, len(s)):
        head = s[:i]
        if _token_ok(head, *kinds[0]):
            for rest in splits(s[i:], kinds[1:]):
                yield [head, *rest]


def split_run(
    run: str, kinds: list[tuple[bool, bool]], accept: Callable[[list[str]], bool] | None = None
) -> tuple[list[list[str]], str | None]:
    """All splits of a flattened run into len(kinds) cells (kinds = (decimal, signed) per cell).

    `accept` (a sum rule) filters the splits; when no split passes, all are returned, so a row
    that breaks its rule stays uncertain instead of vanishing.  Spaces are noise, except that a
    whitespace split with exactly the right count of good numbers that `accept` passes is taken
    as the one split.  A trailing money unit (`394432.52元`) is returned for the last cell.
    """
    s = unicodedata.normalize("NFKC", run).strip()
    unit = None
    if m := re.search(r"(万元|亿元|元)$", s):
        unit, s = m.group(1), s[: m.start()].strip()
    parts = s.split()
    if len(parts) == len(kinds) and all(_token_ok(p, *k) for p, k in zip(parts, kinds, strict=True)):
        if accept is None or accept(parts):
            return [parts], unit
    every: list[list[str]] = []
    for split in splits(re.sub(r"\s+", "", s), kinds):
        every.append(split)
        if len(every) >= MAX_SPLITS:
            break
    kept = [sp for sp in every if accept is None or accept(sp)]
    return (kept or every), unit
