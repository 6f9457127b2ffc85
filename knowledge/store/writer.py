"""One writer at a time: a lock file next to the knowledge base, taken by every process that writes it.

The CLI's `ingest` and the bot's upload confirm both write through `Store`, which holds this lock
around its read-modify-write; a second writer waits (saying so) up to a timeout, then fails with a
one-line error.  Readers never take it: writes are atomic renames, so a reader sees a whole base.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from knowledge.errors import StoreError
from knowledge.store.files import give, reason, shared_mode

DEFAULT_TIMEOUT = 120.0  # seconds a writer waits for another one


def lock_path(path: Path) -> Path:
    """The lock file of the knowledge base at path (beside it, so it also guards a migration)."""
    return path.with_name(path.name + ".lock")


@contextmanager
def writer_lock(path: Path, timeout: float = DEFAULT_TIMEOUT,
                waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the writer lock of the knowledge base at path; StoreError when it stays taken."""
    lp = lock_path(path)
    try:
        lp.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"无法写入知识库 {path}：{reason(exc)}") from exc
    # the lock of a shared base is made usable by all its users: the base folder's mode (without
    # execute), owner and group, whatever the umask of the writer that made it first
    shared = shared_mode(path) if path.is_dir() else None
    lock = FileLock(lp, thread_local=False, **({"mode": shared[0]} if shared else {}))
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            if waiting is not None:
                waiting(f"知识库 {path} 正由另一个进程写入，等待其完成（最多 {timeout:g} 秒）…")
            lock.acquire(timeout=timeout)
    except Timeout:
        raise StoreError(f"知识库 {path} 被另一个写入进程占用超过 {timeout:g} 秒，本次未写入；请稍后重试") from None
    except OSError as exc:
        raise StoreError(f"无法写入知识库 {path}：无法创建锁文件 {lp.name}（{reason(exc)}）") from exc
    if shared is not None and not lp.is_symlink():
        give(lp, shared[1])
    try:
        yield
    finally:
        lock.release()
