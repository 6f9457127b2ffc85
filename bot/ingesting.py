"""The ingest command: report files (or folders of them) parsed in worker processes and stored, with
progress, the checks of each report and a summary; SIGTERM stops it the way Ctrl-C does."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from pathlib import Path

from bot.settings import Settings
from knowledge.errors import NianbaoError
from knowledge.models import Parsed

log = logging.getLogger(__name__)


def isolated(settings: Settings, pages=None):  # noqa: ANN001, ANN202 - internal
    """Parse one file in a worker process within settings.parse_budget_seconds; `pages(path, done, total)`."""
    from knowledge.isolate import parse_file_isolated

    def parse(path: Path, limits: Settings) -> Parsed:
        told = (lambda done, total: pages(path, done, total)) if pages else None
        return parse_file_isolated(path, limits.max_file_bytes, settings.parse_budget_seconds,
                                   settings.parse_memory_mb, told)

    return parse


def _pages_shown(bar):  # noqa: ANN001, ANN202 - internal
    """How a PDF's pages read are shown: beside the bar on a terminal, else one line a page on stderr."""

    def show(path: Path, done: int, total: int) -> None:
        if not bar.disable:
            bar.set_postfix_str(f"{Path(path).name} {done}/{total}页")
        else:
            print(f"{Path(path).name}：已读{done}/{total}页", file=sys.stderr, flush=True)

    return show


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Parse report files and store them in one atomic write."""
    from tqdm import tqdm

    from knowledge.ingest import ingest
    from knowledge.store import Store

    files = [Path(f) for f in args.files]
    _interrupt_on_term()
    if any(f.is_dir() for f in files):
        return _ingest_folders(args, settings, files)
    bar = tqdm(total=len(files), unit="份", file=sys.stderr, disable=len(files) < 3 or not sys.stderr.isatty())

    def step(path: Path) -> None:
        bar.set_postfix_str(path.name)
        bar.update(1)

    try:
        store = Store(args.db, lock_timeout=settings.kb_lock_timeout,
                      waiting=lambda msg: print(msg, file=sys.stderr, flush=True))
        summary = ingest(files, store, settings, progress=step, parse=isolated(settings, _pages_shown(bar)),
                         replace=args.replace)
    except NianbaoError as exc:
        bar.close()
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    bar.close()
    if summary.parsed:
        _index_now(args.db, settings)
    for failure in summary.failures:
        print(f"失败：{failure.reason}", file=sys.stderr)
    for kept in summary.kept:
        print(f"保留：{kept.reason}")
    for note in summary.put.notes if summary.put else []:
        print(note, file=sys.stderr)
    outcome = summary.put.outcome if summary.put else []
    for p, how in zip(summary.parsed, outcome, strict=True):
        r = p.report
        note = "（替换已有同一机关同一年度的报告）" if how == "replaced" else ""
        found = f"（机关和年度据{r.identified_from}）" if r.identified_from else ""
        print(f"已载入：{r.title}{found}（{r.agency} {r.year}年，{r.template}版格式，{len(p.facts)}项数据，"
              f"{len(r.warnings)}条勾稽提示）{note}")
        for note in p.notes:
            print(f"  说明：{note}")
        if r.missing:
            print(f"  不完整：{'；'.join(r.missing)}")
        for w in r.warnings:
            print(f"  提示：{w.message}")
        for msg in summary.put.across.get(r.id, []) if summary.put else []:
            print(f"  跨年度提示：{msg}")
    for rid in summary.put.rechecked if summary.put else []:
        msgs = summary.put.across.get(rid, [])
        agency, _, year = rid.rpartition("-")
        print(f"已重新核对{agency}{year}年的报告与上年报告：{'；'.join(msgs) if msgs else '没有跨年度提示'}")
    kept = f"，保留已有{len(summary.kept)}份" if summary.kept else ""
    print(f"合计：报告{len(summary.parsed)}份，数据{summary.facts}项，勾稽提示{summary.warnings}条，失败{len(summary.failures)}个{kept}")
    return 1 if summary.failures else 0


def _ingest_folders(args: argparse.Namespace, settings: Settings, paths: list[Path]) -> int:
    """Bulk ingest: every report file under the folders, in worker processes, resuming by content hash."""
    from tqdm import tqdm

    from knowledge.bulk import bulk_ingest, files_under
    from knowledge.store import Store

    tqdm.monitor_interval = 0  # no monitor thread: single-threaded, the parse workers are plain forks
    bar = tqdm(total=len(files_under(paths)), unit="份", file=sys.stderr, disable=not sys.stderr.isatty())
    store = Store(args.db, lock_timeout=settings.kb_lock_timeout,
                  waiting=lambda msg: bar.write(msg, file=sys.stderr))
    try:
        summary = bulk_ingest(paths, store, settings, workers=args.workers, progress=lambda _p: bar.update(1),
                              budget=settings.parse_budget_seconds, memory_mb=settings.parse_memory_mb,
                              pages=(lambda p, d, t: bar.set_postfix_str(f"{p.name} {d}/{t}页")) if not bar.disable
                              else None, replace=args.replace)
    except NianbaoError as exc:
        bar.close()
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    bar.close()
    if summary.stored:
        _index_now(args.db, settings)
    for note in summary.notes:
        print(note, file=sys.stderr)
    for failure in summary.failures:
        print(f"失败：{failure.reason}", file=sys.stderr)
    for name, warning in summary.warned:  # as a single-file ingest shows them, each with its file
        print(f"提示：{name}：{warning}")
    print("\n".join(summary.table()))
    rate = summary.stored / summary.seconds if summary.seconds else 0.0
    print(f"用时{summary.seconds:.1f}秒，写入报告{summary.stored}份（{rate:.1f}份/秒），数据{summary.facts}项")
    if summary.interrupted:
        total = sum(summary.files.values())
        print(f"已中断：处理了{summary.done}/{total}个文件，写入报告{summary.stored}份，解析进程已全部结束；"
              "再次运行同一命令会跳过已写入的文件，从中断处继续。", file=sys.stderr)
        return 128 + stopped_by[0]
    return 1 if summary.failures else 0


stopped_by = [signal.SIGINT.value]  # the signal that interrupted an ingest (SIGTERM is made a KeyboardInterrupt)


def _interrupt_on_term() -> None:
    """SIGTERM (docker stop, kill) stops an ingest the way Ctrl-C does: workers ended, the summary printed."""

    def term(signum: int, _frame: object) -> None:
        stopped_by[0] = signum
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, term)


def _index_now(db: str, settings: Settings) -> None:
    """Bring the agency index cache up to date after a write, so that the next question does not pay for it."""
    from bot.understand.index_cache import agency_index
    from knowledge.kb import KnowledgeBase

    try:
        agency_index(KnowledgeBase.load(db, cache_mb=settings.kb_cache_mb))
    except NianbaoError as exc:  # the write is done; the next question will say what is wrong
        log.info("agency index not refreshed: %s", exc)
