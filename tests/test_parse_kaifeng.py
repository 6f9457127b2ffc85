"""kaifeng-2019.txt (tab text, 2019 template): every table cell, derived subtotals, prose figures.

Expected values are copied by hand from knowledge/data/reports/kaifeng-2019.txt.
"""

from __future__ import annotations

from functools import cache

import pytest

from knowledge import readers
from knowledge.models import Fact, Parsed
from knowledge.paths import DATA
from knowledge.template.parse import parse

APPLY_COLUMNS = [
    "natural",
    "commercial",
    "research",
    "public_interest",
    "legal_service",
    "other_org",
    "total",
]

# table 二: row → {column: value}
ACTIVE = {
    "active.rule": {"new_made": 12, "new_published": 12, "total_published": 54},
    "active.normative": {"new_made": 789, "new_published": 423, "total_published": 815},
    "active.license": {"prev_items": 16918, "change": 3672, "decisions": 697542},
    "active.other_service": {"prev_items": 4620, "change": 1284, "decisions": 834934},
    "active.penalty": {"prev_items": 11063, "change": 942, "decisions": 20815},
    "active.coercion": {"prev_items": 1557, "change": 65, "decisions": 12803},
    "active.fee": {"prev_items": 288, "change": -10},
    "active.procurement": {"items": 169, "amount": 24230.9885},
}

# table 三: row → 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计
APPLY = """
apply.new                   482 38 2 1 1 3 527
apply.carried_in              5  0 0 0 0 0   5
apply.disclosed             302 37 1 0 1 1 342
apply.partial                29  0 0 1 0 0  30
apply.withheld.secret         0  0 0 0 0 0   0
apply.withheld.law            1  0 0 0 0 0   1
apply.withheld.security       0  0 0 0 0 0   0
apply.withheld.third_party   13  0 0 0 0 0  13
apply.withheld.internal       0  0 0 0 0 0   0
apply.withheld.process        0  0 0 0 0 0   0
apply.withheld.enforcement    0  0 0 0 0 0   0
apply.withheld.query         71  0 0 0 0 0  71
apply.unable.not_held        52  1 0 0 0 1  54
apply.unable.need_create      1  0 1 0 0 1   3
apply.unable.unclear          1  0 0 0 0 0   1
apply.rejected.petition       6  0 0 0 0 0   6
apply.rejected.repeat         5  0 0 0 0 0   5
apply.rejected.publication    0  0 0 0 0 0   0
apply.rejected.mass           0  0 0 0 0 0   0
apply.rejected.confirm        0  0 0 0 0 0   0
apply.other                   0  0 0 0 0 0   0
apply.total                 481 38 2 1 1 3 526
apply.carried_out             6  0 0 0 0 0   6
"""

# table 四: 结果维持 结果纠正 其他结果 尚未审结 总计
REVIEW = {
    "review": [10, 2, 2, 5, 19],
    "litigation.direct": [15, 3, 6, 4, 28],
    "litigation.after_review": [1, 0, 0, 3, 4],
}
REVIEW_COLUMNS = ["upheld", "corrected", "other", "pending", "total"]


def golden_apply() -> list[tuple[str, str, float]]:
    out = []
    for line in APPLY.strip().splitlines():
        row, *values = line.split()
        out += [(row, col, float(v)) for col, v in zip(APPLY_COLUMNS, values, strict=True)]
    return out


@cache
def kaifeng() -> Parsed:
    return parse(readers.read(DATA / "reports" / "kaifeng-2019.txt"))


def cell(row: str, column: str | None) -> Fact:
    return next(f for f in kaifeng().facts if f.row == row and f.column == column)


def test_metadata() -> None:
    r = kaifeng().report
    assert (r.id, r.agency, r.year, r.template) == ("开封市人民政府-2019", "开封市人民政府", 2019, "2019")
    assert r.title == "开封市人民政府2019年政府信息公开工作年度报告"
    assert r.source_file == "kaifeng-2019.txt"
    assert [s.id for s in r.sections] == ["一", "二", "三", "四", "五", "六"]
    assert r.section("四").heading == "四、政府信息公开行政复议、行政诉讼情况"
    assert r.section("六").text == "无"
    assert r.section("一").text.startswith("2019年，开封市人民政府认真贯彻落实")


@pytest.mark.parametrize(
    ("row", "column", "value"), [(r, c, v) for r, cols in ACTIVE.items() for c, v in cols.items()]
)
def test_active_cells(row: str, column: str, value: float) -> None:
    f = cell(row, column)
    assert f.value == value
    assert f.kind == "number"
    assert f.source.section == "二、主动公开政府信息情况"


def test_active_sources_and_units() -> None:
    f = cell("active.license", "decisions")
    assert (f.source.table, f.source.row, f.source.column) == (
        "第二十条第（五）项",
        "行政许可",
        "处理决定数量",
    )
    assert f.unit == "件"
    amount = cell("active.procurement", "amount")
    assert amount.unit == "万元" and amount.raw == "24230.9885"
    assert cell("active.procurement", "items").source.table == "第二十条第（九）项"
    assert cell("active.fee", "change").raw == "-10"


@pytest.mark.parametrize(("row", "column", "value"), golden_apply())
def test_apply_cells(row: str, column: str, value: float) -> None:
    f = cell(row, column)
    assert f.value == value
    assert f.kind == ("zero" if value == 0 else "number")
    assert f.derived_from is None


def test_apply_has_no_2021_sub_rows() -> None:
    assert not [f for f in kaifeng().facts if f.row.startswith("apply.other.")]


@pytest.mark.parametrize(("group", "values"), REVIEW.items())
def test_review_cells(group: str, values: list[int]) -> None:
    got = [cell(group, c).value for c in REVIEW_COLUMNS]
    assert got == values


def test_derived_groups() -> None:
    withheld = cell("apply.withheld", "total")
    assert withheld.value == 85 and withheld.kind == "number"
    assert withheld.derived_from == [
        {"row": r, "column": "total"}
        for r in (
            "apply.withheld.secret",
            "apply.withheld.law",
            "apply.withheld.security",
            "apply.withheld.third_party",
            "apply.withheld.internal",
            "apply.withheld.process",
            "apply.withheld.enforcement",
            "apply.withheld.query",
        )
    ]
    assert withheld.source.row == "（三）不予公开（1–8项之和）"
    assert cell("apply.unable", "total").value == 58
    assert cell("apply.unable", "natural").value == 54
    assert cell("apply.rejected", "total").value == 11
    # the printed (六)其他处理 row is kept, not derived
    assert cell("apply.other", "total").derived_from is None


def test_derived_legal_person_and_litigation() -> None:
    lp = cell("apply.new", "legal_person")
    assert lp.value == 38 + 2 + 1 + 1 + 3
    assert [d["column"] for d in lp.derived_from or []] == [
        "commercial",
        "research",
        "public_interest",
        "legal_service",
        "other_org",
    ]
    assert cell("apply.total", "legal_person").value == 45
    assert cell("apply.withheld", "legal_person").value == 0  # derived row, derived column
    lit = cell("litigation", "total")
    assert lit.value == 32
    assert lit.derived_from == [
        {"row": "litigation.direct", "column": "total"},
        {"row": "litigation.after_review", "column": "total"},
    ]
    assert cell("litigation", "upheld").value == 16


PROSE = [
    ("231731条", 231731, "条", "共主动公开各类政府信息231731条"),
    ("320条", 320, "条", "政策解读320条"),
    ("839条", 839, "条", "利用网站设置的领导信箱反映各类事项办结839条"),
    ("44篇", 44, "篇", "刊发44篇文章"),
    ("1388条", 1388, "条", "政府部门上报信息1388条"),
    ("80余次", 80, "次", "各部门共组织学习新《条例》培训会80余次"),
    ("20%", 20, "%", "2019年我市政府网站访问量同比增长20%"),
    ("四期", 4, "期", "政府公报全年编印四期"),
    ("845个", 845, "个", "政府规范性文件845个"),
]


@pytest.mark.parametrize(("raw", "value", "unit", "clause"), PROSE)
def test_prose_figures(raw: str, value: float, unit: str, clause: str) -> None:
    facts = [f for f in kaifeng().facts if f.row == "prose" and f.raw == raw]
    assert facts, raw
    f = facts[0]
    assert (f.value, f.unit, f.kind, f.column) == (value, unit, "number", None)
    assert clause in (f.source.row or "")
    assert f.source.section == "一、总体情况"
    assert raw in (f.source.sentence or "")


def test_prose_skips_years_dates_and_document_numbers() -> None:
    raws = {f.raw for f in kaifeng().facts if f.row == "prose"}
    assert not any(r.startswith(("2019", "14号", "80号")) for r in raws)
    assert "二十四万余字" not in raws


def test_checks_report_the_normative_document_mismatch() -> None:
    messages = [w.message for w in kaifeng().report.warnings]
    assert messages == ["正文“政府规范性文件845个”为845，但表格“规范性文件／对外公开总数量”为815"]
