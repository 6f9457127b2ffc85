"""Partial reports: which template sections and tables a stored report lacks, in words people read.

A page that ends before the report does (a saved page cut off, a search result's excerpt) is marked
with where it ends — “页面止于二、主动公开政府信息情况” — and every part after that point is said to be
cut there, not “perhaps an image”: a question about it is told the page stops before it.  A page
whose later sections are all there but whose tables gave no cell has them as pictures, or not at all.
"""

from __future__ import annotations

import re

from knowledge.catalogue import Catalogue

TABLE_SECTIONS = ("二", "三", "四")
ORDER = ("序", "一", "二", "三", "四", "五", "六")
TABLE_MISSING = "表{sid}缺失（可能为图片或页面不完整）"
SECTION_MISSING = "第{sid}部分“{name}”缺失（页面不完整）"
CUT_AT = "页面止于{heading}"
CUT = "页面在“{sid}”处截断"
_CUT_NOTE = re.compile(r"^页面止于(?P<sid>[一二三四五六]|前言)")


def cut_at(ids: list[str]) -> str | None:
    """The section a page ends in, when it ends before 五 and 六 (the template's last sections)."""
    if not ids or "五" in ids or "六" in ids:
        return None
    return max(ids, key=ORDER.index)


def missing_parts(
    cat: Catalogue, found: set[str], tables_read: set[str], cut: tuple[str, str] | None = None
) -> list[str]:
    """The template's sections absent from `found` and tables 二/三/四 that gave no cell, in template order;
    `cut` = (section id, its printed heading) when the page ends inside that section."""
    out = [CUT_AT.format(heading=cut[1])] if cut else []
    why = f"（{CUT.format(sid=cut[0] if cut[0] != '序' else '前言')}）" if cut else ""
    for sec in cat.sections:
        sid = sec["id"]
        after = cut is not None and ORDER.index(sid) >= ORDER.index(cut[0])
        if sid in TABLE_SECTIONS and sid not in tables_read:
            out.append(f"表{sid}缺失{why}" if after else TABLE_MISSING.format(sid=sid))
        elif sid not in TABLE_SECTIONS and sid not in found:
            out.append(f"第{sid}部分“{sec['key']}”缺失{why}" if after else SECTION_MISSING.format(sid=sid, name=sec["key"]))
    return out


def table_of(row: str) -> str | None:
    """The table (二/三/四) a catalogue row id belongs to, None for prose."""
    if row.startswith("active."):
        return "二"
    if row.startswith("apply."):
        return "三"
    if row == "review" or row.startswith("litigation"):
        return "四"
    return None


def missing_for(missing: list[str], row: str) -> str | None:
    """The report's note that the table holding `row` is missing, or that the page is cut inside it."""
    sid = table_of(row)
    if sid is None:
        return None
    note = next((m for m in missing if m.startswith(f"表{sid}缺失")), None)
    if note is not None:
        return note
    cut = next((m for m in missing if _CUT_NOTE.match(m)), None)
    if cut is not None and cut[4] == sid:  # the table the page ends in: its rows after the cut are gone
        return f"{CUT.format(sid=sid)}（{cut}）"
    return None
