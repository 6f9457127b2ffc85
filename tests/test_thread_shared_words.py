"""A word typed after a clarify that more than one option holds picks none of them (bot/reply/thread.pick and
_distinct), and a follow-up keeps the body, the row and the table of the last question (whole, _who,
_only_columns, _without); pinned for the mutation run of bot/reply/thread.py (issue 25).

Figures read by hand from knowledge/data/reports/kaifeng-2019.txt: 一、总体情况 “政府信息公开共收到行政复议19件
（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）、行政诉讼32件，其中未经复议直接起诉28件…，复议后起诉4件”;
table 三 (一) 予以公开: 自然人 302, 商业企业 37, 科研机构 1 … 总计 342; table 三 本年新收 527.
"""

from __future__ import annotations

import pytest
from kb_files import KAIFENG, bundled_answerer

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer
from knowledge.store import Store

KF = "开封市人民政府"
KF_SRC = f"来源：《{KF}2019年政府信息公开工作年度报告》"
REVIEW = "四、政府信息公开行政复议、行政诉讼情况"
SIMILAR = "报告中有几处相近的数字，您问的是哪一个？\n"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt",
                            "pingtan-2023.txt", "hongze-2023.pdf")


@pytest.fixture(scope="module")
def two_kaifengs(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    """开封市 and a 开封县 (the 开封 2019 report under the county's name): both are “开封” said short."""
    folder = tmp_path_factory.mktemp("two")
    county = folder / "kaifengxian-2019.txt"
    county.write_text(KAIFENG.read_text(encoding="utf-8").replace("开封市", "开封县"), encoding="utf-8")
    db = folder / "kb.json"
    assert not ingest([KAIFENG, county], Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def talk(answerer: Answerer, *questions: str) -> Answer:
    ctx = Context()
    for q in questions[:-1]:
        answerer.answer(q, ctx)
    return answerer.answer(questions[-1], ctx)


def _numbered(*options: str) -> str:
    return "\n".join(f"{i}. {o}" for i, o in enumerate(options, 1))


def test_a_word_both_options_hold_picks_neither(answerer: Answerer) -> None:
    # 信息 is in 共公布政府信息 and in 采购项目信息: it was read as option 1 and answered 2599 (a wrong pick)
    a = talk(answerer, "平潭综合实验区2019年政府信息公开申请", "信息")
    assert a.status == "clarify"
    assert a.text == SIMILAR + _numbered("平潭2019年我区政府信息公开单位共公布政府信息多少条", "平潭2019年全年共发布多少条信息",
                                         "平潭2019年医用耗材价格等信息多少条", "平潭2019年今年共发布多少条财政资金信息")

