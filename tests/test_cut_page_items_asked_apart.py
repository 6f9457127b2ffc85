"""Items named apart on a page cut before its tables (部分公开和上年结转的申请各几件, 自然人和法人): each gets its
own line — the text's figure, or the table said to be missing — never only the one whose words the text
repeats.  Made-up pages (test_prose_for_missing_tables); every expected reply written by hand."""

from __future__ import annotations

import pytest
from kb_files import pages_answerer
from test_prose_for_missing_tables import PAGES as MISSING

from bot.reply.answer import Answerer, Context

BAISHA = ("2022年，白沙镇共受理政府信息依申请公开3件，部分公开1件，上年转结政府信息公开申请2件，转下一年办理1件，"
          "进入行政复议程序和行政诉讼程序均为0件。")
HONGHE = "2022年，新受理政府信息公开申请9件，办结7件，上年转结政府信息公开申请2件，转下一年办理4件。"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return pages_answerer(tmp_path_factory, {n: MISSING[n] for n in ("town.txt", "county.txt", "words.txt")})


@pytest.mark.parametrize(
    ("q", "text"),
    [
        ("白沙镇2022年部分公开和上年结转的申请各几件",
         "白沙镇人民政府2022年部分公开1件（表三缺失（页面在“一”处截断）；此数取自正文“部分公开1件”）。\n"
         f"原文：“{BAISHA}”\n"
         "白沙镇人民政府2022年上年结转政府信息公开申请数量2件（表三缺失（页面在“一”处截断）；此数取自正文“上年转结政府信息公开申请2件”）。\n"
         f"原文：“{BAISHA}”\n来源：《白沙镇2022年政府信息公开工作年度报告》一、总体情况"),
        ("红河县2022年新收和办结的申请各几件",
         "红河县2022年本年新收政府信息公开申请9件（表三缺失（页面在“一”处截断）；此数取自正文“新受理政府信息公开申请9件”）。\n"
         f"原文：“{HONGHE}”\n"
         "红河县2022年本年度办理结果总计7件（表三缺失（页面在“一”处截断）；此数取自正文“办结7件”）。\n"
         f"原文：“{HONGHE}”\n来源：《红河县2022年政府信息公开工作年度报告》一、总体情况"),
    ],
)
def test_each_item_named_apart_gets_its_line(answerer: Answerer, q: str, text: str) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.text) == ("answered", text)


def test_two_columns_of_one_row_both_answered(answerer: Answerer) -> None:
    a = answerer.answer("石门县2022年收到自然人和法人的申请各几件", Context())  # the text says 自然人 only
    assert a.text.splitlines()[0] == ("石门县2022年自然人提出的申请4件（表三缺失（页面在“一”处截断）；"
                                      "此数取自正文“收到依申请公开4件…均为自然人”）。")
    assert "石门县2022年法人或其他组织提出的申请：年报不完整：表三缺失（页面在“一”处截断），报告中没有“法人或其他组织提出的申请”的数字。" \
        in a.text.splitlines()


def test_one_word_read_two_ways_still_takes_the_texts_reading(answerer: Answerer) -> None:
    a = answerer.answer("红河县2022年新收的信息公开申请办结了几件", Context())  # no 和: the sentence says 办结
    assert (a.status, a.value) == ("answered", 7)
