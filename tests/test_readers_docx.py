"""DOCX reader on a document built here from kaifeng-2019's table 三, with merged cells."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from knowledge.models import Document
from knowledge.readers import read, read_bytes

REPORTS = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "reports"


def kaifeng_table_three() -> list[list[str]]:
    """Rows of table 三 from kaifeng-2019.txt (label, sub-label, sub-sub-label, 7 figures)."""
    text = (REPORTS / "kaifeng-2019.txt").read_text(encoding="utf-8")
    body = text.split("### 三、收到和处理政府信息公开申请情况")[1].split("### 四、")[0]
    rows = []
    for raw in body.splitlines():
        cells = [c.strip() for c in raw.split("\t") if c.strip()]
        if len(cells) >= 8 and cells[-1].isdigit():
            labels, figures = cells[:-7], cells[-7:]
            rows.append([*labels, *figures])
    return rows


def build() -> bytes:
    """A .docx: title, heading, table 三 (label cells merged as in the template), next heading."""
    rows = kaifeng_table_three()
    word = docx.Document()
    word.add_paragraph("开封市人民政府2019年政府信息公开工作年度报告")
    word.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = word.add_table(rows=len(rows), cols=10)
    results: list[int] = []  # rows under 三、本年度办理结果
    withheld: list[int] = []  # rows under （三）不予公开
    for r, cells in enumerate(rows):
        labels, figures = cells[:-7], cells[-7:]
        for c, value in enumerate(figures):
            table.cell(r, 3 + c).text = value
        if labels[0].startswith(("一、", "二、", "四、")):
            table.cell(r, 0).merge(table.cell(r, 2)).text = labels[0]
            continue
        results.append(r)
        labels = [label for label in labels if not label.startswith("三、")]
        if labels[0].startswith("(三)") or withheld and len(withheld) < 8:
            withheld.append(r)
        if len(labels) == 2:  # group and item: "(四) 无法提供", "1.本机关不掌握…"
            table.cell(r, 1).text, table.cell(r, 2).text = labels
        elif labels[0].startswith("("):  # a group without items: (一) (二) (六) (七)
            table.cell(r, 1).merge(table.cell(r, 2)).text = labels[0]
        else:  # an item under the group above
            table.cell(r, 2).text = labels[0]
    table.cell(results[0], 0).merge(table.cell(results[-1], 0)).text = "三、本年度办理结果"
    table.cell(withheld[0], 1).merge(table.cell(withheld[-1], 1)).text = "（三）不予公开"
    word.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    buf = io.BytesIO()
    word.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_bytes(build(), "kaifeng.docx")


def test_rows_come_back_with_their_figures(doc: Document) -> None:
    assert doc.form == "docx"
    first = next(line for line in doc.lines if line.cells[0] == "一、本年新收政府信息公开申请数量")
    assert first.grid and first.cells == [
        "一、本年新收政府信息公开申请数量",
        None,
        None,
        "482",
        "38",
        "2",
        "1",
        "1",
        "3",
        "527",
    ]
    total = next(line for line in doc.lines if line.kind == "row" and "(七) 总计" in line.cells)
    assert total.cells[-7:] == ["481", "38", "2", "1", "1", "3", "526"]


def test_merged_cells_are_top_left_with_none_below(doc: Document) -> None:
    rows = [line.cells for line in doc.lines if line.kind == "row"]
    assert len({len(r) for r in rows}) == 1
    top = next(r for r in rows if r[0] == "三、本年度办理结果")
    assert top[1] == "(一) 予以公开"
    secret = next(r for r in rows if r[2] == "1.属于国家秘密")
    assert secret[:2] == [None, "（三）不予公开"]
    assert secret[-7:] == ["0", "0", "0", "0", "0", "0", "0"]
    third_party = next(r for r in rows if r[2] == "4.保护第三方合法权益")
    assert third_party[:2] == [None, None] and third_party[3] == "13"
    carried = next(r for r in rows if r[0] == "四、结转下年度继续办理")
    assert carried[1:3] == [None, None]


def test_paragraphs_and_tables_keep_body_order(doc: Document) -> None:
    kinds = [(line.kind, line.text.split("\t")[0]) for line in doc.lines]
    assert kinds[0] == ("text", "开封市人民政府2019年政府信息公开工作年度报告")
    assert kinds[1] == ("text", "三、收到和处理政府信息公开申请情况")
    assert all(k == "row" for k, _ in kinds[2:-1])
    assert kinds[-1] == ("text", "四、政府信息公开行政复议、行政诉讼情况")
    assert {line.table for line in doc.lines if line.kind == "row"} == {1}
    assert doc.title == "开封市人民政府2019年政府信息公开工作年度报告"


def test_read_from_disk_and_mislabelled_extension(tmp_path: Path, doc: Document) -> None:
    path = tmp_path / "kaifeng.docx"
    path.write_bytes(build())
    assert read(path).text == doc.text
    wrong = tmp_path / "kaifeng.doc"  # a .docx saved with the old extension is still read
    wrong.write_bytes(build())
    assert read(wrong).text == doc.text
