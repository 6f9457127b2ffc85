"""Bulk ingest of folders: every report file under them parsed in worker processes, stored in batches.

Files whose content hash is already stored (a re-run after an interruption, or a folder that grew)
are skipped without parsing.  Parsed reports are written in batches, each one atomic write under the
writer lock, so an interrupted run keeps what it stored and the next run resumes after it.
"""

from __future__ import annotations

import logging
import os
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.errors import NianbaoError
from knowledge.ingest import FORM_ORDER, Failure, Limits, content_hash, named, ordered, parse_file
from knowledge.models import Parsed
from knowledge.store import Store

log = logging.getLogger(__name__)

BATCH = 200  # reports per write: large enough that writes cost little, small enough to lose little
BATCH_SECONDS = 10.0  # …or whatever parsed in this long


def files_under(paths: Iterable[str | Path]) -> list[Path]:
    """Report files named, or found recursively under named folders (hidden ones skipped), in ingest order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += [f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in FORM_ORDER
                    and f.name.lower() != "readme.md" and not any(part.startswith(".") for part in f.relative_to(p).parts)]
        else:
            out.append(p)
    return ordered(out)


def _parse(job: tuple[Path, Limits]) -> tuple[Parsed | None, str | None]:
    """Worker: one file → (parsed, None) or (None, reason)."""
    path, limits = job
    try:
        return parse_file(path, limits), None
    except NianbaoError as exc:
        return None, named(path, exc)
    except Exception as exc:  # a parser bug must not lose the other files
        log.exception("unexpected error ingesting %s", path)
        return None, f"{path.name}：无法解析（内部错误：{type(exc).__name__}）"


def _width(text: str) -> int:
    """Display columns of text (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@dataclass
class BulkSummary:
    """What a bulk ingest did, per form of file (.txt, .pdf …)."""

    files: Counter[str] = field(default_factory=Counter)
    added: Counter[str] = field(default_factory=Counter)
    replaced: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)  # already stored with the same content
    failed: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    facts: int = 0
    seconds: float = 0.0

    def table(self) -> list[str]:
        """The summary as aligned text rows (form, files, added, replaced, unchanged, failed)."""
        rows = [("格式", "文件", "新增", "替换", "未变跳过", "失败")]
        for form in sorted(self.files, key=lambda f: (FORM_ORDER.get(f, 9), f)):
            rows.append((form, *(str(c[form]) for c in (self.files, self.added, self.replaced, self.skipped,
                                                          self.failed))))
        rows.append(("合计", *(str(sum(c.values())) for c in (self.files, self.added, self.replaced,
                                                               self.skipped, self.failed))))
        widths = [max(_width(r[i]) for r in rows) + 2 for i in range(len(rows[0]))]
        return ["".join(cell + " " * (w - _width(cell)) for cell, w in zip(r, widths, strict=True)).rstrip()
                for r in rows]

    @property
    def stored(self) -> int:
        """Reports written (added or replaced)."""
        return sum(self.added.values()) + sum(self.replaced.values())


def _parsed(jobs: list[tuple[Path, Limits]], workers: int) -> Iterator[tuple[Parsed | None, str | None]]:
    """Results in job order, from worker processes (in-process for one worker or few files)."""
    if workers <= 1 or len(jobs) < 4:
        yield from map(_parse, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_parse, jobs, chunksize=4)


def bulk_ingest(paths: Iterable[str | Path], store: Store, settings: Limits, workers: int | None = None,
                progress: Callable[[Path], None] | None = None) -> BulkSummary:
    """Ingest every report file under paths, skipping content already stored; batches of atomic writes."""
    t0 = time.perf_counter()
    summary = BulkSummary()
    known = store.hashes() if store.exists() else set()
    jobs: list[tuple[Path, Limits]] = []
    hashes: list[str | None] = []
    for path in files_under(paths):
        form = path.suffix.lower()
        summary.files[form] += 1
        h = content_hash(path)
        if h is not None and h in known:
            summary.skipped[form] += 1
            if progress:
                progress(path)
            continue
        if h is not None:
            known.add(h)  # the same content twice in this run: parsed once
        jobs.append((path, settings))
        hashes.append(h)
    batch: list[tuple[Parsed, str | None, str]] = []
    last = time.monotonic()

    def flush() -> None:
        nonlocal last
        if batch:
            result = store.put([p for p, _, _ in batch], [h for _, h, _ in batch])
            summary.notes += result.notes
            for (p, _, form), how in zip(batch, result.outcome, strict=True):
                (summary.replaced if how == "replaced" else summary.added)[form] += 1
                summary.facts += len(p.facts)
            batch.clear()
        last = time.monotonic()

    for (path, _), h, (parsed, reason) in zip(jobs, hashes, _parsed(jobs, workers or os.cpu_count() or 1),
                                              strict=True):
        if progress:
            progress(path)
        form = path.suffix.lower()
        if parsed is None:
            summary.failed[form] += 1
            summary.failures.append(Failure(str(path), reason or path.name))
        else:
            batch.append((parsed, h, form))
        if len(batch) >= BATCH or time.monotonic() - last > BATCH_SECONDS:
            flush()
    flush()
    summary.seconds = time.perf_counter() - t0
    return summary
