"""Reports of a folder base as the question side sees them: found by (agency, year) and by id, their
title, template, warnings and sections read from their files — the same from the directory as from a
listing of the catalogue.  Details written by hand from the two bundled reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.models import Fact, Parsed, Report, Section, Source, Warning_
from knowledge.paths import DATA
from knowledge.store import Store

KF = ("开封市人民政府", 2019)
PT = ("平潭综合实验区", 2019)
KF_TITLE = "开封市人民政府2019年政府信息公开工作年度报告"
KF_WARNING = "正文“政府规范性文件845个”为845，但表格“规范性文件／对外公开总数量”为815"
PT_URL = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202001/t20200120_80576.htm"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("stored") / "kb"
    files = [DATA / "reports" / "kaifeng-2019.txt", DATA / "reports" / "pingtan-2019.txt"]
    assert not ingest(files, Store(db), Settings()).failures
    return db


def test_a_report_found_by_agency_and_year_reads_its_details(base: Path) -> None:
    kb = KnowledgeBase.load(base)
    r = kb.report_of[KF]
    assert (r.id, r.agency, r.year, r.title, r.template) == ("开封市人民政府-2019", *KF, KF_TITLE, "2019")
    assert (r.source_file, r.url, r.missing) == ("kaifeng-2019.txt", None, [])
    assert [(w.rule, w.message, w.section) for w in r.warnings] == [("prose.normative", KF_WARNING, "一、总体情况")]
    assert [s.id for s in r.sections] == ["一", "二", "三", "四", "五", "六"]
    assert kb.report_of[PT].url == PT_URL


def test_which_keys_name_a_loaded_report(base: Path) -> None:
    kb = KnowledgeBase.load(base)
    assert KF in kb.report_of and PT in kb.report_of
    for key in [("开封市人民政府", 2018), ("开封市", 2019), "开封市人民政府", (2019, "开封市人民政府"), ("开封市人民政府",),
                ("开封市人民政府", 2019, 1)]:
        assert key not in kb.report_of, key
    with pytest.raises(KeyError):
        kb.report_of[("开封市人民政府", 2018)]
    assert set(kb.report_of) == {KF, PT}
    assert len(kb.report_of) == 2


def test_reports_by_id_are_the_same_objects(base: Path) -> None:
    kb = KnowledgeBase.load(base)
    assert sorted(kb.by_id) == ["平潭综合实验区-2019", "开封市人民政府-2019"]
    assert len(kb.by_id) == 2
    by_id = kb.by_id["开封市人民政府-2019"]
    assert by_id is kb.report_of[KF] and by_id.title == KF_TITLE
    assert kb.by_id.get("开封市人民政府-2018") is None
    assert {r.id for r in kb.reports} == {"开封市人民政府-2019", "平潭综合实验区-2019"}


def test_a_listing_reads_the_same_details_from_the_catalogue(base: Path) -> None:
    kb = KnowledgeBase.load(base)
    listed = {(r.agency, r.year): r for r in kb.described()}
    r = listed[KF]
    assert (r.id, r.title, r.template, r.source_file, r.aliases) == (
        "开封市人民政府-2019", KF_TITLE, "2019", "kaifeng-2019.txt", kb.report_of[KF].aliases)
    assert [w.message for w in r.warnings] == [KF_WARNING]
    assert [s.id for s in r.sections] == [s.id for s in kb.report_of[KF].sections]
    assert listed[PT].url == PT_URL
    assert [x.agency for x in kb.described(["平潭综合实验区"])] == ["平潭综合实验区"]


def test_a_detail_set_on_one_report_stays_on_it(base: Path) -> None:
    kb = KnowledgeBase.load(base)
    r = kb.report_of[KF]
    r.missing = ["表四缺失（可能为图片或页面不完整）"]
    r.title = "改过的标题"
    assert (r.missing, r.title) == (["表四缺失（可能为图片或页面不完整）"], "改过的标题")
    assert KnowledgeBase.load(base).report_of[KF].title == KF_TITLE  # the base is unchanged
    assert kb.report_of[PT].missing == []


@pytest.mark.parametrize(("exc", "said"), [
    (OSError(28, "No space left on device"), "磁盘已满"),
    (OSError(30, "Read-only file system"), "文件系统是只读的"),
    (OSError(5, "Input/output error"), "Input/output error"),  # no Chinese reason: the system's own words
    (OSError("a message without an error number"), "a message without an error number"),
    (OSError(), "OSError"),
    (PermissionError(), "PermissionError"),
])  # fmt: skip
def test_the_reason_a_failed_write_gives(exc: OSError, said: str) -> None:
    from knowledge.store.files import reason

    assert reason(exc) == said


def test_the_short_names_reports_give_themselves(tmp_path: Path) -> None:
    # 洪泽's 2023 report prints its title as “洪泽区人民政府…” while its body is 淮安市洪泽区人民政府
    files = [DATA / "reports" / "kaifeng-2019.txt", DATA / "reports" / "hongze-2023.pdf"]
    assert not ingest(files, Store(tmp_path / "kb"), Settings()).failures
    kb = KnowledgeBase.load(tmp_path / "kb")
    assert kb.directory is not None
    assert kb.directory.names() == {"开封市人民政府": [], "淮安市洪泽区人民政府": ["洪泽区人民政府"]}
    assert kb.report_of[("淮安市洪泽区人民政府", 2023)].aliases == ["洪泽区人民政府"]


# ---------------------------------------------------------------- every field read back exactly as stored
# A report written by hand: a table cell read from a scan (its reading kept), a sum (what it adds up),
# an uncertain flattened cell (the values it could take), a prose figure (its sentence).
AGENCY, OTHER = "测试市人民政府", "另一市人民政府"
RID = f"{AGENCY}-2020"
S1, S3 = "一、总体情况", "三、收到和处理政府信息公开申请情况"
S4 = "四、政府信息公开行政复议、行政诉讼情况"
TITLE = "测试市人民政府2020年政府信息公开工作年度报告"
SECTIONS = [Section("一", S1, "全年共制发政府规范性文件845个。"), Section("四", S4, "行政复议19件。")]
WARNINGS = [Warning_("apply.balance", "收到申请14件，办理结果合计19件，两者不等", S3)]
REVIEW = Fact(RID, "review", "total", 19.0, "number", "19", "件",
              Source(S4, "行政复议", "总计", "总计", None, "扫描件识别为“19”，与各项之和相符"))
WITHHELD = Fact(RID, "apply.withheld", "natural", 14.0, "number", "0+1+13", "件",
                Source(S3, S3, "（三）不予公开", "自然人"),
                derived_from=[{"row": "apply.withheld.secret", "column": "natural"},
                              {"row": "apply.withheld.law", "column": None}])
UNCERTAIN = Fact(RID, "apply.new", "legal", None, "uncertain", "898989", None, Source(S3),
                 candidates=[89.0, 8989.0])
PROSE = Fact(RID, "prose", None, 845.0, "number", "845个", "个",
             Source(S1, None, "政府规范性文件845个", None, "全年共制发政府规范性文件845个。"))
PROSE_2 = Fact(RID, "prose", None, 320.0, "number", "320条", "条",
               Source(S1, None, "政策解读320条", None, "发布政策解读320条。"))


def made_by_hand(agency: str = AGENCY, year: int = 2020) -> Parsed:
    """The report above (under another agency or year when asked: its figures then name that report)."""
    rid = f"{agency}-{year}"
    report = Report(rid, agency, year, TITLE, "2021", "ceshi-2020.html", url="https://www.example.gov.cn/nb/2020.htm",
                    ingested_at="2021-02-01T09:30:00", sections=list(SECTIONS), warnings=list(WARNINGS),
                    aliases=["测试市"], identified_from="正文首句", missing=["表五缺失（可能为图片）"])
    facts = [Fact(**{**f.__dict__, "report": rid}) for f in (REVIEW, WITHHELD, UNCERTAIN, PROSE, PROSE_2)]
    return Parsed(report, facts)


def the_report_as_stored(kb: KnowledgeBase, reading: str | None = REVIEW.source.reading) -> None:
    r = kb.report_of[(AGENCY, 2020)]
    assert kb.cell(r, "review", "total") == Fact(RID, "review", "total", 19.0, "number", "19", "件",
                                                 Source(S4, "行政复议", "总计", "总计", None, reading))
    assert kb.cell(r, "apply.withheld", "natural") == WITHHELD
    assert kb.cell(r, "apply.new", "legal") == UNCERTAIN
    assert kb.prose(RID) == [PROSE, PROSE_2]
    assert (r.id, r.title, r.template, r.source_file, r.url, r.ingested_at) == (
        RID, TITLE, "2021", "ceshi-2020.html", "https://www.example.gov.cn/nb/2020.htm", "2021-02-01T09:30:00")
    assert (r.identified_from, r.missing, r.aliases) == ("正文首句", ["表五缺失（可能为图片）"], ["测试市"])
    assert r.warnings == WARNINGS and r.sections == SECTIONS


def test_every_field_of_a_figure_and_of_its_report_reads_back_as_stored(tmp_path: Path) -> None:
    Store(tmp_path / "kb").put([made_by_hand()])
    the_report_as_stored(KnowledgeBase.load(tmp_path / "kb"))


def earlier_report_file(db: Path, columns: int, details: bool) -> Path:
    """Rewrite the base's one report file as an earlier version wrote it: figures as lists (no JSON
    texts and names), with 13 columns before scanned cells kept their readings, without the report's
    details before the file kept them."""
    [path] = (db / "reports").rglob("*.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    facts = data["facts"]["1"]
    facts["cells"] = [json.loads(row)[:columns] for row in facts.pop("rows")]
    del facts["keys"]
    facts["fields"] = facts["fields"][:columns]
    if not details:
        del data["report"]["1"]["meta"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_report_file_of_the_version_before_figures_were_texts_reads_the_same(tmp_path: Path) -> None:
    db = tmp_path / "kb"
    Store(db).put([made_by_hand()])
    earlier_report_file(db, 14, details=True)
    for shard in (db / "shards").glob("*.json"):
        shard.unlink()  # the details come with the report's file: a question needs no shard
    the_report_as_stored(KnowledgeBase.load(db))


def test_a_report_file_of_the_version_before_scanned_cells_kept_readings_reads_the_same(tmp_path: Path) -> None:
    db = tmp_path / "kb"
    Store(db).put([made_by_hand()])
    earlier_report_file(db, 13, details=False)  # its details: from the shard
    the_report_as_stored(KnowledgeBase.load(db), reading=None)


OLD_FIELDS = ["row", "column", "value", "kind", "raw", "unit", "src_section", "src_table", "src_row", "src_column",
              "src_sentence", "derived_from", "candidates"]
OLD_BASE = {  # a single-file base as the first versions wrote it, figures of 13 columns
    "reports": {"1": {"id": "旧市人民政府-2018", "agency": "旧市人民政府", "year": 2018,
                      "title": "旧市人民政府2018年政府信息公开工作年度报告", "template": "2019",
                      "source_file": "jiu-2018.txt", "url": None, "ingested_at": None,
                      "sections": [{"id": "四", "heading": S4, "text": "行政复议7件。"}], "warnings": [],
                      "aliases": ["旧市"]}},
    "facts": {"1": {"report": "旧市人民政府-2018", "fields": OLD_FIELDS,
                    "strings": ["review", "total", "number", "7", "件", S4, "行政复议", "总计"],
                    "cells": [[0, 1, 7.0, 2, 3, 4, 5, 6, 7, 7, None, None, None]]}},
}
OLD_REVIEW = Fact("旧市人民政府-2018", "review", "total", 7.0, "number", "7", "件", Source(S4, "行政复议", "总计", "总计"))


def old_answers(kb: KnowledgeBase) -> None:
    r = kb.report_of[("旧市人民政府", 2018)]
    assert kb.cell(r, "review", "total") == OLD_REVIEW
    assert (r.title, r.sections) == ("旧市人民政府2018年政府信息公开工作年度报告", [Section("四", S4, "行政复议7件。")])


def test_an_old_single_file_base_answers_the_same_before_and_after_its_migration(tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    db.write_text(json.dumps(OLD_BASE, ensure_ascii=False), encoding="utf-8")
    old_answers(KnowledgeBase.load(db))
    put = Store(db).put([made_by_hand()])
    assert put.notes == [f"知识库 {db} 是旧的单文件格式，已转换为文件夹格式（1份报告；原文件保留为 kb.json.v1-backup，确认无误后可删除）"]
    kb = KnowledgeBase.load(db)
    old_answers(kb)
    the_report_as_stored(kb)
    assert kb.fact_count == 6


@pytest.mark.parametrize("content", ["", " \n", "{}"])
def test_an_empty_single_file_is_an_empty_base_until_its_first_write(tmp_path: Path, content: str) -> None:
    db = tmp_path / "kb.json"
    db.write_text(content, encoding="utf-8")
    assert len(KnowledgeBase.load(db).reports) == 0
    assert Store(db).put([made_by_hand()]).added == [RID]
    kb = KnowledgeBase.load(db)
    assert [r.id for r in kb.reports] == [RID]
    the_report_as_stored(kb)


def test_a_base_not_yet_written_lists_nothing(tmp_path: Path) -> None:
    for db in (tmp_path / "none", tmp_path / "empty"):  # no folder yet; a folder with nothing in it
        if db.name == "empty":
            db.mkdir()
        store = Store(db)
        assert (store.catalogue(), store.catalogue([AGENCY]), store.hashes()) == ([], [], set())
        assert store.current(RID, AGENCY) is None
        kb = KnowledgeBase.load(db)
        assert (len(kb.reports), kb.described()) == (0, [])


def test_the_content_hashes_given_with_reports_are_kept_for_resuming(tmp_path: Path) -> None:
    db = tmp_path / "kb"
    Store(db).put([made_by_hand(), made_by_hand(OTHER)], hashes=["9f2c", None])
    assert Store(db).hashes() == {"9f2c"}
    Store(db).put([made_by_hand(year=2021)])
    assert Store(db).hashes() == {"9f2c"}


def test_a_base_from_before_directories_is_known_as_another_base_after_each_write(tmp_path: Path) -> None:
    db = tmp_path / "kb"

    def without_directory() -> str | None:
        for directory in db.glob("directory.*.json"):  # as the version before directories wrote it
            directory.unlink()
        catalogue = json.loads((db / "catalogue.json").read_text(encoding="utf-8"))
        del catalogue["kb"]["1"]["directory"]
        (db / "catalogue.json").write_text(json.dumps(catalogue), encoding="utf-8")
        kb = KnowledgeBase.load(db)
        assert kb.directory is None and kb.version == KnowledgeBase.load(db).version  # the same base: the same
        return kb.version

    Store(db).put([made_by_hand()])
    first = without_directory()
    Store(db).put([made_by_hand(OTHER)])
    second = without_directory()
    assert None not in (first, second) and first != second  # what the agency index cache is keyed on


def test_reports_removed_by_another_writer_read_as_empty_each_with_lists_of_its_own(tmp_path: Path) -> None:
    db = tmp_path / "kb"
    Store(db).put([made_by_hand(), made_by_hand(OTHER)])
    kb = KnowledgeBase.load(db)
    for rid in (RID, f"{OTHER}-2020"):
        assert Store(db).remove(rid)
    a, b = kb.report_of[(AGENCY, 2020)], kb.report_of[(OTHER, 2020)]
    assert (a.title, a.url, a.warnings, a.missing, a.sections) == ("", None, [], [], [])
    a.warnings.append(WARNINGS[0])
    a.missing.append("表五缺失（可能为图片）")
    assert (b.warnings, b.missing) == ([], [])


def test_an_old_single_file_base_answers_the_same_under_a_server_locale_that_is_not_utf8(tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    db.write_text(json.dumps(OLD_BASE, ensure_ascii=False), encoding="utf-8")
    old_answers(KnowledgeBase.load(db))  # here, and in a process whose locale is plain ASCII:
    script = ("import json, sys; from knowledge.kb import KnowledgeBase; kb = KnowledgeBase.load(sys.argv[1]); "
              "r = kb.report_of[('\\u65e7\\u5e02\\u4eba\\u6c11\\u653f\\u5e9c', 2018)]; "
              "print(json.dumps([r.title, kb.cell(r, 'review', 'total').value]))")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    done = subprocess.run([sys.executable, "-c", script, str(db)], cwd=Path(__file__).resolve().parent.parent, env=env,
                          capture_output=True, text=True, timeout=60)
    assert json.loads(done.stdout) == ["旧市人民政府2018年政府信息公开工作年度报告", 7.0], done.stderr
