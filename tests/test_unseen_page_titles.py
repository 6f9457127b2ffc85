"""A township's page published by its county's office: the garbled title line names the body, never the 来源
line; a figure said inside “其中…” is the one asked when the question says its words as written.  Pages written
by hand (made-up places 青石县 and 白沙镇)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge import readers
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store
from knowledge.template.parse import parse

TOWN_PAGE = """青石县人民政府

政府信息公开

青石县白沙镇2023年政府信息公开 工作告年度报

来源:青石县人民政府办公室 时间:2024-01-31

一、总体情况
2023年,我镇认真贯彻落实《中华人民共和国政府信息公开条例》,主动公开各类信息1186条,其中政务微信公开信息数923条,实现线上、线下同步公开;年内受理并办结依申请公开23件。
(一)主动公开。我镇通过政府网站公开政策文件。
(二)依申请公开。全年办结申请23件。
(三)政府信息管理。严格执行审核制度。
(四)平台建设。及时更新栏目内容
"""


def test_a_garbled_title_line_names_the_town_not_the_county_office_of_the_source_line() -> None:
    r = parse(readers.read_bytes(TOWN_PAGE.encode("utf-8"), "baisha.txt")).report
    assert (r.agency, r.year) == ("青石县白沙镇人民政府", 2023)


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    folder = tmp_path_factory.mktemp("town")
    page = Path(folder / "baisha.txt")
    page.write_text(TOWN_PAGE, encoding="utf-8")
    assert not ingest([page], Store(folder / "kb.json"), Settings()).failures
    return Answerer(KnowledgeBase.load(folder / "kb.json"))


def test_an_item_said_as_the_report_words_it_after_qizhong_is_that_figure(town: Answerer) -> None:
    a = town.answer("白沙镇2023年政务微信公开了多少条", Context())
    assert (a.status, a.value, a.unit) == ("answered", 923, "条")


def test_the_total_is_still_the_total(town: Answerer) -> None:
    a = town.answer("白沙镇2023年主动公开多少条", Context())
    assert (a.status, a.value) == ("answered", 1186)


def test_a_report_titled_as_a_report_on_the_years_disclosure_loads_when_cut_after_section_two() -> None:
    text = ("首页 政府信息公开 政务服务\n\n青石县水利局关于2022年度政府信息公开情况的报告\n\n"
            "一、总体情况\n2022年,我局严格按照《中华人民共和国政府信息公开条例》要求做好公开工作。\n\n"
            "二、主动公开政府信息情况\n2022年,我局主动公开信息40条。\n")
    p = parse(readers.read_bytes(text.encode("utf-8"), "shuili.txt"))
    assert (p.report.agency, p.report.year) == ("青石县水利局", 2022)
