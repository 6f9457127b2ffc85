"""Text reader on the bundled reports: tab tables, markdown, crawler-saved pages, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.models import Document
from knowledge.readers import read, read_bytes
from knowledge.readers.text import lines_of

REPORTS = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "reports"


def rows(doc: Document) -> list[list[str | None]]:
    """The cells of every table row."""
    return [line.cells for line in doc.lines if line.kind == "row"]


def test_kaifeng_tab_rows_keep_their_figures() -> None:
    doc = read(REPORTS / "kaifeng-2019.txt")
    assert doc.form == "text"
    assert ["行政许可", "16918", "3672", "697542"] in rows(doc)
    assert ["规章", "12", "12", "54"] in rows(doc)
    assert all(not line.grid for line in doc.lines)


def test_kaifeng_headings_lose_markdown_marks_and_tables_are_numbered() -> None:
    doc = read(REPORTS / "kaifeng-2019.txt")
    texts = [line.text for line in doc.lines if line.kind == "text"]
    assert "四、政府信息公开行政复议、行政诉讼情况" in texts
    assert "二、主动公开政府信息情况" in texts
    assert not any(t.startswith("#") or "**" in t for t in texts)
    assert any(t.startswith("（一）主动公开政府信息情况。一是") for t in texts)
    assert doc.title == "开封市人民政府2019年政府信息公开工作年度报告"
    # table 三 (申请情况) and table 四 (复议诉讼) are separate tables, each numbered once
    apply_row = next(line for line in doc.lines if line.cells[0] == "一、本年新收政府信息公开申请数量")
    review_row = next(line for line in doc.lines if line.cells[:3] == ["10", "2", "2"])
    assert apply_row.table is not None and review_row.table is not None
    assert review_row.table > apply_row.table
    assert "" not in [line.text for line in doc.lines]


@pytest.mark.parametrize(
    ("name", "title", "url"),
    [
        (
            "pingtan-2019.txt",
            "平潭综合实验区2019年度政府信息公开工作年度报告",
            "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202001/t20200120_80576.htm",
        ),
        (
            "pingtan-2023.txt",
            "平潭综合实验区2023年度政府信息公开工作年度报告",
            "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm",
        ),
    ],
)
def test_crawled_text_header_gives_title_and_url(name: str, title: str, url: str) -> None:
    doc = read(REPORTS / name)
    assert doc.form == "crawled"
    assert doc.title == title
    assert doc.url == url
    assert "原文链接" not in doc.text and "正文 ====" not in doc.text and "发布时间:" not in doc.text
    # the body is passed through: the run-together table text is still there, unsplit
    assert "一、本年新收政府信息公开申请数量" in doc.text


def test_markdown_table_rows_without_rule_rows() -> None:
    md = "# 某县2023年政府信息公开工作年度报告\n\n| 信息内容 | 本年制发件数 |\n|---|:---:|\n| 规章 | 3 |\n\n正文一段。\n"
    doc = read_bytes(md.encode(), "report.md")
    assert rows(doc) == [["信息内容", "本年制发件数"], ["规章", "3"]]
    assert [line.table for line in doc.lines if line.kind == "row"] == [1, 1]
    assert doc.lines[-1].cells == ["正文一段。"] and doc.lines[-1].table is None
    assert doc.title == "某县2023年政府信息公开工作年度报告"


def test_utf8_bom_and_gbk_text_decode_to_the_same_lines() -> None:
    data = (REPORTS / "kaifeng-2019.txt").read_bytes()
    plain = read_bytes(data, "kaifeng.txt")
    with_bom = read_bytes(b"\xef\xbb\xbf" + data, "kaifeng.txt")
    gbk = read_bytes(data.decode("utf-8").encode("gbk"), "kaifeng.txt")
    assert with_bom.text == plain.text
    assert with_bom.lines[0].cells[0] == "开封市人民政府2019年政府信息公开工作年度报告"  # no stray \ufeff
    assert gbk.text == plain.text
    assert gbk.encoding == "gb18030"


def test_unknown_extension_with_text_content_is_read_as_text() -> None:
    doc = read_bytes("规章\t12\t12\t54\n".encode(), "report.dat")
    assert rows(doc) == [["规章", "12", "12", "54"]]


def test_cells_saved_one_per_line_are_put_back_into_rows() -> None:
    text = "信息内容\n本年新\n制作数量\n规章\n\n  0\n\n3\n\n  -1\n规范性文件(指…)\n2\n无此说明。\n5"
    rows = [ln.cells for ln in lines_of(text) if ln.kind == "row"]
    assert rows == [["规章", "0", "3", "-1"], ["规范性文件(指…)", "2"]]  # a sentence before 5 is no label


def test_bars_closing_cells_on_lines_of_their_own_join_their_row() -> None:
    text = "规章 |\n|\n|\n|\n行政许可 | 71 | -11 | 0 |\n行政规范性文件\n|\n0 |\n2 |"
    rows = [ln.cells for ln in lines_of(text) if ln.kind == "row"]
    assert rows == [["规章", "", "", ""], ["行政许可", "71", "-11", "0"], ["行政规范性文件", "0", "2"]]  # its `|` closes the label cell


def test_markdown_rows_of_numbers_stay_rows_of_their_own() -> None:
    text = "| 结果维持 | 结果纠正 |\n|---|---|\n| 10 | 2 |\n## 六、其他需要报告的事项\n无"
    lines = lines_of(text)
    assert [ln.cells for ln in lines if ln.kind == "row"] == [["结果维持", "结果纠正"], ["10", "2"]]
    assert [ln.cells for ln in lines if ln.kind == "text"] == [["六、其他需要报告的事项"], ["无"]]
