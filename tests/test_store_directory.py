"""Loading reads the directory only; the agency index comes from its cache (issue 12).

A question on a folder base reads catalogue.json, the directory, the cached agency index and the
report asked about — never every report's entry, never every body's name split again.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from test_store_folder import review, variants

from bot.cli import main
from bot.reply.answer import Answerer
from bot.settings import Settings
from bot.understand import names
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.paths import cache_dir
from knowledge.store import Store


def ask(db: Path, question: str, capsys: pytest.CaptureFixture[str]) -> str:
    main(["ask", "--db", str(db), question])
    return capsys.readouterr().out


def no_splitting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any attempt to split a body's name (what building the index does for every body)."""
    names._split_default.cache_clear()

    def refuse(*_a: object) -> None:
        raise AssertionError("the agency index was rebuilt")

    monkeypatch.setattr(names, "_split", refuse)


def test_a_question_reads_the_directory_and_the_report_not_the_shards(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "kb"
    ingest(variants(tmp_path / "in", ["洛阳", "安阳"]), Store(db), Settings())
    for shard in (db / "shards").glob("*.json"):
        shard.unlink()  # what a question must not need (the writer and full listings do)
    out = ask(db, "安阳2019年行政复议多少件", capsys)
    assert out.startswith("安阳市人民政府2019年行政复议19件（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）")
    assert "来源：《安阳市人民政府2019年政府信息公开工作年度报告》四、" in out  # the title: kept in the report's file


def test_the_index_is_read_back_not_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "kb"
    ingest(variants(tmp_path / "in", ["洛阳", "安阳"]), Store(db), Settings())
    assert "洛阳市人民政府2019年行政复议19件" in ask(db, "洛阳2019年行政复议多少件", capsys)  # builds and caches it
    no_splitting(monkeypatch)
    assert "安阳市人民政府2019年行政复议19件" in ask(db, "安阳市政府2019年行政复议多少件", capsys)
    assert "知识库中没有“郑州”的年报" in ask(db, "郑州2019年行政复议多少件", capsys)


def test_after_an_added_report_only_the_new_body_is_indexed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "kb"
    ingest(variants(tmp_path / "in", ["洛阳", "安阳"]), Store(db), Settings())
    ask(db, "洛阳2019年行政复议多少件", capsys)
    ingest(variants(tmp_path / "more", ["新乡"]), Store(db), Settings())
    seen: list[str] = []
    real = names._split
    names._split_default.cache_clear()
    monkeypatch.setattr(names, "_split", lambda agency, table: seen.append(agency) or real(agency, table))
    assert "新乡市人民政府2019年行政复议19件" in ask(db, "新乡2019年行政复议多少件", capsys)
    assert "洛阳市人民政府2019年行政复议19件" in ask(db, "洛阳2019年行政复议多少件", capsys)
    assert seen == ["新乡市人民政府"]  # the other two came from the cached index


def test_a_removed_body_is_not_answered_from_an_old_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "kb"
    ingest(variants(tmp_path / "in", ["洛阳", "安阳"]), Store(db), Settings())
    ask(db, "洛阳2019年行政复议多少件", capsys)
    assert Store(db).remove("安阳市人民政府-2019")
    out = ask(db, "安阳2019年行政复议多少件", capsys)
    assert "19件" not in out and "知识库中没有“安阳”的年报" in out


def test_a_damaged_index_cache_costs_a_rebuild_only(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NIANBAO_CACHE_DIR", str(tmp_path / "cache"))
    db = tmp_path / "kb"
    ingest(variants(tmp_path / "in", ["洛阳", "安阳"]), Store(db), Settings())
    ask(db, "洛阳2019年行政复议多少件", capsys)
    [cached] = cache_dir().glob("agency-index/*.json")
    cached.write_text('{"own": {}, "splits": [', encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert "安阳市人民政府2019年行政复议19件" in ask(db, "安阳2019年行政复议多少件", capsys)
    assert "unreadable" in caplog.text
    assert sorted(json.loads(cached.read_text(encoding="utf-8"))["agencies"]) == ["安阳市人民政府", "洛阳市人民政府"]


def test_a_base_from_before_directories_loads_and_gets_one_on_its_next_write(tmp_path: Path) -> None:
    db = tmp_path / "kb"
    ingest(variants(tmp_path / "in", ["洛阳", "安阳"]), Store(db), Settings())
    for directory in db.glob("directory.*.json"):  # as the previous version wrote it
        directory.unlink()
    catalogue = json.loads((db / "catalogue.json").read_text(encoding="utf-8"))
    del catalogue["kb"]["1"]["directory"]
    (db / "catalogue.json").write_text(json.dumps(catalogue), encoding="utf-8")
    kb = KnowledgeBase.load(db)
    assert kb.directory is None and review(kb, "安阳市人民政府") == 19
    a = Answerer(kb, warm=False)
    assert a.answer("洛阳2019年行政复议多少件").value == 19
    ingest(variants(tmp_path / "more", ["新乡"]), Store(db), Settings())
    kb = KnowledgeBase.load(db)
    assert kb.directory is not None
    assert sorted(kb.years) == ["安阳市人民政府", "新乡市人民政府", "洛阳市人民政府"]
    assert [review(kb, a) for a in sorted(kb.years)] == [19, 19, 19]
    assert kb.report_of[("新乡市人民政府", 2019)].title == "新乡市人民政府2019年政府信息公开工作年度报告"


def test_report_details_come_with_the_report_and_leave_with_it(tmp_path: Path) -> None:
    db = tmp_path / "kb"
    ingest(variants(tmp_path / "in", ["洛阳", "安阳", "新乡"]), Store(db), Settings())
    kb = KnowledgeBase.load(db, cache_mb=0)  # a cache that keeps only the report just read
    assert len(kb.reports) == 3 and kb.cache.loads == 0  # counting them reads nothing
    luoyang = kb.report_of[("洛阳市人民政府", 2019)]
    assert luoyang.template == "2019" and kb.cache.loads == 1
    assert [w.rule for w in luoyang.warnings] == [w.rule for w in kb.report_of[("安阳市人民政府", 2019)].warnings]
    assert luoyang.title == "洛阳市人民政府2019年政府信息公开工作年度报告"  # read again after eviction
    assert kb.cache.loads == 3
