"""hongze-2023.pdf: a 2021-version report with the single （六）其他处理 row, tables across pages,
the typo `2.其他法律行政止公开`, and a table 四 that does not add up.  Values copied from the PDF.
"""

from __future__ import annotations

from functools import cache

import pytest

from knowledge import readers
from knowledge.models import Fact, Parsed
from knowledge.paths import DATA
from knowledge.template.parse import parse

COLS = ["natural", "commercial", "research", "public_interest", "legal_service", "other_org", "total"]
REVIEW_COLS = ["upheld", "corrected", "other", "pending", "total"]


@cache
def hongze() -> Parsed:
    return parse(readers.read(DATA / "reports" / "hongze-2023.pdf"))


def cell(row: str, column: str | None) -> Fact:
    return next(f for f in hongze().facts if f.row == row and f.column == column)


def test_metadata_uses_the_fuller_agency_name() -> None:
    r = hongze().report
    assert (r.agency, r.year, r.template, r.id) == (
        "淮安市洪泽区人民政府",
        2023,
        "2021",
        "淮安市洪泽区人民政府-2023",
    )
    assert r.title == "洪泽区人民政府2023年政府信息公开工作年度报告"
    assert [s.id for s in r.sections] == ["序", "一", "二", "三", "四", "五", "六"]


def test_active() -> None:
    assert [cell("active.rule", c).value for c in ("issued", "repealed", "in_force")] == [0, 0, 0]
    assert [cell("active.normative", c).value for c in ("issued", "repealed", "in_force")] == [0, 5, 5]
    assert cell("active.normative", "issued").source.row == "行政规范性文件"
    assert cell("active.license", "decisions").value == 550
    assert cell("active.penalty", "decisions").value == 4119
    assert cell("active.coercion", "decisions").value == 195
    fee = cell("active.fee", "amount")
    assert (fee.value, fee.unit) == (7730.28, "万元")


NONZERO = {  # natural == total, every other column 0
    "apply.new": 21,
    "apply.partial": 4,
    "apply.withheld.secret": 1,
    "apply.withheld.process": 1,
    "apply.withheld.enforcement": 1,
    "apply.unable.not_held": 10,
    "apply.unable.need_create": 3,
    "apply.rejected.petition": 1,
    "apply.total": 21,
}
ROWS = [
    "apply.new", "apply.carried_in", "apply.disclosed", "apply.partial",
    "apply.withheld.secret", "apply.withheld.law", "apply.withheld.security", "apply.withheld.third_party",
    "apply.withheld.internal", "apply.withheld.process", "apply.withheld.enforcement", "apply.withheld.query",
    "apply.unable.not_held", "apply.unable.need_create", "apply.unable.unclear",
    "apply.rejected.petition", "apply.rejected.repeat", "apply.rejected.publication", "apply.rejected.mass",
    "apply.rejected.confirm", "apply.other", "apply.total", "apply.carried_out",
]  # fmt: skip


@pytest.mark.parametrize("row", ROWS)
def test_apply(row: str) -> None:
    n = NONZERO.get(row, 0)
    assert [cell(row, c).value for c in COLS] == [n, 0, 0, 0, 0, 0, n]


def test_apply_single_other_row_and_typo_label() -> None:
    assert not [f for f in hongze().facts if f.row.startswith("apply.other.")]
    assert cell("apply.other", "total").derived_from is None
    assert cell("apply.withheld.law", "natural").source.row == "2.其他法律行政止公开"
    assert cell("apply.withheld", "total").value == 3
    assert cell("apply.unable", "total").value == 13


def test_review_as_printed() -> None:
    assert [cell("review", c).value for c in REVIEW_COLS] == [10, 1, 0, 0, 0]
    assert [cell("litigation.direct", c).value for c in REVIEW_COLS] == [0] * 5
    assert [cell("litigation.after_review", c).value for c in REVIEW_COLS] == [5, 0, 0, 0, 0]


def test_checks_flag_table_four_not_fix_it() -> None:
    messages = [w.message for w in hongze().report.warnings]
    assert messages == [
        "表四“行政复议”：结果维持10＋结果纠正1＋其他结果0＋尚未审结0＝11，但总计为0",
        "表四“复议后起诉”：结果维持5＋结果纠正0＋其他结果0＋尚未审结0＝5，但总计为0",
    ]


def test_prose() -> None:
    prose = {f.raw: f for f in hongze().facts if f.row == "prose"}
    fee = prose["0元"]
    assert (fee.value, fee.unit) == (0, "元")
    assert "信息处理费" in (fee.source.row or "")
    assert fee.source.section == "六、其他需要报告的事项"
    assert prose["21件"].value == 21
    assert prose["1136条"].value == 1136
