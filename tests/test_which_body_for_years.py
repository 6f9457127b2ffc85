"""“哪年最多/历年” with no single body named: the question back offers only bodies that have a year asked, says
years only when each offered body has all of them, and never repeats the names said in every option.

Loaded: 开封 2019, 平潭 2019/2021/2023, 洪泽 2023 (knowledge/data/reports/).
"""

from __future__ import annotations

import pytest
from kb_files import bundled_answerer

from bot.reply.answer import Answerer, Context

LOADED = "开封市人民政府（2019年）；平潭综合实验区（2019、2021、2023年）；淮安市洪泽区人民政府（2023年）"


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt", "hongze-2023.pdf")


def test_two_bodies_named_are_offered_one_each_without_the_other_name(three: Answerer) -> None:
    a = three.answer("平潭和开封哪年行政复议最多", Context())
    assert (a.status, a.options) == ("clarify", ["平潭哪年行政复议最多", "开封哪年行政复议最多"])
    assert a.text == "知识库中有2个机关的年报，您问的是哪一个？\n1. 平潭哪年行政复议最多\n2. 开封哪年行政复议最多"


def test_words_before_the_first_name_stay_and_a_join_beside_a_name_goes(three: Answerer) -> None:
    before = three.answer("历年平潭和开封行政复议哪年最多", Context())
    assert before.options == ["平潭历年行政复议哪年最多", "开封历年行政复议哪年最多"]
    between = three.answer("平潭行政复议和开封的哪年最多", Context())  # not “平潭行政复议和的哪年最多”
    assert between.options == ["平潭行政复议的哪年最多", "开封行政复议的哪年最多"]
    three_names = three.answer("平潭、开封和洪泽行政复议哪年最多", Context())
    assert three_names.options == ["平潭行政复议哪年最多", "开封行政复议哪年最多", "淮安市洪泽区行政复议哪年最多"]


def test_a_body_with_none_of_the_years_is_not_offered_and_the_years_are_not_claimed(three: Answerer) -> None:
    # 开封 has neither 2021 nor 2023; 洪泽 has 2023 only — “有2个机关2021、2023年的年报” would be untrue
    a = three.answer("2021年和2023年行政复议哪年最多", Context())
    assert a.options == ["平潭2021年和2023年行政复议哪年最多", "淮安市洪泽区2021年和2023年行政复议哪年最多"]
    assert a.text.splitlines()[0] == "知识库中有2个机关的年报，您问的是哪一个？"


def test_the_year_is_said_when_every_body_offered_has_it(three: Answerer) -> None:
    a = three.answer("2023年行政复议哪年最多", Context())
    assert a.options == ["平潭2023年行政复议哪年最多", "淮安市洪泽区2023年行政复议哪年最多"]
    assert a.text.splitlines()[0] == "知识库中有2个机关2023年的年报，您问的是哪一个？"


def test_a_year_no_body_has_is_said_plainly(three: Answerer) -> None:
    a = three.answer("2018年行政复议哪年最多", Context())
    assert (a.status, a.options) == ("unknown", [])
    assert a.text == f"知识库中没有已载入的任何机关2018年的年报。已载入：{LOADED}。"
    named = three.answer("平潭和开封2018年行政复议哪年最多", Context())
    assert named.text == f"知识库中没有平潭综合实验区、开封市人民政府2018年的年报。已载入：{LOADED}。"


def test_one_body_with_the_year_is_answered_without_a_question(three: Answerer) -> None:
    a = three.answer("2021年行政复议哪年最多", Context())  # only 平潭 has 2021
    assert (a.status, a.agency, a.year, a.value) == ("answered", "平潭综合实验区", 2021, 3)


def test_a_plain_question_of_two_years_does_not_claim_both_for_a_body_with_one(three: Answerer) -> None:
    # 开封 has 2019 only, 平潭 both: both offered (开封's reply will say 2021 is not loaded), no years claimed
    a = three.answer("2019年和2021年行政复议多少件", Context())
    assert a.options == ["平潭2019年和2021年行政复议多少件", "开封2019年和2021年行政复议多少件"]
    assert a.text.splitlines()[0] == "知识库中有2个机关的年报，您问的是哪一个？"
