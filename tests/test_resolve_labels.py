"""The short Chinese names of what a question asks (bot.understand.resolve.label) and the field ids of
resolved questions: the words a user reads in options (“您问的是…”) and replies, written by hand from
knowledge/data/catalogue.json's printed labels."""

from __future__ import annotations

import pytest

from bot.understand.resolve import Query, label
from knowledge import catalogue

CAT = catalogue.default()


@pytest.mark.parametrize(
    ("query", "name"),
    [
        (Query(kind="review", row="review", column="total"), "行政复议"),
        (Query(kind="review", row="review"), "行政复议"),
        (Query(kind="review", row="litigation", column="corrected"), "行政诉讼结果纠正"),
        (Query(kind="review", row="litigation.direct", column="pending"), "未经复议直接起诉尚未审结"),
        (Query(kind="review", row="litigation.after_review", column="upheld"), "复议后起诉结果维持"),
        (Query(kind="review", row="review", column="other"), "行政复议其他结果"),
        (Query(kind="review", row="review.x", column="upheld"), "review.x结果维持"),  # a group the table lacks
        (Query(kind="review", column="upheld"), "结果维持"),
        (Query(kind="review", row="review", column="zzz"), "行政复议"),
    ],
)
def test_review_names(query: Query, name: str) -> None:
    assert label(query, CAT) == name


@pytest.mark.parametrize(
    ("query", "name"),
    [
        (Query(kind="apply", row="apply.new", column="total"), "本年新收政府信息公开申请"),
        (Query(kind="apply", row="apply.total", column="total"), "本年度办理结果总计"),
        (Query(kind="apply", row="apply.total"), "本年度办理结果总计"),
        (Query(kind="apply", row="apply.carried_in", column="total"), "上年结转政府信息公开申请数量"),
        (Query(kind="apply", row="apply.partial", column="total"), "部分公开"),
        (Query(kind="apply", row="apply.withheld.secret", column="total"), "属于国家秘密"),
        (Query(kind="apply", row="apply.rejected.repeat", column="total"), "重复申请"),  # 4 characters: alone
        (Query(kind="apply", row="apply.other.other", column="total"), "其他处理3.其他"),  # 其他 only under its group
        (Query(kind="apply", row="apply.zzz", column="total"), "apply.zzz"),
        (Query(kind="apply", row="apply.disclosed", column="natural"), "自然人申请中予以公开"),
        (Query(kind="apply", row="apply.disclosed", column="commercial"), "商业企业申请中予以公开"),
        (Query(kind="apply", row="apply.disclosed", column="other_org"), "其他类申请人申请中予以公开"),
        (Query(kind="apply", row="apply.disclosed", column="legal_person"), "法人或其他组织申请中予以公开"),
        (Query(kind="apply", row="apply.disclosed", column="zzz"), "zzz申请中予以公开"),
        (Query(kind="apply", row="apply.new", column="natural"), "自然人提出的申请"),
        (Query(kind="apply", row="apply.new", column="other_org"), "其他类申请人提出的申请"),
        (Query(kind="apply", row="apply.new", column="legal_person"), "法人或其他组织提出的申请"),
        (Query(kind="apply", row="apply.total", column="natural"), "自然人申请中本年度办理结果总计"),
        (Query(kind="apply", row="apply.other.other", column="natural"), "自然人申请中其他处理3.其他"),
    ],
)
def test_apply_names(query: Query, name: str) -> None:
    assert label(query, CAT) == name


@pytest.mark.parametrize(
    ("query", "template", "name"),
    [
        (Query(kind="active", row="active.penalty"), None, "行政处罚"),
        (Query(kind="active", row="active.penalty", column="decisions"), "2021", "行政处罚本年处理决定数量"),
        (Query(kind="active", row="active.penalty", column="decisions"), "2019", "行政处罚处理决定数量"),
        (Query(kind="active", row="active.penalty", column="decisions"), None, "行政处罚处理决定数量"),
        (Query(kind="active", row="active.penalty", column="decisions"), "2020", "行政处罚处理决定数量"),
        (Query(kind="active", row="active.normative", column="issued"), "2021", "规范性文件本年制发件数"),  # the row by its first printing (2019)
        # a column of the row in the other version only
        (Query(kind="active", row="active.fee", column="amount"), "2019", "行政事业性收费本年收费金额"),
        (Query(kind="active", row="active.other_service", column="decisions"), "2021", "其他对外管理服务事项处理决定数量"),
        # a column of another row
        (Query(kind="active", row="active.fee", column="decisions"), "2021", "行政事业性收费处理决定数量"),
        (Query(kind="active", row="active.fee", column="zzz"), "2021", "行政事业性收费zzz"),
        (Query(kind="active", row="active.zzz"), None, "active.zzz"),
    ],
)
def test_active_names(query: Query, template: str | None, name: str) -> None:
    assert label(query, CAT, template) == name


@pytest.mark.parametrize(
    ("section", "name"),
    [
        ("五", "存在的主要问题及改进情况"), ("五.problems", "存在的主要问题"), ("五.improve", "改进情况"),
        ("六", "其他需要报告的事项"), ("六.fee", "信息处理费情况"), ("一", "总体情况"), ("一.active", "主动公开情况"),
        ("一.apply", "依申请公开情况"), ("一.manage", "政府信息管理情况"), ("一.platform", "政府信息公开平台建设情况"),
        ("一.supervise", "监督保障情况"), ("七", ""), (None, ""),
    ],
)
def test_section_names(section: str | None, name: str) -> None:
    assert label(Query(kind="section", section=section), CAT) == name


@pytest.mark.parametrize(
    ("query", "name"),
    [
        (Query(kind="rate", rate="share", row="apply.disclosed", column="natural"), "自然人申请中予以公开所占比例"),
        (Query(kind="rate", rate="share", row="apply.partial", column="total"), "部分公开所占比例"),
        (Query(kind="rate", rate="share", row="review", column="corrected"), "行政复议结果纠正所占比例"),
        (Query(kind="rate", rate="share", row="litigation.direct", column="upheld"), "未经复议直接起诉结果维持所占比例"),
        (Query(kind="rate", rate="correction_rate", row="litigation"), "行政诉讼纠错率"),
        (Query(kind="rate", rate="correction_rate", row="review"), "行政复议纠错率"),
        (Query(kind="rate", rate="correction_rate"), "纠错率"),
        (Query(kind="prose", words=["政策解读"]), "报告正文中的数字"),
    ],
)
def test_rate_and_prose_names(query: Query, name: str) -> None:
    assert label(query, CAT) == name


@pytest.mark.parametrize(
    ("query", "field"),
    [
        (Query(kind="section", section="五.problems"), "section.五.problems"),
        (Query(kind="rate", rate="share", row="apply.disclosed", column="natural"), "rate.share/apply.disclosed/natural"),
        (Query(kind="rate", rate="correction_rate", row="review"), "rate.correction_rate/review"),
        (Query(kind="prose", words=["政策解读"]), "prose"),
        (Query(kind="apply", row="apply.new", column="total"), "apply.new/total"),
        (Query(kind="active", row="active.penalty"), "active.penalty"),
        (Query(kind="active", row="active.penalty", column="decisions"), "active.penalty/decisions"),
    ],
)
def test_field_ids(query: Query, field: str) -> None:
    assert query.field_id == field
