"""Picking an option of a clarify by the words that tell it apart (bot/reply/thread.pick), pinned for the
mutation run of bot/reply/thread.py (issue 25): the reply a person gets after typing a word of one option,
and the option a word picks.

Figures read by hand from knowledge/data/reports/kaifeng-2019.txt: 一、总体情况 “全市共收到政府信息公开申请527件”
(table 三 本年新收 527); table 二 规范性文件 本年新制作 789, 本年新公开 423, 对外公开总数量 815.
"""

from __future__ import annotations

import pytest

from bot.reply import thread
from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer
from knowledge.paths import DATA
from knowledge.store import Store

KF = "开封市人民政府"
NORMATIVE = [f"{KF}2019年规范性文件本年新制作数量是多少", f"{KF}2019年规范性文件本年新公开数量是多少",
             f"{KF}2019年规范性文件对外公开总数量是多少"]
APPLY = ["开封2019年全市共收到政府信息公开申请多少件", "开封2019年上年结转信息公开申请多少件",
         "开封2019年已答复申请多少件", "开封2019年无法提供多少件"]


@pytest.fixture(scope="module")
def kaifeng(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("picks") / "kb"
    assert not ingest([DATA / "reports" / "kaifeng-2019.txt"], Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def talk(answerer: Answerer, *questions: str) -> Answer:
    ctx = Context()
    for q in questions[:-1]:
        answerer.answer(q, ctx)
    return answerer.answer(questions[-1], ctx)


def test_a_word_of_one_option_picks_it(kaifeng: Answerer) -> None:
    a = talk(kaifeng, "开封2019年申请", "全市")
    assert a.text == (f"{KF}2019年本年新收政府信息公开申请527件。\n来源：《开封市人民政府2019年政府信息公开工作年度报告》"
                      "三、收到和处理政府信息公开申请情况，一、本年新收政府信息公开申请数量 · 总计")


def test_a_word_across_the_end_of_what_tells_an_option_apart_picks_it(kaifeng: Answerer) -> None:
    # “总数量” runs from 对外公开总 (what only option 3 has) into 数量是多少 (what all three end with)
    a = talk(kaifeng, "开封2019年规范性文件多少", "总数量")
    assert a.text.split("\n")[0] == f"{KF}2019年规范性文件对外公开总数量815件。"
    assert (a.status, a.value) == ("answered", 815)


def test_a_name_every_option_shares_picks_none_and_the_question_is_asked_again(kaifeng: Answerer) -> None:
    a = talk(kaifeng, "开封2019年规范性文件多少", "开封")
    assert (a.status, a.options) == ("clarify", NORMATIVE)
    assert a.text == "您问的是哪一栏？\n" + "\n".join(f"{i}. {o}" for i, o in enumerate(NORMATIVE, 1))


@pytest.mark.parametrize(("said", "option"), [
    ("新公开", NORMATIVE[1]), ("新制作", NORMATIVE[0]), ("对外公开", NORMATIVE[2]), ("总数量", NORMATIVE[2]),
    ("本年", None), ("数量", None), ("1", NORMATIVE[0]), ("2", NORMATIVE[1]), ("第3个", NORMATIVE[2]), ("4", None), ("0", None),
])
def test_the_words_that_differ_between_columns_pick_that_column(kaifeng: Answerer, said: str, option: str) -> None:
    assert thread.pick(kaifeng, said, NORMATIVE) == option


@pytest.mark.parametrize(("said", "option"), [
    ("无法提供", APPLY[3]), ("已答复", APPLY[2]), ("上年结转", APPLY[1]), ("全市", APPLY[0]), ("开封", None),
])
def test_the_words_of_one_sentence_figure_pick_that_figure(kaifeng: Answerer, said: str, option: str | None) -> None:
    assert thread.pick(kaifeng, said, APPLY) == option


def test_a_reply_to_options_is_read_up_to_200_characters_as_a_question_is(kaifeng: Answerer) -> None:
    options = ["平潭2019年行政复议多少件", "开封2019年行政复议多少件"]
    assert thread.pick(kaifeng, "开封" + "的" * 198, options) == options[1]  # 200 characters: read
    assert thread.pick(kaifeng, "开封" + "的" * 199, options) is None  # 201: not a pick
