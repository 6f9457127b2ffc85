"""Section 五 asked whole or over the years, never cut inside a sentence; a rate the report's text states
is quoted beside the table's arithmetic, never called “报告未直接给出” (平潭's three reports; expected
text written by hand from them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

REPORTS = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "reports"


@pytest.fixture(scope="module")
def pingtan(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("pt") / "kb.json"
    ingest([REPORTS / n for n in ("pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt")], Store(db), Settings())
    return Answerer(KnowledgeBase.load(db))


def test_problems_and_improvements_asked_together_give_the_whole_section(pingtan: Answerer) -> None:
    ans = pingtan.answer("平潭2023年存在的问题和改进措施", Context())
    assert ans.status == "answered"
    assert ans.text.startswith("平潭综合实验区2023年存在的主要问题及改进情况：\n存在的问题主要有以下几个方面：一是部分单位")
    assert "2024年，我区将采取以下措施加以改进：" in ans.text
    assert "一是加大政务公开检查力度" in ans.text


def test_the_problems_stop_before_the_sentence_that_turns_to_improvements(pingtan: Answerer) -> None:
    problems = pingtan.answer("平潭2023年存在的主要问题", Context()).text
    assert "更加“接地气”" in problems
    assert "2024年" not in problems  # the turn “2024年，我区将采取以下措施加以改进” goes whole to the improvements
    improve = pingtan.answer("平潭2023年改进措施", Context()).text
    assert improve.split("\n")[1].startswith("2024年，我区将采取以下措施加以改进：")


def test_each_years_problems(pingtan: Answerer) -> None:
    ans = pingtan.answer("平潭历年存在的主要问题", Context())
    assert ans.status == "answered"
    for year, words in ((2019, "个别部门对政府信息公开工"), (2021, "政策解读形式不够丰富"), (2023, "信息发布属性界定")):
        assert f"平潭综合实验区{year}年存在的主要问题：" in ans.text
        assert words in ans.text


@pytest.mark.parametrize("q,value,said", [
    ("平潭2023年不予公开占比多少", 6.17, "不予公开5件，占6.17%"),
    ("平潭2023年无法提供的占比是多少", 38.27, "无法提供31件，占38.27%"),
])
def test_a_rate_the_text_states_is_quoted(pingtan: Answerer, q: str, value: float, said: str) -> None:
    ans = pingtan.answer(q, Context())
    assert (ans.status, ans.value, ans.section) == ("answered", value, "三、收到和处理政府信息公开申请情况")
    assert said in ans.text
    assert "报告未直接给出" not in ans.text


def test_a_rate_the_text_does_not_state_is_computed_and_says_so(pingtan: Answerer) -> None:
    ans = pingtan.answer("平潭2023年予以公开占比", Context())  # the text gives 予以公开及部分公开 together only
    assert ans.value == 27.16  # 22 ÷ 81
    assert "报告未直接给出，由表中数字计算" in ans.text


def test_a_follow_up_of_a_prose_figure_asks_the_same_words_in_the_other_year(pingtan: Answerer) -> None:
    ctx = Context()
    first = pingtan.answer("平潭2023年政策解读多少篇", ctx)
    assert first.value == 117
    again = pingtan.answer("那2021年呢", ctx)  # 平潭2021's text gives no count of 政策解读
    assert again.status == "unknown"
    assert again.text.startswith("平潭综合实验区2021年的年报中没有找到“政策解读”的数字或内容。可以问：")
    assert "报告正文中的数字" not in again.text
    back = pingtan.answer("那2023年呢", ctx)
    assert back.value == 117
