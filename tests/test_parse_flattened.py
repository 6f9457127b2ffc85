"""Flattened digit runs: every split, the sum rules that settle them, and what stays uncertain."""

from __future__ import annotations

import pytest
from parse_factories import make_doc

from knowledge.catalogue import default
from knowledge.fact_index import fmt
from knowledge.template.apply_table import read_apply
from knowledge.template.cells import exact_sum, read_cell, split_run
from knowledge.template.review_table import _split
from knowledge.template.sections import find, layout
from knowledge.template.solve import RowRead, collapse, options_from_splits

INT3 = [(False, False)] * 3
INT7 = [(False, False)] * 7


def row_rule(split: list[str]) -> bool:
    nums = [int(t) for t in split]
    return sum(nums[:-1]) == nums[-1]


def test_zeros_have_one_split() -> None:
    assert split_run("000", INT3) == ([["0", "0", "0"]], None)


def test_no_leading_zeros() -> None:
    splits, _ = split_run("100153", INT3)
    assert ["100", "15", "3"] in splits and ["1", "00", "153"] not in splits
    assert all(not (len(t) > 1 and t.startswith("0")) for s in splits for t in s)


def test_row_rule_settles_table_three_rows() -> None:
    assert split_run("640020470", INT7, row_rule)[0] == [["64", "0", "0", "2", "0", "4", "70"]]
    assert split_run("230 000023", INT7, row_rule)[0] == [["23", "0", "0", "0", "0", "0", "23"]]
    assert split_run("0 0 0 0 0 00", INT7, row_rule)[0] == [["0"] * 7]


def test_money_unit_and_decimals() -> None:
    splits, unit = split_run("13575394432.52元", [(False, False), (True, False)])
    assert unit == "元" and ["13575", "394432.52"] in splits and len(splits) > 1
    assert split_run("24252.311082", [(True, False)]) == ([["24252.311082"]], None)


@pytest.mark.parametrize(
    ("run", "groups"),
    [
        (
            "110024001510102",
            [["1", "1", "0", "0", "2"], ["4", "0", "0", "1", "5"], ["1", "0", "1", "0", "2"]],
        ),
        ("10203120001200000", [["1", "0", "2", "0", "3"], ["12", "0", "0", "0", "12"], ["0"] * 5]),
        ("000000000000000", [["0"] * 5] * 3),
    ],
)
def test_review_runs(run: str, groups: list[list[str]]) -> None:
    assert _split(run) == [[t for g in groups for t in g]]


def test_uncertain_cells_keep_candidates() -> None:
    splits, unit = split_run("898989", INT3)
    cells = collapse(
        RowRead("active.normative", "规范性文件", options_from_splits(splits, unit, ""), raw="898989"), 3
    )
    assert [c.kind for c in cells] == ["uncertain"] * 3
    assert cells[0].candidates == (8, 89, 898, 8989)
    assert all(c.value is None and c.raw == "898989" for c in cells)


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit"),
    [
        ("", "blank", None, None),
        ("0", "zero", 0, None),
        ("/", "na", None, None),
        ("不适用", "na", None, None),
        ("—", "dash", None, None),
        ("－", "dash", None, None),
        ("-10", "number", -10, None),
        ("24230.9885", "number", 24230.9885, None),
        ("394432.52元", "number", 394432.52, "元"),
        ("１２", "number", 12, None),
    ],
)
def test_read_cell(text: str, kind: str, value: float | None, unit: str | None) -> None:
    c = read_cell(text)
    assert (c.kind, c.value, c.unit) == (kind, value, unit)


def test_decimal_candidates_print_as_written() -> None:
    kinds = [(False, False), (True, False)]
    splits, unit = split_run("39573802895.90元", kinds)
    cells = collapse(RowRead("active.purchase", "政府集中采购", options_from_splits(splits, unit, "")), 2)
    amounts = cells[1].candidates or ()
    assert 3802895.9 in amounts
    assert "3802895.9" in [fmt(a) for a in amounts]
    assert not any("99999" in fmt(a) for a in amounts)


def test_sums_of_decimals_do_not_drift() -> None:
    assert exact_sum([0.1, 0.2]) == 0.3
    assert fmt(exact_sum([5949.088667, 4166.241619])) == "10115.330286"


def test_a_text_row_does_not_take_the_next_lines_digits() -> None:
    lines = [
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1",
        "0 0 0 0 0 0 0",
        "（七）总计 1 0 0 0 0 0 1",
    ]
    doc = make_doc(["测试县人民政府2022年政府信息公开工作年度报告", "一、总体情况", "概述。", *lines])
    lay = layout(doc)
    span = next(s for s in find(lay) if s.id == "三")
    rows, _ = read_apply(lay, span, default())
    new = next(r for r in rows if r.row_id == "apply.new")
    assert [c.value for c in collapse(new, 7)] == [1, 0, 0, 0, 0, 0, 1]
