"""Real reports of bodies the bundled ones do not have, asked as people type: a 片区管理局's crawled page
whose table 二 header misprints 现行有效件数 as 先行有效件数, and a town's page where a website is named
right after the town.  Expected values are read off the documents by hand (sources:
tests/data/reports/README.md and tests/data/pages/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.reply.answer import Answerer
from knowledge import readers
from knowledge.template.parse import parse
from tests.kb_files import pages_answerer

ROOT = Path(__file__).resolve().parent.parent
HAITAN = ROOT / "tests" / "data" / "reports" / "pingtan-haitan-2024.txt"
XUWANG = ROOT / "tests" / "data" / "pages" / "xuwang-2025.txt"


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return pages_answerer(tmp_path_factory, {p.name: p.read_text(encoding="utf-8") for p in (HAITAN, XUWANG)})


def test_a_misprinted_column_header_still_names_its_column() -> None:
    # “第二十条第（一）项信息内容本年制发件数本年废止件数先行有效件数规范性文件000”
    p = parse(readers.read(HAITAN))
    got = {(f.row, f.column): (f.value, f.kind) for f in p.facts if f.row == "active.normative"}
    assert got == {("active.normative", c): (0, "zero") for c in ("issued", "repealed", "in_force")}


def test_the_misprinted_column_is_answered(bot: Answerer) -> None:
    a = bot.answer("海坛片区规范性文件现行有效多少件")
    assert (a.status, a.value) == ("answered", 0)
    assert a.text.startswith("平潭综合实验区海坛片区管理局2024年规范性文件现行有效件数0件。")


def test_a_website_after_the_town_is_not_read_as_a_body(bot: Answerer) -> None:
    # “通过汉台区政府门户网站公开信息8条”
    for q in ("徐望镇通过门户网站公开信息多少条", "徐望镇门户网站公开信息多少条"):
        a = bot.answer(q)
        assert (a.status, a.value) == ("answered", 8), q
        assert a.text.startswith("汉台区徐望镇人民政府2025年：通过汉台区政府门户网站公开信息8条。"), q


@pytest.mark.parametrize(("q", "value", "first"), [
    # “通过汉台区政府门户网站公开信息8条”: 政府网站 is the report's 政府门户网站, whatever stands between
    ("徐望镇通过政府网站公开信息多少条", 8, "汉台区徐望镇人民政府2025年：通过汉台区政府门户网站公开信息8条。"),
    ("徐望镇政府网站公开信息多少条", 8, "汉台区徐望镇人民政府2025年：通过汉台区政府门户网站公开信息8条。"),
    # “在政务微信平台“汉台徐望”公开政务信息137条”: a 公众号 is a 政务微信平台
    ("徐望镇微信公众号公开多少条", 137, "汉台区徐望镇人民政府2025年：在政务微信平台“汉台徐望”公开政务信息137条。"),
    # “在“平潭综合实验区党工委管委会”门户网站公开政府信息共计128条”
    ("海坛片区政府网站公开多少条", 128,
     "平潭综合实验区海坛片区管理局2024年：2024年在“平潭综合实验区党工委管委会”门户网站公开政府信息共计128条。"),
    # “2024年“平潭海坛片区”微信公众号共推送等文章719篇”
    ("海坛片区公众号推送文章多少篇", 719, "平潭综合实验区海坛片区管理局2024年：2024年“平潭海坛片区”微信公众号共推送等文章719篇。"),
])  # fmt: skip
def test_a_channel_asked_in_other_words_finds_the_report_s_sentence(bot: Answerer, q: str, value: int,
                                                                   first: str) -> None:
    a = bot.answer(q)
    assert (a.status, a.value) == ("answered", value), q
    assert a.text.split("\n")[0] == first, q


def test_a_channel_is_never_another(bot: Answerer) -> None:
    # 海坛 states no figure of its 政务新媒体 as a whole: its 微信公众号's 719 is one of them, not their total
    a = bot.answer("海坛片区政务新媒体发布多少条")
    assert (a.status, a.value) == ("unknown", None)
    assert a.text.startswith("年报中没有“政务新媒体”这一项的数字或内容。")


def test_no_item_is_offered_for_a_piece_of_a_word_and_gongkai(bot: Answerer) -> None:
    # “站公开” (of 网站公开) shares only 公开 with 不予公开: it was offered as that item
    a = bot.answer("海坛片区网站公开转载多少条")
    assert (a.status, a.options, a.value) == ("unknown", [], None)
    assert "不予公开" not in a.text and "站公开" not in a.text


def test_a_total_of_information_disclosed_said_with_gongji_is_the_active_disclosure_figure(bot: Answerer) -> None:
    # under “（一）持续深化主动公开”: “…门户网站公开政府信息共计128条，…；在…专题专栏公开信息113条”.  The
    # heading links nothing: the clause itself says 公开政府信息 (as “公开政府信息4511条” would), and the reply
    # quotes it, so that the 128 is seen to be the portal's
    a = bot.answer("海坛片区主动公开了多少条")
    assert (a.status, a.value, a.unit) == ("answered", 128, "条")
    assert a.text.split("\n")[0] == (
        "平潭综合实验区海坛片区管理局2024年：2024年在“平潭综合实验区党工委管委会”门户网站公开政府信息共计128条。")


def test_two_rows_of_table_two_named_with_yigong_are_added_in_the_column_each_is_answered_by(bot: Answerer) -> None:
    # 表二: 第二十条第（五）项 行政许可 本年处理决定数量 124; 第二十条第（六）项 行政处罚 0, 行政强制 0
    a = bot.answer("徐望镇行政许可和行政处罚一共多少")
    assert (a.status, a.value, a.unit) == ("answered", 124, "件")
    assert a.formula == "行政许可本年处理决定数量124 + 行政处罚本年处理决定数量0 = 124"
    assert a.text.split("\n")[0] == (
        "汉台区徐望镇人民政府2025年行政许可本年处理决定数量、行政处罚本年处理决定数量合计124件（行政许可本年处理决定数量124"
        " + 行政处罚本年处理决定数量0 = 124；报告未单列此数，由表中数字相加）。")
    a = bot.answer("徐望镇行政许可和行政处罚分别多少")  # asked each: each, no total
    assert a.value is None and "合计" not in a.text
    assert a.text.split("\n")[:2] == ["汉台区徐望镇人民政府2025年行政许可本年处理决定数量124件。",
                                      "汉台区徐望镇人民政府2025年行政处罚本年处理决定数量0件。"]


def test_rows_of_table_two_with_no_one_column_are_not_added(bot: Answerer) -> None:
    # 规章 and 规范性文件 have three columns (制发, 废止, 现行有效) and none is the one: which, is asked
    a = bot.answer("海坛片区规章和规范性文件一共多少件")
    assert a.value is None and "合计" not in a.text


def test_which_of_two_is_more_says_which(bot: Answerer) -> None:
    # 海坛 表四 “001010000000000”: 行政复议 维持0 纠正0 其他1 未审0 总计1; 直接起诉 and 复议后起诉 all 0
    a = bot.answer("海坛片区行政复议和行政诉讼哪个多")
    assert (a.status, a.value, a.formula) == ("answered", 1, "1 − 0 = 1")
    assert a.text.split("\n")[0] == ("平潭综合实验区海坛片区管理局2024年行政复议1件，行政诉讼0件（报告未单列，由分项相加：0 + 0 = 0）。"
                                     "行政复议比行政诉讼多1件（1 − 0 = 1）。")


def test_which_is_more_of_two_figures_the_cut_page_lost_says_why_and_compares_nothing(bot: Answerer) -> None:
    # 徐望镇's page is cut in section 三: table 四 is not there
    a = bot.answer("徐望镇行政复议和行政诉讼哪个多")
    assert (a.status, a.value) == ("unknown", None)
    assert a.text.split("\n")[:2] == [
        "汉台区徐望镇人民政府2025年行政复议：年报不完整：表四缺失（页面在“三”处截断），报告中没有“行政复议”的数字。",
        "汉台区徐望镇人民政府2025年行政诉讼：年报不完整：表四缺失（页面在“三”处截断），报告中没有“行政诉讼”的数字。"]
