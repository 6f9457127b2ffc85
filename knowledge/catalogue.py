"""The template catalogue (knowledge/catalogue.json): tables, rows, columns, labels, sum rules.

Loaded once; checked when it loads (duplicate ids, dangling sum terms), not at query time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from knowledge.paths import DATA


@dataclass(frozen=True)
class Column:
    """A table column: canonical id, printed label, unit."""

    id: str
    label: str
    unit: str | None = None
    signed: bool = False
    decimal: bool = False
    group: str | None = None
    variants: tuple[str, ...] = ()  # header misprints seen in real reports (`先行有效件数`)


@dataclass(frozen=True)
class Row:
    """A table row: canonical id, printed label and its variants, place in the hierarchy."""

    id: str
    label: str
    short: str
    variants: tuple[str, ...] = ()
    parent: str | None = None
    group: str | None = None
    header: bool = False  # a group row whose own cells may be blank (不予公开 …)
    sum_of: tuple[str, ...] = ()
    sum_of_2021: tuple[str, ...] = ()
    version: str | None = None  # only in this template version


@dataclass(frozen=True)
class Block:
    """One block of table 二 (第二十条第（X）项) in one template version."""

    block: str
    item: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@dataclass
class Catalogue:
    """Everything the template says, indexed for the parser and the answerer."""

    raw: dict[str, Any]
    sections: list[dict[str, str]]
    active: dict[str, list[Block]]  # version → blocks
    apply_rows: list[Row]
    apply_columns: list[Column]
    apply_derived_columns: list[dict[str, Any]]
    review_groups: list[dict[str, Any]]
    review_derived_groups: list[dict[str, Any]]
    review_columns: list[Column]
    rows: dict[str, Row] = field(default_factory=dict)

    def section_heading(self, sid: str) -> str:
        """The template's heading for section id sid (一…六)."""
        return next(s["heading"] for s in self.sections if s["id"] == sid)

    def row(self, rid: str) -> Row | None:
        """The apply/active row with that id."""
        return self.rows.get(rid)


def _column(d: dict[str, Any]) -> Column:
    return Column(
        id=d["id"],
        label=d["label"],
        unit=d.get("unit"),
        signed=d.get("signed", False),
        decimal=d.get("decimal", False),
        group=d.get("group"),
        variants=tuple(d.get("variants", ())),
    )


def _row(d: dict[str, Any]) -> Row:
    return Row(
        id=d["id"],
        label=d["label"],
        short=d.get("short", d["label"]),
        variants=tuple(d.get("variants", ())),
        parent=d.get("parent"),
        group=d.get("group"),
        header=d.get("header", False),
        sum_of=tuple(d.get("sum_of", ())),
        sum_of_2021=tuple(d.get("sum_of_2021", ())),
        version=d.get("version"),
    )


def _check(cat: Catalogue) -> None:
    """Fail loudly on broken catalogue data: duplicate ids, sum terms that name no row."""
    seen: set[str] = set()
    for r in cat.apply_rows:
        if r.id in seen:
            raise ValueError(f"catalogue: duplicate row id {r.id}")
        seen.add(r.id)
    for r in cat.apply_rows:
        for term in r.sum_of + r.sum_of_2021:
            if term not in seen:
                raise ValueError(f"catalogue: {r.id} sums unknown row {term}")


def load(path: Path | None = None) -> Catalogue:
    """Read and check the catalogue file."""
    raw = json.loads((path or DATA / "catalogue.json").read_text(encoding="utf-8"))
    active = {
        version: [
            Block(
                block=b["block"],
                item=b["item"],
                columns=tuple(_column(c) for c in b["columns"]),
                rows=tuple(_row(r) for r in b["rows"]),
            )
            for b in blocks
        ]
        for version, blocks in raw["active"]["versions"].items()
    }
    cat = Catalogue(
        raw=raw,
        sections=raw["sections"],
        active=active,
        apply_rows=[_row(r) for r in raw["apply"]["rows"]],
        apply_columns=[_column(c) for c in raw["apply"]["columns"]],
        apply_derived_columns=raw["apply"]["derived_columns"],
        review_groups=raw["review"]["groups"],
        review_derived_groups=raw["review"]["derived_groups"],
        review_columns=[_column(c) for c in raw["review"]["columns"]],
    )
    _check(cat)
    cat.rows = {r.id: r for r in cat.apply_rows}
    for blocks in active.values():
        for b in blocks:
            for r in b.rows:
                cat.rows.setdefault(r.id, r)
    return cat


@cache
def default() -> Catalogue:
    """The bundled catalogue, loaded once per process."""
    return load()
