"""What one write stores: a report's record (catalogue entry, sections, packed figures), and what it did.

A report's file holds its details (the catalogue entry: title, warnings …), its sections and its
figures, so that a question reads one file.  Each figure is one packed row kept as a JSON text, with
its row and column names in `keys`: a report then loads as a few strings (decoded a row at a time when
asked for), not hundreds of lists the garbage collector must keep scanning; the catalogue's shards keep the entries for writers and
full listings, the directory (directory.py) what loading needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson

from knowledge.models import Parsed
from knowledge.replace_rule import quality
from knowledge.store.packing import FACT_FIELDS, StringTable, pack

Entry = dict[str, Any]  # one report in the catalogue: Report.to_dict() without sections, plus file/sha/facts/bytes


def dumps(tables: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON, Chinese readable (as json.dumps(ensure_ascii=False))."""
    return orjson.dumps(tables)


@dataclass
class Record:
    """One report ready to store: its catalogue entry, sections, and packed figures."""

    entry: Entry
    sections: list[dict[str, Any]]
    strings: list[str]
    cells: list[list[Any]]
    relinked: bool = field(default=False, kw_only=True)  # rewritten only for its cross-year warnings (neighbours.py)

    @classmethod
    def of(cls, p: Parsed, sha: str | None = None) -> Record:
        """The record of a parsed report (sha: content hash of its source file, for resume)."""
        d = p.report.to_dict()
        sections = d.pop("sections")
        table = StringTable()
        cells = [pack(f, table) for f in p.facts]
        counts = {k: v for k, v in quality(p.facts, p.report.missing).items() if k != "missing"}  # replace_rule.py
        return cls({**d, "sha": sha, "facts": len(p.facts), **counts}, sections, table.strings, cells)

    def payload(self) -> bytes:
        """The report's own TinyDB file."""
        rid = self.entry["id"]
        return dumps({"report": {"1": {"id": rid, "sections": self.sections, "meta": self.entry}},
                       "facts": {"1": {"report": rid, "fields": list(FACT_FIELDS), "strings": self.strings,
                                       "keys": [k for c in self.cells for k in c[:2]],
                                       "rows": [orjson.dumps(c).decode() for c in self.cells]}}})


@dataclass
class Payload:
    """What a report's file holds, as the question side reads it."""

    sections: list[dict[str, Any]]
    strings: list[str]
    cells: list[list[Any]]
    size: int
    meta: Entry | None = None  # the report's catalogue entry (files written before it was kept there: None)
    keys: list[int | None] | None = None  # row and column string of each cell, when cells are JSON texts


@dataclass
class PutResult:
    """What one write did: reports added and reports replaced (same agency and year)."""

    added: list[str]
    replaced: list[str]
    outcome: list[str] = field(default_factory=list)  # per item put: "added" or "replaced"
    notes: list[str] = field(default_factory=list)  # e.g. that an old single-file base was migrated
    across: dict[str, list[str]] = field(default_factory=dict)  # report id → its warnings against the year before
    rechecked: list[str] = field(default_factory=list)  # stored next-year reports whose cross-year warnings changed
