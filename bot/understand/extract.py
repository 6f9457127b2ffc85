"""Slots that regexes find best: years (absolute, relative, ranges) and the agency.

Works on the normalised question; returns the slots and the question with their spans removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)(?:年度|年)?")
_RANGE = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)年?(?:-|~|至|到|—)(19[5-9]\d|20[0-4]\d)(?:年度|年)?")
_RECENT = re.compile(r"(?:近|最近|过去|前)(\d{1,2})(?:个)?年(?:度)?")
_RELATIVE = re.compile(r"(去年|前年|今年|上年度?)(?!结转|项目|度结转)")
_PLACE = re.compile(r"^(?:的)?([\u4e00-\u9fa5]{2,8}?(?:自治区|自治州|省|市|区|县|州|盟|旗))")
_NEXT_YEAR = re.compile(r"(结转到|结转至|转入|转至|顺延至|顺延到)(?:19[5-9]\d|20[0-4]\d)年度?")
_LEAD = re.compile(r"^([\u4e00-\u9fa5]{2,10}?)(?=(?:19[5-9]\d|20[0-4]\d)年)")
_NOT_PLACE = {"全市", "我市", "本市", "全区", "我区", "本区", "县区", "市区", "全县", "我县", "本县", "各县区", "城区", "辖区"}


@dataclass
class Slots:
    """What a question says about when and who."""

    years: list[int] = field(default_factory=list)
    recent: int | None = None  # 近N年
    relative: str | None = None  # 去年 / 前年 / 今年
    agency: str | None = None
    agencies: list[str] = field(default_factory=list)  # all named, in order found (usually one)
    unknown_place: str | None = None
    lead: str | None = None  # words before the first year (“郑州2019年…”): maybe an agency we don't have
    rest: str = ""  # the question without the year and agency words


class AliasIndex:
    """Longest-match look-up of agency aliases, indexed by their first two characters.

    Built once; a look-up costs O(len(question)), whatever the number of agencies.
    """

    def __init__(self, aliases: dict[str, str], weak: set[str] | None = None) -> None:
        self.aliases = aliases
        self.weak = weak or set()  # names that only name a region's department (no government loaded)
        self.by_head: dict[str, list[str]] = {}
        for alias in sorted(aliases, key=len, reverse=True):
            self.by_head.setdefault(alias[:2], []).append(alias)

    def find(self, text: str) -> tuple[str, int, int] | None:
        """(agency, start, end) of the longest alias in text, leftmost first among equals."""
        best: tuple[int, int, str] | None = None
        for i in range(len(text) - 1):
            for alias in self.by_head.get(text[i : i + 2], ()):
                if text.startswith(alias, i):
                    if best is None or len(alias) > best[1] - best[0]:
                        best = (i, i + len(alias), alias)
                    break
        return (self.aliases[best[2]], best[0], best[1]) if best else None


def extract(q: str, aliases: AliasIndex | dict[str, str]) -> Slots:
    """Years and agency from a normalised question; aliases maps alias → agency."""
    index = aliases if isinstance(aliases, AliasIndex) else AliasIndex(aliases)
    s = Slots()
    rest = _NEXT_YEAR.sub(r"\1下年", q)  # “结转到2026年” names the next year, not the year asked about
    m = _LEAD.match(q)
    if m:
        s.lead = m.group(1)
    m = _RANGE.search(rest)
    if m:
        a, b = sorted((int(m.group(1)), int(m.group(2))))
        if b - a <= 20:
            s.years = list(range(a, b + 1))
        rest = rest[: m.start()] + " " + rest[m.end():]
    for m in _YEAR.finditer(rest):
        y = int(m.group(1))
        if y not in s.years:
            s.years.append(y)
    rest = _YEAR.sub(" ", rest)
    m = _RECENT.search(rest)
    if m:
        s.recent = int(m.group(1))
        rest = rest[: m.start()] + " " + rest[m.end():]
    m = _RELATIVE.search(rest)
    if m and not s.years:
        s.relative = m.group(1)
        rest = rest[: m.start()] + " " + rest[m.end():]
    found = index.find(rest)
    while found:  # “开封和平潭2019年…”: every agency named, the first is the agency
        agency, i, j = found
        if rest[i:j] in index.weak and re.match(r"(人民)?政府", rest[j:]):
            # “沭阳县人民政府” asks for the county government, which is not loaded
            s.unknown_place = rest[i:j] + ("人民政府" if rest[j:].startswith("人民") else "政府")
            rest = rest[:i] + " " + rest[j:]
            break
        if s.agency is None:
            s.agency = agency
        if agency not in s.agencies:
            s.agencies.append(agency)
        rest = rest[:i] + " " + rest[j:]
        found = index.find(rest)
    if s.agency is None:
        m = _PLACE.match(rest.strip())
        if m and m.group(1) not in _NOT_PLACE:
            s.unknown_place = m.group(1)
    s.rest = re.sub(r"\s+", " ", rest).strip()
    return s
