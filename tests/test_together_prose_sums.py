"""Two things asked added that one sentence of the report's prose prints each (together.prose_sum_refused and
_prose_sum): the whole reply — the sum's line, the quoted sentence, the source — its value (an int for whole
numbers, a decimal kept), unit, formula and terms; and the refusal's whole reply when the sentence does not
print both.  Made-up pages; every expected value written by hand from their sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

JS_SENTENCE = "2022年，办理人大代表建议23件、政协提案31件，开展在线访谈4次。"
JK_SENTENCE = "2022年，收取信息处理费1.5万元、复制费0.7万元，办理人大代表建议2件。"
TAIL = "全年办理人大代表建议6件、政协提案8件，开展在线访谈5次。"
# 81 and 80 characters: a refusal quotes a sentence of up to 80 whole, a longer one by its last 80 (its figures
# stand at its end)
LONG = "2022年，坚持以公开为常态、不公开为例外，坚持以公开为常态、不公开为例外，进一步提升政务公开工作质量，" + TAIL
EIGHTY = "2022年，坚持以公开为常态、不公开为例外，坚持以公开为常态、不公开为例外，持续提升政务公开工作质量，" + TAIL
PAGES = {
    "sums.txt": f"金山区2022年政府信息公开工作年度报告\n一、总体情况\n{JS_SENTENCE}"
                "通过门户网站发布信息900条，其中概况类信息12条、政务动态类信息80条。\n",
    "fees.txt": f"江口县2022年政府信息公开工作年度报告\n一、总体情况\n{JK_SENTENCE}\n",
    "long.txt": f"石阡县2022年政府信息公开工作年度报告\n一、总体情况\n{LONG}\n",
    "eighty.txt": f"印江县2022年政府信息公开工作年度报告\n一、总体情况\n{EIGHTY}\n",
}
JS_SOURCE = "来源：《金山区2022年政府信息公开工作年度报告》一、总体情况"
JK_SOURCE = "来源：《江口县2022年政府信息公开工作年度报告》一、总体情况"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("prose_sums")
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert not ingest(sorted(folder.glob("*.txt")), Store(folder / "kb"), Settings()).failures
    return folder / "kb"


@pytest.fixture(scope="module")
def answerer(db: Path) -> Answerer:
    return Answerer(KnowledgeBase.load(db))


def test_two_counts_of_one_sentence_added_whole_reply(answerer: Answerer) -> None:
    a = answerer.answer("金山区2022年人大代表建议和政协提案一共办理多少件", Context())
    assert (a.status, a.agency, a.year, a.value, a.unit) == ("answered", "金山区", 2022, 54, "件")
    assert (a.formula, a.field) == ("23 + 31 = 54", "sum.prose")
    assert a.breakdown == [("办理人大代表建议23件", 23), ("政协提案31件", 31)]
    assert a.text == ("金山区2022年人大代表建议和政协提案合计54件（报告正文分别写有“办理人大代表建议23件”、“政协提案31件”，"
                      f"由这两个数相加：23 + 31 = 54）。\n原文：“{JS_SENTENCE}”\n{JS_SOURCE}")


def test_a_whole_sum_is_printed_as_a_whole_number_in_ask_json(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--db", str(db), "--json", "金山区2022年人大代表建议和政协提案一共办理多少件"]) == 0
    out = capsys.readouterr().out
    assert '"value": 54,' in out  # not 54.0
    assert json.loads(out)["unit"] == "件"


@pytest.mark.parametrize("q", [
    "金山区2022年建议和提案一共多少件",  # two characters each: still names one figure each
    "金山区2022年人大代表建议和政协提案办理的一共多少件",  # “…办理的” is not part of the item's name
    "金山区2022年人大代表建议 和 政协提案 一共办理多少件",  # spaces are not part of the names
])
def test_the_items_as_said_find_their_figures(answerer: Answerer, q: str) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.value, a.formula) == ("answered", 54, "23 + 31 = 54")


def test_amounts_with_decimals_are_added_exactly_with_their_unit(answerer: Answerer) -> None:
    a = answerer.answer("江口县2022年信息处理费和复制费一共多少万元", Context())
    assert (a.status, a.agency, a.year, a.value, a.unit) == ("answered", "江口县", 2022, 2.2, "万元")
    assert (a.formula, a.field) == ("1.5 + 0.7 = 2.2", "sum.prose")
    assert a.breakdown == [("收取信息处理费1.5万元", 1.5), ("复制费0.7万元", 0.7)]
    assert a.text == ("江口县2022年信息处理费和复制费合计2.2万元（报告正文分别写有“收取信息处理费1.5万元”、“复制费0.7万元”，"
                      f"由这两个数相加：1.5 + 0.7 = 2.2）。\n原文：“{JK_SENTENCE}”\n{JK_SOURCE}")


def test_figures_of_two_units_are_refused_with_the_sentence_quoted(answerer: Answerer) -> None:
    a = answerer.answer("金山区2022年人大代表建议和在线访谈一共多少", Context())
    assert (a.status, a.agency, a.year, a.value, a.formula) == ("unknown", "金山区", 2022, None, None)
    assert a.text == f"报告正文没有给出这几项加在一起的数字（原文：“{JS_SENTENCE}”）；可以分别问它们的数字。"


def test_a_sentence_over_80_characters_is_quoted_by_its_last_80(answerer: Answerer) -> None:
    assert len(LONG) == 81
    a = answerer.answer("石阡县2022年人大代表建议和在线访谈一共多少", Context())
    assert (a.status, a.agency, a.year) == ("unknown", "石阡县", 2022)
    assert a.text == ("报告正文没有给出这几项加在一起的数字（原文：“…022年，坚持以公开为常态、不公开为例外，坚持以公开为常态、不公开为例外，"
                      f"进一步提升政务公开工作质量，{TAIL}”）；可以分别问它们的数字。")


def test_a_sentence_of_80_characters_is_quoted_whole(answerer: Answerer) -> None:
    assert len(EIGHTY) == 80
    a = answerer.answer("印江县2022年人大代表建议和在线访谈一共多少", Context())
    assert (a.status, a.agency, a.year) == ("unknown", "印江县", 2022)
    assert a.text == f"报告正文没有给出这几项加在一起的数字（原文：“{EIGHTY}”）；可以分别问它们的数字。"
