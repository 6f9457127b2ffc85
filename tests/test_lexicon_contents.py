"""What the question vocabulary holds once loaded (bot.understand.lexicon): the template's printed labels as
staff paste them, and knowledge/data/synonyms.json's typos, stopwords, weak and general words, the questions
most asked, ambiguous words, sub-sections, prose figures and agency abbreviations — written by hand from
knowledge/data/catalogue.json and synonyms.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.understand import lexicon
from bot.understand.lexicon import Concept
from knowledge import catalogue


@pytest.fixture(scope="module")
def lex() -> lexicon.Lexicon:
    return lexicon.load()


@pytest.fixture(scope="module")
def printed() -> dict[str, dict[str, list[str]]]:
    return lexicon.printed_labels(catalogue.default())


@pytest.mark.parametrize(
    ("kind", "cid", "aliases"),
    [
        ("apply_rows", "apply.new", ["一、本年新收政府信息公开申请数量", "一.本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量"]),
        ("apply_rows", "apply.total", ["(七)总计"]),  # 总计 alone says no row
        ("apply_rows", "apply.other.other", ["3.其他", "3、其他"]),
        ("apply_rows", "apply.partial", ["(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
                                         "部分公开(区分处理的,只计这一情形,不计其他情形)", "(二)部分公开", "部分公开"]),
        ("apply_rows", "apply.withheld.law", ["2.其他法律行政法规禁止公开", "2、其他法律行政法规禁止公开", "其他法律行政法规禁止公开",
                                              "2.其他法律法规禁止公开", "2、其他法律法规禁止公开", "其他法律法规禁止公开",
                                              "2.其他法律行政止公开", "2、其他法律行政止公开", "其他法律行政止公开"]),
        ("apply_rows", "apply.withheld.security", ["3.危及三安全一稳定", "3、危及三安全一稳定", "危及三安全一稳定"]),
        # the short form the catalogue gives is a form of its own, numbered too
        ("apply_rows", "apply.other.no_correction", [
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "1.申请人无正当理由逾期不补正", "1、申请人无正当理由逾期不补正", "申请人无正当理由逾期不补正"]),
        ("apply_rows", "apply.carried_out", ["四、结转下年度继续办理", "四.结转下年度继续办理", "结转下年度继续办理"]),
        ("applicants", "natural", ["自然人"]),
        ("applicants", "other_org", ["其他"]),
        ("applicants", "legal_person", ["法人或其他组织"]),
        ("review_groups", "review", ["行政复议"]),
        ("review_groups", "litigation", ["行政诉讼"]),
        ("review_groups", "litigation.after_review", ["复议后起诉"]),
        ("review_columns", "total", ["总计"]),
        ("review_columns", "pending", ["尚未审结"]),
        ("active_rows", "active.rule", ["规章"]),
        ("active_rows", "active.normative", ["行政规范性文件", "规范性文件"]),  # longest first
        ("active_rows", "active.other_service", ["其他对外管理服务事项"]),
        ("active_columns", "change", ["本年增/减"]),
        ("active_columns", "decisions", ["处理决定数量", "本年处理决定数量"]),
        ("active_columns", "amount", ["采购总金额", "本年收费金额"]),
        ("headers", "apply.results", ["三、本年度办理结果", "三.本年度办理结果", "本年度办理结果"]),
        ("headers", "apply.applicants", ["申请人情况"]),
        ("headers", "active.content", ["信息内容"]),
        ("headers", "apply.corner", ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)",
                                     "第一项加第二项之和,等于第三项加第四项之和"]),
        ("headers", "table.二", ["二、主动公开政府信息情况", "二.主动公开政府信息情况", "主动公开政府信息情况"]),
        ("headers", "table.三", ["三、收到和处理政府信息公开申请情况", "三.收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况"]),
        ("headers", "table.四", ["四、政府信息公开行政复议、行政诉讼情况", "四.政府信息公开行政复议、行政诉讼情况",
                                 "政府信息公开行政复议、行政诉讼情况"]),
    ],
)
def test_printed_labels(printed: dict[str, dict[str, list[str]]], kind: str, cid: str, aliases: list[str]) -> None:
    assert printed[kind][cid] == aliases


def test_block_headers(printed: dict[str, dict[str, list[str]]]) -> None:
    assert list(dict.fromkeys(printed["active_blocks"]["六"])) == ["第二十条第(六)项", "第二十条(六)项"]
    assert set(printed["active_blocks"]) == {"一", "五", "六", "八", "九"}


def test_the_default_column_and_sections_without_a_table_are_no_printed_alias(printed: dict) -> None:
    assert "total" not in printed["applicants"]
    assert set(printed["headers"]) == {"apply.results", "apply.applicants", "active.content", "apply.corner",
                                       "table.二", "table.三", "table.四"}


@pytest.mark.parametrize(
    ("label", "heads", "body"),
    [
        ("（七）总计", ["(七)"], "总计"),
        ("3.其他", ["3.", "3、"], "其他"),
        ("3．其他", ["3.", "3、"], "其他"),
        ("12、重复申请", ["12.", "12、"], "重复申请"),
        ("一、本年新收", ["一、", "一."], "本年新收"),
        ("十.本年新收", ["十、", "十."], "本年新收"),
        ("“危及 三安全一稳定”", [], "危及三安全一稳定"),
    ],
)
def test_how_a_label_s_numbering_is_typed(label: str, heads: list[str], body: str) -> None:
    assert lexicon.numbered(label) == (heads, body)


def test_typos_longest_first(lex: lexicon.Lexicon) -> None:
    assert lex.typos == [
        ("信访投诉举报", "信访举报投诉"), ("复议后起述", "复议后起诉"), ("规范性文档", "规范性文件"),
        ("行政附议", "行政复议"), ("行政复义", "行政复议"), ("行政服议", "行政复议"), ("行政诉松", "行政诉讼"),
        ("行政速讼", "行政诉讼"), ("予与公开", "予以公开"), ("于以公开", "予以公开"), ("不与公开", "不予公开"),
        ("不于公开", "不予公开"), ("不与处理", "不予处理"), ("不于处理", "不予处理"), ("予已公开", "予以公开"),
        ("部份公开", "部分公开"), ("附议", "复议"), ("诉松", "诉讼")]


def test_words_of_the_data_file(lex: lexicon.Lexicon) -> None:
    assert {"多少", "几件", "请问", "总计", "比", "较"} <= lex.stopwords and len(lex.stopwords) == 331
    assert lex.weak == frozenset({"其他"})
    assert lex.general == frozenset({"申请数量", "申请量", "申请总数", "申请件数", "申请的数量", "提出", "提交", "提了",
                                     "申请了", "申请总量", "依申请公开", "申请收了", "申请情况", "申请数"})
    assert lex.most_asked == [("收到的政府信息公开申请", "多少件"), ("予以公开", "多少件"), ("不予公开", "多少件"),
                              ("行政复议", "多少件"), ("行政诉讼", "多少件"), ("主动公开政府信息", "多少条")]
    carried = [Concept("apply_rows", "apply.carried_in"), Concept("apply_rows", "apply.carried_out")]
    assert lex.ambiguous == {"结转": carried, "转结": carried}
    assert lex.equivalents == {"new_made": "issued", "issued": "new_made"}
    assert lex.sub_sections == {"一.active": ["主动公开"], "一.apply": ["依申请"], "一.manage": ["信息管理", "规范化", "管理"],
                                "一.platform": ["平台"], "一.supervise": ["监督", "保障", "培训"]}


def test_prose_figures(lex: lexicon.Lexicon) -> None:
    assert [(k, asked) for k, asked, _ in lex.prose_concepts][1:] == [
        ("interpretation", ["政策解读"]), ("fee", ["信息处理费"]), ("press", ["新闻发布会"]), ("training", ["培训"])]
    assert lex.prose_concepts[0][0] == "active_total" and "公开政府信息" in lex.prose_concepts[0][1]
    clause = dict((k, c) for k, _, c in lex.prose_concepts)
    assert clause["active_total"].search("全年主动公开政府信息1234条")
    assert clause["interpretation"].search("发布政策解读32篇")


def test_agency_abbreviations_longest_first(lex: lexicon.Lexicon) -> None:
    assert lex.abbreviations[:2] == [("人力资源和社会保障", "人社"), ("经济和信息化委员会", "经信委")]
    assert lex.abbreviations[-1] == ("生态环境", "环保")
    assert [s for long, s in lex.abbreviations if long == "发展和改革局"] == ["发改局", "发改委"]
    assert [s for long, s in lex.abbreviations if long == "市场监督管理"] == ["市场监管", "市场"]
    assert len(lex.abbreviations) == 31


def test_aliases_longest_first_and_the_printed_ones_taken_first(lex: lexicon.Lexicon) -> None:
    lengths = [len(a) for a in lex.words()]
    assert lengths == sorted(lengths, reverse=True)
    assert dict(lex.aliases)["其他"] == [Concept("applicants", "other_org")]
    assert dict(lex.aliases)["(七)总计"] == [Concept("apply_rows", "apply.total")]
    assert {"(七)总计", "3.其他", "3、其他", "一、本年新收政府信息公开申请数量", "第二十条第(六)项", "申请人情况",
            "申请人都是谁", "三、本年度办理结果"} <= lex.exclusive
    assert not {"总计", "行政复议", "其他", "本年新收政府信息公开申请数量", "行政处罚"} & lex.exclusive
    assert lex.by_concept[Concept("review_groups", "review")] == ["行政复议", "复议"]
    assert lex.by_concept[Concept("apply_rows", "apply.other.other")] == ["3.其他", "3、其他"]


def test_every_alias_is_found_by_the_automaton(lex: lexicon.Lexicon) -> None:
    found = {lex.aliases[rank][0] for _, rank in lex.automaton.iter("三、本年度办理结果(七)总计自然人行政复议")}
    assert {"三、本年度办理结果", "本年度办理结果", "(七)总计", "自然人", "行政复议", "复议"} <= found


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "synonyms.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_small_file(tmp_path: Path) -> None:
    lex = lexicon.load(_write(tmp_path, {
        "_about": "x", "apply_rows": {"_note": ["笔记"], "apply.new": ["收到", "新收"]},
        "review_columns": {"corrected": ["纠正"]}, "active_columns": {"corrected": ["纠正"]},
        "ambiguous": {"_about": "x", "收纠": ["apply.new", "corrected"]},
        "prose_concepts": {"_about": "x", "press": {"asked": ["发布会"], "clause": "发布会"}},
        "agency_abbreviations": {"发展和改革局": ["发改局", "发改委"], "应急管理": "应急"}}))
    assert Concept("apply_rows", "_note") not in lex.by_concept
    assert lex.by_concept[Concept("apply_rows", "apply.new")][:2] == ["收到", "新收"]
    assert "(七)总计" in lex.by_concept[Concept("apply_rows", "apply.total")]  # the printed labels all the same
    assert dict(lex.aliases)["纠正"] == [Concept("review_columns", "corrected"), Concept("active_columns", "corrected")]
    assert set(lex.ambiguous) == {"收纠"}
    assert [k for k, _, _ in lex.prose_concepts] == ["press"]
    assert lex.abbreviations == [("发展和改革局", "发改局"), ("发展和改革局", "发改委"), ("应急管理", "应急")]
    assert (lex.typos, lex.stopwords, lex.weak, lex.general, lex.most_asked, lex.equivalents, lex.sub_sections) == (
        [], frozenset(), frozenset(), frozenset(), [], {}, {})


def test_a_printed_label_also_in_the_file_is_listed_once(tmp_path: Path) -> None:
    lex = lexicon.load(_write(tmp_path, {"apply_rows": {"apply.total": ["总计行", "(七)总计"]}}))
    assert lex.by_concept[Concept("apply_rows", "apply.total")] == ["总计行", "(七)总计"]


def test_two_concepts_of_one_kind_named_by_one_word_is_an_error_naming_both(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"^synonyms: alias '收到' names both apply.new and apply.total \(apply_rows\)$"):
        lexicon.load(_write(tmp_path, {"apply_rows": {"apply.new": ["收到"], "apply.total": ["收到"]}}))
    with pytest.raises(ValueError, match=r"alias '\(七\)总计' names both apply.new and apply.total"):
        lexicon.load(_write(tmp_path, {"apply_rows": {"apply.new": ["(七)总计"]}}))


def test_the_bundled_lexicon_is_loaded_once() -> None:
    assert lexicon.default() is lexicon.default()
    assert dict(lexicon.default().aliases)["行政复议"] == [Concept("review_groups", "review")]
