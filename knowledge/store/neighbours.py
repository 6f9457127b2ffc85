"""Cross-year warnings (knowledge/checks/years.py) kept current inside one write.

A report's warnings against the same body's year before are stored with it, in its own file and its
shard entry, so a question reads nothing more than the report it is about.  They are computed in the
write that stores either report, under the writer lock and committed with it by the one catalogue
rename: a report added or replaced gets its warnings against year Y−1, and the stored report of year
Y+1 is rewritten with its warnings against the new one (only when they change); a report removed
takes its successor's warnings about it along.  A write so reads at most two neighbouring reports
per report it stores and rewrites at most one: the cost does not grow with the knowledge base
(computing them when loading would read every report of a 100,000-report base).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import orjson

from knowledge.checks.years import RULE_PREFIX, across
from knowledge.models import Fact, Report, Warning_
from knowledge.store.packing import unpack
from knowledge.store.records import Entry, Payload, Record

Key = tuple[str, int]


def _report(entry: Entry) -> Report:
    return Report(id=entry["id"], agency=entry["agency"], year=entry["year"], title=entry.get("title", ""),
                  template=entry.get("template", ""), source_file=entry.get("source_file", ""))


def _facts(rid: str, strings: list[str], cells: list[Any]) -> list[Fact]:
    return [unpack(rid, orjson.loads(c) if isinstance(c, str) else c, strings) for c in cells]


def _own(entry: Entry) -> list[dict[str, Any]]:
    return [w for w in entry.get("warnings") or [] if not str(w.get("rule", "")).startswith(RULE_PREFIX)]


def opened(rec: Record) -> Record:
    """A record with its sections and figures at hand (a bulk worker's arrives as encoded bytes)."""
    if rec.cells or not rec.entry.get("facts"):
        return rec
    data = orjson.loads(rec.payload())
    facts = data["facts"]["1"]
    cells = [orjson.loads(t) for t in facts["rows"]] if "rows" in facts else facts["cells"]
    return Record(rec.entry, data["report"]["1"]["sections"], facts["strings"], cells)


def relink(records: list[Record], removed: list[Entry], entry_of: Callable[[str, int], Entry | None],
           read: Callable[[Entry], Payload | None]) -> list[Record]:
    """The records with their cross-year warnings set, followed by the stored next-year reports whose
    cross-year warnings the write changes (marked `relinked`: not counted as added or replaced)."""
    done: dict[int, Record] = {}

    def open_(rec: Record) -> Record:
        if id(rec) not in done:
            done[id(rec)] = opened(rec)
        return done[id(rec)]

    batch: dict[Key, Record] = {(r.entry["agency"], r.entry["year"]): r for r in records}
    gone = {(e["agency"], e["year"]) for e in removed} - set(batch)
    loaded: dict[Key, tuple[Report, list[Fact]] | None] = {}

    def side(key: Key) -> tuple[Report, list[Fact]] | None:
        if key in loaded:
            return loaded[key]
        got: tuple[Report, list[Fact]] | None = None
        rec = batch.get(key)
        if rec is not None:
            rec = open_(rec)
            got = (_report(rec.entry), _facts(rec.entry["id"], rec.strings, rec.cells))
        elif key not in gone and (entry := entry_of(*key)) is not None:
            payload = read(entry)
            if payload is not None:
                got = (_report(entry), _facts(entry["id"], payload.strings, payload.cells))
        loaded[key] = got
        return got

    def against(key: Key) -> list[dict[str, Any]]:
        prev, cur = side((key[0], key[1] - 1)), side(key)
        if prev is None or cur is None:
            return []
        return [asdict(w) for w in across(prev[0], prev[1], cur[0], cur[1])]

    out = []
    for rec in records:  # the last record of a key wins in the write: each gets its own warnings
        key = (rec.entry["agency"], rec.entry["year"])
        warnings = _own(rec.entry) + against(key)
        if warnings != list(rec.entry.get("warnings") or []):
            rec = open_(rec)  # an encoded one is encoded again, with them
            rec.entry["warnings"] = warnings
        out.append(rec)
    changed = {(a, y + 1) for a, y in set(batch) | gone} - set(batch)
    for key in sorted(changed):
        entry = entry_of(*key)
        if entry is None:
            continue
        warnings = _own(entry) + against(key)
        if warnings == list(entry.get("warnings") or []):
            continue
        payload = read(entry)
        if payload is None:
            continue
        meta = {k: v for k, v in entry.items() if k not in ("file", "bytes")}
        cells = [orjson.loads(c) if isinstance(c, str) else c for c in payload.cells]
        out.append(Record({**meta, "warnings": warnings}, payload.sections, payload.strings, cells, relinked=True))
    return out


def as_warnings(entry: Entry) -> list[Warning_]:
    """An entry's warnings as objects."""
    return [Warning_(**w) for w in entry.get("warnings") or []]
