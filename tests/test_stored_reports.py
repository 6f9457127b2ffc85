"""Reports of a folder base as the question side sees them: found by (agency, year) and by id, their
title, template, warnings and sections read from their files — the same from the directory as from a
listing of the catalogue.  Details written by hand from the two bundled reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
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
