"""Warnings that travel: a reply carries the warnings of every figure it used, once each.

Figures reach a reply in one place — the composer turning a stored fact into an answer (a cell, its
breakdown, a prose figure, the items of a ranking); everything else (sums, differences, growth,
rates, rankings, series) is built from such answers.  While one question is answered, that place
notes each fact it used in a ledger (`used`); when the reply is done, `attach` looks up the reports'
warnings whose cells include a used one — a derived figure's terms count as used — and the next
year's report's cross-year warnings about it, and adds each once: a line “⚠️ …” above the sources,
the same lines in `warnings`, and the points of a series or ranking from a flagged report marked
`warned` (the chart marks them).  A question asked back (clarify) carries none; a reply that gives no
figure (“分母为0，无法计算”) carries those of the figures it states — not those a look elsewhere read
and dropped (a sentence tried for an unreadable cell).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from knowledge.fact_index import fmt
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer, Fact, Report, Warning_

MARK = "⚠️ "
_LEDGER: ContextVar[list[tuple[Report, Fact]] | None] = ContextVar("caveats_ledger", default=None)

Key = tuple[str, str | None]


@contextmanager
def ledger() -> Iterator[list[tuple[Report, Fact]]]:
    """Collect the facts the reply being built uses."""
    got: list[tuple[Report, Fact]] = []
    token = _LEDGER.set(got)
    try:
        yield got
    finally:
        _LEDGER.reset(token)


def used(report: Report, *facts: Fact | None) -> None:
    """Note facts a reply shows (outside a ledger: nothing)."""
    got = _LEDGER.get()
    if got is not None:
        got.extend((report, f) for f in facts if f is not None)


def _keys(f: Fact) -> set[Key]:
    if f.row == "prose":
        return {("prose", f.source.row or f.raw)}
    out: set[Key] = {(f.row, f.column)}
    out |= {(str(t.get("row")), t.get("column")) for t in f.derived_from or []}
    return out


def _hits(w: Warning_, keys: set[Key], year: int | None) -> bool:
    for c in w.cells:
        if c.get("year") != year:
            continue
        key = ("prose", c.get("clause")) if c.get("row") == "prose" else (c.get("row"), c.get("column"))
        if key in keys:
            return True
    return False


def _own(kb: KnowledgeBase, r: Report) -> list[Warning_]:
    """A report's warnings; those of a base stored before warnings named their cells are checked again
    from its figures (when a reply first uses them), so they still go with the replies."""
    ws = r.warnings
    if ws and all(not w.cells for w in ws):
        from knowledge.catalogue import default
        from knowledge.checks.sums import run

        ws = run(r, kb.table_facts(r) + kb.prose(r.id), default())
    return ws


def found(kb: KnowledgeBase, facts: list[tuple[Report, Fact]]) -> tuple[list[tuple[Report, Warning_]],
                                                                        set[tuple[str, int]]]:
    """The warnings about the facts used, each once, in the order the facts were used; and the
    (agency, year) of the reports whose used facts they concern."""
    keys: dict[str, set[Key]] = {}
    reports: dict[str, Report] = {}
    for r, f in facts:
        keys.setdefault(r.id, set()).update(_keys(f))
        reports.setdefault(r.id, r)
    out: dict[str, tuple[Report, Warning_]] = {}
    flagged: set[tuple[str, int]] = set()
    for rid, ks in keys.items():
        r = reports[rid]
        for w in _own(kb, r):
            if _hits(w, ks, None):
                out.setdefault(w.message, (r, w))
                flagged.add((r.agency, r.year))
        later = (kb.report_of[(r.agency, r.year + 1)]
                 if (r.agency, r.year + 1) in kb.report_of and kb.may_warn_across(r.agency, r.year + 1) else None)
        for w in kb.warnings_of(later) if later is not None else []:
            if _hits(w, ks, r.year):  # the next year's report holds the checks across the two
                out.setdefault(w.message, (later, w))
                flagged.add((r.agency, r.year))
    return list(out.values()), flagged


def attach(answer: Answer, kb: KnowledgeBase, facts: list[tuple[Report, Fact]]) -> Answer:
    """The answer with the warnings of the facts it used (see the module doc)."""
    if answer.status == "clarify":
        return answer
    if answer.status != "answered":  # a reply without its figure (“分母为0，无法计算”): the figures it names
        facts = [(r, f) for r, f in facts if f.value is not None
                 and re.search(rf"(?<![\d.]){re.escape(fmt(f.value))}(?![\d.])", answer.text)]
    if not facts:
        return answer
    hits, flagged = found(kb, facts)
    if not hits:
        return answer
    several = len({r.id for r, _ in facts}) > 1
    agencies = {r.agency for r, _ in facts}
    lines = []
    for r, w in hits:
        who = (f"{r.agency}{r.year}年" if len(agencies) > 1 else f"{r.year}年") if several else ""
        lines.append(f"{who}{'：' if who else ''}{w.line}")
    answer.warnings = list(dict.fromkeys([*answer.warnings, *lines]))
    points = answer.series + answer.ranking
    if len({(p.get("agency"), p.get("year")) for p in points}) > 1:  # not the items of one report
        for p in points:
            if (p.get("agency"), p.get("year")) in flagged:
                p["warned"] = True
    text = answer.text.rstrip("\n").split("\n")
    at = len(text)
    while at > 0 and text[at - 1].startswith("来源："):
        at -= 1
    text[at:at] = [MARK + line for line in lines]
    answer.text = "\n".join(text)
    return answer
