"""Writers of one knowledge base: one at a time, nothing lost, file mode kept, one-line write errors."""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from kb_files import snapshot
from test_stored_reports import OTHER, RID, made_by_hand

from bot.cli import main
from bot.settings import Settings
from knowledge.errors import StoreError
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store, files
from knowledge.store.packing import FACT_FIELDS

ROOT = Path(__file__).resolve().parent.parent
KAIFENG = ROOT / "knowledge" / "data" / "reports" / "kaifeng-2019.txt"
CITIES = ["洛阳", "安阳", "新乡", "焦作", "濮阳", "许昌", "漯河", "南阳", "商丘", "信阳"]


def variants(folder: Path, cities: list[str]) -> list[Path]:
    """Copies of the 开封 report under other cities' names: different reports of different agencies."""
    text = KAIFENG.read_text(encoding="utf-8")
    out = []
    for c in cities:
        p = folder / f"{c}-2019.txt"
        p.write_text(text.replace("开封", c), encoding="utf-8")
        out.append(p)
    return out


def cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "bot", *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def agencies(db: Path) -> set[str]:
    return {r.agency for r in KnowledgeBase.load(db).reports}


def test_ten_concurrent_ingests_all_stored(tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    procs = [cli("ingest", "--db", str(db), str(f)) for f in variants(tmp_path, CITIES)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]  # type: ignore[union-attr]
    assert [rc for rc, _ in results] == [0] * 10, results
    assert agencies(db) == {f"{c}市人民政府" for c in CITIES}


# an ingest that, holding the writer lock, waits until a line arrives on its stdin (or stdin closes)
SLOW_INGEST = """
import sys
import knowledge.store as s
put = s.Store._write
def slow(self, *items, **kw):
    print("writing", flush=True)
    sys.stdin.readline()
    return put(self, *items, **kw)
s.Store._write = slow
from bot.cli import main
sys.exit(main(sys.argv[1:]))
"""


def slow_writer(db: Path, report: Path) -> subprocess.Popen[str]:
    """A CLI ingest that holds the writer lock until `release(it)`."""
    slow = subprocess.Popen([sys.executable, "-c", SLOW_INGEST, "ingest", "--db", str(db), str(report)],
                            cwd=ROOT, text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert slow.stdout is not None and slow.stdout.readline() == "writing\n"  # holds the lock now
    return slow


def release(slow: subprocess.Popen[str]) -> None:
    """Let the slow writer write."""
    assert slow.stdin is not None
    slow.stdin.write("go\n")
    slow.stdin.close()


def test_a_writer_waits_for_another_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    first, second = variants(tmp_path, ["洛阳", "安阳"])
    slow = slow_writer(db, first)
    other = cli("ingest", "--db", str(db), str(second))
    assert other.stderr is not None
    waiting = other.stderr.readline()
    assert "正由另一个进程写入" in waiting
    release(slow)
    _, err = other.communicate(timeout=120)
    assert other.returncode == 0, err
    assert slow.wait(timeout=60) == 0
    assert agencies(db) == {"洛阳市人民政府", "安阳市人民政府"}


def test_a_writer_gives_up_after_the_timeout_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    first, second = variants(tmp_path, ["洛阳", "安阳"])
    slow = slow_writer(db, first)
    env = {**os.environ, "NIANBAO_KB_LOCK_TIMEOUT": "0.5"}
    other = subprocess.run([sys.executable, "-m", "bot", "ingest", "--db", str(db), str(second)], cwd=ROOT,
                           text=True, capture_output=True, env=env, timeout=120)
    assert other.returncode == 1
    lines = [line for line in other.stderr.splitlines() if "正由另一个进程写入" not in line]
    assert len(lines) == 1 and "占用超过 0.5 秒" in lines[0], other.stderr
    release(slow)
    assert slow.wait(timeout=60) == 0
    assert agencies(db) == {"洛阳市人民政府"}


def test_mode_is_kept_and_new_files_follow_the_umask(tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    a, b, c = variants(tmp_path, ["洛阳", "安阳", "新乡"])
    old = os.umask(0o077)
    try:
        ingest([a], Store(db), Settings())
        assert modes(db) == {0o600}  # a private umask keeps a new base private
        for f in db.rglob("*.json"):
            os.chmod(f, 0o644)
        ingest([b], Store(db), Settings())
        assert modes(db) == {0o644}
        os.chmod(db / "catalogue.json", 0o664)  # new files follow the catalogue's mode
        ingest([c], Store(db), Settings())
        assert (db / "catalogue.json").stat().st_mode & 0o777 == 0o664
        assert {f.stat().st_mode & 0o777 for f in (db / "reports").rglob("*.json")} >= {0o664}
    finally:
        os.umask(old)
    fresh = tmp_path / "fresh.json"
    old = os.umask(0o022)
    try:
        ingest([a], Store(fresh), Settings())
    finally:
        os.umask(old)
    assert modes(fresh) == {0o644}  # not mkstemp's 0600


def modes(db: Path) -> set[int]:
    return {f.stat().st_mode & 0o777 for f in db.rglob("*.json")}


def test_stale_temp_file_of_a_killed_writer_is_removed_on_the_next_write(tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    a, b = variants(tmp_path, ["洛阳", "安阳"])
    ingest([a], Store(db), Settings())
    stale = db / "tmp" / ".catalogue.json.k1ll3d.tmp"
    stale.write_bytes(b"{" * 10_000)
    ingest([b], Store(db), Settings())
    assert not stale.exists()
    assert agencies(db) == {"洛阳市人民政府", "安阳市人民政府"}


def one_line_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """Run the CLI in-process; it must exit 1 with exactly one line on stderr."""
    assert main(argv) == 1
    err = capsys.readouterr().err.strip().splitlines()
    err = [line for line in err if "正由另一个进程写入" not in line]
    assert len(err) == 1, err
    assert "Traceback" not in err[0]
    return err[0]


@pytest.mark.parametrize(("code", "words"), [(errno.ENOSPC, "磁盘已满"), (errno.EROFS, "只读")])
def test_disk_full_and_read_only_filesystem_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch, code: int, words: str) -> None:
    db = tmp_path / "kb.json"
    a, b = variants(tmp_path, ["洛阳", "安阳"])
    ingest([a], Store(db), Settings())
    before = snapshot(db)

    def fail(*_a: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", fail)
    line = one_line_error(capsys, ["ingest", "--db", str(db), str(b)])
    assert words in line and "kb.json" in line
    assert snapshot(db) == before  # every file as it was, no temp file left


def test_db_path_under_a_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "afile").write_text("x")
    [a] = variants(tmp_path, ["洛阳"])
    line = one_line_error(capsys, ["ingest", "--db", str(tmp_path / "afile" / "kb.json"), str(a)])
    assert "不是文件夹" in line


@pytest.mark.parametrize("content", [
    "[1, 2, 3]",
    '{"reports": {"1": {"id": "x-2019", "agency": "x"}}, "facts": {}}',
    '{"reports": [], "facts": {}}',
    "{not json",
])
def test_unexpected_knowledge_base_shapes_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       content: str) -> None:
    db = tmp_path / "kb.json"
    db.write_text(content, encoding="utf-8")
    [a] = variants(tmp_path, ["洛阳"])
    for argv in (["reports", "--db", str(db)], ["ask", "--db", str(db), "2019年行政复议多少件"],
                 ["ingest", "--db", str(db), str(a)]):
        line = one_line_error(capsys, argv)
        assert "kb.json" in line
    assert db.read_text(encoding="utf-8") == content


def test_upload_confirm_while_a_cli_ingest_runs_both_stored(tmp_path: Path) -> None:
    """The bot's confirm path (Store.put in a worker thread) waits for the CLI's write, then adds its report."""
    import asyncio

    from bot.tg import upload

    db = tmp_path / "kb.json"
    cli_file, upload_file = variants(tmp_path, ["洛阳", "安阳"])
    slow = slow_writer(db, cli_file)
    parsed = upload.parse_bytes(upload_file.read_bytes(), upload_file.name, Settings())
    told: list[str] = []

    def waiting(msg: str) -> None:  # the confirm found the CLI writing: let the CLI finish now
        told.append(msg)
        release(slow)

    result = asyncio.run(asyncio.to_thread(Store(db, lock_timeout=60, waiting=waiting).put, [parsed]))
    assert told  # it did wait for the CLI's write
    assert result.added == ["安阳市人民政府-2019"]
    assert slow.wait(timeout=60) == 0
    assert agencies(db) == {"洛阳市人民政府", "安阳市人民政府"}


@pytest.mark.parametrize(("facts", "why"), [
    ({"report": "x-2019", "strings": [], "cells": []}, "的格式与本版本不符"),  # no fields: not this program's
    ({"report": "x-2019", "fields": ["row", "column"], "strings": [], "cells": []}, "的格式与本版本不符"),
    ({"report": "x-2019", "fields": FACT_FIELDS, "cells": []}, "的内容不完整或格式不对（KeyError: 'strings'）"),
])  # fmt: skip
def test_an_old_single_file_whose_figures_this_version_cannot_read_is_named_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], facts: dict[str, object], why: str) -> None:
    db = tmp_path / "kb.json"
    content = json.dumps({"reports": {}, "facts": {"1": facts}})
    db.write_text(content, encoding="utf-8")
    assert one_line_error(capsys, ["reports", "--db", str(db)]) == f"错误：知识库文件 {db} {why}，请重新载入报告"
    assert db.read_text(encoding="utf-8") == content


def test_a_write_keeps_its_temp_files_in_the_base_not_the_system_temp_folder(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # renames must stay on the base's filesystem; /tmp may be another one, or full
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    db = tmp_path / "kb"
    assert Store(db).put([made_by_hand()]).added == [RID]
    assert [r.id for r in KnowledgeBase.load(db).reports] == [RID]


def test_a_file_where_the_base_keeps_its_temp_files_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "kb"
    Store(db).put([made_by_hand()])
    (db / "tmp").rmdir()  # (left empty by the write)
    (db / "tmp").write_text("not a folder", encoding="utf-8")
    before = snapshot(db)
    with pytest.raises(StoreError) as caught:
        Store(db).put([made_by_hand(OTHER)])
    assert str(caught.value) == f"无法写入知识库 {db / 'pending.json'}：路径中有一段是文件而不是文件夹；知识库保持原样"
    assert snapshot(db) == before


@pytest.mark.parametrize("fails", ["pending.json", "just after renaming pending.json", "a report file", "a shard file"])
def test_an_interrupted_or_failed_rename_leaves_every_file_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     fails: str) -> None:
    db = tmp_path / "kb"
    Store(db).put([made_by_hand()])
    before = snapshot(db)
    real = os.replace

    def replace(src: str, dst: str | Path) -> None:
        if fails == "pending.json" and Path(dst).name == "pending.json":
            raise KeyboardInterrupt  # Ctrl-C
        if (fails == "a report file" and Path(dst).parent.parent.name == "reports"
                or fails == "a shard file" and Path(dst).parent.name == "shards"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(src, dst)

    def interrupted(folder: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", replace)
    if fails.startswith("just after"):
        monkeypatch.setattr(files, "fsync_dir", interrupted)
    with pytest.raises(KeyboardInterrupt if "pending" in fails else StoreError) as caught:
        Store(db).put([made_by_hand(OTHER)])
    assert snapshot(db) == before  # no temp file left either
    if fails == "a report file":
        assert re.fullmatch(f"无法写入知识库 {db}/reports/[0-9a-f]{{2}}/[0-9a-f]{{16}}\\.[0-9a-f]{{8}}\\.0\\.json：磁盘已满；知识库保持原样",
                            str(caught.value)), caught.value


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="names an open file through /proc")
def test_every_file_a_write_makes_is_synced_to_disk_with_the_folders_it_is_renamed_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "kb"
    Store(db).put([made_by_hand()])
    synced: list[Path] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        synced.append(Path(os.readlink(f"/proc/self/fd/{fd}")))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    Store(db).put([made_by_hand(OTHER)])
    # pending.json, the new report, its shard, the directory, catalogue.json: each synced before it is renamed
    assert len([p for p in synced if p.parent == db / "tmp"]) == 5
    folders = {p for p in synced if p.parent != db / "tmp"}
    assert db in folders and db / "shards" in folders
    assert len([p for p in folders if p.parent == db / "reports"]) == 1  # the new report's folder


def test_a_file_the_disk_cannot_sync_is_named_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "kb"
    Store(db).put([made_by_hand()])
    before = snapshot(db)
    monkeypatch.setattr(files, "_fsync", lambda name: OSError(errno.EIO, "Input/output error"))
    with pytest.raises(StoreError) as caught:
        Store(db).put([made_by_hand(OTHER)])
    assert re.fullmatch(f"无法写入知识库 {db}/reports/[0-9a-f]{{2}}/[0-9a-f]{{16}}\\.[0-9a-f]{{8}}\\.0\\.json："
                        "Input/output error；知识库保持原样", str(caught.value)), caught.value
    assert snapshot(db) == before


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_a_base_shared_with_the_bots_user_stays_that_users_after_root_writes_it(tmp_path: Path) -> None:
    db = tmp_path / "kb"
    Store(db).put([made_by_hand()])
    for f in [db, *db.rglob("*")]:
        os.chown(f, 4321, 4321)
    Store(db).put([made_by_hand(OTHER)])
    assert {(f.stat().st_uid, f.stat().st_gid) for f in db.rglob("*.json")} == {(4321, 4321)}
