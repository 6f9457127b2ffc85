"""Parse documents in worker processes, each within a wall-clock budget.

A parse holds the GIL for as long as it runs, so the Telegram bot reads uploads in another process
(its chats keep being answered), and a document still parsing when its budget runs out is stopped
by killing that process: one-line reason, nothing kept.  Each worker also runs under an address-space
limit (`resource.setrlimit(RLIMIT_AS)`, `memory_mb`): a reader that would grow past it gets a
MemoryError and the file is refused in one line, so no document can take the machine's memory.
Workers come from a forkserver (spawn where there is none), never a plain fork of the threaded bot;
a single-threaded caller forks.
Bulk ingest (`parse_many`) keeps its workers for many files, and replaces one that ran out of
time or died: that file fails in one line, the others go on.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import multiprocessing.context
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path, PurePath
from typing import Any, TypeVar

from knowledge.errors import NianbaoError, TooLarge, UnreadableFile
from knowledge.models import Parsed

log = logging.getLogger(__name__)

DEFAULT_BUDGET = 60.0  # seconds of parsing one document may take
DEFAULT_MEMORY_MB = 1024  # address space of one parse worker (reading a real report: 100–400 MB)
OCR_MEMORY_MB = 2048  # added once a scan is OCR'd: onnxruntime and its threads reserve ~1.5 GB of address space
OCR_PAGE_BUDGET = 120.0  # added per scanned page: OCR takes 10–40 s a page on 2 cores (benchmarks/README.md)

_METHODS = multiprocessing.get_all_start_methods()
_SERVER = multiprocessing.get_context("forkserver" if "forkserver" in _METHODS else "spawn")
if _SERVER.get_start_method() == "forkserver":
    _SERVER.set_forkserver_preload(["knowledge.ingest"])  # the parsers imported once, not per document


def _context() -> multiprocessing.context.BaseContext:
    """A plain fork (instant, parsers already imported) for a single-threaded caller like the CLI."""
    if "fork" in _METHODS and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return _SERVER


@dataclass(frozen=True)
class _Limits:
    max_file_bytes: int
    memory_mb: float = DEFAULT_MEMORY_MB


def limit_memory(mb: float) -> None:
    """Cap this process's address space at mb MB (never above a hard limit already set; no-op where unsupported).

    Only the soft limit is set, so that a scan can be given OCR_MEMORY_MB more (`limit_memory` again).
    """
    try:
        import resource
    except ImportError:  # not a POSIX system: the wall-clock budget still applies
        return
    want = int(mb * 1024 * 1024)
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            want = min(want, hard)
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    except (ValueError, OSError):  # already past it, or not allowed: keep the limits there are
        pass


def out_of_memory(name: str, mb: float) -> str:
    """The one-line reason for a document whose parse needed more memory than a worker may take."""
    return f"{name}：解析所需内存超过 {mb:g} MB 的上限，已停止（文件异常复杂，请检查文件是否正确）"


def overtime(name: str, allowed: float) -> str:
    """The one-line reason for a document stopped at the end of its budget."""
    return f"{name}：解析超过 {allowed:g} 秒仍未完成，已停止（文件异常复杂，请检查文件是否正确）"


def broken(name: str, error: str) -> str:
    """The one-line reason for a document the parser failed on (a damaged file, most often)."""
    return f"{name}：无法解析（{error}），文件可能已损坏，未载入"


def died(name: str, exitcode: int | None) -> str:
    """The one-line reason for a document whose worker process died (out of memory, killed …)."""
    return f"{name}：解析进程意外退出（退出码 {exitcode}），文件未载入"


def _as_worker() -> None:
    """A worker ends with its parent, and leaves signals to it: SIGTERM ends it at once, Ctrl-C is the parent's."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the handler a forked CLI inherited
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    try:  # Linux: killed when the process that started it dies, even by kill -9
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # it died before the request was made
        os._exit(1)


def _work(conn: Connection, data: bytes | None, name: str, path: str | None, max_bytes: int,
          memory_mb: float = DEFAULT_MEMORY_MB) -> None:
    from knowledge.ingest import parse_bytes, parse_file  # imported in the worker (once per forkserver)
    from knowledge.readers import pdf

    _as_worker()
    limit_memory(memory_mb)
    pdf.ocr_listeners.append(lambda pages: conn.send(("ocr", pages)))  # the parent extends the budget
    pdf.ocr_listeners.append(lambda _pages: limit_memory(memory_mb + OCR_MEMORY_MB))  # the OCR engine's own
    pdf.page_listeners.append(lambda done, total: conn.send(("pages", (done, total))))  # the user sees them
    try:
        limits = _Limits(max_bytes, memory_mb)
        parsed = parse_file(path, limits) if path is not None else parse_bytes(data or b"", name, limits)
        conn.send(("ok", parsed))
    except NianbaoError as exc:
        conn.send(("error", exc))
    except MemoryError:
        conn.send(("error", TooLarge(out_of_memory(name, memory_mb))))
    except BaseException as exc:  # noqa: BLE001 - a parser bug: say what, the parent decides
        conn.send(("bug", f"{type(exc).__name__}: {str(exc)[:200]}"))
    finally:
        conn.close()


Pages = Callable[[int, int], None]  # told (pages read, pages in all) while a PDF is read


def _run(data: bytes | None, name: str, path: str | None, max_bytes: int, budget: float,
         memory_mb: float = DEFAULT_MEMORY_MB, pages: Pages | None = None) -> Parsed:
    context = _context()
    receive, send = context.Pipe(duplex=False)
    worker = context.Process(target=_work, args=(send, data, name, path, max_bytes, memory_mb), daemon=True)
    worker.start()
    send.close()
    allowed, start = budget, time.monotonic()
    try:
        while True:
            if not receive.poll(max(0.0, start + allowed - time.monotonic())):
                raise TooLarge(overtime(name, allowed))
            try:
                kind, payload = receive.recv()
            except EOFError:  # the worker died: out of memory, killed …
                raise UnreadableFile(died(name, worker.exitcode)) from None
            if kind == "pages":
                if pages is not None:
                    pages(*payload)
                continue
            if kind != "ocr":
                break
            allowed += payload * OCR_PAGE_BUDGET  # a scan: its pages are OCR'd, allow for it
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receive.close()
    if kind == "ok":
        return payload
    if kind == "error":
        raise payload
    log.debug("parser failed in the worker on %s: %s", name, payload)  # the reason below is the one line
    raise UnreadableFile(broken(name, payload.split(":")[0]))


def parse_bytes_isolated(data: bytes, name: str, max_bytes: int, budget: float = DEFAULT_BUDGET,
                         memory_mb: float = DEFAULT_MEMORY_MB, pages: Pages | None = None) -> Parsed:
    """parse_bytes in a worker process, stopped after `budget` seconds or past `memory_mb` MB (TooLarge);
    `pages` is told a PDF's progress."""
    return _run(data, PurePath(name).name or "上传的文件", None, max_bytes, budget, memory_mb, pages)


def parse_file_isolated(path: str | Path, max_bytes: int, budget: float = DEFAULT_BUDGET,
                        memory_mb: float = DEFAULT_MEMORY_MB, pages: Pages | None = None) -> Parsed:
    """parse_file in a worker process, stopped after `budget` seconds or past `memory_mb` MB (TooLarge);
    `pages` is told a PDF's progress."""
    return _run(None, Path(path).name, str(path), max_bytes, budget, memory_mb, pages)


R = TypeVar("R")
DEPTH = 4  # files queued per worker: it goes on parsing while the parent is busy (a batch write)


def _serve(conn: Connection, work: Callable[[Path, Any], Any], limits: Any) -> None:
    """Worker loop: (index, path) in; ("start", index, time), ("ocr", index, pages), ("done", index, result) out."""
    from knowledge.readers import pdf

    gc.freeze()  # what the worker inherited is never garbage: the collector skips it (and leaves its pages shared)
    limit_memory(limits.memory_mb)
    _as_worker()  # Ctrl-C and SIGTERM are the parent's to handle: it stops the workers
    current = [-1]
    pdf.ocr_listeners.append(lambda pages: conn.send(("ocr", current[0], pages)))  # the parent extends the budget
    pdf.ocr_listeners.append(lambda _pages: limit_memory(limits.memory_mb + OCR_MEMORY_MB))  # the OCR engine's own
    pdf.page_listeners.append(lambda done, total: conn.send(("pages", current[0], (done, total))))
    while (job := conn.recv()) is not None:
        current[0] = job[0]
        conn.send(("start", job[0], time.monotonic()))  # CLOCK_MONOTONIC: the same clock in every process
        conn.send(("done", job[0], work(Path(job[1]), limits)))


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    sent: deque[int] = field(default_factory=deque)  # indexes sent and not done, in order
    started: float | None = None  # when the first of them began (None: not begun yet)
    allowed: float = 0.0
    finished: int = 0  # files it parsed


def _start(work: Callable[[Path, Any], Any], limits: Any) -> _Worker:
    context = _context()  # forkserver once another thread runs (a bulk ingest's writer)
    mine, theirs = context.Pipe()
    process = context.Process(target=_serve, args=(theirs, work, limits), daemon=True)
    process.start()
    theirs.close()
    return _Worker(process, mine)


def _stop(w: _Worker) -> None:
    if w.process.is_alive():
        w.process.kill()
    w.process.join()
    w.conn.close()


def parse_many(paths: Sequence[Path], work: Callable[[Path, Any], R], max_bytes: int, workers: int,
               failed: Callable[[Path, str], R], budget: float = DEFAULT_BUDGET,
               memory_mb: float = DEFAULT_MEMORY_MB,
               pages: Callable[[Path, int, int], None] | None = None) -> Iterator[R]:
    """work(path, limits) for every path in `workers` long-lived processes, results in path order.

    A file still parsing after `budget` seconds (plus OCR_PAGE_BUDGET per scanned page), or whose
    worker died, gives failed(path, one-line reason); its worker is replaced and the rest go on.
    work must be a module-level function (a forkserver pickles it by name).  `pages(path, done, total)`
    is told how far a PDF's reading is, page by page.
    """
    limits = _Limits(max_bytes, memory_mb)
    todo = deque(range(len(paths)))
    done: dict[int, R] = {}
    pool: list[_Worker] = []
    try:
        pool += [_start(work, limits) for _ in range(min(max(1, workers), len(paths)))]
        nxt = 0
        while nxt < len(paths):
            for w in pool:
                while todo and len(w.sent) < DEPTH:
                    w.sent.append(i := todo.popleft())
                    w.conn.send((i, str(paths[i])))
            while nxt in done:
                yield done.pop(nxt)
                nxt += 1
            if nxt >= len(paths):
                break
            ends = [w.started + w.allowed for w in pool if w.started is not None]
            wait([w.conn for w in pool], max(0.0, min(ends) - time.monotonic()) if ends else None)
            alive: list[_Worker] = []
            for w in pool:
                reason = _receive(w, done, budget, lambda i, d, t: pages(paths[i], d, t) if pages else None)
                if reason is None and w.started is not None and time.monotonic() > w.started + w.allowed:
                    reason = "overtime"
                if reason is None:
                    alive.append(w)
                    continue
                _stop(w)
                if w.sent and (w.started is not None or not w.finished):
                    # the file it was parsing fails (killed between two files: none does); the ones
                    # queued behind it go to a new worker
                    i = w.sent.popleft()
                    name = paths[i].name
                    done[i] = failed(paths[i], overtime(name, w.allowed) if reason == "overtime"
                                     else died(name, w.process.exitcode))
                todo.extendleft(reversed(w.sent))
                if todo:
                    alive.append(_start(work, limits))
            pool = alive
    finally:
        for w in pool:
            _stop(w)


def _receive(w: _Worker, done: dict[int, Any], budget: float, pages: Callable[[int, int, int], None]) -> str | None:
    """Take what a worker sent; "died" when its process is gone."""
    try:
        while w.conn.poll():
            kind, i, payload = w.conn.recv()
            if kind == "pages":
                pages(i, *payload)
            elif kind == "start":
                w.started, w.allowed = payload, budget
            elif kind == "ocr":
                w.allowed += payload * OCR_PAGE_BUDGET  # a scan: its pages are OCR'd, allow for it
            else:
                done[i] = payload
                w.sent.popleft()
                w.started = None
                w.finished += 1
    except (EOFError, OSError):
        return "died"
    return None
