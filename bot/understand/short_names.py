"""The short-name rule: a Chinese short name keeps characters of the full name, in order, each the first of a
word of it or right after another one kept (工信局 ← 工业和信息化局, 审批局 ← 行政审批服务局, 政数局 ←
政务服务和数据管理局, 商务局 ← 商务和投资促进局), and ends with the same kind word (局, 委, 办, 中心 …).

The standard short names (department_names.tsv beside this file) are data: they are the ones shown to
people; a short name found by the rule is matched, never shown.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("department_names.tsv")

# Kind words a body's name ends with, longest first, and the class they agree by (委员会 and 委 are one kind).
KINDS = (("管理委员会", "管委会"), ("管委会", "管委会"), ("委员会", "委"), ("办公室", "办"), ("办公厅", "厅"),
         ("办事处", "办事处"), ("中心", "中心"), ("局", "局"), ("委", "委"), ("办", "办"), ("厅", "厅"), ("署", "署"),
         ("馆", "馆"), ("支队", "队"), ("大队", "队"), ("所", "所"), ("站", "站"), ("院", "院"))
_JOINS = re.compile(r"[和与及]")
MIN_CORE = 2  # a short name keeps at least two characters before its kind word (财局 names nothing)


@cache
def standard() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(full department name, its standard short names) from the data file, longest full name first."""
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            full, shorts = line.split("\t")[:2]
            rows.append((full, tuple(s for s in shorts.split(",") if s)))
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def standard_words() -> frozenset[str]:
    """Every standard department name and short name (交通运输局, 交通局 …): words that name a department."""
    return frozenset(w for full, shorts in standard() for w in (full, *shorts))


def kind_of(name: str) -> tuple[str, str] | None:
    """(core, kind class) of a body name: 行政审批服务局 → (行政审批服务, 局); None without a kind word."""
    for word, cls in KINDS:
        if name.endswith(word) and len(name) > len(word):
            return name[: -len(word)], cls
    return None


@lru_cache(maxsize=65536)
def _starts(core: str) -> frozenset[int]:
    """Where the words of a body's core begin: after 和/与/及, then every two characters (行政|审批|服务)."""
    out: set[int] = set()
    k = 0
    for part in _JOINS.split(core):  # a part of odd length holds a word of three (大数据管理): any may begin one
        out.update(range(k, k + len(part), 2 if len(part) % 2 == 0 else 1))
        k += len(part) + 1
    return frozenset(out)


@lru_cache(maxsize=65536)
def score(word: str, body: str) -> float | None:
    """How well a short word names a body (coverage + tightness, up to 2), or None when the rule says it does not."""
    w, b = kind_of(word), kind_of(body)
    if w is None or b is None or w[1] != b[1] or len(w[0]) < MIN_CORE:
        return None
    said, core = w[0], b[0]
    starts = _starts(core)
    at: list[int] = []
    k = 0
    for ch in said:  # leftmost, each kept character a word's first or right after the one kept before
        while k < len(core) and not (core[k] == ch and (k in starts or (at and at[-1] == k - 1))):
            k += 1
        if k == len(core):
            return None
        at.append(k)
        k += 1
    return len(said) / len(core) + len(said) / (at[-1] - at[0] + 1)


def standard_shorts(body: str) -> tuple[str, ...]:
    """The standard short names of a body (行政审批服务局 → 审批局; 卫生健康委员会 → 卫健委), from the data."""
    return next((shorts for full, shorts in standard() if body == full), ())


# Words after a place that name a body of it: a department's kind, or a level or park of its own (双河镇, 园区).
_PLACE_KINDS = ("街道办事处", "街道办", "街道", "管理委员会", "管委会", "开发区", "高新区", "经开区", "集聚区", "集中区",
                "实验区", "示范区", "工业园", "产业园", "科技园", "园区", "片区", "新区", "镇", "乡")
ZONE_KINDS = _PLACE_KINDS[5:-2]  # a zone of a place asked by its kind alone (开封示范区, 苏州园区)
_AFTER = re.compile(r"^的?([\u4e00-\u9fff]{1,12})")
_STOP = re.compile(r"多少|几|哪|什么|是否|有没有|怎么|年|件|申请|复议|诉讼|公开|收到|办理|办结|的|各|和|与|及|、")
_JOINED = re.compile(r"(?<=[\u4e00-\u9fff]{2})[和与及](?=[\u4e00-\u9fff]{2})")  # 发展和改革: a joining word kept


def body_words(text: str) -> list[str]:
    """Words at the start of text that end with a kind word (审批局, 双河镇, 园区), shortest first.

    The run of characters stops at a question word (多少, 收到 …); a 和 between two words of one name
    (工业和信息化局) is kept.
    """
    m = _AFTER.match(text)
    if m is None:
        return []
    run = m.group(1)
    keep = {k.start() for k in _JOINED.finditer(run)}
    cut = next((s.start() for s in _STOP.finditer(run) if s.start() not in keep and s.start() > 0), len(run))
    run = run[:cut]
    out = []
    for end in range(2, len(run) + 1):
        word = run[:end]
        if kind_of(word) is not None or word.endswith(_PLACE_KINDS):
            out.append(word)
    return out


def is_department(word: str) -> bool:
    """Whether a word ends with a department's kind word (局, 委, 办公室 …), not a place's (镇, 园区)."""
    return kind_of(word) is not None and not word.endswith(_PLACE_KINDS)


def ranked(word: str, bodies: list[tuple[str, str]]) -> list[tuple[float, str]]:
    """(score, agency) of the (agency, body) pairs the short word names by the rule, best first."""
    got = [(v, a) for a, b in bodies if (v := score(word, b)) is not None]
    return sorted(got, key=lambda x: (-x[0], x[1]))


def zone_words(kind: str) -> tuple[str, ...]:
    """The endings of zones a kind word names (园区 → 工业园区, 产业园, …; 开发区 → 经济技术开发区 …)."""
    from bot.understand.regions import PARKS

    return tuple({kind} | {long for long, shorts in PARKS if kind == long or kind in shorts})
