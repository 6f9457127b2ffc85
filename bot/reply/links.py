"""What an answer points at: the reports it used, their original addresses, their short names."""

from __future__ import annotations

from knowledge.kb import KnowledgeBase
from knowledge.models import Answer, Report


def reports_of(answer: Answer, kb: KnowledgeBase) -> list[Report]:
    """The loaded reports an answer's figures come from, oldest first."""
    keys: list[tuple[str | None, int | None]] = [(s.get("agency"), s.get("year")) for s in answer.sources]
    keys += [(p.get("agency"), p.get("year")) for p in answer.series]
    if answer.agency and answer.year and answer.status != "clarify":
        keys.append((answer.agency, answer.year))
    found = {kb.report_of[k].id: kb.report_of[k] for k in keys if k in kb.report_of}  # type: ignore[index]
    return sorted(found.values(), key=lambda r: (r.year, r.agency))


def attach(answer: Answer, kb: KnowledgeBase) -> Answer:
    """Fill the answer's `url` (and `sources` when the composer left them out) from its reports."""
    reports = reports_of(answer, kb)
    if answer.url is None:
        answer.url = next((r.url for r in reversed(reports) if r.url), None)
    if not answer.sources and reports:
        answer.sources = [{"agency": r.agency, "year": r.year, "title": r.title, "url": r.url,
                           "section": answer.section if len(reports) == 1 else None} for r in reports]
    return answer
