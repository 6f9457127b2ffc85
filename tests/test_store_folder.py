"""The knowledge base as a folder: migration, all-or-nothing writes, kill -9, the report cache, bulk ingest."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from kb_files import old_single_file, review, snapshot, variants

from bot.cli import main
from bot.settings import Settings
from knowledge.errors import StoreError
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

ROOT = Path(__file__).resolve().parent.parent


def test_an_old_single_file_base_answers_then_is_migrated_on_first_write(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "kb.json"
    a, b = variants(tmp_path / "in", ["洛阳", "安阳"])
    old_single_file(db, [a])
    assert review(KnowledgeBase.load(db), "洛阳市人民政府") == 19  # read as it is, nothing written
    assert db.is_file()
    assert main(["ingest", "--db", str(db), str(b)]) == 0
    err = capsys.readouterr().err
    assert "旧的单文件格式，已转换为文件夹格式" in err and "kb.json.v1-backup" in err
    assert db.is_dir() and (tmp_path / "kb.json.v1-backup").is_file()
    kb = KnowledgeBase.load(db)
    assert {r.agency for r in kb.reports} == {"洛阳市人民政府", "安阳市人民政府"}
    assert review(kb, "洛阳市人民政府") == 19 and review(kb, "安阳市人民政府") == 19
    assert kb.report_of[("洛阳市人民政府", 2019)].section("四") is not None  # sections came along


def test_a_failed_write_leaves_every_file_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "kb.json"
    a, b, c = variants(tmp_path / "in", ["洛阳", "安阳", "新乡"])
    ingest([a, b], Store(db), Settings())
    before = snapshot(db)
    real = os.replace
    calls = {"n": 0}

    def fail_at_commit(src: str, dst: str) -> None:  # the report files go in, the catalogue does not
        calls["n"] += 1
        if str(dst).endswith("catalogue.json"):
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", fail_at_commit)
    with pytest.raises(StoreError, match="磁盘已满"):
        ingest([c, a], Store(db), Settings())  # one new report, one replacement
    assert calls["n"] > 2
    assert snapshot(db) == before
    monkeypatch.undo()
    assert {r.agency for r in KnowledgeBase.load(db).reports} == {"洛阳市人民政府", "安阳市人民政府"}


# A writer that kills itself (SIGKILL, as kill -9 does) just before its N-th os.replace: every write
# renames a finished temp file over its target, so N = 1, 2, 3, … stops the writes at each of their
# steps in turn — the same steps on any machine, however fast.
WRITER = """
import os, signal, sys
from bot.settings import Settings
from knowledge.ingest import parse_file
from knowledge.store import Store
parsed = [parse_file(f, Settings()) for f in sys.argv[3:]]
store = Store(sys.argv[1])
stop_at, calls = int(sys.argv[2]), 0
real = os.replace
def replace(src, dst, *args, **kwargs):
    global calls
    calls += 1
    if calls == stop_at:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(src, dst, *args, **kwargs)
os.replace = replace
i = 0
while True:
    store.put([parsed[i % len(parsed)], parsed[(i + 1) % len(parsed)]])
    i += 1
"""


def test_kill_9_during_writes_leaves_a_base_that_loads(tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    files = variants(tmp_path / "in", ["洛阳", "安阳", "新乡", "焦作"])
    ingest(files[:1], Store(db), Settings())
    for stop_at in (1, 2, 3, 4, 6, 9, 14, 21):
        done = subprocess.run([sys.executable, "-c", WRITER, str(db), str(stop_at), *map(str, files)], cwd=ROOT,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == -signal.SIGKILL, done.stderr
        kb = KnowledgeBase.load(db)  # old or new content, whole
        assert "洛阳市人民政府" in kb.years
        for r in kb.reports:
            assert review(kb, r.agency) == 19, (stop_at, r.id)
    # the next write cleans up what the killed writers left: one file per report, nothing pending
    ingest(files[1:2], Store(db), Settings())
    kb = KnowledgeBase.load(db)
    assert len(list((db / "reports").rglob("*.json"))) == len(kb.reports)
    assert not (db / "pending.json").exists() and not list((db / "tmp").iterdir())


def test_the_cache_evicts_and_reloads_transparently(tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    cities = ["洛阳", "安阳", "新乡"]
    ingest(variants(tmp_path / "in", cities), Store(db), Settings())
    one_report = max(int(p.stat().st_size) for p in (db / "reports").rglob("*.json"))
    kb = KnowledgeBase.load(db, cache_mb=1.5 * 4 * one_report / 1024 / 1024)  # room for one report only (≈4× its file)
    assert kb.cache.loads == 0  # loading read the catalogue only
    for c in cities + cities:
        assert review(kb, f"{c}市人民政府") == 19
    assert kb.cache.loads == 6 and len(kb.cache.items) == 1  # each question read its report again
    assert "行政复议" in kb.report_of[("洛阳市人民政府", 2019)].section("四").text
    roomy = KnowledgeBase.load(db)
    for c in cities + cities:
        assert review(roomy, f"{c}市人民政府") == 19
    assert roomy.cache.loads == 3


def test_a_reader_keeps_answering_after_another_process_replaced_a_report(tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    [a] = variants(tmp_path / "in", ["洛阳"])
    ingest([a], Store(db), Settings())
    kb = KnowledgeBase.load(db)
    ingest([a], Store(db), Settings())  # its file is replaced under a new name, the old one deleted
    assert review(kb, "洛阳市人民政府") == 19


def test_cp_r_gives_a_working_copy(tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    a, b = variants(tmp_path / "in", ["洛阳", "安阳"])
    ingest([a], Store(db), Settings())
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(db), str(copy)], check=True)
    ingest([b], Store(copy), Settings())
    assert {r.agency for r in KnowledgeBase.load(copy).reports} == {"洛阳市人民政府", "安阳市人民政府"}
    assert {r.agency for r in KnowledgeBase.load(db).reports} == {"洛阳市人民政府"}
    assert review(KnowledgeBase.load(copy), "洛阳市人民政府") == 19


def test_bulk_ingest_of_a_folder_resumes_by_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "src"
    variants(src / "河南", ["洛阳", "安阳", "新乡"])
    variants(src / "河南" / "2020", ["洛阳"], year=2020)
    (src / "notes.txt").write_text("会议纪要\n" * 50, encoding="utf-8")  # not a report
    (src / ".hidden").mkdir()
    variants(src / ".hidden", ["焦作"])  # hidden folders are not read
    db = tmp_path / "kb.json"
    assert main(["ingest", "--db", str(db), "--workers", "2", str(src)]) == 1  # notes.txt failed
    out, err = capsys.readouterr()
    assert "notes.txt" in err
    total = next(line for line in out.splitlines() if line.startswith("合计")).split()
    assert total == ["合计", "5", "4", "0", "0", "1"]  # files, added, replaced, unchanged, failed
    kb = KnowledgeBase.load(db)
    assert sorted((r.agency, r.year) for r in kb.reports) == [
        ("安阳市人民政府", 2019), ("新乡市人民政府", 2019), ("洛阳市人民政府", 2019), ("洛阳市人民政府", 2020)]
    assert review(kb, "洛阳市人民政府", 2020) == 19
    variants(src / "河南", ["濮阳"])  # the folder grew; the run is repeated
    assert main(["ingest", "--db", str(db), str(src)]) == 1
    total = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("合计")).split()
    assert total == ["合计", "6", "1", "0", "4", "1"]
    assert len(KnowledgeBase.load(db).reports) == 5


@pytest.mark.parametrize("damage", ["catalogue_list", "directory_cut", "shard_entry_without_agency"])
def test_a_damaged_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str) -> None:
    db = tmp_path / "kb.json"
    a, b = variants(tmp_path / "in", ["洛阳", "安阳"])
    ingest([a], Store(db), Settings())
    commands = [["reports", "--db", str(db)], ["ask", "--db", str(db), "2019年行政复议多少件"],
                ["ingest", "--db", str(db), str(a), str(b)]]
    if damage == "catalogue_list":
        (db / "catalogue.json").write_text("[1, 2]", encoding="utf-8")
    elif damage == "directory_cut":
        [directory] = db.glob("directory.*.json")
        directory.write_bytes(directory.read_bytes()[:20])
    else:
        [shard] = (db / "shards").glob("*.json")
        data = json.loads(shard.read_text(encoding="utf-8"))
        del data["reports"]["1"]["agency"]
        shard.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        # a question reads the directory and the report's own file, not the shards: still answered
        assert main(commands.pop(1)) == 0
        assert "洛阳市人民政府2019年行政复议19件" in capsys.readouterr().out
    before = snapshot(db)
    # a write reads the shard it changes (洛阳's again), not every shard: damage elsewhere is the readers' to report
    for argv in commands:
        assert main(argv) == 1
        err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
        assert len(err) == 1 and "kb.json" in err[0] and "Traceback" not in err[0], err
    assert snapshot(db) == before


def test_bulk_ingest_survives_a_file_that_hangs_and_one_that_kills_its_worker(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    import knowledge.bulk
    import knowledge.isolate

    real = knowledge.bulk.parse_file

    def hostile(path: Path, limits: Settings) -> object:  # stands in for a pathological document
        if "焦作" in path.name:
            signal.pause()  # never finishes: stopped at the end of its budget
        if "鹤壁" in path.name:
            os.kill(os.getpid(), signal.SIGKILL)  # the worker dies (as when out of memory)
        return real(path, limits)

    # the workers are forks of this process, so they parse with `hostile`
    monkeypatch.setattr(knowledge.isolate, "_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(knowledge.bulk, "parse_file", hostile)
    monkeypatch.setenv("NIANBAO_PARSE_BUDGET_SECONDS", "1")
    src = tmp_path / "src"
    variants(src, ["洛阳", "焦作", "安阳", "鹤壁", "新乡", "濮阳"])
    db = tmp_path / "kb"
    assert main(["ingest", "--db", str(db), "--workers", "2", str(src)]) == 1
    out, err = capsys.readouterr()
    failures = [line for line in err.splitlines() if line.startswith("失败：")]
    assert len(failures) == 2
    assert any("焦作-2019.txt" in line and "超过 1 秒" in line for line in failures)
    assert any("鹤壁-2019.txt" in line and "解析进程意外退出" in line for line in failures)
    total = next(line for line in out.splitlines() if line.startswith("合计")).split()
    assert total == ["合计", "6", "4", "0", "0", "2"]  # files, added, replaced, unchanged, failed
    kb = KnowledgeBase.load(db)
    assert sorted(r.agency for r in kb.reports) == ["安阳市人民政府", "新乡市人民政府", "洛阳市人民政府", "濮阳市人民政府"]
    assert review(kb, "濮阳市人民政府") == 19
