"""Agency names as people use them: aliases generated from each loaded report's agency, and their index.

An alias names the one agency it names most strongly; an alias two agencies share equally names neither.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from bot.understand import lexicon
from bot.understand.extract import AliasIndex
from knowledge.models import Report

_GOV_SUFFIX = re.compile(r"(人民政府办公室|人民政府办公厅|政府办公室|政府办公厅|人民政府|政府|管委会|管理委员会|办公室|办公厅)$")
_ADMIN_PART = re.compile(r".+?(?:特别行政区|自治区|自治州|自治县|综合实验区|新区|开发区|高新区|省|市|区|县)")
_ADMIN_END = re.compile(r"(特别行政区|自治区|自治州|自治县|综合实验区|新区|开发区|高新区|省|市|区|县)$")
STRONG, WEAK = 2, 1


def _core(agency: str) -> str:
    core = agency
    while (shorter := _GOV_SUFFIX.sub("", core)) != core and shorter:
        core = shorter
    return core


def alias_strengths(agency: str) -> dict[str, int]:
    """Names people use for an agency, each STRONG (names it) or WEAK (names only its region).

    开封市人民政府 → 开封市, 开封, 开封市政府 … (strong); 开封市教育局 → 教育局, 开封教育局 … (strong)
    and 开封市, 开封 (weak: they name the city's own government first).
    """
    core = _core(agency)
    parts = _ADMIN_PART.findall(core)
    region = "".join(parts)
    dept = core[len(region):] if core.startswith(region) else ""
    regional = {core if not dept else region}
    if parts:
        last = parts[-1]
        regional |= {last}
        for part in (last, region):
            stem = _ADMIN_END.sub("", part)
            if len(stem) >= 2:
                regional.add(stem)
    regional |= {r + suffix for r in list(regional) if _ADMIN_END.search(r) for suffix in ("政府", "人民政府")}
    out = {agency: STRONG, core: STRONG}
    office = re.search(r"(办公厅|办公室)$", agency)
    if office and not dept:  # 上海市人民政府办公厅 → 上海市政府办公厅, 上海市政府办 …
        for r in [core, *(p for p in regional if not p.endswith("政府"))]:
            for suffix in ("政府" + office.group(1), "人民政府" + office.group(1), "政府办", office.group(1)):
                out[r + suffix] = STRONG
    if dept:
        for long, short in lexicon.default().abbreviations:  # 发展和改革局 → 发改局
            if long in dept:
                dept_short = dept.replace(long, short)
                for r in regional:
                    if not r.endswith("政府"):
                        out[r + dept_short] = STRONG
                if len(dept_short) >= 3:
                    out[dept_short] = STRONG
                break
        for r in regional:
            if r.endswith("政府"):
                continue  # “沭阳县人民政府” never names one of its departments
            out.setdefault(r, WEAK)
            if len(dept) >= 2:
                out[r + dept] = STRONG
        if len(dept) >= 3:
            out[dept] = STRONG
    else:
        for r in regional:
            out[r] = STRONG
    return {a: k for a, k in out.items() if len(a) >= 2}


def short_name(agency: str) -> str:
    """The shortest strong name that still starts with the agency's own first word (沭阳发改局, 开封)."""
    names = [a for a in agency_aliases(agency) if a[0] == agency[0]]
    return min(names, key=len) if names else agency


def agency_aliases(agency: str) -> list[str]:
    """The strong names of an agency, longest first (the last is the shortest)."""
    return sorted((a for a, k in alias_strengths(agency).items() if k == STRONG), key=len, reverse=True)


def build_index(reports: Iterable[Report]) -> tuple[dict[str, str], AliasIndex]:
    """(alias → agency, the index over them) for every loaded report's agency and self-given names."""
    taken: dict[str, dict[str, int]] = defaultdict(dict)
    for r in reports:
        names = alias_strengths(r.agency) | {a: STRONG for a in r.aliases}
        for alias, strength in names.items():
            taken[alias][r.agency] = max(strength, taken[alias].get(r.agency, 0))
    aliases: dict[str, str] = {}
    weak = set()
    for alias, owners in taken.items():
        top = max(owners.values())
        best = [a for a, k in owners.items() if k == top]
        if len(best) == 1:
            aliases[alias] = best[0]
            if top == WEAK:
                weak.add(alias)
    return aliases, AliasIndex(aliases, weak)


def examples(reports: list[Report], n: int = 3) -> list[str]:
    """Example questions that these reports can answer."""
    if not reports:
        return []
    r = max(reports, key=lambda r: r.year)
    many = len({x.agency for x in reports}) > 1
    who = short_name(r.agency) if many else ""
    qs = [f"{who}{r.year}年行政复议多少件", f"{who}{r.year}年收到多少政府信息公开申请", f"{who}{r.year}年存在哪些主要问题"]
    return qs[:n]
