"""Place names a report's text mentions, checked against China's divisions (cpca's table, county level up).

A page that says only “县政府编制了2020年度…报告” names its county elsewhere (“2020年，大英县认真贯彻…”).
Which county-, city- or district-level names a text holds is read against the division table that
ships with cpca (its CSV file only: importing cpca would load pandas); a name is counted where the
characters before it do not make it part of a longer word the table also knows.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache
from importlib import metadata
from pathlib import Path

# generic words that end like a place but name none: 我县, 全县, 本区 …
_GENERIC = re.compile(r"^[我全本该各此两一二三四五六七八九十多每县市区乡镇]")


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """Every division name of the table (empty when cpca is not installed)."""
    try:
        where = Path(str(metadata.distribution("cpca").locate_file("cpca/resources"))) / "adcodes.csv"
    except metadata.PackageNotFoundError:
        return frozenset()
    if not where.exists():
        return frozenset()
    with open(where, encoding="utf-8") as f:
        return frozenset(n for row in csv.DictReader(f) if len(n := row["name"]) >= 2)


def names() -> frozenset[str]:
    """Every county-level-and-up division name (empty when the table is not installed)."""
    return _names()


def mentioned(text: str, level: str) -> list[str]:
    """Division names ending in `level` (县, 区, 市 …) that the text mentions, most often first."""
    names = _names()
    counts: Counter[str] = Counter()
    for m in re.finditer(re.escape(level), text):
        end = m.end()
        for size in range(6, 1, -1):  # the longest known name ending here
            cand = text[max(0, end - size) : end]
            if len(cand) == size and cand in names and not _GENERIC.match(cand):
                counts[cand] += 1
                break
    return [n for n, _ in counts.most_common()]


# a zone named by its kind alone, perhaps after a level word that stands for “our city's” (经开区, 市临空经济区)
_BARE_ZONE = re.compile(
    r"^(?P<level>[市县区州])?(?P<kind>(?:经济技术|高新技术产业|高新技术|临空经济|临港经济|综合保税|旅游度假|经济|工业|产业)?"
    r"(?:开发区|园区|新区|试验区|实验区|保税区)|经开区|高新区|临空区|管理区)$"
)
_ZONE_WORDS = "经济技术开发区|经开区|开发区|高新技术产业开发区|高新区|新区|临空经济区|临空区|工业园区|产业园区|保税区|管理区"
_LEVELS = "市县区州盟旗"


def zone_place(agency: str, text: str) -> str | None:
    """A zone's name with the place the page gives it elsewhere (an address “安顺经济技术开发区迎宾路…”, the site's
    name): 经开区 → 安顺经开区, 市临空经济区 → 某某市临空经济区; None when the name has its place or the page
    names no single one."""
    m = _BARE_ZONE.match(agency)
    known = _names()
    if m is None or not known:
        return None
    counts: Counter[str] = Counter()
    for z in re.finditer(_ZONE_WORDS, text):
        for size in (3, 2):
            stem = text[max(0, z.start() - size) : z.start()]
            if len(stem) == size and not _GENERIC.match(stem) and any(stem + lv in known for lv in _LEVELS):
                counts[stem] += 1
                break
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    stem = top[0][0]
    level = m.group("level")
    if level and stem + level in known:
        return stem + agency  # 市临空经济区 → 某某市临空经济区
    return stem + (agency[1:] if level else agency)
