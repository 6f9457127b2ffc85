"""A report's figures packed as rows under one shared header, text columns interned per report.

A stored report holds its figures as rows of FACT_FIELDS (Source flattened in as src_*), each text
column an index into the report's own string table: headings and labels repeat hundreds of times,
so files stay small and load fast.
"""

from __future__ import annotations

from typing import Any

from knowledge.models import Fact, Source

# The columns of one packed figure; Source's fields are flattened in as src_*.  Text columns hold
# an index into the report's own string table (headings and labels repeat hundreds of times), so a
# file of a thousand reports stays small and loads fast.
FACT_FIELDS = ("row", "column", "value", "kind", "raw", "unit", "src_section", "src_table", "src_row",
               "src_column", "src_sentence", "derived_from", "candidates", "src_reading")
_TEXT = (0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 13)  # positions of text columns in FACT_FIELDS
OLD_FACT_FIELDS = FACT_FIELDS[:-1]  # files written before scanned cells kept their readings: still read


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
