"""A way forward instead of a dead end: a body or year alone asks which item (the most asked ones as
options); words close to one item offer it; words the reports do not know are named. Every option,
put back as a question, is answered with the report's figure (values written by hand from 开封2019
and 平潭2023)."""

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
def multi(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("suggest") / "kb.json"
    files = [REPORTS / n for n in ("kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2023.txt")]
    ingest(files, Store(db), Settings())
    return Answerer(KnowledgeBase.load(db))


def test_a_body_alone_asks_which_item_with_the_most_asked_ones(multi: Answerer) -> None:
    ans = multi.answer("开封", Context())
    assert ans.status == "clarify"
    assert ans.options[:4] == ["开封2019年收到的政府信息公开申请多少件", "开封2019年予以公开多少件",
                               "开封2019年不予公开多少件", "开封2019年行政复议多少件"]
    assert multi.answer(ans.options[3], Context()).value == 19


def test_a_body_and_year_alone_asks_which_item_of_that_year(multi: Answerer) -> None:
    ans = multi.answer("平潭2023年", Context())
    assert ans.status == "clarify"
    assert ans.options[0] == "平潭2023年收到的政府信息公开申请多少件"
    assert multi.answer(ans.options[0], Context()).value == 81


def test_a_body_without_a_year_is_offered_its_newest_report(multi: Answerer) -> None:
    ans = multi.answer("平潭", Context())
    assert ans.status == "clarify"
    assert ans.options[4] == "平潭2023年行政诉讼多少件"
    assert multi.answer(ans.options[4], Context()).value == 7


@pytest.mark.parametrize("q,said,item,value", [
    ("开封2019年不掌控相关信息的多少件", "不掌控", "本机关不掌握相关政府信息", 54),
    ("开封2019年部分公示的多少", "部分公示", "部分公开", 30),
    ("开封2019年本机关不拥有的信息多少", "本机关不拥有", "本机关不掌握相关政府信息", 54),
])
def test_words_close_to_one_item_offer_it_and_the_option_answers(multi: Answerer, q: str, said: str, item: str,
                                                                  value: int) -> None:
    ans = multi.answer(q, Context())
    assert ans.status == "clarify"
    assert f"报告中没有“{said}”这一项。您是想问“{item}”吗？" in ans.text
    assert ans.options == [f"开封2019年{item}多少件"]
    assert multi.answer(ans.options[0], Context()).value == value


@pytest.mark.parametrize("q,named", [("开封2019年律师费", "律师费"), ("开封2019年大闸蟹多少钱一斤", "大闸蟹")])
def test_a_word_the_reports_do_not_know_is_named(multi: Answerer, q: str, named: str) -> None:
    ans = multi.answer(q, Context())
    assert ans.status == "unknown"
    assert ans.text.startswith(f"开封市人民政府2019年的年报中没有找到“{named}")  # the report asked, named
    assert ans.value is None


def test_filler_after_a_body_is_not_asked_back(multi: Answerer) -> None:
    assert multi.answer("开封的到", Context()).status == "unknown"


def test_an_operation_without_an_item_asks_which_item(multi: Answerer) -> None:
    ans = multi.answer("平潭哪年最多", Context())
    assert ans.status == "clarify"
    assert ans.options[3] == "平潭行政复议哪年最多"
    picked = multi.answer(ans.options[3], Context())
    assert picked.status == "answered"
    assert "2023年最多：2件" in picked.text  # 平潭 2019: 0, 2023: 2 (pingtan-2021 not loaded here)
