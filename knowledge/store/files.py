"""Safe file writes for the knowledge base: atomic replace, mode and owner kept, one-line errors.

A write goes to a temp file in the same folder (or a given temp folder on the same filesystem),
is fsynced and renamed over the target, so a reader — or a process killed mid-write — sees the old
or the new file, never a mix.

A base shared by the bot's user and an admin (or root) stays usable by both, whatever the writer's
umask: a file keeps the permission bits and owner of the file it replaces, a new one takes those of
`like` (catalogue.json) or else its folder's bits without execute and the folder's owner and group;
a folder made inside the base takes the mode, owner and group of the folder it is made in.  Only
root may give a file to another user; anyone may give it a group they belong to, and does.
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
        make_dirs(folder)
        make_dirs(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise write_error(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _copy_mode(tmp, path if path.exists() else like, path.parent)
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
        make_dirs(temp_dir)
        for path, data in items:
            make_dirs(path.parent)
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
            _copy_mode(tmp, path if path.exists() else like, path.parent)
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


def make_dirs(folder: Path) -> None:
    """mkdir -p, each folder made taking the mode, owner and group of the folder it is made in."""
    missing: list[Path] = []
    at = folder
    while not at.exists() and at.parent != at:
        missing.append(at)
        at = at.parent
    for made in reversed(missing):
        try:
            made.mkdir()
        except FileExistsError:  # another writer made it meanwhile (or it is a file: the write says so)
            if made.is_dir():
                continue
            raise
        try:
            st = os.stat(made.parent)
        except OSError:
            continue
        os.chmod(made, st.st_mode & 0o2777)  # setgid kept, sticky and setuid not
        give(made, st)


def give(path: str | os.PathLike[str], st: os.stat_result) -> None:
    """Give path st's owner and group (root), else its group alone (a member of it); else leave it."""
    if not hasattr(os, "chown"):
        return
    try:
        os.chown(path, st.st_uid, st.st_gid)
    except OSError:  # only root may give a file away: the group, then, when we belong to it
        try:
            os.chown(path, -1, st.st_gid)
        except OSError:
            pass


def shared_mode(folder: Path) -> tuple[int, os.stat_result] | None:
    """The mode a new file in folder takes from it (its bits without execute), and the folder's stat."""
    try:
        st = os.stat(folder)
    except OSError:
        return None
    return st.st_mode & 0o666, st


def _copy_mode(tmp: str, model: Path | None, folder: Path | None = None) -> None:
    """Give the temp file the permission bits and owner of model, else of its folder (see the module's note)."""
    try:
        st = os.stat(model) if model is not None and model.exists() else None
    except OSError:
        st = None
    if st is not None:
        os.chmod(tmp, st.st_mode & 0o7777)
        give(tmp, st)
        return
    got = shared_mode(folder) if folder is not None else None
    if got is None:
        os.chmod(tmp, 0o666 & ~umask())
        return
    os.chmod(tmp, got[0])
    give(tmp, got[1])


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

