"""HTML reader on the published pingtan-2023 page: article body, grids, navigation dropped, GBK pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.models import Document, Line
from knowledge.readers import read, read_bytes

REPORTS = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "reports"
PAGE = REPORTS / "pingtan-2023.html"


@pytest.fixture(scope="module")
def doc() -> Document:
    return read(PAGE)


def row_starting(doc: Document, label: str) -> Line:
    """The first table row whose first non-empty cell is `label`."""
    return next(
        line for line in doc.lines if line.kind == "row" and next(c for c in line.cells if c) == label
    )


def test_form_title_and_url(doc: Document) -> None:
    assert doc.form == "html"
    assert doc.title == "平潭综合实验区2023年度政府信息公开工作年度报告"
    assert doc.url == "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm"


def test_table_three_new_applications_row(doc: Document) -> None:
    line = row_starting(doc, "一、本年新收政府信息公开申请数量")
    assert line.grid
    assert line.cells[-7:] == ["80", "1", "0", "0", "0", "0", "81"]


def test_table_four_data_row(doc: Document) -> None:
    line = next(x for x in doc.lines if x.kind == "row" and x.cells[:2] == ["1", "1"])
    assert line.cells == ["1", "1", "0", "0", "2", "4", "0", "0", "1", "5", "1", "0", "1", "0", "2"]


def test_merged_cells_sit_top_left_and_rows_are_rectangular(doc: Document) -> None:
    table = row_starting(doc, "一、本年新收政府信息公开申请数量").table
    rows = [line.cells for line in doc.lines if line.table == table]
    assert len({len(r) for r in rows}) == 1
    assert rows[0][0].startswith("（本列数据的勾稽关系为") and rows[0][1:3] == [None, None]
    assert rows[0][3] == "申请人情况" and rows[0][4:] == [None] * 6
    # <p>商业</p><p>企业</p> in one cell joins without a space
    assert "商业企业" in rows[2] and "科研机构" in rows[2]
    result = row_starting(doc, "三、本年度办理结果")
    assert result.cells[1] == "（一）予以公开"
    withheld = row_starting(doc, "（三）不予公开")
    assert withheld.cells[0] is None and withheld.cells[2] == "1.属于国家秘密"
    # covered rows below the merged (三) cell start with None, None
    secret_law = next(x for x in doc.lines if x.kind == "row" and x.cells[2] == "2.其他法律行政法规禁止公开")
    assert secret_law.cells[:2] == [None, None]


def test_paragraphs_in_order_and_headings_clean(doc: Document) -> None:
    texts = [line.text for line in doc.lines if line.kind == "text"]
    assert (
        texts.index("一、总体情况")
        < texts.index("二、主动公开政府信息情况")
        < texts.index("六、其他需要报告的事项")
    )
    assert any("2023年全区共主动公开政府信息13561条" in t for t in texts)
    # the table of section 二 sits between its heading and section 三's heading
    idx = {line.text: i for i, line in enumerate(doc.lines)}
    first_row = next(i for i, line in enumerate(doc.lines) if line.kind == "row")
    assert idx["二、主动公开政府信息情况"] < first_row < idx["三、收到和处理政府信息公开申请情况"]


def test_site_navigation_and_footer_are_not_in_the_document(doc: Document) -> None:
    text = doc.text
    for noise in ("走进平潭", "互动交流", "网站支持IPV6", "友情链接", "闽政通APP"):
        assert noise not in text
    assert "function" not in text and "{" not in text


@pytest.mark.parametrize("meta", ["gbk", "gb2312", None])
def test_gbk_page_decodes_to_the_same_text(doc: Document, meta: str | None) -> None:
    html = PAGE.read_text(encoding="utf-8")
    assert '<meta charset="utf-8"' in html
    html = html.replace('<meta charset="utf-8"', f'<meta charset="{meta}"' if meta else "<meta")
    gbk = read_bytes(html.encode("gb18030"), "pingtan.html")
    assert gbk.text == doc.text
    assert gbk.title == doc.title
    assert gbk.encoding == "gb18030"


def test_small_page_with_br_spans_and_meta_url() -> None:
    html = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
    <meta property="og:url" content="https://example.gov.cn/nb.html"><title>2023年报告 - 某县</title></head>
    <body><div class="menu"><a>首页</a></div><div id="zoom"><h1>某县2023年政府信息公开工作年度报告</h1>
    <p>一、总体情况</p><p>共主动公开政府信息 <b>12</b> 条。</p>
    <table><tr><td rowspan="2">信息<br/>内容</td><td colspan="2">本年新<br>制作数量</td></tr>
    <tr><td>1</td><td>2</td></tr><tr><td>规章</td><td>3</td></tr></table><p>二、主动公开政府信息情况</p></div></body></html>"""
    doc = read_bytes(html.encode(), "page.htm")
    assert doc.title == "某县2023年政府信息公开工作年度报告"
    assert doc.url == "https://example.gov.cn/nb.html"
    rows = [line.cells for line in doc.lines if line.kind == "row"]
    assert rows == [["信息内容", "本年新制作数量", None], [None, "1", "2"], ["规章", "3", ""]]
    assert "共主动公开政府信息12条。" in [line.text for line in doc.lines]
