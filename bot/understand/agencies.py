"""Agency names as people use them: the index over every loaded report, short names, example questions.

Resolution itself (which loaded body a question names) is linking.py; this module is what the rest of
the bot calls.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.understand.linking import AgencyIndex, resolve_agencies
from bot.understand.names import GOV, body_forms, region_forms, split
from knowledge.models import Report


def build_index(reports: Iterable[Report]) -> AgencyIndex:
    """The agency index over every loaded report's agency and self-given names."""
    return AgencyIndex(reports)


def spoken_names(agency: str) -> list[str]:
    """Names people may use for an agency, longest first: 开封市人民政府 → 开封市政府, 开封 …"""
    s = split(agency)
    out = {agency}
    regions = sorted((region_forms(s.named[-1]) | {"".join(s.named)}) if s.named else {""}, key=len, reverse=True)
    bodies = sorted(body_forms(s.body, s.kind), key=len, reverse=True)
    for r in regions:
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


def short_name(agency: str, index: AgencyIndex | None = None) -> str:
    """The shortest name that still starts with the agency's own first word (开封, 平潭财政局)."""
    names = [n for n in spoken_names(agency) if n[0] == agency[0]]
    if index is not None:
        names = [n for n in names if resolve_agencies(n, index).agencies == [agency]]
    return min(names, key=len) if names else agency


def examples(reports: list[Report], n: int = 3) -> list[str]:
    """Example questions that these reports can answer."""
    if not reports:
        return []
    r = max(reports, key=lambda r: r.year)
    many = len({x.agency for x in reports}) > 1
    who = short_name(r.agency) if many else ""
    qs = [f"{who}{r.year}年行政复议多少件", f"{who}{r.year}年收到多少政府信息公开申请", f"{who}{r.year}年存在哪些主要问题"]
    return qs[:n]
