"""Partial reports: which template sections and tables a stored report lacks, in words people read."""

from __future__ import annotations

from knowledge.catalogue import Catalogue

TABLE_SECTIONS = ("二", "三", "四")
TABLE_MISSING = "表{sid}缺失（可能为图片或页面不完整）"
SECTION_MISSING = "第{sid}部分“{name}”缺失（页面不完整）"


def missing_parts(cat: Catalogue, found: set[str], tables_read: set[str]) -> list[str]:
    """The template's sections absent from `found` and tables 二/三/四 that gave no cell, in template order."""
    out = []
    for sec in cat.sections:
        sid = sec["id"]
        if sid in TABLE_SECTIONS and sid not in tables_read:
            out.append(TABLE_MISSING.format(sid=sid))
        elif sid not in TABLE_SECTIONS and sid not in found:
            out.append(SECTION_MISSING.format(sid=sid, name=sec["key"]))
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
    """The report's note that the table holding `row` is missing, if it is."""
    sid = table_of(row)
    prefix = f"表{sid}缺失" if sid else None
    return next((m for m in missing if prefix and m.startswith(prefix)), None)
