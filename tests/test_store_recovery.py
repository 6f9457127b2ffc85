"""The knowledge base after accidents: killed writes and migrations, removed reports, resumed ingests."""

from __future__ import annotations

import errno
import json
import logging
import os
from pathlib import Path

import pytest
from kb_files import old_single_file, review, snapshot, variants
from test_stored_reports import AGENCY, OTHER, made_by_hand

from bot.cli import main
from bot.settings import Settings
from knowledge.errors import StoreError
from knowledge.ingest import ingest, parse_file
from knowledge.kb import KnowledgeBase
from knowledge.store import Store, shard_of
from knowledge.store import folder as store_module

LUOYANG, ANYANG = "洛阳市人民政府", "安阳市人民政府"


def agencies(db: Path) -> set[str]:
    return {r.agency for r in KnowledgeBase.load(db).reports}


def test_an_old_single_file_base_is_migrated_by_a_folder_ingest_that_then_resumes(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                caplog: pytest.LogCaptureFixture) -> None:
    src = tmp_path / "src"
    a, _ = variants(src, ["洛阳", "安阳"])
    db = tmp_path / "kb.json"
    old_single_file(db, [a])
    os.chmod(db, 0o600)  # a private base stays private after its migration
    stale = tmp_path / ".kb.json.migrating"  # left by a migration killed before this run
    stale.mkdir()
    (stale / "half-written.json").write_text("{", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert main(["ingest", "--db", str(db), str(src)]) == 0
    total = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("合计")).split()
    assert total == ["合计", "2", "1", "1", "0", "0"]  # files, added, replaced (洛阳: the old format kept no hash), unchanged, failed
    assert any("已转换为文件夹格式" in r.getMessage() for r in caplog.records)  # the operator's log says so too
    assert db.is_dir() and not stale.exists()
    kb = KnowledgeBase.load(db)
    assert {r.agency for r in kb.reports} == {LUOYANG, ANYANG}
    assert review(kb, LUOYANG) == 19 and review(kb, ANYANG) == 19
    assert {f.stat().st_mode & 0o777 for f in db.rglob("*.json")} == {0o600}
    # the folder keeps each file's content hash: a second run has nothing to do
    assert main(["ingest", "--db", str(db), str(src)]) == 0
    total = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("合计")).split()
    assert total == ["合计", "2", "0", "0", "2", "0"]


def test_an_old_report_without_figures_is_migrated_with_its_sections(tmp_path: Path) -> None:
    a, b = variants(tmp_path / "in", ["洛阳", "安阳"])
    db = tmp_path / "kb.json"
    old_single_file(db, [a])
    data = json.loads(db.read_text(encoding="utf-8"))
    data["facts"] = {}  # an early version stored a report whose figures it could not read without a facts row
    db.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    Store(db).put([parse_file(b, Settings())])
    kb = KnowledgeBase.load(db)
    assert review(kb, LUOYANG) is None and review(kb, ANYANG) == 19
    assert "行政复议" in kb.report_of[(LUOYANG, 2019)].section("四").text


@pytest.mark.parametrize(("step", "failure"), [
    ("mkdir", OSError(errno.ENOSPC, "No space left on device")),
    ("mkdir", KeyboardInterrupt()),
    ("write", OSError(errno.ENOSPC, "No space left on device")),
    ("rename", OSError(errno.ENOSPC, "No space left on device")),
])
def test_a_failed_migration_loses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str,
                                          failure: BaseException) -> None:
    a, b = variants(tmp_path / "in", ["洛阳", "安阳"])
    db = tmp_path / "kb.json"
    old_single_file(db, [a])
    before = db.read_bytes()
    parsed = parse_file(b, Settings())
    real_mkdir = Path.mkdir

    def fail(*args: object, **kwargs: object) -> None:
        raise failure

    def mkdir(self: Path, *args: object, **kwargs: object) -> None:
        if self.name.endswith(".migrating"):
            raise failure
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    if step == "mkdir":
        monkeypatch.setattr(Path, "mkdir", mkdir)
    else:
        monkeypatch.setattr(os, "replace" if step == "write" else "rename", fail)
    with pytest.raises(StoreError if isinstance(failure, OSError) else KeyboardInterrupt) as caught:
        Store(db).put([parsed])
    if isinstance(failure, OSError):
        assert "磁盘已满" in str(caught.value) and "kb.json" in str(caught.value)
    monkeypatch.undo()
    assert not (tmp_path / ".kb.json.migrating").exists()
    kept = db if db.exists() else tmp_path / "kb.json.v1-backup"  # killed between the two renames: the backup
    assert kept.read_bytes() == before
    assert agencies(db) == {LUOYANG}  # readers see the old base
    Store(db).put([parsed])  # the next write finishes the migration
    assert db.is_dir() and agencies(db) == {LUOYANG, ANYANG}
    fresh = tmp_path / "fresh.json"
    ingest([a, b], Store(fresh), Settings())
    assert KnowledgeBase.load(db).fact_count == KnowledgeBase.load(fresh).fact_count  # the catalogue counts them all


def test_remove_drops_one_report_and_its_file(tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    ingest(variants(tmp_path / "in", ["洛阳", "安阳"]), Store(db), Settings())
    store = Store(db)
    gone = next(e for e in store.catalogue() if e["agency"] == LUOYANG)
    before = snapshot(db)
    assert store.remove("南阳市人民政府-2019") is False
    assert snapshot(db) == before  # nothing to remove: nothing written
    assert store.remove(gone["id"]) is True
    kb = KnowledgeBase.load(db)
    assert {r.agency for r in kb.reports} == {ANYANG} and review(kb, ANYANG) == 19
    assert len(list((db / "reports").rglob("*.json"))) == 1
    assert store.current(gone["id"], LUOYANG) is None
    assert store.read_report(gone) is None  # a reader that still lists it finds it gone, without an error
    assert store.current("郑州市人民政府-2019", "郑州市人民政府") is None  # never stored, in no shard


@pytest.mark.parametrize("agency", ["测试市人民政府", "测试市-高新区管委会"])
def test_removing_a_report_reads_only_its_own_agencys_shard(tmp_path: Path, agency: str) -> None:
    db = tmp_path / "kb"
    Store(db).put([made_by_hand(agency), made_by_hand(OTHER)])
    shards = json.loads((db / "catalogue.json").read_text(encoding="utf-8"))["kb"]["1"]["shards"]
    other = db / shards[shard_of(OTHER)]
    assert shard_of(OTHER) != shard_of(agency)
    kept = other.read_bytes()
    other.unlink()  # what removing another agency's report must not need (a base of 100,000 has 64 shards)
    assert Store(db).remove(f"{agency}-2020") is True
    other.write_bytes(kept)
    kb = KnowledgeBase.load(db)
    assert sorted(kb.by_id) == [f"{OTHER}-2020"]
    assert kb.cell(kb.report_of[(OTHER, 2020)], "review", "total").value == 19
    assert Store(db).remove(f"{agency}-2020") is False


def test_a_shard_entry_with_only_the_keys_every_entry_has_is_listed(tmp_path: Path) -> None:
    db = tmp_path / "kb"
    Store(db).put([made_by_hand()])
    [shard] = (db / "shards").glob("*.json")
    data = json.loads(shard.read_text(encoding="utf-8"))
    entry = data["reports"]["1"]
    data["reports"]["1"] = {k: entry[k] for k in ("id", "agency", "year", "title", "template", "source_file", "file")}
    shard.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert [(e["id"], e["title"]) for e in Store(db).catalogue()] == [("测试市人民政府-2020", "测试市人民政府2020年政府信息公开工作年度报告")]


def test_reports_are_filed_by_the_documented_shard_of_their_agency(tmp_path: Path) -> None:
    # KB/shards/NN: NN = first 8 hex digits of sha1(agency) mod 64; a base written by an earlier version
    # must find its reports where that version put them (else a re-ingest adds a second copy)
    db = tmp_path / "kb.json"
    ingest(variants(tmp_path / "in", ["洛阳", "安阳"]), Store(db), Settings())
    assert sorted(p.name.split(".")[0] for p in (db / "shards").glob("*.json")) == ["32", "47"]


def test_a_reader_retries_when_a_writer_replaces_a_shard_meanwhile(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "kb.json"
    ingest(variants(tmp_path / "in", ["洛阳"]), Store(db), Settings())
    real = store_module._tables
    vanished = {"catalogue": 1, "current": 1}

    def tables(path: Path) -> dict[str, dict[str, object]]:
        if path.parent.name == "shards" and vanished[phase]:
            vanished[phase] -= 1
            raise FileNotFoundError(path)  # the shard the catalogue named was just replaced
        return real(path)

    monkeypatch.setattr(store_module, "_tables", tables)
    store = Store(db)
    phase = "catalogue"
    [entry] = store.catalogue()
    assert entry["agency"] == LUOYANG
    phase = "current"
    assert store.current(entry["id"], LUOYANG) == entry


@pytest.mark.parametrize("times", [1, 1000])
def test_a_reader_loading_while_a_writer_replaces_the_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                times: int) -> None:
    db = tmp_path / "kb.json"
    ingest(variants(tmp_path / "in", ["洛阳"]), Store(db), Settings())
    real = store_module._tables
    vanished = [times]

    def tables(path: Path) -> dict[str, dict[str, object]]:
        if path.name.startswith("directory.") and vanished[0]:
            vanished[0] -= 1
            raise FileNotFoundError(path)  # the directory catalogue.json named was just replaced
        return real(path)

    monkeypatch.setattr(store_module, "_tables", tables)
    if times == 1:  # read again: the new one
        assert review(KnowledgeBase.load(db), LUOYANG) == 19
        return
    with pytest.raises(StoreError) as caught:  # replaced before every read: one line, not a hang
        KnowledgeBase.load(db)
    assert str(caught.value) == f"知识库 {db} 正在被频繁改写，读取失败；请稍后重试"


def committed_write_leftovers(db: Path) -> tuple[Path, Path]:
    """A pending.json as a writer killed after its commit leaves it: an obsolete file still there."""
    current = next((db / "reports").rglob("*.json"))
    obsolete = current.with_name("0000000000000000.dead0000.0.json")
    obsolete.write_bytes(current.read_bytes())
    [shard] = json.loads((db / "catalogue.json").read_text(encoding="utf-8"))["kb"]["1"]["shards"].values()
    pending = {"new": [str(current.relative_to(db)), shard], "old": [str(obsolete.relative_to(db))],
               "shards": [shard]}
    (db / "pending.json").write_text(json.dumps({"pending": {"1": pending}}), encoding="utf-8")
    return current, obsolete


def uncommitted_write_leftovers(db: Path) -> Path:
    """A pending.json as a writer killed before its commit leaves it: a new file nobody lists."""
    orphan = db / "reports" / "ff" / "0000000000000000.dead0000.0.json"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_text("{}", encoding="utf-8")
    # killed early: the first files it meant to write are not there; the ones after still go
    pending = {"new": ["reports/ee/gone.dead0000.0.json", str(orphan.relative_to(db)), "shards/00.dead0000.json"], "old": [],
               "shards": ["shards/00.dead0000.json"]}
    (db / "pending.json").write_text(json.dumps({"pending": {"1": pending}}), encoding="utf-8")
    return orphan


def test_the_next_write_finishes_what_a_killed_writer_left(tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    a, b, c = variants(tmp_path / "in", ["洛阳", "安阳", "新乡"])
    ingest([a], Store(db), Settings())
    current, obsolete = committed_write_leftovers(db)
    ingest([b], Store(db), Settings())
    assert current.exists() and not obsolete.exists() and not (db / "pending.json").exists()
    orphan = uncommitted_write_leftovers(db)
    ingest([c], Store(db), Settings())
    assert not orphan.exists() and not (db / "pending.json").exists()
    kb = KnowledgeBase.load(db)
    assert {r.agency for r in kb.reports} == {LUOYANG, ANYANG, "新乡市人民政府"}
    assert all(review(kb, r.agency) == 19 for r in kb.reports)
    assert len(list((db / "reports").rglob("*.json"))) == 3


def test_the_next_write_removes_what_a_first_write_killed_before_its_commit_left(tmp_path: Path) -> None:
    db = tmp_path / "kb"  # no catalogue.json yet: nothing was ever committed
    orphan = db / "reports" / "ff" / "0000000000000000.dead0000.0.json"
    orphan.parent.mkdir(parents=True)
    orphan.write_text("{}", encoding="utf-8")
    pending = {"new": [str(orphan.relative_to(db))], "old": [], "shards": ["shards/00.dead0000.json"]}
    (db / "pending.json").write_text(json.dumps({"pending": {"1": pending}}), encoding="utf-8")
    Store(db).put([made_by_hand()])
    assert not orphan.exists() and not (db / "pending.json").exists()
    assert len(list((db / "reports").rglob("*.json"))) == 1


def test_a_write_of_no_reports_killed_after_its_commit_keeps_its_directory(tmp_path: Path) -> None:
    db = tmp_path / "kb"
    Store(db).put([made_by_hand()])
    Store(db).put([])  # commits a new directory and no shard
    directory = json.loads((db / "catalogue.json").read_text(encoding="utf-8"))["kb"]["1"]["directory"]
    pending = {"new": [directory], "old": [], "shards": [directory]}  # as if killed before cleaning up
    (db / "pending.json").write_text(json.dumps({"pending": {"1": pending}}), encoding="utf-8")
    Store(db).put([made_by_hand(OTHER)])
    assert sorted(KnowledgeBase.load(db).by_id) == sorted([f"{AGENCY}-2020", f"{OTHER}-2020"])


@pytest.mark.parametrize(("content", "damaged"), [
    ('{"pending": {"1": []}}', True), ('{"pending": {"1": {"new": 5}}}', True), ("[1]", True),
    ('{"pending": {}}', False), ("{}", False),  # nothing pending: nothing to say
])
def test_a_damaged_pending_file_does_not_block_writes(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                      content: str, damaged: bool) -> None:
    db = tmp_path / "kb.json"
    a, b = variants(tmp_path / "in", ["洛阳", "安阳"])
    ingest([a], Store(db), Settings())
    (db / "pending.json").write_text(content, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        ingest([b], Store(db), Settings())
    assert agencies(db) == {LUOYANG, ANYANG}
    said = [r.getMessage() for r in caplog.records if "interrupted write" in r.getMessage()]
    assert len(said) == damaged
    assert all(m.startswith(f"could not clean up after an interrupted write in {db}: ") and not m.endswith("None")
               for m in said)


@pytest.mark.parametrize("write", ["remove", "put"])
def test_a_write_waits_for_another_writer_then_gives_up_in_one_line(tmp_path: Path, write: str) -> None:
    from knowledge.store.writer import writer_lock

    db = tmp_path / "kb.json"
    [a] = variants(tmp_path / "in", ["洛阳"])
    ingest([a], Store(db), Settings())
    told: list[str] = []
    store = Store(db, lock_timeout=0.2, waiting=told.append)
    with writer_lock(db):  # another writer (a lock is per open file, so this process counts as another)
        with pytest.raises(StoreError, match="被另一个写入进程占用超过 0.2 秒"):
            store.remove(f"{LUOYANG}-2019") if write == "remove" else store.put([parse_file(a, Settings())])
    assert len(told) == 1 and "正由另一个进程写入" in told[0] and "最多 0.2 秒" in told[0]
    assert agencies(db) == {LUOYANG}


def test_a_writer_of_another_version_holding_the_lock_beside_the_base_is_waited_for(tmp_path: Path) -> None:
    from filelock import FileLock

    db = tmp_path / "kb"
    Store(db).put([made_by_hand()])
    with FileLock(tmp_path / "kb.lock"):  # the lock every version takes: the base's name + ".lock", beside it
        with pytest.raises(StoreError, match="被另一个写入进程占用超过 0.2 秒"):
            Store(db, lock_timeout=0.2).put([made_by_hand(OTHER)])
    assert sorted(KnowledgeBase.load(db).by_id) == [f"{AGENCY}-2020"]


def damage(db: Path, how: str) -> str:
    """Damage a one-report base the way a bad copy or another program might; the error line expected."""
    catalogue = db / "catalogue.json"
    [shard] = (db / "shards").glob("*.json")
    [report] = (db / "reports").rglob("*.json")
    if how == "old catalogue":
        catalogue.write_text('{"kb": {"1": {"format": 1, "shards": {}}}}', encoding="utf-8")
    elif how == "catalogue without its table":
        catalogue.write_text("{}", encoding="utf-8")
    elif how == "catalogue is a folder":
        catalogue.unlink()
        catalogue.mkdir()
        return f"错误：知识库文件 {catalogue} 无法读取：[Errno 21] Is a directory: '{catalogue}'"
    elif how == "shard entry not a record":
        shard.write_text('{"reports": {"1": [1]}}', encoding="utf-8")
        return (f"错误：知识库文件 {db / shard.relative_to(db)} 的内容不完整或格式不对"
                "（KeyError: 'agency/file/id/source_file/template/title/year'），请重新载入报告")
    elif how == "shard entry without a title":
        data = json.loads(shard.read_text(encoding="utf-8"))
        del data["reports"]["1"]["title"]
        shard.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return f"错误：知识库文件 {shard} 的内容不完整或格式不对（KeyError: 'title'），请重新载入报告"
    elif how == "report file of another version":
        data = json.loads(report.read_text(encoding="utf-8"))
        data["facts"]["1"]["fields"] = ["row", "column"]
        report.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return f"错误：知识库文件 {report} 的内容不完整或格式不对（ValueError: fields），请重新载入报告"
    elif how == "directory of another version":
        [directory] = db.glob("directory.*.json")
        directory.write_text('{"directory": {"1": {"format": 99, "agencies": {}}}}', encoding="utf-8")
        return f"错误：知识库文件 {directory} 格式与本版本不符，请重新载入报告"
    elif how == "report file whose figures and names disagree":
        data = json.loads(report.read_text(encoding="utf-8"))
        data["facts"]["1"]["keys"].pop()
        report.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return f"错误：知识库文件 {report} 的内容不完整或格式不对（ValueError: keys），请重新载入报告"
    elif how == "report file is a folder":
        report.unlink()
        report.mkdir()
        return f"错误：知识库文件 {report} 无法读取：[Errno 21] Is a directory: '{report}'"
    return f"错误：知识库 {db} 的目录文件 catalogue.json 格式与本版本不符，请重新载入报告"


@pytest.mark.parametrize("how", ["old catalogue", "catalogue without its table", "catalogue is a folder",
                                 "shard entry not a record", "shard entry without a title", "directory of another version",
                                 "report file of another version", "report file whose figures and names disagree",
                                 "report file is a folder"])
def test_a_damaged_base_is_named_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str) -> None:
    db = tmp_path / "kb.json"
    ingest(variants(tmp_path / "in", ["洛阳"]), Store(db), Settings())
    capsys.readouterr()
    want = damage(db, how)
    # the catalogue is read on loading; a report's own file when a question needs its figures
    if how.startswith("report"):  # the reply names the damaged file instead of an internal error
        assert main(["ask", "--db", str(db), "洛阳2019年行政复议多少件"]) == 0
        assert capsys.readouterr().out.strip() == want.removeprefix("错误：")
        return
    assert main(["reports", "--db", str(db)]) == 1
    assert [line for line in capsys.readouterr().err.splitlines() if line.strip()] == [want]


def test_a_shard_without_its_table_lists_no_reports(tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    ingest(variants(tmp_path / "in", ["洛阳"]), Store(db), Settings())
    [shard] = (db / "shards").glob("*.json")
    shard.write_text("{}", encoding="utf-8")  # what TinyDB writes for an empty database
    kb = KnowledgeBase.load(db)
    assert kb.described() == []  # listings (reports, /reports, /checks) read the shards
    assert agencies(db) == {LUOYANG}  # the directory still names it, and a question reads its own file
    assert review(kb, LUOYANG) == 19


def test_a_reader_gives_up_in_one_line_when_writers_never_stop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "kb.json"
    ingest(variants(tmp_path / "in", ["洛阳"]), Store(db), Settings())
    real = store_module._tables

    def tables(path: Path) -> dict[str, dict[str, object]]:
        if path.parent.name == "shards":
            raise FileNotFoundError(path)  # replaced again before every read
        return real(path)

    monkeypatch.setattr(store_module, "_tables", tables)
    with pytest.raises(StoreError, match=f"^知识库 {db} 正在被频繁改写，读取失败；请稍后重试$"):
        Store(db).catalogue()


def test_a_write_says_what_it_added_and_replaced_and_the_last_copy_wins(tmp_path: Path) -> None:
    a, b = variants(tmp_path / "in", ["洛阳", "安阳"])
    changed = tmp_path / "changed" / "洛阳-2019.txt"  # 洛阳's report again, its 行政复议 total printed 20
    changed.parent.mkdir()
    changed.write_text(a.read_text(encoding="utf-8").replace("10\t2\t2\t5\t19\t", "10\t2\t2\t5\t20\t"),
                       encoding="utf-8")
    first, second, other = (parse_file(f, Settings()) for f in (a, changed, b))
    db = tmp_path / "kb.json"
    put = Store(db).put([first, second])  # the same report twice in one write
    assert (put.added, put.replaced, put.outcome) == ([f"{LUOYANG}-2019"], [f"{LUOYANG}-2019"], ["added", "replaced"])
    assert review(KnowledgeBase.load(db), LUOYANG) == 20
    assert len(list((db / "reports").rglob("*.json"))) == 1
    put = Store(db).put([other, first])
    assert (put.added, put.replaced, put.outcome) == ([f"{ANYANG}-2019"], [f"{LUOYANG}-2019"], ["added", "replaced"])
    kb = KnowledgeBase.load(db)
    assert (review(kb, LUOYANG), review(kb, ANYANG)) == (19, 19)
    assert len(list((db / "reports").rglob("*.json"))) == 2


@pytest.mark.parametrize("when", ["before its commit", "after its commit"])
def test_a_write_killed_midway_is_finished_by_the_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       when: str) -> None:
    a, b, c = variants(tmp_path / "in", ["洛阳", "安阳", "新乡"])
    db = tmp_path / "kb.json"
    ingest([a], Store(db), Settings())
    real = store_module.write_atomic

    def killed_at_commit(path: Path, data: bytes, **kwargs: object) -> None:
        if path.name == "catalogue.json":
            raise KeyboardInterrupt  # the process dies here: nothing it wrote is cleaned up
        real(path, data, **kwargs)  # type: ignore[arg-type]

    def killed(self: Path, missing_ok: bool = False) -> None:
        raise KeyboardInterrupt

    if when == "before its commit":
        monkeypatch.setattr(store_module, "write_atomic", killed_at_commit)
        monkeypatch.setattr(Path, "unlink", lambda self, missing_ok=False: None)
    else:
        monkeypatch.setattr(Path, "unlink", killed)  # dies deleting the files its commit made obsolete
    with pytest.raises(KeyboardInterrupt):
        Store(db).put([parse_file(b, Settings()), parse_file(a, Settings())])  # adds 安阳, replaces 洛阳
    monkeypatch.undo()
    assert (db / "pending.json").exists()
    assert agencies(db) == ({LUOYANG} if when == "before its commit" else {LUOYANG, ANYANG})
    assert len(list((db / "reports").rglob("*.json"))) == 3  # 洛阳 old and new, 安阳
    ingest([c], Store(db), Settings())
    kb = KnowledgeBase.load(db)
    assert len(list((db / "reports").rglob("*.json"))) == len(kb.reports) and not (db / "pending.json").exists()
    assert all(review(kb, r.agency) == 19 for r in kb.reports)


def test_re_ingesting_a_report_whose_file_was_deleted_repairs_the_base(tmp_path: Path) -> None:
    [a] = variants(tmp_path / "in", ["洛阳"])
    db = tmp_path / "kb.json"
    ingest([a], Store(db), Settings())
    next((db / "reports").rglob("*.json")).unlink()  # deleted by hand
    assert not ingest([a], Store(db), Settings()).failures
    assert review(KnowledgeBase.load(db), LUOYANG) == 19


def test_a_migration_killed_between_its_renames_is_finished_by_the_next_write(tmp_path: Path) -> None:
    a, b = variants(tmp_path / "in", ["洛阳", "安阳"])
    db = tmp_path / "kb.json"
    old_single_file(tmp_path / "kb.json.v1-backup", [a])  # the old file already moved aside …
    ingest([a], Store(tmp_path / ".kb.json.migrating"), Settings())  # … its folder written, not yet renamed
    assert agencies(db) == {LUOYANG}  # readers read the old file meanwhile
    Store(db).put([parse_file(b, Settings())])
    assert db.is_dir() and agencies(db) == {LUOYANG, ANYANG}
    assert not (tmp_path / ".kb.json.migrating").exists()


def test_a_base_folder_that_cannot_be_made_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [a] = variants(tmp_path / "in", ["洛阳"])
    db = tmp_path / "kb.json"
    real = Path.mkdir

    def mkdir(self: Path, *args: object, **kwargs: object) -> None:
        if self == db:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", mkdir)
    with pytest.raises(StoreError) as caught:
        Store(db).put([parse_file(a, Settings())])
    assert str(caught.value) == f"无法写入知识库 {db}：磁盘已满；知识库保持原样"
