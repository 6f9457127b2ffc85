"""平潭 crawled text (every table cell run together) and the same 2023 report as HTML.

Expected cells are worked out by hand from the flattened runs and the sum rules (noted per case).
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
ZERO7 = [0] * 7


@cache
def report(name: str) -> Parsed:
    return parse(readers.read(DATA / "reports" / name))


def cell(name: str, row: str, column: str | None) -> Fact:
    return next(f for f in report(name).facts if f.row == row and f.column == column)


def row_values(name: str, row: str) -> list[float | None]:
    return [cell(name, row, c).value for c in COLS]


@pytest.mark.parametrize(
    ("name", "year", "template", "url"),
    [
        (
            "pingtan-2019.txt",
            2019,
            "2019",
            "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202001/t20200120_80576.htm",
        ),
        (
            "pingtan-2021.txt",
            2021,
            "2021",
            "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202202/t20220208_80613.htm",
        ),
        (
            "pingtan-2023.txt",
            2023,
            "2021",
            "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm",
        ),
    ],
)
def test_metadata(name: str, year: int, template: str, url: str) -> None:
    r = report(name).report
    assert (r.agency, r.year, r.template, r.url) == ("平潭综合实验区", year, template, url)
    assert r.id == f"平潭综合实验区-{year}"
    assert r.title == f"平潭综合实验区{year}年度政府信息公开工作年度报告"
    assert [s.id for s in r.sections] == ["序", "一", "二", "三", "四", "五", "六"]


def test_inline_headings_in_one_line_body() -> None:
    r = report("pingtan-2019.txt").report
    assert r.section("一").heading == "一、总体情况"
    assert r.section("一").text.startswith("2019年，在省政府办公厅")
    assert r.section("五").heading == "五、存在的主要问题及改进情况"
    assert r.section("六").text == "无其他需要报告的事项"
    # the preface names the sections without numerals and must stay in the preface
    assert "因政府信息公开申请行政复议、提起行政诉讼的情况" in r.section("序").text


# --- pingtan-2019: `230 000023`, `（六）其他处理0 0 0 0 0 00`, `（七）总计23 0 00 0 023`
APPLY_2019 = {
    "apply.new": [23, 0, 0, 0, 0, 0, 23],
    "apply.carried_in": ZERO7,
    "apply.disclosed": [7, 0, 0, 0, 0, 0, 7],
    "apply.partial": [1, 0, 0, 0, 0, 0, 1],
    "apply.withheld.secret": ZERO7,
    "apply.unable.not_held": [7, 0, 0, 0, 0, 0, 7],
    "apply.unable.unclear": [5, 0, 0, 0, 0, 0, 5],
    "apply.rejected.repeat": [3, 0, 0, 0, 0, 0, 3],
    "apply.other": ZERO7,
    "apply.total": [23, 0, 0, 0, 0, 0, 23],
    "apply.carried_out": ZERO7,
}


@pytest.mark.parametrize(("row", "values"), APPLY_2019.items())
def test_2019_apply(row: str, values: list[int]) -> None:
    assert row_values("pingtan-2019.txt", row) == values


def test_2019_flattened_raw_and_review() -> None:
    assert cell("pingtan-2019.txt", "apply.total", "natural").raw == "23"
    for g in ("review", "litigation.direct", "litigation.after_review"):
        assert [cell("pingtan-2019.txt", g, c).value for c in REVIEW_COLS] == [0] * 5


def test_2019_active_uncertain_and_determined() -> None:
    name = "pingtan-2019.txt"
    assert [cell(name, "active.rule", c).kind for c in ("new_made", "new_published", "total_published")] == [
        "zero"
    ] * 3
    f = cell(name, "active.normative", "new_made")  # 规范性文件898989
    assert (f.kind, f.value, f.raw) == ("uncertain", None, "898989")
    assert f.candidates is not None and {8, 89, 898, 8989} == set(f.candidates)
    fee = [cell(name, "active.fee", c) for c in ("prev_items", "change")]  # 行政事业性收费350
    assert [x.kind for x in fee] == ["uncertain", "uncertain"]
    assert set(fee[0].candidates or []) == {3, 35} and set(fee[1].candidates or []) == {0, 50}
    amount = cell(name, "active.procurement", "amount")  # 13575394432.52元
    assert amount.kind == "uncertain" and amount.unit == "元"
    assert 394432.52 in (amount.candidates or [])
    assert 13575 in (cell(name, "active.procurement", "items").candidates or [])


def test_2019_prose() -> None:
    facts = [f for f in report("pingtan-2019.txt").facts if f.row == "prose"]
    fin = next(f for f in facts if f.raw == "380条")
    assert fin.value == 380 and fin.unit == "条"
    assert "财政资金信息" in (fin.source.row or "")
    assert any(f.value == 2599 and f.unit == "条" for f in facts)


# --- pingtan-2021: 一 `640020470`, (一) `270020130`, 不掌握 `220000325`, (七) `630020469`
APPLY_2021 = {
    "apply.new": [64, 0, 0, 2, 0, 4, 70],
    "apply.carried_in": ZERO7,
    "apply.disclosed": [27, 0, 0, 2, 0, 1, 30],
    "apply.partial": [5, 0, 0, 0, 0, 0, 5],
    "apply.withheld.internal": [1, 0, 0, 0, 0, 0, 1],
    "apply.withheld.enforcement": [6, 0, 0, 0, 0, 0, 6],
    "apply.withheld.query": [1, 0, 0, 0, 0, 0, 1],
    "apply.unable.not_held": [22, 0, 0, 0, 0, 3, 25],
    "apply.other.no_correction": ZERO7,
    "apply.other.no_fee": ZERO7,
    "apply.other.other": [1, 0, 0, 0, 0, 0, 1],
    "apply.total": [63, 0, 0, 2, 0, 4, 69],
    "apply.carried_out": [1, 0, 0, 0, 0, 0, 1],
}


@pytest.mark.parametrize(("row", "values"), APPLY_2021.items())
def test_2021_apply(row: str, values: list[int]) -> None:
    assert row_values("pingtan-2021.txt", row) == values


def test_2021_other_is_derived_from_sub_rows() -> None:
    f = cell("pingtan-2021.txt", "apply.other", "total")
    assert f.value == 1 and f.derived_from is not None and len(f.derived_from) == 3
    assert f.source.row == "（六）其他处理（1–3项之和）"


def test_2021_review_and_active() -> None:
    name = "pingtan-2021.txt"
    # `10203120001200000` = 1 0 2 0 3 | 12 0 0 0 12 | 0 0 0 0 0
    assert [cell(name, "review", c).value for c in REVIEW_COLS] == [1, 0, 2, 0, 3]
    assert [cell(name, "litigation.direct", c).value for c in REVIEW_COLS] == [12, 0, 0, 0, 12]
    assert [cell(name, "litigation.after_review", c).value for c in REVIEW_COLS] == [0] * 5
    assert cell(name, "active.license", "decisions").value == 2293
    assert cell(name, "active.penalty", "decisions").value == 1282
    assert cell(name, "active.coercion", "decisions").value == 42
    fee = cell(name, "active.fee", "amount")
    assert (fee.value, fee.unit, fee.kind) == (24252.311082, "万元", "number")
    assert cell(name, "active.normative", "issued").kind == "uncertain"  # 693665


def test_2021_no_fee_prose() -> None:
    f = next(f for f in report("pingtan-2021.txt").facts if f.row == "prose" and "信息处理费" in f.raw)
    assert (f.value, f.unit) == (0, "元")
    assert f.source.section == "六、其他需要报告的事项"


# --- pingtan-2023: `110024001510102` = 1 1 0 0 2 | 4 0 0 1 5 | 1 0 1 0 2
APPLY_2023 = {
    "apply.new": [80, 1, 0, 0, 0, 0, 81],
    "apply.disclosed": [22, 0, 0, 0, 0, 0, 22],
    "apply.partial": [19, 1, 0, 0, 0, 0, 20],
    "apply.withheld.third_party": [1, 0, 0, 0, 0, 0, 1],
    "apply.withheld.process": [1, 0, 0, 0, 0, 0, 1],
    "apply.withheld.enforcement": [1, 0, 0, 0, 0, 0, 1],
    "apply.withheld.query": [2, 0, 0, 0, 0, 0, 2],
    "apply.unable.not_held": [31, 0, 0, 0, 0, 0, 31],
    "apply.rejected.repeat": [1, 0, 0, 0, 0, 0, 1],
    "apply.other.no_correction": [1, 0, 0, 0, 0, 0, 1],
    "apply.other.other": [1, 0, 0, 0, 0, 0, 1],
    "apply.total": [80, 1, 0, 0, 0, 0, 81],
    "apply.carried_out": ZERO7,
}


@pytest.mark.parametrize(("row", "values"), APPLY_2023.items())
def test_2023_apply(row: str, values: list[int]) -> None:
    assert row_values("pingtan-2023.txt", row) == values


def test_2023_review() -> None:
    name = "pingtan-2023.txt"
    assert [cell(name, "review", c).value for c in REVIEW_COLS] == [1, 1, 0, 0, 2]
    assert [cell(name, "litigation.direct", c).value for c in REVIEW_COLS] == [4, 0, 0, 1, 5]
    assert [cell(name, "litigation.after_review", c).value for c in REVIEW_COLS] == [1, 0, 1, 0, 2]
    assert cell(name, "litigation", "total").value == 7


def test_2023_html_matches_text_wherever_the_text_determines_the_cell() -> None:
    text = {(f.row, f.column): f for f in report("pingtan-2023.txt").facts if f.row != "prose"}
    html = {(f.row, f.column): f for f in report("pingtan-2023.html").facts if f.row != "prose"}
    assert set(text) == set(html)
    for key, t in text.items():
        h = html[key]
        if t.kind == "uncertain":
            assert h.value in (t.candidates or []), key
        else:
            assert (t.value, t.kind) == (h.value, h.kind), key
    uncertain = sorted(k for k, f in text.items() if f.kind == "uncertain")
    assert uncertain == [("active.normative", c) for c in ("in_force", "issued", "repealed")]
    assert [html[("active.normative", c)].value for c in ("issued", "repealed", "in_force")] == [77, 132, 470]
    assert html[("active.fee", "amount")].value == 5949.088667


@pytest.mark.parametrize(
    "name", ["pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt", "pingtan-2023.html"]
)
def test_tables_add_up(name: str) -> None:
    assert [w for w in report(name).report.warnings if not w.rule.startswith("prose.")] == []


def test_2023_prose_in_force_count_differs_from_table() -> None:
    # prose: 现行有效行政规范性文件393件; table (HTML): 现行有效件数 470 — a real difference
    html = [w.message for w in report("pingtan-2023.html").report.warnings]
    assert html == [
        "正文“清理并集中发布现行有效行政规范性文件393件”为393，但表格“行政规范性文件／现行有效件数”为470"
    ]
    text = [w.message for w in report("pingtan-2023.txt").report.warnings]
    assert len(text) == 1 and "393" in text[0] and "470" in text[0]
