"""Which table field a question names, or which options it is asked back (bot.understand.resolve): field ids
and option field ids written by hand from knowledge/data/catalogue.json and the template's layout."""

from __future__ import annotations

import pytest

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.match import read
from bot.understand.normalise import normalise
from bot.understand.resolve import Query, label, resolve
from knowledge import catalogue

LEX = lexicon.default()
CAT = catalogue.default()


def _resolved(q: str) -> Query | None:
    return resolve(read(extract(normalise(q, LEX), {}).rest, LEX), CAT)


@pytest.mark.parametrize(
    ("q", "field", "options"),
    [
        # a block header of table 二 without a row: its rows, asked which when more than one
        ("第二十条第（六）项处理决定数量", "active.penalty/decisions", ["active.penalty/decisions", "active.coercion/decisions"]),
        ("第二十条第（六）项", "active.penalty", ["active.penalty", "active.coercion"]),
        ("第二十条第（九）项", "active.procurement", []),
        ("第二十条第（八）项", "active.fee", []),
        # a row of another block is not read inside a block header
        ("第二十条第（六）项行政许可", "active.penalty", ["active.penalty", "active.coercion"]),
        ("第二十条第（六）项行政处罚", "active.penalty", []),
        ("第二十条第（六）项其他对外管理服务事项决定", "active.penalty/decisions",  # the column after it still read
         ["active.penalty/decisions", "active.coercion/decisions"]),
        ("第二十条第（六）项予以公开", "apply.disclosed/total", []),  # a row of another table: that row
        ("第二十条第（六）项行政复议", "review/total", []),
        # 三、本年度办理结果 alone: its 总计
        ("三、本年度办理结果", "apply.total/total", []),
        ("三、本年度办理结果自然人", "apply.total/natural", []),
        ("三、本年度办理结果予以公开", "apply.disclosed/total", []),
        # shares
        ("予以公开占比", "rate.share/apply.disclosed/total", []),
        ("部分公开的占比", "rate.share/apply.partial/total", []),
        ("提出的申请里部分公开的占比", "rate.share/apply.partial/total", []),  # 提出 names the default row only
        ("申请其他占比", "rate.share/apply.new/other_org", []),  # the weak 其他 beside 申请
        ("结果纠正占比", "rate.share/None", ["rate.share/review/corrected", "rate.share/litigation/corrected"]),
        ("行政复议结果纠正占比", "rate.share/review/corrected", []),
        ("复议后起诉结果纠正占比", "rate.share/litigation.after_review/corrected", []),
        # correction rates: of 行政复议 unless a group is named
        ("纠错率", "rate.correction_rate/review", []),
        ("行政诉讼纠错率", "rate.correction_rate/litigation", []),
        ("行政复议和行政诉讼纠错率", "rate.correction_rate/review", []),
        # table 四
        ("行政复议和行政诉讼", "None", ["review/total", "litigation/total"]),
        ("行政诉讼中直接起诉的结果维持", "litigation.direct/upheld", []),
        ("行政复议总计", "review/total", []),
        ("结果维持多少", "None", ["review/upheld", "litigation/upheld"]),
        ("结果纠正", "None", ["review/corrected", "litigation/corrected"]),
        # table 二's rows and columns
        ("行政处罚和行政强制处理决定数量", "None", ["active.penalty/decisions", "active.coercion/decisions"]),
        ("行政处罚", "active.penalty", []),
        ("行政处罚处理决定数量", "active.penalty/decisions", []),
        ("行政处罚和行政强制", "None", ["active.penalty", "active.coercion"]),
        # a general word (申请数量) gives way to the rows named, an ambiguous one (结转) asks which
        ("结转的申请数量", "None", ["apply.carried_in/total", "apply.carried_out/total"]),
        # 其他 without a row of table 三 or 申请 is no applicant
        ("其他复议", "review/total", []),
        ("其他诉讼", "litigation/total", []),
        ("法人或其他组织中的商业企业", "apply.new/commercial", []),
        ("行政处罚上一年项目数量和处理决定数量", "active.penalty", ["active.penalty/prev_items", "active.penalty/decisions"]),
        # table 三
        ("其他处理里的其他", "None", ["apply.other.other/total", "apply.other/other_org"]),
        ("申请人情况其他处理其他", "apply.other/other_org", []),
        ("其他处理其他", "None", ["apply.other.other/total", "apply.other/other_org"]),
        ("提出的其他处理里的其他", "None", ["apply.other.other/total", "apply.other/other_org"]),  # 提出 left out first
        ("其他处理法人或其他组织其他", "apply.other/other_org", []),  # under 法人或其他组织: the column
        ("予以公开和其他处理里的其他", "None", ["apply.disclosed/other_org", "apply.other/other_org"]),
        ("自然人和法人总计", "apply.new", ["apply.new/natural", "apply.new/legal_person"]),
        ("自然人总计", "None", ["apply.new/natural", "apply.total/natural"]),
        ("自然人和法人", "apply.new", ["apply.new/natural", "apply.new/legal_person"]),
        ("自然人和法人予以公开", "apply.disclosed", ["apply.disclosed/natural", "apply.disclosed/legal_person"]),
        ("予以公开和部分公开", "None", ["apply.disclosed/total", "apply.partial/total"]),
        ("商业企业和法人或其他组织申请", "apply.new/commercial", []),
        ("法人或其他组织申请", "apply.new/legal_person", []),
        ("申请其他", "apply.new/other_org", []),
        ("申请人情况其他", "apply.new/other_org", []),
        ("提出的申请里部分公开的", "apply.partial/total", []),
        ("自然人申请数量", "apply.new/natural", []),
        ("不予公开里保护第三方", "apply.withheld.third_party/total", []),
        # sections
        ("存在的问题和改进措施", "section.五", []),
        ("主要问题及改进情况", "section.五", []),
        ("存在哪些问题", "section.五.problems", []),
    ],
)
def test_what_a_question_names(q: str, field: str, options: list[str]) -> None:
    got = _resolved(q)
    assert got is not None
    assert (got.field_id, [c.field_id for c in got.choices]) == (field, options)


@pytest.mark.parametrize("q", ["其他", "行政处罚占比", "占比", "法人或其他组织其他", "予以公开和部分公开占比",
                               "存在的问题占比", "总计", "其他处理里的其他占比"])
def test_nothing_to_look_up(q: str) -> None:
    assert _resolved(q) is None


@pytest.mark.parametrize(
    ("q", "explicit"),
    [("行政诉讼中直接起诉的结果维持", True), ("行政复议总计", False), ("行政复议", False), ("行政复议尚未审结", True)],
)
def test_a_column_of_table_four_said_or_not(q: str, explicit: bool) -> None:
    got = _resolved(q)
    assert got is not None and got.explicit_column is explicit


def test_a_header_of_the_applicants_makes_other_a_column_whatever_its_words(tmp_path) -> None:  # noqa: ANN001
    """An operator's own word for the applicants' header (synonyms.json) puts 其他 beside a row, like 申请人情况."""
    path = tmp_path / "synonyms.json"
    path.write_text('{"applicants": {"other_org": ["其他"]}, "weak_aliases": ["其他"],'
                    ' "headers": {"apply.applicants": ["各类主体"]}}', encoding="utf-8")
    lex = lexicon.load(path)
    got = resolve(read("各类主体其他", lex), CAT)
    assert got is not None and got.field_id == "apply.new/other_org"
    assert resolve(read("其他", lex), CAT) is None


@pytest.mark.parametrize(
    ("q", "kind", "options"),
    [
        ("行政处罚和行政强制", "active", ["行政处罚", "行政强制"]),
        ("行政处罚和行政强制处理决定数量", "active", ["行政处罚处理决定数量", "行政强制处理决定数量"]),
        ("行政处罚上一年项目数量和处理决定数量", "active", ["行政处罚上一年项目数量", "行政处罚处理决定数量"]),
        ("第二十条第（六）项", "active", ["行政处罚", "行政强制"]),
        ("行政复议和行政诉讼", "review", ["行政复议", "行政诉讼"]),
        ("结果维持多少", "review", ["行政复议结果维持", "行政诉讼结果维持"]),
        ("结果纠正占比", "rate", ["行政复议结果纠正所占比例", "行政诉讼结果纠正所占比例"]),
        ("其他处理里的其他", "apply", ["其他处理3.其他", "其他类申请人申请中其他处理"]),
        ("自然人总计", "apply", ["自然人提出的申请", "自然人申请中本年度办理结果总计"]),
        ("自然人和法人", "apply", ["自然人提出的申请", "法人或其他组织提出的申请"]),
        ("予以公开和部分公开", "apply", ["予以公开", "部分公开"]),
        ("结转的申请数量", "apply", ["上年结转政府信息公开申请数量", "结转下年度继续办理"]),
    ],
)
def test_the_options_a_user_reads(q: str, kind: str, options: list[str]) -> None:
    got = _resolved(q)
    assert got is not None
    assert (got.kind, [label(c, CAT) for c in got.choices]) == (kind, options)
