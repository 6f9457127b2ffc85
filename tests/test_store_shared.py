"""A knowledge base shared by the bot's user and an admin works for both, whatever the writer's umask.

The set-up the README describes: the base folder made once with its group and mode (here 0770); an
admin whose umask is 077 ingests into it; every file, folder and the lock it leaves carry the base's
group and mode, so the bot's user reads the new report and writes the next one.  Run as root, the
test also plays both users for real: uid 10001 (the image's bot user) makes the base, root writes to
it, and the bot's user reads root's report and writes the next one.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.settings import ROOT, Settings
from knowledge.ingest import parse_file
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

REPORTS = ROOT / "knowledge" / "data" / "reports"
BOT_UID = 10001
SETTINGS = Settings()


def _ingest(db: Path, *names: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", "ingest", "--db", str(db), *(str(REPORTS / n) for n in names)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, **kwargs)  # type: ignore[call-overload]


def _strict_umask() -> None:
    os.umask(0o077)


def _everything(db: Path) -> list[Path]:
    return [db, *db.rglob("*"), db.with_name(db.name + ".lock")]


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """An empty base folder made for sharing: mode 0770 (group rwx), the caller's group."""
    db = tmp_path / "kb"
    db.mkdir()
    os.chmod(db, 0o770)
    return db


def test_writes_under_umask_077_leave_every_file_folder_and_lock_with_the_bases_group_and_mode(shared: Path) -> None:
    for name in ("kaifeng-2019.txt", "pingtan-2019.txt"):  # a new base, then a second write into it
        done = _ingest(shared, name, preexec_fn=_strict_umask)
        assert done.returncode == 0, done.stderr
    gid = shared.stat().st_gid
    for path in _everything(shared):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o770 if path.is_dir() else 0o660), (path, oct(mode))
        assert path.stat().st_gid == gid, path
    assert any(p.match("reports/*/*.json") for p in shared.rglob("*"))


@pytest.fixture
def open_tmp() -> Iterator[Path]:
    """A folder every user can reach (pytest's own is private to the user running it)."""
    folder = Path(tempfile.mkdtemp(prefix="nianbao-shared-"))
    os.chmod(folder, 0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _as_bot(work: Callable[[], None]) -> int:
    """Run work in a forked child that has become the bot's user; its exit status (0: it worked)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        status = 1
        try:
            os.setgroups([])
            os.setgid(BOT_UID)
            os.setuid(BOT_UID)
            work()
            status = 0
        except BaseException:  # noqa: BLE001 - the parent sees the status; the reason goes to stderr
            traceback.print_exc()
        finally:
            os._exit(status)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="playing two users needs root")
def test_root_writing_a_bot_users_base_under_umask_077_leaves_it_readable_and_writable_by_the_bot(
        open_tmp: Path) -> None:
    data = open_tmp / "data"  # the image's /data: owned by the bot's user, who made the base
    data.mkdir()
    os.chown(data, BOT_UID, BOT_UID)
    db = data / "kb.json"
    kaifeng, pingtan_2021 = (parse_file(REPORTS / n, SETTINGS)
                             for n in ("kaifeng-2019.txt", "pingtan-2021.txt"))
    assert _as_bot(lambda: Store(db).put([kaifeng])) == 0
    done = _ingest(db, "pingtan-2019.txt", preexec_fn=_strict_umask)  # root adds a report, umask 077
    assert done.returncode == 0, done.stderr
    for path in _everything(db):
        assert (path.stat().st_uid, path.stat().st_gid) == (BOT_UID, BOT_UID), path

    def read_and_write() -> None:
        kb = KnowledgeBase.load(db)
        fact = kb.cell(kb.report_of[("平潭综合实验区", 2019)], "review", "total")
        assert fact is not None and fact.value == 0  # the report root wrote, read by the bot's user
        Store(db).put([pingtan_2021])  # and the bot's own write after root's

    assert _as_bot(read_and_write) == 0
    assert ("平潭综合实验区", 2021) in KnowledgeBase.load(db).report_of
