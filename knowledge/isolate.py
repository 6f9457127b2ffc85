"""Parse one document in a worker process, with a wall-clock budget.

A parse holds the GIL for as long as it runs, so the Telegram bot reads uploads in another process
(its chats keep being answered), and a document still parsing when its budget runs out is stopped
by killing that process: one-line reason, nothing kept.  Workers come from a forkserver (spawn
where there is none), never a plain fork of the threaded bot; a single-threaded caller forks.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path, PurePath

from knowledge.errors import NianbaoError, TooLarge, UnreadableFile
from knowledge.models import Parsed

DEFAULT_BUDGET = 60.0  # seconds of parsing one document may take
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


def _work(conn: Connection, data: bytes | None, name: str, path: str | None, max_bytes: int) -> None:
    from knowledge.ingest import parse_bytes, parse_file  # imported in the worker (once per forkserver)
    from knowledge.readers import pdf

    pdf.ocr_listeners.append(lambda pages: conn.send(("ocr", pages)))  # the parent extends the budget
    try:
        limits = _Limits(max_bytes)
        parsed = parse_file(path, limits) if path is not None else parse_bytes(data or b"", name, limits)
        conn.send(("ok", parsed))
    except NianbaoError as exc:
        conn.send(("error", exc))
    except BaseException as exc:  # noqa: BLE001 - a parser bug: say what, the parent decides
        conn.send(("bug", f"{type(exc).__name__}: {str(exc)[:200]}"))
    finally:
        conn.close()


def _run(data: bytes | None, name: str, path: str | None, max_bytes: int, budget: float) -> Parsed:
    context = _context()
    receive, send = context.Pipe(duplex=False)
    worker = context.Process(target=_work, args=(send, data, name, path, max_bytes), daemon=True)
    worker.start()
    send.close()
    allowed, start = budget, time.monotonic()
    try:
        while True:
            if not receive.poll(max(0.0, start + allowed - time.monotonic())):
                raise TooLarge(f"{name}：解析超过 {allowed:g} 秒仍未完成，已停止（文件异常复杂，请检查文件是否正确）")
            try:
                kind, payload = receive.recv()
            except EOFError:  # the worker died: out of memory, killed …
                raise UnreadableFile(f"{name}：解析进程意外退出（退出码 {worker.exitcode}），文件未载入") from None
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
    raise RuntimeError(f"{name}: parser failed in the worker: {payload}")


def parse_bytes_isolated(data: bytes, name: str, max_bytes: int, budget: float = DEFAULT_BUDGET) -> Parsed:
    """parse_bytes in a worker process, stopped after `budget` seconds (TooLarge)."""
    return _run(data, PurePath(name).name or "上传的文件", None, max_bytes, budget)


def parse_file_isolated(path: str | Path, max_bytes: int, budget: float = DEFAULT_BUDGET) -> Parsed:
    """parse_file in a worker process, stopped after `budget` seconds (TooLarge)."""
    return _run(None, Path(path).name, str(path), max_bytes, budget)
