"""Each kind of reply a person gets, with the figures and words written by hand from the documents.

开封 2019 (knowledge/data/reports/kaifeng-2019.txt): 行政复议 19 件 (维持 10, 纠正 2, 其他 2, 未审结 5);
its 五 begins “一是政府信息公开意识有待进一步增强”.  平潭 2019: 行政复议 0 件; its 规范性文件 row prints
“898989” with no separators.  The odd copy of 开封's report (report_fixtures.py) prints “/”, “—” and
a blank in three table 二 cells and has <, >, & and quotes in its title and in one sentence.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_fixtures import ODD_SENTENCE, ODD_TITLE, odd_report

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer
from knowledge.paths import DATA
from knowledge.store import Store


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    folder = tmp_path_factory.mktemp("kinds")
    db = folder / "kb.json"
    summary = ingest([odd_report(folder), DATA / "reports" / "pingtan-2019.txt"], Store(db), Settings())
    assert not summary.failures
    return Answerer(KnowledgeBase.load(db))


def ask(answerer: Answerer, question: str) -> Answer:
    return answerer.answer(question, Context())


def figures(line: str) -> list[str]:
    """The numbers a line states, years (20xx年) left out."""
    return re.findall(r"\d+(?:\.\d+)?", re.sub(r"20\d\d年", "", line))


def test_a_cell_printed_as_slash_is_not_a_number_and_says_so(answerer: Answerer) -> None:
    a = ask(answerer, "开封2019年规章本年新制作数量")
    assert a.status == "unknown" and a.value is None
    first = a.text.split("\n")[0]
    assert "“/”" in first and "规章" in first
    assert "空白" not in a.text
    assert figures(first) == []  # neither 0 nor the neighbouring cells (12, 54)


def test_a_cell_printed_as_dash_is_not_a_number_and_says_so(answerer: Answerer) -> None:
    a = ask(answerer, "开封2019年行政强制本年增减")
    assert a.status == "unknown" and a.value is None
    first = a.text.split("\n")[0]
    assert "“—”" in first and "行政强制" in first
    assert figures(first) == []  # not 0, not 1557 or 12803 beside it


def test_a_blank_cell_is_not_zero(answerer: Answerer) -> None:
    a = ask(answerer, "开封2019年行政处罚本年增/减多少")
    assert a.status == "unknown" and a.value is None
    first = a.text.split("\n")[0]
    assert "空白" in first and "行政处罚" in first
    assert "“/”" not in first
    assert figures(first) == []


def test_the_cell_beside_a_blank_one_is_still_answered(answerer: Answerer) -> None:
    a = ask(answerer, "开封2019年行政处罚处理决定数量")
    assert (a.status, a.value) == ("answered", 20815)
    assert "20815件" in a.text


def test_a_run_of_digits_that_cannot_be_split_gives_no_number(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2019年规范性文件本年新制作数量")
    assert a.status == "unknown" and a.value is None
    assert "898989" in a.text and "无法确定" in a.text
    assert "来源：" in a.text and "平潭" in a.text


def test_unknown_agency_names_what_is_loaded(answerer: Answerer) -> None:
    a = ask(answerer, "北京市海淀区2019年行政复议多少件")
    assert a.status == "unknown" and a.value is None
    assert "北京" in a.text and "没有" in a.text
    # the reason is the agency, and the reply lists what can be asked instead
    assert "开封市人民政府" in a.text and "平潭综合实验区" in a.text and "2019" in a.text
    assert "19件" not in a.text and "0件" not in a.text


def test_unknown_year_names_the_year_and_what_is_loaded(answerer: Answerer) -> None:
    a = ask(answerer, "开封2018年行政复议多少件")
    assert a.status == "unknown" and a.value is None
    assert "2018" in a.text and "没有" in a.text
    assert "开封市人民政府（2019年）" in a.text
    assert "19件" not in a.text


def test_two_agencies_clarify_with_options_and_each_option_answers(answerer: Answerer) -> None:
    a = ask(answerer, "2019年行政复议多少件")
    assert a.status == "clarify" and a.value is None
    assert sorted(a.options) == ["平潭2019年行政复议多少件", "开封2019年行政复议多少件"]
    for i, option in enumerate(a.options, 1):
        assert f"{i}. {option}" in a.text
    picked = {o[:2]: ask(answerer, o) for o in a.options}
    assert (picked["开封"].status, picked["开封"].value) == ("answered", 19)
    assert "结果维持10件" in picked["开封"].text and "尚未审结5件" in picked["开封"].text
    assert (picked["平潭"].status, picked["平潭"].value) == ("answered", 0)


def test_a_section_answer_quotes_the_section_and_names_it(answerer: Answerer) -> None:
    a = ask(answerer, "开封2019年存在的主要问题")
    assert a.status == "answered"
    assert (a.section or "").startswith("五")
    assert "政府信息公开意识有待进一步增强" in a.text
    assert "对新《条例》的贯彻落实不够深入" in a.text
    assert "来源：" in a.text and "五、存在的主要问题及改进情况" in a.text


def test_a_prose_figure_keeps_the_sentence_as_printed(answerer: Answerer) -> None:
    a = ask(answerer, "开封2019年领导信箱办结多少条")
    assert (a.status, a.value) == ("answered", 839)
    assert ODD_SENTENCE in a.text
    assert ODD_TITLE in a.text  # the plain-text source line names the report by its full title


def test_no_reports_loaded_says_so(tmp_path: Path) -> None:
    db = tmp_path / "empty.json"
    ingest([], Store(db), Settings())
    a = Answerer(KnowledgeBase.load(db), warm=False).answer("开封2019年行政复议多少件", Context())
    assert a.status == "unknown" and "还没有报告" in a.text


def test_a_year_whose_cell_is_slash_says_why_beside_the_other_years_figure(tmp_path: Path) -> None:
    # the odd 2019 copy prints “/” for 规章 本年新制作数量; a 2020 copy of the bundled report prints 12
    text = (DATA / "reports" / "kaifeng-2019.txt").read_text(encoding="utf-8")
    later = tmp_path / "kaifeng-2020.txt"
    later.write_text(text.replace("# 开封市人民政府2019年", "# 开封市人民政府2020年", 1), encoding="utf-8")
    db = tmp_path / "kb.json"
    assert not ingest([odd_report(tmp_path), later], Store(db), Settings()).failures
    a = Answerer(KnowledgeBase.load(db), warm=False).answer("开封2019年和2020年规章本年新制作数量分别多少", Context())
    assert (a.status, a.value, a.year, a.series) == (
        "answered", 12, 2020, [{"agency": "开封市人民政府", "year": 2020, "value": 12}])
    assert a.text.split("\n")[0] == ("开封市人民政府规章本年新制作数量（2019、2020年）："
                                     "2019年：规章本年新制作数量：报告中该栏填“/”（不适用），不能给出数字；2020年：12件。")


T2 = "二、主动公开政府信息情况"


@pytest.mark.parametrize(("q", "agency", "year", "field"), [
    ("开封2019年规章本年新制作数量", "开封市人民政府", 2019, "active.rule/new_made"),      # “/”
    ("开封2019年行政强制本年增减", "开封市人民政府", 2019, "active.coercion/change"),     # “—”
    ("开封2019年行政处罚本年增/减多少", "开封市人民政府", 2019, "active.penalty/change"),  # blank
    ("平潭2019年规范性文件本年新制作数量", "平潭综合实验区", 2019, "active.normative/new_made"),  # 898989
])  # fmt: skip
def test_a_cell_without_a_figure_still_names_what_was_asked_and_where(answerer: Answerer, q: str, agency: str,
                                                                      year: int, field: str) -> None:
    # `ask --json` and the inline result's description (来源：title · section) come from these fields
    from bot.tg.inline import source_line

    a = ask(answerer, q)
    assert (a.status, a.value, a.agency, a.year, a.field, a.section) == ("unknown", None, agency, year, field, T2)
    title = ODD_TITLE if agency.startswith("开封") else "平潭综合实验区2019年度政府信息公开工作年度报告"
    assert source_line(a) == f"来源：{title} · {T2}"
