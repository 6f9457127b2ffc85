"""The questions back of bot/reply/answer.py, whole: which reading of an item (with the body and the years the
question named, as `ask --json` shows them), which body for years several bodies have, which place was meant.

Reports: knowledge/data/reports/kaifeng-2019.txt and pingtan-2019/2021/2023.txt (开封 has 2019 only, 平潭 all three).
"""

from __future__ import annotations

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer
from knowledge.paths import DATA
from knowledge.store import Store

PT = "平潭综合实验区"
WHICH = "这个问题可以有几种理解，您问的是哪一个？"


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("questions-back") / "kb.json"
    files = [DATA / "reports" / n for n in ("kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt")]
    assert not ingest(files, Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def numbered(options: list[str]) -> str:
    return "".join(f"\n{i}. {o}" for i, o in enumerate(options, 1))


@pytest.mark.parametrize(("q", "year", "options"), [
    # 结果纠正 is a result of 行政复议 and of 行政诉讼: the body and the years asked go into both options
    ("平潭2023年结果纠正多少", 2023, ["平潭2023年行政复议结果纠正是多少", "平潭2023年行政诉讼结果纠正是多少"]),
    ("平潭结果纠正多少", None, ["平潭行政复议结果纠正是多少", "平潭行政诉讼结果纠正是多少"]),
    ("平潭2021年和2023年结果纠正多少", None,
     ["平潭2021、2023年行政复议结果纠正是多少", "平潭2021、2023年行政诉讼结果纠正是多少"]),
])  # fmt: skip
def test_which_reading_keeps_the_body_and_years_asked(four: Answerer, q: str, year: int | None, options: list[str]) -> None:
    a: Answer = four.answer(q, Context())
    assert (a.status, a.agency, a.year, a.value, a.options) == ("clarify", PT, year, None, options)
    assert a.text == WHICH + numbered(options)


def test_which_body_for_two_years_claims_no_year_one_of_them_lacks(four: Answerer) -> None:
    # 开封 has 2019 only: “有2个机关2019、2021年的年报” would be untrue
    a = four.answer("2019年和2021年行政复议多少件", Context())
    options = ["平潭2019年和2021年行政复议多少件", "开封2019年和2021年行政复议多少件"]
    assert (a.status, a.agency, a.year, a.options) == ("clarify", None, None, options)
    assert a.text == "知识库中有2个机关的年报，您问的是哪一个？" + numbered(options)


def test_a_misspelt_place_said_twice_is_corrected_in_both_places(four: Answerer) -> None:
    a = four.answer("平谭2023年比平谭2021年行政复议多多少", Context())
    assert (a.status, a.options) == ("clarify", ["平潭2023年比平潭2021年行政复议多多少"])
    assert a.text == "知识库中没有“平谭”的年报。您是指“平潭”吗？\n1. 平潭2023年比平潭2021年行政复议多多少"


def test_a_misspelt_place_said_once_is_corrected_where_it_is_said(four: Answerer) -> None:
    a = four.answer("开风2019年行政复议多少件", Context())
    assert (a.status, a.options) == ("clarify", ["开封2019年行政复议多少件"])
    assert a.text == "知识库中没有“开风”的年报。您是指“开封”吗？\n1. 开封2019年行政复议多少件"
