"""The loaded knowledge base: the catalogue in memory, each report's figures read when first asked.

`KnowledgeBase.load` reads only the catalogue (reports, agencies, years, aliases: what resolving a
question needs); a report's figures and sections are read from its own file on first use and kept
in an LRU cache bounded by bytes, so memory follows what is asked, not what is stored.  The question
path only does dictionary look-ups.  A base built in memory (or an old single-file one) keeps all
its figures resident.

A loaded base remembers which write of its folder it read (`generation`: catalogue.json's inode, size
and modification time, which every committed write replaces); `changed()` is one stat, so a running
reader (the bot, `chat`, `ask` on stdin) checks it per question and loads the new base — with a new
report cache, so a replaced report is never answered from the old one.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from knowledge.models import Fact, Report, Section, Warning_
from knowledge.paths import DATA, cache_dir
from knowledge.store import CATALOGUE, Payload, Store, legacy, unpack
from knowledge.store.directory import Directory
from knowledge.stored import StoredReport, by_key, details_of

if TYPE_CHECKING:
    from knowledge.ingest import Limits

log = logging.getLogger(__name__)

Stamp = tuple[int, int, int, int]  # (device, inode, size, mtime in ns) of the file a write commits by

DEFAULT_CACHE_MB = 96.0
MEMORY_PER_FILE_BYTE = 4  # a report in memory takes about 4× its file (measured: 135 MB RSS for 32 MB of files)
@dataclass
class Loaded:
    """One report's figures and sections in memory; figures stay packed until asked for."""

    cells: dict[tuple[str, str | None], Fact | list[Any] | str]
    prose_rows: list[Fact | list[Any] | str]
    strings: list[str]
    sections: list[Section]
    _prose: list[Fact] | None = None
    details: dict[str, Any] | None = None  # the report's title, warnings … (files that keep them)

    @classmethod
    def of(cls, strings: list[str], rows: list[list[Any]] | list[Fact] | list[str], sections: list[Section],
           keys: list[int | None] | None = None) -> Loaded:
        """Index a report's rows (packed, JSON texts named by keys, or Fact objects) by (row, column); prose apart."""
        if keys is not None:  # a few strings per report: the hot path of a question about an unread report
            st = strings
            p = st.index("prose") if "prose" in st else -1
            texts: list[str] = rows  # type: ignore[assignment]
            cells_: dict[tuple[str, str | None], Any] = {}
            prose_: list[Any] = []
            for r, c, text in zip(keys[::2], keys[1::2], texts, strict=True):
                if r == p:
                    prose_.append(text)
                else:
                    cells_[(st[r], None if c is None else st[c])] = text  # type: ignore[index]
            return cls(cells_, prose_, strings, sections)
        if rows and not isinstance(rows[0], Fact):  # packed: the hot path of a question about an unread report
            st = strings
            p = st.index("prose") if "prose" in st else -1  # (the string table holds each string once)
            packed: list[list[Any]] = rows  # type: ignore[assignment]
            # (rows kept as the lists the file gave: making them tuples, which the collector stops
            # tracking, cost 0.3 ms a report and bought nothing measurable at the p99)
            return cls({(st[r[0]], None if r[1] is None else st[r[1]]): r for r in packed if r[0] != p},
                       [r for r in packed if r[0] == p], strings, sections)
        cells: dict[tuple[str, str | None], Fact | list[Any]] = {}
        prose: list[Fact | list[Any]] = []
        for row in rows:
            if isinstance(row, Fact):
                name, column = row.row, row.column
            else:
                name, column = strings[row[0]], None if row[1] is None else strings[row[1]]
            if name == "prose":
                prose.append(row)
            else:
                cells[(name, column)] = row
        return cls(cells, prose, strings, sections)

    def fact(self, rid: str, got: Fact | list[Any] | str) -> Fact:
        """A stored row as a Fact."""
        if isinstance(got, Fact):
            return got
        return unpack(rid, orjson.loads(got) if isinstance(got, str) else got, self.strings)


class ReportCache:
    """Loaded reports, least recently used dropped first once their (estimated) bytes pass the budget."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.used = 0
        self.items: OrderedDict[str, tuple[Loaded, int]] = OrderedDict()
        self.loads = 0  # reads from disk, for tests and benchmarks
        self.lock = threading.Lock()

    def get(self, rid: str) -> Loaded | None:
        """The cached report, marked as just used."""
        with self.lock:
            got = self.items.get(rid)
            if got is None:
                return None
            self.items.move_to_end(rid)
            return got[0]

    def put(self, rid: str, loaded: Loaded, size: int) -> None:
        """Keep a report, dropping the least recently used while over budget (never the one just put)."""
        with self.lock:
            self.loads += 1
            if rid in self.items:
                self.used -= self.items.pop(rid)[1]
            self.items[rid] = (loaded, size)
            self.used += size
            while self.used > self.budget and len(self.items) > 1:
                _, (_, gone) = self.items.popitem(last=False)
                self.used -= gone


@dataclass
class KnowledgeBase:
    """Reports and their figures, with the indexes the answerer needs."""

    reports: Sequence[Report]
    facts: list[Fact] = field(default_factory=list)  # a base built in memory: figures as objects…
    packed: dict[str, legacy.Packed] = field(default_factory=dict)  # …or packed (an old single file)
    store: Store | None = None  # a folder base: figures read from here on first use
    cache_mb: float = DEFAULT_CACHE_MB
    directory: Directory | None = None  # a folder base's directory: reports made from it when asked for
    version: str | None = None  # which write of the store this is (None: built in memory)
    path: Path | None = None  # where it was loaded from (None: built in memory)
    stamp: Stamp | None = None  # generation(path) when it was loaded
    by_id: Mapping[str, Report] = field(init=False)
    years: Mapping[str, list[int]] = field(init=False)  # agency → sorted years
    report_of: Mapping[tuple[str, int], Report] = field(init=False)
    resident: dict[str, Loaded] = field(default_factory=dict)  # figures that never leave memory
    cache: ReportCache = field(init=False)
    _agencies_in: dict[int, set[str]] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.cache = ReportCache(int(self.cache_mb * 1024 * 1024))
        if self.directory is not None:  # nothing per report is made until asked for
            self.report_of, self.by_id, self.reports = by_key(self, self.directory)
            self.years = self.directory.years()
            return
        self.by_id = {r.id: r for r in self.reports}
        by_report: dict[str, list[Fact]] = defaultdict(list)
        for f in self.facts:
            by_report[f.report].append(f)
        for rid, facts in by_report.items():
            r = self.by_id.get(rid)
            self.resident[rid] = Loaded.of([], facts, r.sections if r is not None else [])
        for rid, (strings, rows) in self.packed.items():
            r = self.by_id.get(rid)
            self.resident[rid] = Loaded.of(strings, rows, r.sections if r is not None else [])
        years: dict[str, set[int]] = defaultdict(set)
        report_of: dict[tuple[str, int], Report] = {}
        for r in self.reports:
            years[r.agency].add(r.year)
            report_of[(r.agency, r.year)] = r
            if isinstance(r, StoredReport):
                r._kb = self
        self.report_of = report_of
        self.years = {a: sorted(ys) for a, ys in years.items()}

    @property
    def agencies_in(self) -> dict[int, set[str]]:
        """Year → agencies with a report of that year."""
        if self._agencies_in is None:
            out: dict[int, set[str]] = defaultdict(set)
            for agency, ys in self.years.items():
                for y in ys:
                    out[y].add(agency)
            self._agencies_in = dict(out)
        return self._agencies_in

    @classmethod
    def load(cls, path: str | os.PathLike[str], cache_mb: float = DEFAULT_CACHE_MB) -> KnowledgeBase:
        """Read the directory of the knowledge base at path (a folder from before directories: its
        catalogue; an old single file: read whole)."""
        # Building the catalogue makes many long-lived objects; the collector would rescan them over
        # and over while they are made.  Paused for this call only, and restored.  No gc.freeze():
        # it is process-wide and permanent, and would keep a base replaced after an upload for good.
        enabled = gc.isenabled()
        gc.disable()
        try:
            # stamped before reading: a write that commits meanwhile shows as a change at the next check
            return cls._read(Path(path), cache_mb, generation(path))
        finally:
            if enabled:
                gc.enable()

    @classmethod
    def _read(cls, path: Path, cache_mb: float, stamp: Stamp | None) -> KnowledgeBase:
        at = {"path": path, "stamp": stamp, "cache_mb": cache_mb}
        store = Store(path)
        old = store.legacy_file()
        if old is not None:
            reports, packed = legacy.read(old)
            return cls(reports, packed=packed, **at)
        if not store.path.exists():
            return cls([], store=store, **at)
        store.check()  # a folder of other files is not read as an empty base
        version, directory = store.directory()
        if directory is not None:
            return cls([], store=store, directory=directory, version=version, **at)
        return cls([StoredReport.of(e) for e in store.catalogue()], store=store, version=version, **at)

    def warnings_of(self, report: Report) -> list[Warning_]:
        """A report's warnings; of a stored report whose figures are not in memory, read from its file
        without keeping its figures (the next year's report, read for its cross-year warnings only)."""
        if (not isinstance(report, StoredReport) or "_entry" in report.__dict__ or self.store is None
                or report.id in self.resident or report.id in self.cache.items):
            return report.warnings
        payload = self.store.read_report(report.entry())
        if payload is None or payload.meta is None:  # gone, or a file from before details were kept in it
            return report.warnings
        return details_of(payload.meta)["warnings"]

    def may_warn_across(self, agency: str, year: int) -> bool:
        """Whether the report of (agency, year) may hold warnings against the year before: False only
        when a folder base's directory says it holds none (its file is then not read for them)."""
        return self.directory is None or self.directory.may_warn_across(agency, year)

    def changed(self) -> bool:
        """Whether a write has committed to the base on disk since this view of it was loaded (one stat)."""
        return self.path is not None and generation(self.path) != self.stamp

    def loaded(self, report_id: str) -> Loaded | None:
        """A report's figures and sections: resident, cached, or read from its file now."""
        got = self.resident.get(report_id) or self.cache.get(report_id)
        if got is not None or self.store is None:
            return got
        r = self.by_id.get(report_id)
        entry = r.entry() if isinstance(r, StoredReport) else None
        payload: Payload | None = self.store.read_report(entry) if entry is not None else None
        if payload is None:
            return None
        got = Loaded.of(payload.strings, payload.cells, [Section(**s) for s in payload.sections], payload.keys)
        if payload.meta is not None:
            got.details = details_of(payload.meta)
        self.cache.put(report_id, got, payload.size * MEMORY_PER_FILE_BYTE)
        return got

    def details(self, report: StoredReport) -> dict[str, Any] | None:
        """A stored report's title, warnings …: from its file (cached with its figures) or its shard."""
        got = self.loaded(report.id)
        if got is None:
            return None
        if got.details is None and self.store is not None:  # a file written before details were kept in it
            entry = self.store.current(report.id, report.agency)
            got.details = details_of(entry) if entry is not None else {}
        return got.details

    def described(self, agencies: Iterable[str] | None = None) -> list[Report]:
        """Every report (or those of some agencies) with its details at hand: read from the catalogue's
        shards, for listings."""
        if self.directory is None or self.store is None:
            return [r for r in self.reports if agencies is None or r.agency in set(agencies)]
        out = []
        for e in self.store.catalogue(agencies):
            r = StoredReport.of(e)
            r._kb = self
            out.append(r)
        return out

    @property
    def fact_count(self) -> int:
        """Figures held (table cells, derived sums, prose figures)."""
        return (sum(len(x.cells) + len(x.prose_rows) for x in self.resident.values())
                + sum(int(r._details().get("facts") or 0) for r in self.described() if isinstance(r, StoredReport)))

    def prose(self, report_id: str) -> list[Fact]:
        """The prose figures of one report (unpacked once per load)."""
        got = self.loaded(report_id)
        if got is None:
            return []
        if got._prose is None:
            got._prose = [got.fact(report_id, f) for f in got.prose_rows]
        return got._prose

    def sections(self, report_id: str) -> list[Section]:
        """The sections of one report."""
        got = self.loaded(report_id)
        return got.sections if got is not None else []

    @property
    def agencies(self) -> list[str]:
        """Agencies with at least one report."""
        return sorted(self.years)

    def cell(self, report: Report, row: str, column: str | None) -> Fact | None:
        """The fact at (report, row, column), if stored."""
        got = self.loaded(report.id)
        row_ = got.cells.get((row, column)) if got is not None else None
        return None if row_ is None or got is None else got.fact(report.id, row_)

    def table_facts(self, report: Report) -> list[Fact]:
        """Every table figure of one report (cells and derived sums, not prose)."""
        got = self.loaded(report.id)
        return [got.fact(report.id, v) for v in got.cells.values()] if got is not None else []

    @property
    def cells(self) -> dict[tuple[str, str, str | None], Fact | list[Any]]:
        """Every table figure keyed by (report id, row, column): reads every report — prefer cell()."""
        out: dict[tuple[str, str, str | None], Fact | list[Any]] = {}
        for r in self.reports:
            got = self.loaded(r.id)
            for (row, column), v in (got.cells.items() if got is not None else ()):
                out[(r.id, row, column)] = orjson.loads(v) if isinstance(v, str) else v
        return out


def generation(path: str | os.PathLike[str]) -> Stamp | None:
    """Which write of the base at path is current: its catalogue.json, replaced by every committed write
    (an old single file: the file itself; a folder with no catalogue yet: the folder); None when absent."""
    p = Path(path)
    for f in (p / CATALOGUE, p):
        try:
            st = os.stat(f)
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError:
            return None
        return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    return None


def bundled_reports(knowledge: Path = DATA) -> list[Path]:
    """The report files bundled under knowledge/data/reports/."""
    exts = {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}
    return sorted(p for p in (knowledge / "reports").iterdir()
                  if p.suffix.lower() in exts and p.name.lower() != "readme.md")


def _bundle_key(files: list[Path]) -> str:
    h = hashlib.sha256()
    code = Path(__file__).resolve().parent
    for p in files + sorted(code.rglob("*.py")) + [DATA / "catalogue.json"]:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def default_db_path(limits: Limits) -> Path:
    """The knowledge base built from the bundled reports (cached; rebuilt when they or the code change)."""
    from knowledge.ingest import ingest  # late import: only the default path needs the parser

    files = bundled_reports()
    cache = cache_dir()
    path = cache / f"kb-{_bundle_key(files)}.json"
    if not path.exists():
        summary = ingest(files, Store(path), limits)
        for failure in summary.failures:
            log.warning("bundled report not loaded: %s", failure.reason)
    return path
