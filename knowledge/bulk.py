"""Bulk ingest of folders: every report file under them parsed in worker processes, stored in batches.

Files whose content hash is already stored (a re-run after an interruption, or a folder that grew)
are skipped without parsing.  Parsed reports are written in batches, each one atomic write under the
writer lock, so an interrupted run (Ctrl-C, SIGTERM: its workers stopped, what parsed by then
written) keeps what it stored and the next run resumes after it.  Workers
pack each report for storing themselves (the parent only writes), each file within the parse
budget; batches are written by a thread while the workers go on parsing.
"""

from __future__ import annotations

import logging
import os
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.errors import NianbaoError
from knowledge.ingest import FORM_ORDER, Failure, Limits, content_hash, named, ordered, parse_file
from knowledge.isolate import DEFAULT_BUDGET, DEFAULT_MEMORY_MB, out_of_memory, parse_many
from knowledge.replace_rule import entry_losses, kept_message
from knowledge.store import Record, Store

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


@dataclass
class Encoded(Record):
    """A record whose report file a worker already encoded: the parent receives bytes, not objects."""

    data: bytes = b""

    def payload(self) -> bytes:
        """The report's own TinyDB file, as the worker encoded it."""
        return self.data


Outcome = tuple[Encoded | None, str | None]  # the report ready to store, or why not


def _parse(path: Path, limits: Limits) -> Outcome:
    """Worker: one file → (record, None) or (None, reason); packed and encoded here, so the parent only writes."""
    try:
        record = Record.of(parse_file(path, limits))
        return Encoded(record.entry, [], [], [], record.payload()), None
    except NianbaoError as exc:
        return None, named(path, exc)
    except MemoryError:  # past the worker's address-space limit (isolate.limit_memory)
        return None, out_of_memory(path.name, getattr(limits, "memory_mb", DEFAULT_MEMORY_MB))
    except Exception as exc:  # a parser bug must not lose the other files
        log.debug("unexpected error ingesting %s", path, exc_info=True)  # the reason below is the one line
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
    warned: list[tuple[str, str]] = field(default_factory=list)  # (file, one 勾稽 warning) of each report stored
    done: int = 0  # files dealt with (skipped, stored or failed)
    interrupted: bool = False  # stopped by Ctrl-C or SIGTERM: what was parsed by then is stored, the rest not

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


def _failed(_path: Path, reason: str) -> Outcome:
    """A file the worker pool gave up on (past its budget, or its worker died)."""
    return None, reason


def bulk_ingest(paths: Iterable[str | Path], store: Store, settings: Limits, workers: int | None = None,
                progress: Callable[[Path], None] | None = None, budget: float = DEFAULT_BUDGET,
                memory_mb: float = DEFAULT_MEMORY_MB,
                pages: Callable[[Path, int, int], None] | None = None, replace: bool = False) -> BulkSummary:
    """Ingest every report file under paths, skipping content already stored; batches of atomic writes.

    Each file is parsed in a worker process within `budget` seconds and `memory_mb` MB of address
    space (a file past either, or whose worker dies, fails in one line).  `pages(path, done, total)`
    is told how far each PDF's reading is.  A copy with less than the report already stored (or chosen
    earlier in this run) is not written unless `replace`: it counts as unchanged, with a 保留 note saying why.
    """
    t0 = time.perf_counter()
    store.check()  # not a knowledge base: said before any file is parsed
    summary = BulkSummary()
    known = store.hashes() if store.exists() else set()
    jobs: list[Path] = []
    hashes: list[str | None] = []
    for path in files_under(paths):
        form = path.suffix.lower()
        summary.files[form] += 1
        h = content_hash(path)
        if h is not None and h in known:
            summary.skipped[form] += 1
            summary.done += 1
            if progress:
                progress(path)
            continue
        if h is not None:
            known.add(h)  # the same content twice in this run: parsed once
        jobs.append(path)
        hashes.append(h)
    batch: list[tuple[Encoded, str]] = []
    last = time.monotonic()

    chosen: dict[str, dict[str, object]] = {}  # report id → the entry written for it in this run

    def weaker(r: Encoded, form: str) -> bool:
        rid, agency = r.entry["id"], r.entry["agency"]
        old = chosen.get(rid)
        if old is None and store.exists() and store.legacy_file() is None:
            old = store.current(rid, agency)
        lost = entry_losses(r.entry, old) if old is not None and not replace else []
        if lost:
            summary.skipped[form] += 1
            summary.notes.append("保留：" + kept_message(agency, r.entry["year"], r.entry.get("source_file") or rid, lost))
            return True
        chosen[rid] = r.entry
        return False

    def write(items: list[tuple[Encoded, str]]) -> None:
        items = [(r, form) for r, form in items if not weaker(r, form)]
        if not items:
            return
        result = store.put_records([r for r, _ in items])
        summary.notes += result.notes
        for (r, form), how in zip(items, result.outcome, strict=True):
            (summary.replaced if how == "replaced" else summary.added)[form] += 1
            summary.facts += r.entry["facts"]

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="bulk-writer") as writer:
        writing: Future[None] | None = None

        def flush() -> None:
            nonlocal last, writing
            if batch:
                if writing is not None:
                    writing.result()  # one write at a time, in order; a failed write stops the run
                writing = writer.submit(write, batch.copy())
                batch.clear()
            last = time.monotonic()

        outcomes = parse_many(jobs, _parse, settings.max_file_bytes, workers or os.cpu_count() or 1, _failed, budget,
                              memory_mb, pages)
        try:
            with closing(outcomes):  # an interrupted run stops its workers at once
                for path, h, (record, reason) in zip(jobs, hashes, outcomes, strict=True):
                    form = path.suffix.lower()
                    if record is None:
                        summary.failed[form] += 1
                        summary.failures.append(Failure(str(path), reason or path.name))
                    else:
                        record.entry["sha"] = h
                        batch.append((record, form))
                        summary.warned += [(path.name, str(w.get("message", ""))) for w in record.entry.get("warnings") or []]
                    summary.done += 1
                    if progress:
                        progress(path)
                    if len(batch) >= BATCH or time.monotonic() - last > BATCH_SECONDS:
                        flush()
        except KeyboardInterrupt:  # Ctrl-C, or SIGTERM as the CLI maps it: the workers are stopped (above)
            summary.interrupted = True  # the reports parsed so far are still written (one atomic write)
        flush()
        if writing is not None:
            writing.result()
    summary.seconds = time.perf_counter() - t0
    return summary
