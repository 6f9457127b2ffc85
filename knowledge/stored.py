"""The reports of a folder base as the question side sees them: made from the directory when asked for.

A `StoredReport` holds its id, agency, year, file and short names; its details (title, warnings …)
and sections are read from its file, through the knowledge base's cache, when first asked for, so
100,000 reports cost a few MB until questions reach them.  `by_key` gives the knowledge base its
(agency, year) → report, id → report and every-report views over the directory without making a
report object per entry up front.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from knowledge.models import Report, Section, Warning_
from knowledge.store import Entry
from knowledge.store.directory import Directory

if TYPE_CHECKING:
    from knowledge.kb import KnowledgeBase

_DROP = ("sha", "bytes", "file", "id", "agency", "year", "aliases", "sections")  # not report details
_SHARED = ("template", "source_file", "ingested_at")
_DETAILS = {"title": "", "template": "", "source_file": "", "url": None, "ingested_at": None,
            "identified_from": None}  # read from the report's file (or its shard) when first asked


def details_of(entry: Entry) -> dict[str, Any]:
    """A catalogue entry's report details, ready to read: warnings as objects, common strings shared."""
    d = {k: v for k, v in entry.items() if k not in _DROP}
    for key in _SHARED:  # one string object per template, date: not one per report
        if isinstance(d.get(key), str):
            d[key] = sys.intern(d[key])
    ws = d.get("warnings")
    d["warnings"] = [Warning_(**w) for w in ws] if ws else []
    d["missing"] = list(d.get("missing") or [])
    return d


def _detail(name: str, default: Any) -> property:
    def get(self: StoredReport) -> Any:
        got = self._details().get(name)
        if got is None:  # not stored: the default, a list of this report's own for warnings and missing
            return list(default) if isinstance(default, list) else default
        return got

    def put(self: StoredReport, value: Any) -> None:
        self.__dict__.setdefault("_entry", {})[name] = value

    return property(get, put, doc=f"The report's {name} (from its file when first asked).")


class StoredReport(Report):
    """A report of a folder base: id, agency, year and file at hand; its details read when first asked.

    The details (title, warnings …) and sections live in the report's file and are read with its
    figures, through the knowledge base's cache: 100,000 of these cost a few MB until asked about.
    """

    _kb: KnowledgeBase | None = None

    title = _detail("title", "")
    template = _detail("template", "")
    source_file = _detail("source_file", "")
    url = _detail("url", None)
    ingested_at = _detail("ingested_at", None)
    identified_from = _detail("identified_from", None)
    warnings = _detail("warnings", [])
    missing = _detail("missing", [])

    @property  # type: ignore[override]
    def sections(self) -> list[Section]:
        """The report's sections (from its file, through the knowledge base's cache)."""
        return self._kb.sections(self.id) if self._kb is not None else []

    @sections.setter
    def sections(self, value: list[Section]) -> None:
        """Report.__init__ sets [] here: the sections live in the report's file."""

    def _details(self) -> dict[str, Any]:
        own = self.__dict__.get("_entry")
        if own is not None:
            return own
        return (self._kb.details(self) if self._kb is not None else None) or {}

    @classmethod
    def make(cls, rid: str, agency: str, year: int, file: str, aliases: list[str] | None,
             entry: Entry | None = None) -> StoredReport:
        """A report of the directory (details read later) or of a full catalogue entry."""
        r = cls.__new__(cls)
        r.__dict__.update(id=rid, agency=agency, year=year, file=file, aliases=list(aliases or []))
        if entry is not None:
            r.__dict__["_entry"] = details_of(entry)
        return r

    @classmethod
    def of(cls, entry: Entry) -> StoredReport:
        """The report of a full catalogue entry (its details at hand)."""
        return cls.make(entry["id"], sys.intern(entry["agency"]), entry["year"], entry["file"],
                        entry.get("aliases"), entry)

    def entry(self) -> Entry:
        """What the store needs to find this report's file."""
        return {"id": self.id, "agency": self.agency, "file": self.__dict__["file"]}


class _ByKey(Mapping[tuple[str, int], Report]):
    """(agency, year) → report, made from the directory when first asked for."""

    def __init__(self, kb: KnowledgeBase, directory: Directory) -> None:
        self.kb, self.dir, self.made = kb, directory, {}
        self.by_id: dict[str, Report] = {}

    def __getitem__(self, key: tuple[str, int]) -> Report:
        got = self.made.get(key)
        if got is None:
            agency, year = key
            row = self.dir.row(agency, year) if isinstance(agency, str) else None
            if row is None:
                raise KeyError(key)
            got = StoredReport.make(Directory.rid(agency, row), agency, year, Directory.file(agency, row), row[3])
            got._kb = self.kb
            self.made[key] = self.by_id[got.id] = got
        return got

    def __contains__(self, key: object) -> bool:
        return (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str)
                and self.dir.row(key[0], key[1]) is not None)

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return ((agency, row[0]) for agency, row in self.dir.rows())

    def __len__(self) -> int:
        return len(self.dir)


class _ById(Mapping[str, Report]):
    """Report id → report (the id index made on first use)."""

    def __init__(self, by_key: _ByKey) -> None:
        self.by_key = by_key
        self._keys: dict[str, tuple[str, int]] | None = None

    def keys_(self) -> dict[str, tuple[str, int]]:
        if self._keys is None:
            self._keys = {Directory.rid(a, row): (a, row[0]) for a, row in self.by_key.dir.rows()}
        return self._keys

    def __getitem__(self, rid: str) -> Report:
        got = self.by_key.by_id.get(rid)  # a report already made (the one a question is about)
        return got if got is not None else self.by_key[self.keys_()[rid]]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys_())

    def __len__(self) -> int:
        return len(self.by_key)


class _Reports(Sequence[Report]):
    """Every report of the directory, made only when someone goes through them all."""

    def __init__(self, by_key: _ByKey) -> None:
        self.by_key = by_key
        self._all: list[Report] | None = None

    def _list(self) -> list[Report]:
        if self._all is None:
            self._all = [self.by_key[key] for key in self.by_key]
        return self._all

    def __len__(self) -> int:
        return len(self.by_key)

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return self._list()[i]

    def __iter__(self) -> Iterator[Report]:
        return iter(self._list())


def by_key(kb: KnowledgeBase, directory: Directory) -> tuple[Mapping[tuple[str, int], Report], Mapping[str, Report],
                                                           Sequence[Report]]:
    """(agency, year) → report, id → report, and every report: views over the directory."""
    keyed = _ByKey(kb, directory)
    return keyed, _ById(keyed), _Reports(keyed)
