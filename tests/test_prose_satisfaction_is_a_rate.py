"""满意度 asked of a report's text is a percentage the text states: never a count in a sentence that names a
satisfaction survey (发放满意度调查问卷200份).  Made-up pages; expected replies written by hand."""

from __future__ import annotations

import pytest
from kb_files import pages_answerer

from bot.reply.answer import Answerer, Context

PAGES = {
    "survey.txt": "桃源县2022年政府信息公开工作年度报告\n一、总体情况\n2022年，桃源县主动公开政府信息800条。发放满意度调查问卷200份。\n",
    "rate.txt": "杏林镇2022年政府信息公开工作年度报告\n一、总体情况\n2022年，杏林镇主动公开政府信息800条。发放满意度调查问卷200份，"
                "群众满意度达96%。\n",
}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return pages_answerer(tmp_path_factory, PAGES)


def test_a_count_of_questionnaires_is_no_satisfaction(answerer: Answerer) -> None:
    a = answerer.answer("桃源县2022年满意度是多少", Context())
    assert a.status == "unknown"
    assert "200" not in a.text


def test_the_percentage_stated_is_the_satisfaction(answerer: Answerer) -> None:
    a = answerer.answer("杏林镇2022年满意度是多少", Context())
    assert (a.status, a.value, a.unit) == ("answered", 96, "%")
    assert a.text.startswith("杏林镇人民政府2022年：群众满意度达96%。")
