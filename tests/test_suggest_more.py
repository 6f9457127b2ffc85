"""More questions back of bot/reply/suggest.py, whole: a body named with a bare word after it (“开封市2019年的年报”);
two loaded bodies whose place is said alike (开封市, 开封县: each option names its own); a near item of table 二
(named as the template names it) and of an applicant (the longer of its first two names); a question whose first unexplained run fits no item, or two items as closely,
before the run that fits one; a body read from the ending of its name said twice (“实验区…和实验区…”); and years asked with no body (2019、2021年),
kept in the options.

The options are the most-asked items of knowledge/data/synonyms.json (`most_asked`), in its order.  Figures
read by hand: 平潭 行政复议 总计 — 2021 3 (pingtan-2021.txt), 2023 2 (pingtan-2023.txt, table 四).
"""

from __future__ import annotations

import pytest
from kb_files import bundled_answerer

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.paths import DATA
from knowledge.store import Store

ITEMS = ["收到的政府信息公开申请多少件", "予以公开多少件", "不予公开多少件", "行政复议多少件", "行政诉讼多少件", "主动公开政府信息多少条"]
COUNTY = "开封县人民政府2019年政府信息公开工作年度报告\n一、总体情况\n2019年，全县共收到政府信息公开申请12件。\n"
PT = "平潭综合实验区"


@pytest.fixture(scope="module")
def kaifeng(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    """开封市人民政府 2019 (bundled) and a made-up 开封县人民政府 2019: “开封” alone names neither."""
    folder = tmp_path_factory.mktemp("suggest_more")
    (folder / "county.txt").write_text(COUNTY, encoding="utf-8")
    files = [folder / "county.txt", DATA / "reports" / "kaifeng-2019.txt"]
    assert not ingest(files, Store(folder / "kb"), Settings()).failures
    return Answerer(KnowledgeBase.load(folder / "kb"))


def numbered(options: list[str]) -> str:
    return "\n".join(f"{i}. {o}" for i, o in enumerate(options, 1))


@pytest.mark.parametrize(("q", "agency", "short"), [
    ("开封市2019年的年报", "开封市人民政府", "开封市"),  # “的年报” after the body asks nothing more
    ("开封县2019年", "开封县人民政府", "开封县"),
])  # fmt: skip
def test_each_option_names_the_body_so_that_it_is_not_read_as_the_other(kaifeng: Answerer, q: str, agency: str,
                                                                       short: str) -> None:
    a = kaifeng.answer(q, Context())
    options = [f"{short}2019年{item}" for item in ITEMS]
    assert (a.status, a.agency, a.year, a.options) == ("clarify", agency, 2019, options)
    assert a.text == f"您想了解{agency}2019年的年报中的哪一项？可以选一个，或直接提问：\n" + numbered(options)


def test_a_near_item_of_table_two_is_offered_by_its_template_name(kaifeng: Answerer) -> None:
    a = kaifeng.answer("开封县2019年行政事叶性收废多少", Context())
    assert (a.status, a.agency, a.options) == ("clarify", "开封县人民政府", ["开封县2019年行政事业性收费多少件"])
    assert a.text == "报告中没有“行政事叶性收废”这一项。您是想问“行政事业性收费”吗？\n1. 开封县2019年行政事业性收费多少件"


def test_a_near_applicant_is_offered_by_the_longer_of_its_first_two_names(kaifeng: Answerer) -> None:
    a = kaifeng.answer("开封市2019年其它组织多少件", Context())  # 其它组织 ~ 其他组织; named 其他申请人, not 其他组织
    assert (a.status, a.agency, a.options) == ("clarify", "开封市人民政府", ["开封市2019年其他申请人多少件"])
    assert a.text == "报告中没有“其它组织”这一项。您是想问“其他申请人”吗？\n1. 开封市2019年其他申请人多少件"


@pytest.mark.parametrize("q", [
    "开封市2019年律师费和政务公开不掌控相关信息的多少件",  # 律师费和: no item is near
    "开封市2019年尚未完结的和政务公开中不掌控相关信息的多少件",  # 尚未完结: as near 尚未办结 as 尚未审结
])
def test_a_run_that_fits_no_one_item_does_not_stop_the_next_from_being_offered(kaifeng: Answerer, q: str) -> None:
    a = kaifeng.answer(q, Context())
    assert (a.status, a.agency, a.options) == ("clarify", "开封市人民政府", ["开封市2019年本机关不掌握相关政府信息多少件"])
    assert a.text == ("报告中没有“不掌控”这一项。您是想问“本机关不掌握相关政府信息”吗？\n"
                      "1. 开封市2019年本机关不掌握相关政府信息多少件")


@pytest.fixture(scope="module")
def pingtan(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "pingtan-2021.txt", "pingtan-2023.txt")


def test_a_name_read_from_its_ending_is_read_so_each_time_it_is_said(pingtan: Answerer) -> None:
    a = pingtan.answer("实验区2021年和实验区2023年行政复议多少件", Context())
    assert (a.status, a.agency, a.unit, a.field) == ("answered", PT, "件", "review/total")
    assert a.text == (f"“实验区”按{PT}理解。\n{PT}行政复议（2021、2023年）：2021年：3件；2023年：2件。\n"
                      f"来源：《{PT}2021年度政府信息公开工作年度报告》四、政府信息公开行政复议、行政诉讼情况\n"
                      f"来源：《{PT}2023年度政府信息公开工作年度报告》四、政府信息公开行政复议、行政诉讼情况")


@pytest.mark.parametrize("q", ["2019、2021年", "2019年2021年的年报"])
def test_years_alone_ask_which_item_with_the_years_kept(kaifeng: Answerer, q: str) -> None:
    a = kaifeng.answer(q, Context())
    options = [f"2019、2021年{item}" for item in ITEMS]
    assert (a.status, a.agency, a.year, a.options) == ("clarify", None, None, options)
    assert a.text == "您想了解2019、2021年的年报中的哪一项？可以选一个，或直接提问：\n" + numbered(options)


def test_a_near_item_asked_over_years_alone_keeps_the_years_in_its_option(kaifeng: Answerer) -> None:
    a = kaifeng.answer("2019、2021年不掌控相关信息的多少件", Context())
    assert (a.status, a.agency, a.options) == ("clarify", None, ["2019、2021年本机关不掌握相关政府信息多少件"])
    assert a.text == ("报告中没有“不掌控”这一项。您是想问“本机关不掌握相关政府信息”吗？\n"
                      "1. 2019、2021年本机关不掌握相关政府信息多少件")
