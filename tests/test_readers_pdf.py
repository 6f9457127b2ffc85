"""PDF reader on hongze-2023.pdf: prose lines, ruled tables, a table continued across pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.models import Document, Line
from knowledge.readers import read

REPORTS = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "reports"


@pytest.fixture(scope="module")
def doc() -> Document:
    return read(REPORTS / "hongze-2023.pdf")


def row_with(doc: Document, label: str) -> Line:
    """The table row that has a cell reading `label`."""
    return next(line for line in doc.lines if line.kind == "row" and label in line.cells)


def test_title_joins_the_first_lines(doc: Document) -> None:
    assert doc.form == "pdf"
    assert doc.title == "洪泽区人民政府2023年政府信息公开工作年度报告"


def test_prose_keeps_its_figures_without_layout_spaces(doc: Document) -> None:
    texts = [line.text for line in doc.lines if line.kind == "text"]
    assert any("主动公开政府信息1136条" in t for t in texts)
    assert any("受理政府信息公开申请21件" in t for t in texts)
    assert "一、总体情况" in texts and "六、其他需要报告的事项" in texts
    # the page-frame boxes around the prose are not tables
    assert all(line.kind == "text" for line in doc.lines if "总体情况" in line.text)


def test_page_numbers_are_dropped(doc: Document) -> None:
    assert not any(line.text.strip("- ").isdigit() for line in doc.lines if line.kind == "text")
    assert "- 1 -" not in doc.text


def test_table_three_continues_across_the_page_break(doc: Document) -> None:
    first = row_with(doc, "一、本年新收政府信息公开申请数量")
    continued = row_with(doc, "3.补正后申请内容仍不明确")
    assert continued.cells[-7:] == ["0"] * 7
    assert continued.table == first.table
    assert len(continued.cells) == len(first.cells)
    assert row_with(doc, "（七）总计").cells[-7:] == ["21", "0", "0", "0", "0", "0", "21"]


def test_cells_are_rejoined_and_merged_cells_sit_top_left(doc: Document) -> None:
    assert row_with(doc, "三、本年度办理结果").cells[1] == "（一）予以公开"
    assert row_with(doc, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）").cells[-1] == "4"
    assert "4.无正当理由大量反复申请" in row_with(doc, "4.无正当理由大量反复申请").cells
    header = row_with(doc, "商业企业")
    assert {"科研机构", "社会公益组织", "法律服务机构"} <= set(header.cells)
    assert row_with(doc, "2.其他法律行政止公开").cells[:2] == [None, None]  # the report's own typo, kept
    table = header.table
    assert len({len(line.cells) for line in doc.lines if line.table == table}) == 1


def test_table_four_row_and_section_two_across_pages(doc: Document) -> None:
    review = next(line for line in doc.lines if line.kind == "row" and line.cells[:2] == ["10", "1"])
    assert review.cells == ["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"]
    assert "总计" in row_with(doc, "结果维持").cells  # `总 计` lost its space
    # section 二's table runs from page 2 onto page 3 and keeps one table number and width
    assert row_with(doc, "行政许可").table == row_with(doc, "行政事业性收费").table
    assert row_with(doc, "行政处罚").cells == ["行政处罚", "4119", None, None]


def test_rows_sit_between_their_headings(doc: Document) -> None:
    where = {line.text: i for i, line in enumerate(doc.lines)}
    row = doc.lines.index(row_with(doc, "一、本年新收政府信息公开申请数量"))
    assert where["三、收到和处理政府信息公开申请情况"] < row < where["四、政府信息公开行政复议、行政诉讼情况"]
