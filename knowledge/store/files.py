"""Safe file writes for the knowledge base: atomic replace, mode and owner kept, one-line errors.

A write goes to a temp file in the same folder (or a given temp folder on the same filesystem),
is fsynced and renamed over the target, so a reader — or a process killed mid-write — sees the old
or the new file, never a mix.  The target keeps its permission bits and owner (a base shared with
the bot's user stays readable); a new file gets the usual 0666 minus the umask, not mkstemp's 0600.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from knowledge.errors import StoreError

TEMP_SUFFIX = ".tmp"
SYNC_THREADS = 8  # fsyncs in flight at once: the filesystem commits them together (200 files: 0.8 → 0.07 s)

_REASONS = {
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "超出磁盘配额",
    errno.EROFS: "文件系统是只读的",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.ENOTDIR: "路径中有一段是文件而不是文件夹",
    errno.EEXIST: "路径中有一段是文件而不是文件夹",  # mkdir(exist_ok) over a file
    errno.EISDIR: "路径是一个文件夹",
    errno.ENAMETOOLONG: "路径太长",
}


def reason(exc: OSError) -> str:
    """A short Chinese reason for an OS error."""
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc) or type(exc).__name__)


def write_error(path: Path, exc: OSError) -> StoreError:
    """The one-line error for a failed knowledge-base write."""
    return StoreError(f"无法写入知识库 {path}：{reason(exc)}；知识库保持原样")


def umask() -> int:
    """The process umask, read without changing it (Linux), else the common 022."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def write_atomic(path: Path, data: bytes, temp_dir: Path | None = None, like: Path | None = None) -> None:
    """Write data to path so that readers see the old or the new file, never a mix.

    The new file takes the mode and owner of the file it replaces (or of `like` when path is new).
    OS errors are raised as one-line StoreError; no temp file is left behind.
    """
    folder = temp_dir or path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise write_error(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _copy_mode(tmp, path if path.exists() else like)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise write_error(path, exc) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_many(items: Sequence[tuple[Path, bytes]], temp_dir: Path, like: Path | None = None) -> None:
    """write_atomic for many files, their fsyncs run in parallel: each appears whole or not at all.

    When it returns every file is durable.  On an OS error (one-line StoreError) no temp file is left;
    targets already renamed into place are the caller's to remove, as with a series of write_atomic.
    """
    temps: list[str] = []
    placed = 0  # temps renamed into place (the rest are removed if anything fails)
    path = items[0][0] if items else temp_dir
    try:
        temp_dir.mkdir(parents=True, exist_ok=True)
        for path, data in items:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=temp_dir)
            temps.append(tmp)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        with ThreadPoolExecutor(SYNC_THREADS) as pool:
            for i, error in enumerate(pool.map(_fsync, temps)):
                if error is not None:
                    path = items[i][0]
                    raise error
        for (path, _), tmp in zip(items, temps, strict=True):
            _copy_mode(tmp, path if path.exists() else like)
            os.replace(tmp, path)
            placed += 1
        with ThreadPoolExecutor(SYNC_THREADS) as pool:
            list(pool.map(fsync_dir, sorted({p.parent for p, _ in items})))
    except OSError as exc:
        raise write_error(path, exc) from exc
    finally:
        for tmp in temps[placed:]:
            Path(tmp).unlink(missing_ok=True)


def _fsync(name: str) -> OSError | None:
    """fsync a written file by name (an error returned, for the caller to name the file)."""
    try:
        fd = os.open(name, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        return exc
    return None


def _copy_mode(tmp: str, model: Path | None) -> None:
    """Give the temp file the permission bits (and, when allowed, owner) of model, or 0666 − umask."""
    try:
        st = os.stat(model) if model is not None and model.exists() else None
    except OSError:
        st = None
    if st is None:
        os.chmod(tmp, 0o666 & ~umask())
        return
    os.chmod(tmp, st.st_mode & 0o7777)
    if hasattr(os, "chown"):
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except OSError:  # only root may give a file away; the mode still matches
            pass


def fsync_dir(folder: Path) -> None:
    """Make a rename in folder durable."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some filesystems refuse fsync on a directory; the rename itself is atomic
        pass
    finally:
        os.close(fd)

