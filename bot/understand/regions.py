"""China's administrative divisions (the table that ships with the cpca package), read once on first use.

Only cpca's data files are read: importing cpca itself would load pandas, which answering never needs.
An adcode is 12 digits: province (2), city (2), county (2), then town levels.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

# Level words a division or zone name ends with, longest first (开发区 before 区).
LEVELS = ("特别行政区", "综合实验区", "经济技术开发区", "高新技术产业开发区", "经济开发区", "产业集聚区", "工业集中区",
          "工业园区", "产业园区", "科技园区", "自治区", "自治州", "自治县", "自治旗", "经开区", "开发区", "高新区", "新区",
          "示范区", "片区", "工业园", "产业园", "科技园", "园区", "街道", "地区", "省", "市", "县", "区", "旗", "盟",
          "州", "镇", "乡")
# A park's kind and the other words people use for it (番禺经济技术开发区 → 番禺经开区, 番禺开发区).
PARKS = (("经济技术开发区", ("经开区", "开发区")), ("高新技术产业开发区", ("高新区", "开发区")),
         ("经济开发区", ("开发区", "经开区")), ("产业集聚区", ("集聚区",)), ("工业集中区", ("集中区",)),
         ("工业园区", ("工业园", "园区")), ("产业园区", ("产业园", "园区")), ("科技园区", ("科技园", "园区")),
         ("工业园", ("工业园区", "园区")), ("产业园", ("产业园区", "园区")), ("科技园", ("科技园区", "园区")),
         ("开发区", ()), ("高新区", ("高新技术产业开发区",)), ("园区", ()))
_LEVEL_END = re.compile("(" + "|".join(LEVELS) + ")$")
_SELF_GOVERNED = re.compile(r"自治[区州县旗]$")


@dataclass
class Divisions:
    """Names ↔ adcodes of the divisions down to county level."""

    codes: dict[str, list[str]] = field(default_factory=dict)  # full name → adcodes (鼓楼区 has several)
    names: dict[str, str] = field(default_factory=dict)  # adcode → full name
    by_head: dict[str, list[str]] = field(default_factory=dict)  # first two characters → names, longest first
    nations: tuple[str, ...] = ()  # 汉族, 蒙古族 … (to take 土家族自治县 off a county's name)
    _stems: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _all_stems: frozenset[str] | None = field(default=None, repr=False, compare=False)

    def prefix(self, text: str) -> str | None:
        """The longest division name text starts with."""
        return next((n for n in self.by_head.get(text[:2], ()) if text.startswith(n)), None)

    def ancestors(self, code: str) -> list[str]:
        """The names of the province and city above a division (not itself), top first."""
        out = []
        for up in (code[:2] + "0" * 10, code[:4] + "0" * 8):
            if up != code and up in self.names and self.names[up] not in out:
                out.append(self.names[up])
        return out

    def stems(self) -> frozenset[str]:
        """Every division's stem (开封, 番禺, 长阳), made once."""
        got = self._all_stems
        if got is None:
            got = self._all_stems = frozenset(self.stem(n) for n in self.codes)
        return got

    def stem(self, name: str) -> str:
        """The name without its level (开封市 → 开封, 长阳土家族自治县 → 长阳, 新疆维吾尔自治区 → 新疆)."""
        got = self._stems.get(name)
        if got is None:  # made once per name: the nation loop is slow and the same regions recur
            got = self._stems[name] = self._stem(name)
        return got

    def _stem(self, name: str) -> str:
        if _SELF_GOVERNED.search(name):
            core = name[:-3]
            changed = True
            while changed:
                changed = False
                for n in self.nations:
                    for form in (n, n[:-1]):
                        if len(form) >= 2 and core.endswith(form) and len(core) - len(form) >= 2:
                            core, changed = core[: -len(form)], True
            return core
        return level_stem(name)


def level_stem(name: str) -> str:
    """A name without the level word it ends with (平潭综合实验区 → 平潭); the name itself if that leaves < 2."""
    m = _LEVEL_END.search(name)
    core = name[: m.start()] if m else name
    return core if len(core) >= 2 else name


def _data_dir() -> Path | None:
    try:
        return Path(str(metadata.distribution("cpca").locate_file("cpca/resources")))
    except metadata.PackageNotFoundError:
        return None


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    """The table, read on first use (an empty one when cpca is not installed: regions are then unknown)."""
    d = Divisions()
    where = _data_dir()
    if where is None or not (where / "adcodes.csv").exists():
        return d
    with open(where / "adcodes.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code, name = row["adcode"], row["name"]
            if not name or name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                continue
            d.names[code] = name
            d.codes.setdefault(name, []).append(code)
    nations = where / "56_nations.csv"
    if nations.exists():
        d.nations = tuple(sorted((ln.strip() for ln in nations.read_text(encoding="utf-8").splitlines() if ln.strip()),
                                 key=len, reverse=True))
    for name in sorted(d.codes, key=len, reverse=True):
        if len(name) >= 2:
            d.by_head.setdefault(name[:2], []).append(name)
    return d


def is_place(word: str) -> bool:
    """Whether a word is a division's name or stem (北京, 郑州市, 金水区): said in a question, a body not loaded."""
    d = divisions()
    return len(word) >= 2 and (word in d.codes or word in d.stems())
