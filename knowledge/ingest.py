"""Ingest: file → reader → template parser → `Parsed`; many files → one atomic knowledge-base write.

A file that fails is reported with its reason and skipped; the others are still stored, in one
write.  When every file fails nothing is written and the knowledge base stays byte-identical.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from knowledge import readers
from knowledge.errors import NianbaoError
from knowledge.models import Parsed
from knowledge.replace_rule import keep_url, kept_message, losses, quality
from knowledge.store import PutResult, Store
from knowledge.template import parse as template_parser

log = logging.getLogger(__name__)


class Limits(Protocol):
    """What ingest needs of the settings (the bot's Settings has it)."""

    @property
    def max_file_bytes(self) -> int: ...

# When one report exists in several forms, ingest the richer form last so that it wins
# (an HTML grid determines cells that crawled text leaves uncertain).
FORM_ORDER = {".txt": 0, ".md": 0, ".text": 0, ".html": 1, ".htm": 1, ".docx": 2, ".pdf": 3}


def parse_file(path: str | Path, settings: Limits) -> Parsed:
    """Read and parse one report file (raises NianbaoError with a reason)."""
    doc = readers.read(path, max_bytes=settings.max_file_bytes)
    return template_parser.parse(doc)


def parse_bytes(data: bytes, name: str, settings: Limits) -> Parsed:
    """Read and parse an uploaded report (raises NianbaoError with a reason)."""
    doc = readers.read_bytes(data, name, max_bytes=settings.max_file_bytes)
    return template_parser.parse(doc)


@dataclass
class Failure:
    """One file that could not be ingested, and why."""

    file: str
    reason: str


@dataclass
class Summary:
    """What one ingest command did."""

    parsed: list[Parsed] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    kept: list[Failure] = field(default_factory=list)  # weaker copies not stored over a fuller report, and why
    put: PutResult | None = None

    @property
    def facts(self) -> int:
        """Facts stored."""
        return sum(len(p.facts) for p in self.parsed)

    @property
    def warnings(self) -> int:
        """Consistency warnings over all stored reports."""
        return sum(len(p.report.warnings) for p in self.parsed)


def named(path: str | Path, exc: Exception) -> str:
    """The error's message, naming the file when the message does not already."""
    name = Path(path).name
    msg = str(exc)
    return msg if name in msg else f"{name}：{msg}"


def content_hash(path: str | Path) -> str | None:
    """The file's content hash, kept with its report so a re-run can skip it (None when unreadable)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:32]
    except OSError:
        return None


def ordered(paths: Iterable[str | Path]) -> list[Path]:
    """Paths in ingest order: plain text first, richer forms (HTML, DOCX, PDF) after."""
    return sorted((Path(p) for p in paths), key=lambda p: (FORM_ORDER.get(p.suffix.lower(), 0), str(p)))


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    settings: Limits,
    progress: Callable[[Path], None] | None = None,
    parse: Callable[[Path, Limits], Parsed] | None = None,
    replace: bool = False,
) -> Summary:
    """Parse every file (with `parse`, default parse_file), then store all that parsed in one atomic write.

    A file whose report (same body and year) is already stored, or came earlier in this run, more
    completely is not stored unless `replace` (replace_rule.py): it is named in `kept` with what it
    would lose."""
    parse = parse or parse_file
    store.check()  # not a knowledge base: said before any file is parsed
    summary = Summary()
    hashes: list[str | None] = []
    for path in ordered(paths):
        if progress:
            progress(path)
        try:
            summary.parsed.append(parse(path, settings))
            hashes.append(content_hash(path))
        except NianbaoError as exc:
            summary.failures.append(Failure(str(path), named(path, exc)))
        except Exception as exc:  # a parser bug (on a damaged file, most often) must not lose the other files
            log.debug("unexpected error ingesting %s", path, exc_info=True)  # the reason below is the one line
            summary.failures.append(Failure(str(path), f"{Path(path).name}：无法解析（内部错误：{type(exc).__name__}）"))
    chosen: dict[str, int] = {}  # report id → its copy chosen so far in this run
    keep: list[int] = []
    for i, p in enumerate(summary.parsed):
        rid = p.report.id
        before = summary.parsed[chosen[rid]] if rid in chosen else None
        old = _entry(before) if before is not None else _stored(store, rid, p.report.agency)
        lost = losses(p, old) if old is not None else []
        if lost and not replace:
            msg = kept_message(p.report.agency, p.report.year, p.report.source_file, lost)
            summary.kept.append(Failure(p.report.source_file, msg))
            continue
        keep_url(p, old)
        if rid in chosen:
            keep.remove(chosen[rid])
        chosen[rid] = i
        keep.append(i)
    summary.parsed, hashes = [summary.parsed[i] for i in keep], [hashes[i] for i in keep]
    if summary.parsed:
        summary.put = store.put(summary.parsed, hashes)
    return summary


def _stored(store: Store, rid: str, agency: str) -> dict[str, object] | None:
    """The stored report's catalogue entry (None when there is none, or the base is an old single file)."""
    if not store.exists() or store.legacy_file() is not None:
        return None
    return store.current(rid, agency)


def _entry(p: Parsed) -> dict[str, object]:
    """A parsed report as a catalogue entry holds it, for comparing two copies in one run."""
    return {"url": p.report.url, "facts": len(p.facts), **quality(p.facts, p.report.missing)}
