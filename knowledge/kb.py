"""The loaded knowledge base: reports and facts in memory, indexed for the question path.

Built once at start-up from the store; the question path only does dictionary look-ups.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.models import Fact, Report
from knowledge.paths import DATA
from knowledge.store import Store, unpack

if TYPE_CHECKING:
    from knowledge.ingest import Limits

log = logging.getLogger(__name__)

@dataclass
class KnowledgeBase:
    """Reports and facts with the indexes the answerer needs."""

    reports: list[Report]
    facts: list[Fact] = field(default_factory=list)  # as objects; or packed rows, below
    packed: dict[str, tuple[list[str], list[list[Any]]]] = field(default_factory=dict)  # id → strings, rows
    by_id: dict[str, Report] = field(default_factory=dict)
    cells: dict[tuple[str, str, str | None], Fact | list[Any]] = field(default_factory=dict)
    prose_rows: dict[str, list[Fact | list[Any]]] = field(default_factory=dict)
    _prose: dict[str, list[Fact]] = field(default_factory=dict)
    years: dict[str, list[int]] = field(default_factory=dict)  # agency → sorted years
    report_of: dict[tuple[str, int], Report] = field(default_factory=dict)
    agencies_in: dict[int, set[str]] = field(default_factory=dict)  # year → agencies with a report

    def __post_init__(self) -> None:
        self.by_id = {r.id: r for r in self.reports}
        prose: dict[str, list[Fact | list[Any]]] = defaultdict(list)
        for f in self.facts:
            if f.row == "prose":
                prose[f.report].append(f)
            else:
                self.cells[(f.report, f.row, f.column)] = f
        for rid, (strings, rows) in self.packed.items():  # rows stay packed until asked for (start-up time)
            for row in rows:
                name = strings[row[0]]
                if name == "prose":
                    prose[rid].append(row)
                else:
                    self.cells[(rid, name, None if row[1] is None else strings[row[1]])] = row
        self.prose_rows = dict(prose)
        years: dict[str, set[int]] = defaultdict(set)
        for r in self.reports:
            years[r.agency].add(r.year)
            self.report_of[(r.agency, r.year)] = r
        self.years = {a: sorted(ys) for a, ys in years.items()}
        agencies_in: dict[int, set[str]] = defaultdict(set)
        for r in self.reports:
            agencies_in[r.year].add(r.agency)
        self.agencies_in = dict(agencies_in)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> KnowledgeBase:
        """Read the knowledge base file once."""
        # Building the index makes ~200k long-lived objects for 300 reports; the collector would
        # rescan them over and over while they are made.  Paused for this call only, and restored
        # (measured by hand, 300 synthetic reports, 2 loaded cores: 2.1–2.5 s paused, 5.2–5.5 s not).
        # No gc.freeze(): it is process-wide and permanent, and on every upload confirm it would
        # keep the replaced base out of collection for good.
        enabled = gc.isenabled()
        gc.disable()
        try:
            reports, packed = Store(path).load_packed()
            return cls(reports, packed=packed)
        finally:
            if enabled:
                gc.enable()

    @property
    def fact_count(self) -> int:
        """Figures held (table cells, derived sums, prose figures)."""
        return len(self.cells) + sum(len(v) for v in self.prose_rows.values())

    def prose(self, report_id: str) -> list[Fact]:
        """The prose figures of one report (unpacked once, on first use)."""
        got = self._prose.get(report_id)
        if got is None:
            strings = self.packed[report_id][0] if report_id in self.packed else []
            got = [f if isinstance(f, Fact) else unpack(report_id, f, strings) for f in self.prose_rows.get(report_id, [])]
            self._prose[report_id] = got
        return got

    @property
    def agencies(self) -> list[str]:
        """Agencies with at least one report."""
        return sorted(self.years)

    def cell(self, report: Report, row: str, column: str | None) -> Fact | None:
        """The fact at (report, row, column), if stored."""
        got = self.cells.get((report.id, row, column))
        if got is None or isinstance(got, Fact):
            return got
        return unpack(report.id, got, self.packed[report.id][0])


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
    cache = Path(os.environ.get("NIANBAO_CACHE_DIR") or Path.home() / ".cache" / "nianbao")
    path = cache / f"kb-{_bundle_key(files)}.json"
    if not path.exists():
        summary = ingest(files, Store(path), limits)
        for failure in summary.failures:
            log.warning("bundled report not loaded: %s", failure.reason)
    return path
