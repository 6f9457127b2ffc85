"""The agency index cache folder as an operator finds it: this base's two newest indexes, none made by another
version of the code, a private folder, and a cache that cannot be written costing only the rebuild."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from kb_files import variants

from bot.cli import main
from bot.settings import Settings
from bot.understand.index_cache import agency_index
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.models import Report
from knowledge.paths import cache_dir
from knowledge.store import Store


def ask(db: Path, question: str, capsys: pytest.CaptureFixture[str]) -> str:
    main(["ask", "--db", str(db), question])
    return capsys.readouterr().out


def test_the_cache_keeps_this_base_s_two_newest_indexes_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              caplog: pytest.LogCaptureFixture,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NIANBAO_CACHE_DIR", str(tmp_path / "cache"))
    db = tmp_path / "kb"
    folder = cache_dir() / "agency-index"
    ingest(variants(tmp_path / "a", ["洛阳"]), Store(db), Settings())
    assert "洛阳市人民政府2019年行政复议19件" in ask(db, "洛阳2019年行政复议多少件", capsys)
    [first] = [p.name for p in folder.glob("*.json")]
    base = first[:12]
    older_code = folder / f"{base}-000000000000-{first.rsplit('-', 1)[1]}"  # this base, another version of the code
    other_base = folder / "ffffffffffff-000000000000-1.json"
    for p in (older_code, other_base):
        p.write_text("{}", encoding="utf-8")
    ingest(variants(tmp_path / "b", ["安阳"]), Store(db), Settings())
    assert "安阳市人民政府2019年行政复议19件" in ask(db, "安阳2019年行政复议多少件", capsys)
    ingest(variants(tmp_path / "c", ["新乡"]), Store(db), Settings())
    assert "新乡市人民政府2019年行政复议19件" in ask(db, "新乡2019年行政复议多少件", capsys)
    assert "洛阳市人民政府2019年行政复议19件" in ask(db, "洛阳2019年行政复议多少件", capsys)
    with caplog.at_level(logging.INFO, logger="bot.understand.index_cache"):  # read back: nothing to say
        assert "安阳市人民政府2019年行政复议19件" in ask(db, "安阳2019年行政复议多少件", capsys)
    assert caplog.text == ""
    kept = sorted(p.name for p in folder.glob("*.json"))
    assert len(kept) == 3 and first not in kept and older_code.name not in kept and other_base.name in kept
    assert folder.stat().st_mode & 0o777 == 0o700


def test_a_cache_that_cannot_be_written_only_costs_the_rebuild(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               caplog: pytest.LogCaptureFixture,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NIANBAO_CACHE_DIR", str(tmp_path / "cache"))
    db = tmp_path / "kb"
    ingest(variants(tmp_path / "a", ["洛阳", "安阳"]), Store(db), Settings())
    (cache_dir() / "agency-index").write_text("not a folder", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="bot.understand.index_cache"):
        assert "洛阳市人民政府2019年行政复议19件" in ask(db, "洛阳2019年行政复议多少件", capsys)
    folder = cache_dir() / "agency-index"
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.INFO] == [
        f"agency index not cached in {folder}: [Errno 17] File exists: '{folder}'"]
    assert "安阳市人民政府2019年行政复议19件" in ask(db, "安阳2019年行政复议多少件", capsys)


def test_two_bases_never_read_each_other_s_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NIANBAO_CACHE_DIR", str(tmp_path / "cache"))
    ingest(variants(tmp_path / "a", ["洛阳"]), Store(tmp_path / "one"), Settings())
    ingest(variants(tmp_path / "b", ["安阳"]), Store(tmp_path / "two"), Settings())
    assert "洛阳市人民政府2019年行政复议19件" in ask(tmp_path / "one", "洛阳2019年行政复议多少件", capsys)
    assert "安阳市人民政府2019年行政复议19件" in ask(tmp_path / "two", "安阳2019年行政复议多少件", capsys)
    assert "知识库中没有“洛阳”的年报" in ask(tmp_path / "two", "洛阳2019年行政复议多少件", capsys)


def test_a_base_built_in_memory_is_indexed_without_a_cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NIANBAO_CACHE_DIR", str(tmp_path / "cache"))
    kb = KnowledgeBase([Report(id="a", agency="洛阳市人民政府", year=2019, title="a", template="2019", source_file="")])
    assert sorted(agency_index(kb).splits) == ["洛阳市人民政府"]
    assert not (tmp_path / "cache" / "agency-index").exists()


def test_a_damaged_index_file_is_named_with_why_and_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           caplog: pytest.LogCaptureFixture,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NIANBAO_CACHE_DIR", str(tmp_path / "cache"))
    db = tmp_path / "kb"
    ingest(variants(tmp_path / "a", ["洛阳"]), Store(db), Settings())
    ask(db, "洛阳2019年行政复议多少件", capsys)
    [cached] = (tmp_path / "cache" / "agency-index").glob("*.json")
    cached.write_text("[", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="bot.understand.index_cache"):
        assert "洛阳市人民政府2019年行政复议19件" in ask(db, "洛阳2019年行政复议多少件", capsys)
    assert caplog.messages == [f"agency index cache {cached} unreadable (unexpected end of data: line 1 column 2 (char 1)): "
                               "rebuilt"]
