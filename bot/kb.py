"""The loaded knowledge base: reports and facts in memory, indexed for the question path.

Built once at start-up from the store; the question path only does dictionary look-ups.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import lexicon
from .extract import AliasIndex
from .models import Fact, Report
from .settings import KNOWLEDGE, Settings
from .store import Store, unpack

log = logging.getLogger(__name__)

_GOV_SUFFIX = re.compile(r"(人民政府办公室|人民政府办公厅|政府办公室|政府办公厅|人民政府|政府|管委会|管理委员会|办公室|办公厅)$")
_ADMIN_PART = re.compile(r".+?(?:特别行政区|自治区|自治州|自治县|综合实验区|新区|开发区|高新区|省|市|区|县)")
_ADMIN_END = re.compile(r"(特别行政区|自治区|自治州|自治县|综合实验区|新区|开发区|高新区|省|市|区|县)$")
STRONG, WEAK = 2, 1


def _core(agency: str) -> str:
    core = agency
    while (shorter := _GOV_SUFFIX.sub("", core)) != core and shorter:
        core = shorter
    return core


def alias_strengths(agency: str) -> dict[str, int]:
    """Names people use for an agency, each STRONG (names it) or WEAK (names only its region).

    开封市人民政府 → 开封市, 开封, 开封市政府 … (strong); 开封市教育局 → 教育局, 开封教育局 … (strong)
    and 开封市, 开封 (weak: they name the city's own government first).
    """
    core = _core(agency)
    parts = _ADMIN_PART.findall(core)
    region = "".join(parts)
    dept = core[len(region):] if core.startswith(region) else ""
    regional = {core if not dept else region}
    if parts:
        last = parts[-1]
        regional |= {last}
        for part in (last, region):
            stem = _ADMIN_END.sub("", part)
            if len(stem) >= 2:
                regional.add(stem)
    regional |= {r + suffix for r in list(regional) if _ADMIN_END.search(r) for suffix in ("政府", "人民政府")}
    out = {agency: STRONG, core: STRONG}
    office = re.search(r"(办公厅|办公室)$", agency)
    if office and not dept:  # 上海市人民政府办公厅 → 上海市政府办公厅, 上海市政府办 …
        for r in [core, *(p for p in regional if not p.endswith("政府"))]:
            for suffix in ("政府" + office.group(1), "人民政府" + office.group(1), "政府办", office.group(1)):
                out[r + suffix] = STRONG
    if dept:
        for long, short in lexicon.default().abbreviations:  # 发展和改革局 → 发改局
            if long in dept:
                dept_short = dept.replace(long, short)
                for r in regional:
                    if not r.endswith("政府"):
                        out[r + dept_short] = STRONG
                if len(dept_short) >= 3:
                    out[dept_short] = STRONG
                break
        for r in regional:
            if r.endswith("政府"):
                continue  # “沭阳县人民政府” never names one of its departments
            out.setdefault(r, WEAK)
            if len(dept) >= 2:
                out[r + dept] = STRONG
        if len(dept) >= 3:
            out[dept] = STRONG
    else:
        for r in regional:
            out[r] = STRONG
    return {a: k for a, k in out.items() if len(a) >= 2}


def short_name(agency: str) -> str:
    """The shortest strong name that still starts with the agency's own first word (沭阳发改局, 开封)."""
    names = [a for a in agency_aliases(agency) if a[0] == agency[0]]
    return min(names, key=len) if names else agency


def agency_aliases(agency: str) -> list[str]:
    """The strong names of an agency, longest first (the last is the shortest)."""
    return sorted((a for a, k in alias_strengths(agency).items() if k == STRONG), key=len, reverse=True)


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
    aliases: dict[str, str] = field(default_factory=dict)  # alias → agency
    alias_index: AliasIndex | None = None
    agencies_in: dict[int, set[str]] = field(default_factory=dict)  # year → agencies with a report
    _examples: list[str] = field(default_factory=list)

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
        taken: dict[str, dict[str, int]] = defaultdict(dict)
        for r in self.reports:
            names = alias_strengths(r.agency) | {a: STRONG for a in r.aliases}
            for alias, strength in names.items():
                taken[alias][r.agency] = max(strength, taken[alias].get(r.agency, 0))
        # an alias names the one agency it names most strongly; a tie names neither
        self.aliases = {}
        weak = set()
        for alias, owners in taken.items():
            top = max(owners.values())
            best = [a for a, k in owners.items() if k == top]
            if len(best) == 1:
                self.aliases[alias] = best[0]
                if top == WEAK:
                    weak.add(alias)
        self.alias_index = AliasIndex(self.aliases, weak)
        agencies_in: dict[int, set[str]] = defaultdict(set)
        for r in self.reports:
            agencies_in[r.year].add(r.agency)
        self.agencies_in = dict(agencies_in)
        self._examples = self._make_examples()

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> KnowledgeBase:
        """Read the knowledge base file once (the collector paused: it only slows building it)."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            reports, packed = Store(path).load_packed()
            kb = cls(reports, packed=packed)
        finally:
            if enabled:
                gc.enable()
        gc.freeze()  # the loaded base lives as long as the process: keep it out of every collection
        return kb

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

    def examples(self, n: int = 3) -> list[str]:
        """Example questions that this knowledge base can answer."""
        return self._examples[:n]

    def _make_examples(self) -> list[str]:
        if not self.reports:
            return []
        r = max(self.reports, key=lambda r: r.year)
        many = len(self.years) > 1
        who = short_name(r.agency) if many else ""
        qs = [f"{who}{r.year}年行政复议多少件", f"{who}{r.year}年收到多少政府信息公开申请", f"{who}{r.year}年存在哪些主要问题"]
        return qs


def bundled_reports(knowledge: Path = KNOWLEDGE) -> list[Path]:
    """The report files bundled under knowledge/reports/."""
    exts = {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}
    return sorted(p for p in (knowledge / "reports").iterdir()
                  if p.suffix.lower() in exts and p.name.lower() != "readme.md")


def _bundle_key(files: list[Path]) -> str:
    h = hashlib.sha256()
    code = Path(__file__).resolve().parent
    for p in files + sorted(code.glob("*.py")) + sorted(code.glob("readers/*.py")) + [KNOWLEDGE / "catalogue.json"]:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def default_db_path(settings: Settings) -> Path:
    """The knowledge base to use without --db: settings.db_path, else one built from knowledge/."""
    if settings.db_path:
        return Path(settings.db_path)
    from .ingest import ingest  # late import: only the default path needs the parser

    files = bundled_reports()
    cache = Path(os.environ.get("NIANBAO_CACHE_DIR") or Path.home() / ".cache" / "nianbao")
    path = cache / f"kb-{_bundle_key(files)}.json"
    if not path.exists():
        summary = ingest(files, Store(path), settings)
        for failure in summary.failures:
            log.warning("bundled report not loaded: %s", failure.reason)
    return path
