"""The directory of a knowledge-base folder: every report's agency, year, id and file, in one small file.

It is what a question needs before any report is read (which agencies and years are loaded, and
where a report's file is), so loading a base reads this file only: about 30 bytes a report, where
the shards hold the full entries (titles, warnings, content hashes) that writers and full listings
need.  It is rewritten with every write and committed by catalogue.json like the shards.

    {"directory": {"1": {"format": 1, "count": N, "agencies": {agency: rows, …}}}}

rows are “year:file;year:file…” when every report of the agency has the usual id and no short
names of its own (one flat string parses ten times faster than nested lists), otherwise
[[year, file, id, aliases], …].  `file` is the report file's generation and number (its folder and
name follow from the id) or, when it does not have the usual form, the whole path; `id` is null when
it is “{agency}-{year}”; `aliases` is null when the report gives itself no short names.  An agency's
rows are decoded when first asked for (lazy.Unpacked).

    "across": {agency: [year, …]} — the reports that hold warnings against the year before (rule ids
"years.…"), so that a reply reads the next year's report for its cross-year warnings only when it
holds some.  A directory written before this key existed lacks it (None: any report may hold such
warnings); the next write learns it from the shards.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from knowledge.checks.years import RULE_PREFIX
from knowledge.store.lazy import Unpacked

FORMAT = 1
_USUAL = re.compile(r"^reports/([0-9a-f]{2})/([0-9a-f]{16})\.([0-9a-f]+\.[0-9]+)\.json$")

Row = list[Any]  # [year, file, id | None, aliases | None]


def report_file(rid: str, gen: str, n: int) -> str:
    """Where a write of generation gen puts its nth report file."""
    h = hashlib.sha1(rid.encode()).hexdigest()
    return f"reports/{h[:2]}/{h[2:18]}.{gen}.{n}.json"


def _ref(rid: str, rel: str) -> str:
    m = _USUAL.match(rel)
    if m is None:
        return rel
    h = hashlib.sha1(rid.encode()).hexdigest()
    return m.group(3) if (m.group(1), m.group(2)) == (h[:2], h[2:18]) else rel


def _rel(rid: str, ref: str) -> str:
    if ref.startswith("reports/"):
        return ref
    h = hashlib.sha1(rid.encode()).hexdigest()
    return f"reports/{h[:2]}/{h[2:18]}.{ref}.json"


def _rows(agency: str, raw: str | list[Row]) -> list[Row]:
    if isinstance(raw, list):
        return raw
    out: list[Row] = []
    for part in raw.split(";"):
        year, _, ref = part.partition(":")
        out.append([int(year), ref, None, None])
    return out


def _raw(rows: list[Row]) -> str | list[Row]:
    if all(r[2] is None and r[3] is None and ";" not in r[1] and ":" not in r[1] for r in rows):
        return ";".join(f"{r[0]}:{r[1]}" for r in rows)
    return rows


def _warns_across(entry: dict[str, Any]) -> bool:
    return any(str(w.get("rule", "")).startswith(RULE_PREFIX) for w in entry.get("warnings") or [])


class Directory:
    """Agency → its reports' rows; read from the directory file or made from catalogue entries."""

    def __init__(self, agencies: Mapping[str, list[Row]], count: int | None = None,
                 across: dict[str, set[int]] | None = None) -> None:
        self.agencies = agencies
        self._count = count  # (stored in the file: counting would decode every agency)
        self.across = across  # agency → years whose report warns against the year before (None: not known)

    @classmethod
    def of(cls, entries: Iterable[dict[str, Any]]) -> Directory:
        """The directory of full catalogue entries (a base written before directories existed)."""
        d = cls({}, across={})
        for e in entries:
            d.add(e)
        return d

    @classmethod
    def decode(cls, doc: Any) -> Directory | None:
        """The directory of a directory file's tables; None when it is not one this version reads."""
        body = doc.get("directory", {}).get("1") if isinstance(doc, dict) else None
        if not isinstance(body, dict) or body.get("format") != FORMAT or not isinstance(body.get("agencies"), dict):
            return None
        count, across = body.get("count"), body.get("across")
        known = ({a: set(ys) for a, ys in across.items() if isinstance(ys, list)} if isinstance(across, dict)
                 else None)
        return cls(Unpacked(body["agencies"], _rows), count if isinstance(count, int) else None, known)

    def encode(self) -> dict[str, Any]:
        """The directory file's tables (agencies no write touched keep their stored form: not re-encoded)."""
        if isinstance(self.agencies, Unpacked):
            raw, made = self.agencies.raw, self.agencies.made
            agencies = {a: _raw(made[a]) if a in made else v for a, v in raw.items()}
        else:
            agencies = {a: _raw(rows) for a, rows in self.agencies.items()}
        body: dict[str, Any] = {"format": FORMAT, "count": len(self), "agencies": agencies}
        if self.across is not None:
            body["across"] = {a: sorted(ys) for a, ys in sorted(self.across.items()) if ys}
        return {"directory": {"1": body}}

    # ------------------------------------------------------------------ changes (by the writer)
    def _set(self, agency: str, rows: list[Row]) -> None:
        """An agency's rows after a change ([] drops it): only that agency is decoded, not the directory."""
        agencies = self.agencies
        if self._count is not None:
            self._count += len(rows) - len(agencies.get(agency, []))
        if isinstance(agencies, Unpacked):
            if rows:
                agencies.raw.setdefault(agency, [])
                agencies.made[agency] = rows
            else:
                agencies.raw.pop(agency, None)
                agencies.made.pop(agency, None)
        elif rows:
            agencies[agency] = rows  # type: ignore[index]
        else:
            agencies.pop(agency, None)  # type: ignore[attr-defined]

    def add(self, entry: dict[str, Any]) -> None:
        """Add or replace a report's row (same agency and year)."""
        agency, year, rid = entry["agency"], entry["year"], entry["id"]
        rows = [r for r in self.agencies.get(agency, []) if r[0] != year and self.rid(agency, r) != rid]
        rows.append([year, _ref(rid, entry["file"]), None if rid == f"{agency}-{year}" else rid,
                     list(entry.get("aliases") or []) or None])
        rows.sort(key=lambda r: r[0])
        self._set(agency, rows)
        if self.across is not None:
            self._kept_across(agency, changed=year)
            if _warns_across(entry):
                self.across.setdefault(agency, set()).add(year)

    def learn_across(self, entries: Iterable[dict[str, Any]]) -> None:
        """Which reports warn against the year before, from every report's full entry (a directory
        written before it said so)."""
        self.across = {}
        for e in entries:
            if _warns_across(e):
                self.across.setdefault(e["agency"], set()).add(e["year"])

    def drop(self, entry: dict[str, Any]) -> None:
        """Remove a report's row."""
        agency, rid = entry["agency"], entry["id"]
        self._set(agency, [r for r in self.agencies.get(agency, []) if self.rid(agency, r) != rid])
        if self.across is not None:
            self._kept_across(agency)

    def _kept_across(self, agency: str, changed: int | None = None) -> None:
        """The agency's years that warn across years, less those no longer listed and the changed one."""
        assert self.across is not None
        years = {r[0] for r in self.agencies.get(agency, [])} - {changed}
        kept = {y for y in self.across.get(agency, ()) if y in years}
        if kept:
            self.across[agency] = kept
        else:
            self.across.pop(agency, None)

    # ------------------------------------------------------------------ reading
    @staticmethod
    def rid(agency: str, row: Row) -> str:
        """The report id of a row."""
        return row[2] or f"{agency}-{row[0]}"

    @staticmethod
    def file(agency: str, row: Row) -> str:
        """The report file of a row (relative to the base)."""
        return _rel(row[2] or f"{agency}-{row[0]}", row[1])

    def __len__(self) -> int:
        if self._count is None:
            self._count = sum(len(rows) for rows in self.agencies.values())
        return self._count

    def years(self) -> Mapping[str, list[int]]:
        """Agency → its years, ascending (each agency's decoded when first asked for)."""
        return Unpacked(self.agencies, lambda _, rows: [r[0] for r in rows])  # type: ignore[arg-type]

    def rows(self) -> Iterator[tuple[str, Row]]:
        """(agency, row) of every report."""
        for agency, rows in self.agencies.items():
            for row in rows:
                yield agency, row

    def row(self, agency: str, year: int) -> Row | None:
        """The row of one agency's report of one year."""
        rows = self.agencies.get(agency)
        return next((r for r in rows if r[0] == year), None) if rows else None

    def may_warn_across(self, agency: str, year: int) -> bool:
        """Whether the report of (agency, year) may hold warnings against the year before (True when
        the directory does not know)."""
        return self.across is None or year in self.across.get(agency, ())

    def names(self) -> dict[str, list[str]]:
        """Agency → the short names its reports give themselves (what the agency index is made of)."""
        out: dict[str, list[str]] = {}
        raw, made = (self.agencies.raw, self.agencies.made) if isinstance(self.agencies, Unpacked) else (None, {})
        for agency in self.agencies:
            if raw is not None and agency not in made and isinstance(raw[agency], str):  # stored without short names
                out[agency] = []  # (and not changed since): not worth decoding
                continue
            own: list[str] = []
            for r in self.agencies[agency]:
                own += [a for a in (r[3] or ()) if a not in own]
            out[agency] = own
        return out
