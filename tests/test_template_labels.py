"""Every label path of both template versions, as staff paste it, answers its own cell: 100 %, none wrong.

The paths are generated from the catalogue (tests/label_paths.py): each cell of tables 二, 三 and 四
named with and without numbering, with its group and column headers or without.  Expected figures:
开封2019 (2019 version) read here from the report's own tab-separated table lines, independently of
the parser; 平潭2023 and 洪泽2023 (2021 version) from the stored cells by field id, with a sample of
figures written by hand from the reports' text checked first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge import catalogue
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.models import Report
from knowledge.store import Store
from tests.label_paths import ambiguous, paths

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "knowledge" / "data" / "reports"
CAT = catalogue.default()


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("labels") / "kb.json"
    files = [REPORTS / n for n in ("kaifeng-2019.txt", "pingtan-2023.txt", "hongze-2023.pdf")]
    ingest(files, Store(db), Settings())
    return Answerer(KnowledgeBase.load(db))


def _report(a: Answerer, word: str, year: int) -> Report:
    return next(r for r in a.kb.reports if word in r.agency and r.year == year)


def _numbers(line: str) -> list[float]:
    return [float(c) for c in line.split("\t") if c.strip().lstrip("-").replace(".", "", 1).isdigit()]


def kaifeng_cells() -> dict[str, float]:
    """开封2019's cells by field id, read from its tab-separated lines in template order."""
    lines = (REPORTS / "kaifeng-2019.txt").read_text(encoding="utf-8").splitlines()
    cells: dict[str, float] = {}
    for block in CAT.active["2019"]:
        for r in block.rows:
            line = next(ln for ln in lines if ln.split("\t")[0] in (r.label, *r.variants))
            for c, v in zip(block.columns, _numbers(line), strict=True):
                cells[f"{r.id}/{c.id}"] = v
    start = next(i for i, ln in enumerate(lines) if ln.startswith("一、本年新收"))
    rows = [r for r in CAT.apply_rows if r.version is None and not r.header]
    cols = [c.id for c in CAT.apply_columns]
    table = [ln for ln in lines[start:] if len(_numbers(ln)) == 7][: len(rows)]
    for r, line in zip(rows, table, strict=True):
        for c, v in zip(cols, _numbers(line), strict=True):
            cells[f"{r.id}/{c}"] = v
    for r in CAT.apply_rows:  # the template's sums: a group of reasons, 法人或其他组织
        if r.header:
            for c in cols:
                cells[f"{r.id}/{c}"] = sum(cells[f"{t}/{c}"] for t in r.sum_of)
    for r in CAT.apply_rows:
        if r.version is None:
            cells[f"{r.id}/legal_person"] = sum(cells[f"{r.id}/{c.id}"] for c in CAT.apply_columns if c.group)
    review = _numbers(next(ln for ln in lines if len(_numbers(ln)) == 15))
    parts = [c.id for c in CAT.review_columns]
    for k, g in enumerate(("review", "litigation.direct", "litigation.after_review")):
        for c, v in zip(parts, review[5 * k: 5 * k + 5], strict=True):
            cells[f"{g}/{c}"] = v
    for c in parts:
        cells[f"litigation/{c}"] = cells[f"litigation.direct/{c}"] + cells[f"litigation.after_review/{c}"]
    return cells


def test_kaifeng_cells_read_from_the_text_agree_with_a_hand_written_sample() -> None:
    cells = kaifeng_cells()
    assert cells["apply.total/natural"] == 481  # （七）总计 自然人 — not 新收's 482
    assert cells["apply.new/natural"] == 482
    assert cells["apply.new/other_org"] == 3
    assert cells["apply.partial/commercial"] == 0
    assert cells["apply.withheld/total"] == 85  # 1 + 13 + 71
    assert cells["active.penalty/change"] == 942
    assert cells["active.procurement/amount"] == 24230.9885
    assert cells["litigation.direct/corrected"] == 3
    assert cells["litigation/total"] == 32


def _stored(a: Answerer, r: Report) -> tuple[dict[str, float], list[str]]:
    """A report's stored cells by field id, and the cells stored as uncertain (no figure to expect)."""
    cells, uncertain = {}, []
    for f in a.kb.table_facts(r):
        fid = f"{f.row}/{f.column}"
        if f.kind == "uncertain":
            uncertain.append(fid)
        elif f.value is not None:
            cells[fid] = f.value
    return cells, uncertain


def test_stored_cells_of_the_2021_reports_agree_with_a_hand_written_sample(answerer: Answerer) -> None:
    pt, pt_uncertain = _stored(answerer, _report(answerer, "平潭", 2023))
    # from the report's text: （七）总计801000081, 3.其他1000001, 复议 1 1 0 0 2 | 4 0 0 1 5 | 1 0 1 0 2
    assert (pt["apply.total/natural"], pt["apply.total/total"]) == (80, 81)
    assert (pt["apply.other.other/natural"], pt["apply.other.no_correction/total"]) == (1, 1)
    assert (pt["review/upheld"], pt["litigation.direct/total"], pt["litigation.after_review/other"]) == (1, 5, 1)
    assert (pt["active.penalty/decisions"], pt["active.fee/amount"]) == (1330, 5949.088667)
    assert sorted(pt_uncertain) == ["active.normative/in_force", "active.normative/issued", "active.normative/repealed"]
    hz, hz_uncertain = _stored(answerer, _report(answerer, "洪泽", 2023))
    # from the PDF: 行政许可550, 行政处罚4119, 收费7730.28; 复议 10 1 0 0 0; 复议后起诉 5 0 0 0 0; （六）其他处理 one row
    assert (hz["active.license/decisions"], hz["active.penalty/decisions"], hz["active.fee/amount"]) == (550, 4119, 7730.28)
    assert (hz["review/upheld"], hz["review/corrected"], hz["litigation.after_review/upheld"]) == (10, 1, 5)
    assert hz_uncertain == []


def _ask(a: Answerer, who: str, path: str) -> dict:
    return a.answer(f"{who} {path}", Context()).to_json()


def _run(a: Answerer, who: str, version: str, cells: dict[str, float], skip: list[str]) -> tuple[int, list, list]:
    asked, wrong, missed = 0, [], []
    for fid, path in paths(CAT, version):
        if fid in skip or fid not in cells:
            continue
        asked += 1
        got = _ask(a, who, path)
        if ambiguous(CAT, *fid.split("/"), path):  # two cells: a question back with both, never one of them
            if got["status"] != "clarify" or len(got["options"]) != 2:
                missed.append((path, got["status"], got["text"][:60]))
            continue
        if got["status"] != "answered":
            missed.append((path, got["status"], got["text"][:60]))
        elif got["value"] is None or abs(float(got["value"]) - cells[fid]) > 1e-6 or got["field"] != fid:
            wrong.append((path, got["value"], cells[fid], got["field"]))
    return asked, wrong, missed


def test_every_label_path_of_the_2019_version_answers_its_cell_in_kaifeng_2019(answerer: Answerer) -> None:
    asked, wrong, missed = _run(answerer, "开封市人民政府2019年", "2019", kaifeng_cells(), [])
    assert asked > 500
    assert wrong == []
    assert missed == []


@pytest.mark.parametrize("who,word", [("平潭综合实验区2023年", "平潭"), ("淮安市洪泽区人民政府2023年", "洪泽")])
def test_every_label_path_of_the_2021_version_answers_its_cell(answerer: Answerer, who: str, word: str) -> None:
    cells, uncertain = _stored(answerer, _report(answerer, word, 2023))
    asked, wrong, missed = _run(answerer, who, "2021", cells, uncertain)
    assert asked > 400
    assert wrong == []
    assert missed == []


def test_total_with_an_applicant_and_no_row_asks_which_total(answerer: Answerer) -> None:
    # 新收 自然人 482 and （七）总计 自然人 481 are both an applicant's “总计”: never one picked silently
    got = _ask(answerer, "开封市人民政府2019年", "自然人总计")
    assert got["status"] == "clarify"
    values = [answerer.answer(o, Context()).value for o in got["options"]]
    assert values == [482, 481]


def test_other_under_its_row_asks_between_the_sub_row_and_the_column(answerer: Answerer) -> None:
    got = _ask(answerer, "平潭综合实验区2023年", "其他处理里的其他是多少")
    assert got["status"] == "clarify"
    values = [answerer.answer(o, Context()).value for o in got["options"]]
    assert values == [1, 0]  # 3.其他 总计 1; （六）其他处理 of the column 其他: 0


def test_a_word_for_two_rows_asks_which(answerer: Answerer) -> None:
    got = _ask(answerer, "开封市人民政府2019年", "结转了多少件")  # 上年结转 5 or 结转下年度继续办理 6
    assert got["status"] == "clarify"
    assert [answerer.answer(o, Context()).value for o in got["options"]] == [5, 6]


def test_the_corner_cell_of_table_three_pasted_with_a_path_is_no_item_of_its_own(answerer: Answerer) -> None:
    got = _ask(answerer, "开封市人民政府2019年", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
                                             " 一、本年新收政府信息公开申请数量 申请人情况 自然人")
    assert (got["status"], got["value"], got["field"]) == ("answered", 482, "apply.new/natural")
