"""The knowledge base: one TinyDB JSON file (UTF-8, readable Chinese), written atomically.

Tables: `reports` (one document per report, sections and warnings inside) and `facts` (one
document per report holding its figures as rows under a shared header, `FACT_FIELDS`: a file of a
thousand reports loads several times faster than one document per figure).  Writes go through `Store.put`, which builds the whole
new content in memory and replaces the file in one step (temp file, fsync, rename): a failed
ingest leaves the file byte-identical.  Readers open it read-only.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage, Storage

from knowledge.errors import StoreError
from knowledge.files import clean_stale, write_atomic
from knowledge.models import Fact, Parsed, Report, Source
from knowledge.writer import DEFAULT_TIMEOUT, writer_lock

log = logging.getLogger(__name__)


# The columns of one packed figure; Source's fields are flattened in as src_*.  Text columns hold
# an index into the report's own string table (headings and labels repeat hundreds of times), so a
# file of a thousand reports stays small and loads fast.
FACT_FIELDS = ("row", "column", "value", "kind", "raw", "unit", "src_section", "src_table", "src_row",
               "src_column", "src_sentence", "derived_from", "candidates", "src_reading")
_TEXT = (0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 13)  # positions of text columns in FACT_FIELDS
_OLD_FIELDS = FACT_FIELDS[:-1]  # files written before scanned cells kept their readings: still read


class StringTable:
    """Interns a report's strings: each distinct text is stored once, cells refer to it by index."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self.index: dict[str, int] = {}

    def ref(self, text: str | None) -> int | None:
        """The index of text (None stays None)."""
        if text is None:
            return None
        i = self.index.get(text)
        if i is None:
            i = self.index[text] = len(self.strings)
            self.strings.append(text)
        return i


def pack(f: Fact, table: StringTable) -> list[Any]:
    """One fact as a row of FACT_FIELDS."""
    s = f.source
    t = table.ref
    derived = [[t(d.get("row")), t(d.get("column"))] for d in f.derived_from] if f.derived_from else None
    return [t(f.row), t(f.column), f.value, t(f.kind), t(f.raw), t(f.unit), t(s.section), t(s.table), t(s.row),
            t(s.column), t(s.sentence), derived, f.candidates, t(s.reading)]


def unpack(report: str, row: list[Any], strings: list[str]) -> Fact:
    """The Fact a packed row stands for."""
    def t(i: int | None) -> str | None:
        return None if i is None else strings[i]

    (r, column, value, kind, raw, unit, section, table, srow, scol, sentence, derived, cands) = row[:13]
    reading = row[13] if len(row) > 13 else None
    return Fact(report=report, row=strings[r], column=t(column), value=value, kind=strings[kind],  # type: ignore[arg-type]
                raw=strings[raw], unit=t(unit),
                source=Source(section=strings[section], table=t(table), row=t(srow), column=t(scol), sentence=t(sentence),
                              reading=t(reading)),
                derived_from=[{"row": t(a), "column": t(b)} for a, b in derived] if derived else None,
                candidates=cands)


class AtomicJSONStorage(Storage):
    """TinyDB storage that writes UTF-8 JSON via temp file + fsync + rename."""

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The whole database, or None when the file does not exist yet."""
        if not self.path.exists():
            return None
        try:
            text = self.path.read_text(encoding="utf-8")
            data = json.loads(text) if text.strip() else None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise StoreError(f"知识库文件 {self.path} 无法读取：{exc}") from exc
        if data is not None and not (isinstance(data, dict) and all(isinstance(t, dict) for t in data.values())):
            raise StoreError(f"知识库文件 {self.path} 不是本程序的知识库（内容不是 TinyDB 表）")
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Replace the file atomically."""
        if self.read_only:
            raise StoreError("知识库以只读方式打开")
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    def close(self) -> None:
        """Nothing to release: every write is complete when it returns."""


@dataclass
class PutResult:
    """What one write did: reports added and reports replaced (same agency and year)."""

    added: list[str]
    replaced: list[str]
    outcome: list[str] = field(default_factory=list)  # per item put: "added" or "replaced"


class Store:
    """The knowledge base file: read it whole, or replace reports in one atomic write."""

    def __init__(self, path: str | os.PathLike[str], lock_timeout: float = DEFAULT_TIMEOUT,
                 waiting: Callable[[str], None] | None = None) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self.waiting = waiting  # told once when another writer holds the lock

    def exists(self) -> bool:
        """Whether the file is there."""
        return self.path.exists()

    def load_packed(self) -> tuple[list[Report], dict[str, tuple[list[str], list[list[Any]]]]]:
        """All reports, and each report's strings and figures as packed rows (see FACT_FIELDS)."""
        return self._parse(AtomicJSONStorage(self.path, read_only=True).read() or {})

    def _parse(self, data: dict[str, dict[str, Any]]) -> tuple[list[Report], dict[str, tuple[list[str], list[list[Any]]]]]:
        try:
            reports = [Report.from_dict(d) for d in data.get("reports", {}).values()]
            packed: dict[str, tuple[list[str], list[list[Any]]]] = {}
            for doc in data.get("facts", {}).values():
                if list(doc.get("fields", ())) not in (list(FACT_FIELDS), list(_OLD_FIELDS)):
                    raise StoreError(f"知识库文件 {self.path} 的格式与本版本不符，请重新载入报告")
                packed[doc["report"]] = (doc["strings"], doc["cells"])
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise StoreError(f"知识库文件 {self.path} 的内容不完整或格式不对（{type(exc).__name__}: {exc}），请重新载入报告") from exc
        return reports, packed

    def _locked(self):  # noqa: ANN202 - a context manager
        """The writer lock, with stale temp files of killed writers removed once it is held."""
        return writer_lock(self.path, self.lock_timeout, self.waiting)

    def _clean(self) -> None:
        clean_stale(self.path.parent, prefix=f".{self.path.name}.")

    def load(self) -> tuple[list[Report], list[Fact]]:
        """All reports and facts, as objects."""
        reports, packed = self.load_packed()
        return reports, [unpack(rid, row, strings) for rid, (strings, rows) in packed.items() for row in rows]

    def put(self, parsed: Iterable[Parsed]) -> PutResult:
        """Add reports (replacing any with the same id) in one atomic write, under the writer lock."""
        items = list(parsed)
        with self._locked():
            self._clean()
            return self._put(items)

    def _put(self, items: list[Parsed]) -> PutResult:
        existing = AtomicJSONStorage(self.path, read_only=True).read()
        if existing:
            self._parse(existing)  # a base of another shape is refused, not rewritten
        db = TinyDB(storage=MemoryStorage)
        if existing:
            db.storage.write(existing)
        reports, facts = db.table("reports"), db.table("facts")
        have = {d["id"] for d in reports.all()}
        result = PutResult(added=[], replaced=[])
        for p in items:
            rid = p.report.id
            if rid in have:
                reports.remove(lambda d, rid=rid: d["id"] == rid)
                facts.remove(lambda d, rid=rid: d["report"] == rid)
                result.replaced.append(rid)
                result.outcome.append("replaced")
            else:
                result.added.append(rid)
                result.outcome.append("added")
            have.add(rid)
            reports.insert(p.report.to_dict())
            table = StringTable()
            cells = [pack(f, table) for f in p.facts]
            facts.insert({"report": rid, "fields": list(FACT_FIELDS), "strings": table.strings, "cells": cells})
        data = db.storage.read() or {}
        data.setdefault("reports", {})
        data.setdefault("facts", {})
        AtomicJSONStorage(self.path).write(data)
        return result
