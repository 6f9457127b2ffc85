"""When a new copy of a stored report (same body and year) would lose what the stored one has.

A cut page, a scan or a Word copy of a report already loaded in full must not silently replace it:
`losses` names what the stored report has that the new copy lacks — template parts it is missing
(表四, 第五部分 …), table figures (72项 → 18项), cells the new copy leaves uncertain — and ingest keeps
the stored report unless told to replace it.  Each report's catalogue entry carries the counts
(`quality`), so the comparison reads no report file.  A replacement keeps the stored report's
address (`url`) when the new copy names none.
"""

from __future__ import annotations

import re
from typing import Any

from knowledge.models import Fact, Parsed

_PART = re.compile(r"^(?:表(?P<table>[二三四])缺失|第(?P<part>[一二三四五六])部分)")
_NUMERIC = ("number", "zero")


def quality(facts: list[Fact], missing: list[str]) -> dict[str, Any]:
    """What a report holds, for comparing copies: table figures read, uncertain cells, parts missing."""
    table = [f for f in facts if f.row != "prose" and not f.derived_from]
    return {"cells": sum(1 for f in table if f.kind in _NUMERIC),
            "uncertain": sum(1 for f in table if f.kind == "uncertain"),
            "missing": list(missing)}


def _parts(missing: list[str]) -> set[str]:
    """The template parts a missing list names: 表四, 第五部分 …"""
    out = set()
    for m in missing:
        if got := _PART.match(m):
            out.add(f"表{got['table']}" if got["table"] else f"第{got['part']}部分")
    return out


def losses(new: Parsed, old: dict[str, Any]) -> list[str]:
    """What replacing the stored report `old` (its catalogue entry) by `new` would lose; [] when nothing."""
    return entry_losses({"facts": len(new.facts), **quality(new.facts, new.report.missing)}, old)


def entry_losses(mine: dict[str, Any], old: dict[str, Any]) -> list[str]:
    """What replacing `old` by `mine` would lose, both as catalogue entries hold them (see `quality`)."""
    out = []
    gone = sorted(_parts(mine["missing"]) - _parts(old.get("missing") or []),
                  key=lambda p: "二三四一五六".index(p[1]) if p[0] == "表" else 3 + "一二三四五六".index(p[1]))
    if gone:
        out.append("、".join(gone))
    have = old.get("cells")
    if have is None:  # an entry written before the counts were kept: all its figures
        if (mine.get("facts") or 0) < (old.get("facts") or 0):
            out.append(f"数据{old['facts']}项→{mine.get('facts') or 0}项")
    elif mine["cells"] < have:
        out.append(f"表格数字{have}项→{mine['cells']}项")
    if mine["uncertain"] > (old.get("uncertain") or 0) and have is not None:
        out.append(f"不确定单元格{old.get('uncertain') or 0}个→{mine['uncertain']}个")
    return out


def kept_message(agency: str, year: int, file: str, lost: list[str]) -> str:
    """The one line ingest prints for a copy it did not store."""
    return (f"{file}：未替换已有的{agency}{year}年报告——已有的更完整，新文件将失去{'；'.join(lost)}"
            "（确需替换请加 --replace）")


def keep_url(new: Parsed, old: dict[str, Any] | None) -> None:
    """A replacement without an address of its own keeps the stored report's."""
    if old is not None and not new.report.url and old.get("url"):
        new.report.url = old["url"]
