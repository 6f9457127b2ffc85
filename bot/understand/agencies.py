"""Agency names as people use them: the names spoken for a body, the short name shown, listings.

Resolution itself (which loaded body a question names) is linking.py; this module is what the rest of
the bot calls.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.understand.linking import REGION, AgencyIndex, resolve_agencies
from bot.understand.names import GOV, body_forms, region_forms, split, standard_shorts

_JOINS = "和与及跟、,，"  # what joins two names in a listing
_JOINED = re.compile(f"[{_JOINS}]")


def spoken_names(agency: str) -> list[str]:
    """Names people may use for an agency, longest first: 开封市人民政府 → 开封市政府, 开封 …"""
    s = split(agency)
    out = {agency}
    regions = (region_forms(s.named[-1]) | {"".join(s.named)}) if s.named else {""}
    bodies = body_forms(s.body, s.kind)
    for r in regions:  # (a set: the order comes from the sort below)
        if s.kind == GOV:
            out.add(r)
        for b in bodies:
            if r or s.kind != GOV:
                out.add(r + b)
    return sorted((n for n in out if len(n) >= 2), key=lambda n: (-len(n), n))


def names_for(index: AgencyIndex) -> dict[str, list[str]]:
    """For each loaded agency, the spoken names that name it alone in this knowledge base."""
    out: dict[str, list[str]] = {}
    for agency in index.splits:
        out[agency] = [n for n in spoken_names(agency)
                       if (res := resolve_agencies(n, index)).agencies == [agency] and not res.note]
    return out


def listing(text: str, index: AgencyIndex) -> tuple[list[str], str | None]:
    """(loaded agencies a name covers, the words not found): 河南 → every body loaded in 河南; 财政局 → each one."""
    from bot.understand.linking_rules import phrases  # the rules import this package's index

    found: list[str] = []
    before = 0  # where the words of this phrase may begin: a misspelt place before a body (江音审批局) is its own
    for phrase in phrases(text, index):
        last = phrase[-1]
        regions = [m for m in phrase if m.kind == REGION]
        if last.kind == REGION:  # a place: everything loaded there, not only its government
            after = text[phrase[0].start :] if not _JOINED.match(text[last.end :]) else ""  # 开封和审批局: two names
            unknown = resolve_agencies(after, index).unknown or ""
            if len(unknown) > last.end - phrase[0].start:  # 开封交通运输局: a body of the place that is not loaded
                return [], unknown
            got = set(index.splits)
            for r in regions:
                got &= index.region_agencies(r.keys)
        else:
            res = resolve_agencies(text[before : last.end], index)
            if res.unknown or res.suggest:
                return [], res.unknown or res.said
            got = set(res.agencies or res.options)
        before = last.end
        found += [a for a in sorted(got, key=lambda a: (len(index.splits[a].path), a)) if a not in found]
    return (found, None) if found else ([], text.strip() or None)


def without_bodies(text: str, index: AgencyIndex) -> str:
    """text without the bodies it names and the words joining them (平潭和开封哪年… → 哪年…; 平潭行政复议和开封的…
    → 行政复议的…), to be asked of one."""
    kept, at = [], 0
    for m in index.mentions(text):
        gap = text[at : m.start]
        kept.append(gap.strip(_JOINS) if at else gap)  # between two names: what joins them goes
        at = m.end
    return "".join(kept) + text[at:]


def same_government(index: AgencyIndex, years: Mapping[str, list[int]], agency: str, year: int) -> str | None:
    """The one other name the same government's report of that year is stored under (桐梓县 2022 and
    桐梓县人民政府(县人民政府办公室) 2019: both the county's government, never of the same year)."""
    s = index.splits.get(agency)
    if s is None or s.kind != GOV or not s.region:
        return None
    got = [b for b in index.region_agencies({s.region}) if b != agency and index.splits[b].kind == GOV
           and index.splits[b].path == s.path and year in years.get(b, [])
           and not set(years.get(b, [])) & set(years.get(agency, []))]
    return got[0] if len(got) == 1 else None


def short_name(agency: str, index: AgencyIndex | None = None) -> str:
    """The shortest name shown for an agency: its place as people say it (开封, 平潭) with its own body name
    or a standard short name from department_names.tsv (平潭财政局, 宿迁发改委) — never one the rules made up."""
    s = split(agency)
    if s.kind == GOV:
        bodies = ["", "政府"] if s.body in ("", "人民政府", "政府") else [s.body]
    else:
        bodies = [*standard_shorts(s.body), s.body]  # the most usual short name first (沭阳发改局, 平潭市场监管局)
    regions = (region_forms(s.named[-1]) | {"".join(s.named)}) if s.named else set()
    names = [(k, r + b) for k, b in enumerate(bodies) for r in regions  # (min below orders them all)
             if len(r + b) >= 2 and (r + b)[0] == agency[0]]
    if index is not None:
        names = [(k, n) for k, n in names if resolve_agencies(n, index).agencies == [agency]]
    return min(names, key=lambda kn: (kn[0], len(kn[1]), kn[1]))[1] if names else agency

