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
