"""Errors injected into the shared reports' figures are all flagged, and nothing else is.

Single cells: every printed figure of tables 三 and 四 of the five shared reports (the cells the
template's sums cover) is raised by 7 in the parsed facts, one at a time; the checks must name that
cell, and every other warning must be one the untouched report already had.  Two text edits go the
whole way: `check FILE` and `ask --json`.  Across years: a copy of 平潭 2023 stored as 2024 (the same
figures: its 上年结转 0 is 2023's 结转下年度 0, 规章现行有效 0 = 0 + 0 − 0, nothing changes tenfold) is
clean; a wrong 上年结转, a 现行有效 that does not follow, and a tenfold count are each flagged, in
`check --db` and in `ask --json`, and re-checked when either year is replaced or removed.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import Settings
from knowledge.catalogue import default as catalogue
from knowledge.checks.sums import run
from knowledge.ingest import parse_file
from knowledge.kb import KnowledgeBase
from knowledge.models import Fact, Parsed, Warning_
from knowledge.paths import DATA
from knowledge.store import Store

REPORTS = DATA / "reports"
SHARED = ["kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt", "hongze-2023.pdf"]
TABLES = ("apply.", "review", "litigation")


@pytest.fixture(scope="module")
def parsed() -> dict[str, Parsed]:
    return {name: parse_file(REPORTS / name, Settings()) for name in SHARED}


def _printed(facts: list[Fact]) -> list[Fact]:
    return [f for f in facts if f.row.startswith(TABLES) and f.kind in ("number", "zero") and not f.derived_from]


def _names(w) -> set[tuple[str, str | None]]:  # noqa: ANN001
    return {(c["row"], c["column"]) for c in w.cells if c.get("year") is None}


@pytest.mark.parametrize("name", SHARED)
def test_every_single_cell_error_is_flagged_and_nothing_else(parsed: dict[str, Parsed], name: str) -> None:
    p, cat = parsed[name], catalogue()
    before = {w.message for w in run(p.report, p.facts, cat)}
    assert before == {w.message for w in p.report.warnings if not w.rule.startswith("scan.")}  # untouched: as stored
    cells = _printed(p.facts)
    assert len(cells) >= 60  # tables 三 and 四 were read
    missed, false = [], []
    for f in cells:
        facts = [replace(x, value=(x.value or 0) + 7, kind="number") if x is f else x for x in p.facts]
        got = run(p.report, facts, cat)
        if not any((f.row, f.column) in _names(w) for w in got):
            missed.append((f.row, f.column))
        false += [w.message for w in got if w.message not in before and (f.row, f.column) not in _names(w)]
    assert (missed, false) == ([], [])


def _edited(tmp: Path, edits: list[tuple[str, str]]) -> Path:
    text = (REPORTS / "kaifeng-2019.txt").read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1
        text = text.replace(old, new)
    path = tmp / "kaifeng-2019.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_text_edits_reach_check_and_ask_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 行政复议 总计 19 → 21 (its results add up to 19); 结果维持 of 复议后起诉 … left as printed
    path = _edited(tmp_path, [("10\t2\t2\t5\t19\t15", "10\t2\t2\t5\t21\t15")])
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "- 表四“行政复议”：结果维持10＋结果纠正2＋其他结果2＋尚未审结5＝19，但总计为21（四、政府信息公开行政复议、行政诉讼情况）" in out
    db = tmp_path / "kb"
    assert main(["ingest", "--db", str(db), str(path)]) == 0
    capsys.readouterr()
    assert main(["ask", "--db", str(db), "--json", "开封2019年行政复议结果纠正多少件"]) == 0
    got = json.loads(capsys.readouterr().out)
    # the prose's “行政复议19件” now disagrees with the 总计 too: that warning goes with the 总计, not with 结果纠正
    assert (got["value"], got["warnings"]) == (2, [
        "报告自身数字不一致：表四“行政复议”：结果维持10＋结果纠正2＋其他结果2＋尚未审结5＝19，但总计为21"])
    assert main(["ask", "--db", str(db), "--json", "开封2019年行政复议多少件"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == [
        "报告自身数字不一致：表四“行政复议”：结果维持10＋结果纠正2＋其他结果2＋尚未审结5＝19，但总计为21",
        "报告正文与表格不一致：正文“政府信息公开共收到行政复议19件”为19，但表格“行政复议／总计”为21"]
    assert main(["ask", "--db", str(db), "--json", "开封2019年行政诉讼多少件"]) == 0  # other cells: untouched
    assert json.loads(capsys.readouterr().out)["warnings"] == []


# ---------------------------------------------------------------- across years

def _as_year(p: Parsed, year: int, **cells: float) -> Parsed:
    """p as the same body's report of another year, with cells (row__column=value) changed."""
    rid = f"{p.report.agency}-{year}"
    want = {tuple(k.split("__")): v for k, v in cells.items()}
    facts = [replace(f, report=rid, value=want.get((f.row, f.column), f.value),
                     kind="number" if (f.row, f.column) in want else f.kind) for f in p.facts]
    report = replace(p.report, id=rid, year=year, warnings=run(p.report, facts, catalogue()))
    return Parsed(report, facts)


def _years(db: Path) -> dict[int, list[str]]:
    kb = KnowledgeBase.load(db)
    return {r.year: [w.message for w in r.warnings if w.rule.startswith("years.")] for r in kb.described()}


def test_cross_year_errors_are_flagged_stored_with_the_later_report_and_rechecked(
        tmp_path: Path, parsed: dict[str, Parsed], capsys: pytest.CaptureFixture[str]) -> None:
    p23 = parsed["pingtan-2023.txt"]
    db = tmp_path / "kb"
    store = Store(db)
    store.put([_as_year(p23, 2024), p23])  # the later year first: its check is made when 2023 arrives
    assert _years(db) == {2023: [], 2024: []}
    store.put([_as_year(p23, 2024, **{"apply.carried_in__total": 3, "apply.carried_in__natural": 3})])
    assert _years(db)[2024] == ["2024年上年结转（“自然人”列）3件，但2023年报告的结转下年度继续办理为0件",
                                "2024年上年结转（总计）3件，但2023年报告的结转下年度继续办理为0件"]
    assert main(["check", "--db", str(db), "平潭"]) == 0
    out = capsys.readouterr().out.split("\n")
    assert ("平潭综合实验区2024年 · 三、收到和处理政府信息公开申请情况 · 上年结转政府信息公开申请数量、"
            "2023年结转下年度继续办理 · 与上年报告不一致：2024年上年结转（总计）3件，但2023年报告的结转下年度继续办理为0件") in out
    assert main(["ask", "--db", str(db), "--json", "平潭2023年结转下年度继续办理多少件"]) == 0  # the earlier cell too
    got = json.loads(capsys.readouterr().out)
    assert (got["value"], got["warnings"]) == (0, ["与上年报告不一致：2024年上年结转（总计）3件，但2023年报告的结转下年度继续办理为0件"])
    # replaced: a 现行有效 that does not follow (a note), and 81 → 810 (ten times: not more than tenfold)
    store.put([_as_year(p23, 2024, **{"active.rule__in_force": 5, "apply.new__total": 810})])
    assert _years(db)[2024] == ["2024年“规章”现行有效5件，按2023年现行有效0＋本年制发0－本年废止0应为0件（清理文件也会使其不同）"]
    store.put([_as_year(p23, 2024, **{"apply.new__total": 820})])
    assert _years(db)[2024] == ["“一、本年新收政府信息公开申请数量／总计”2024年为820，2023年为81，相差10.1倍"]
    assert main(["ask", "--db", str(db), "--json", "平潭2024年本年新收政府信息公开申请多少件"]) == 0
    assert "请核对：“一、本年新收政府信息公开申请数量／总计”2024年为820，2023年为81，相差10.1倍" in json.loads(
        capsys.readouterr().out)["warnings"]
    store.put([_as_year(p23, 2023, **{"apply.carried_out__total": 820})])  # the earlier year replaced: 2024 re-checked
    assert _years(db)[2024][0] == "2024年上年结转（总计）0件，但2023年报告的结转下年度继续办理为820件"
    store.remove(f"{p23.report.agency}-2023")
    assert _years(db) == {2024: []}


def test_ingest_says_what_each_year_now_says_against_the_other(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 开封's 2019 report copied as 2020: its 上年结转 5 (自然人 5) is not 2019's 结转下年度 6 (自然人 6)
    copy = tmp_path / "kaifeng-2020.txt"
    copy.write_text((REPORTS / "kaifeng-2019.txt").read_text(encoding="utf-8").replace("2019", "2020"), encoding="utf-8")
    db = str(tmp_path / "kb")
    assert main(["ingest", "--db", db, str(copy)]) == 0
    capsys.readouterr()
    assert main(["ingest", "--db", db, str(REPORTS / "kaifeng-2019.txt")]) == 0
    assert capsys.readouterr().out.split("\n")[2] == (
        "已重新核对开封市人民政府2020年的报告与上年报告：2020年上年结转（“自然人”列）5件，但2019年报告的结转下年度继续办理为6件；"
        "2020年上年结转（总计）5件，但2019年报告的结转下年度继续办理为6件")
    assert main(["ingest", "--db", db, str(copy)]) == 0  # the later one again: said with it
    assert capsys.readouterr().out.split("\n")[2:4] == [
        "  跨年度提示：2020年上年结转（“自然人”列）5件，但2019年报告的结转下年度继续办理为6件",
        "  跨年度提示：2020年上年结转（总计）5件，但2019年报告的结转下年度继续办理为6件"]
    assert main(["reports", "--db", db]) == 0
    assert [ln.split("\t")[3] for ln in capsys.readouterr().out.strip().split("\n")] == ["1条提示", "3条提示"]


def test_a_folder_of_two_years_is_stored_with_its_cross_year_warnings(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    # bulk ingest (a folder) sends each worker's encoded file: the write must still store both reports and
    # check them against each other — it failed whole with 内部错误 when the cross-year checks came in
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kaifeng-2019.txt").write_bytes((REPORTS / "kaifeng-2019.txt").read_bytes())
    (folder / "kaifeng-2020.txt").write_text(
        (REPORTS / "kaifeng-2019.txt").read_text(encoding="utf-8").replace("2019", "2020"), encoding="utf-8")
    db = str(tmp_path / "kb")
    assert main(["ingest", "--db", db, str(folder)]) == 0
    capsys.readouterr()
    assert main(["reports", "--db", db]) == 0
    assert [ln.split("\t")[3] for ln in capsys.readouterr().out.strip().split("\n")] == ["1条提示", "3条提示"]
    assert main(["ask", "--db", db, "--json", "开封2020年上年结转多少件"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["value"] == 5
    assert got["warnings"] == ["与上年报告不一致：2020年上年结转（总计）5件，但2019年报告的结转下年度继续办理为6件"]


def test_a_base_whose_directory_predates_the_across_list_still_warns_and_learns_it_at_the_next_write(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the directory lists which reports warn against the year before, so a reply reads the next year's
    # report only then; a base written before that list existed must still carry the warning
    copy = tmp_path / "kaifeng-2020.txt"
    copy.write_text((REPORTS / "kaifeng-2019.txt").read_text(encoding="utf-8").replace("2019", "2020"), encoding="utf-8")
    db = tmp_path / "kb"
    assert main(["ingest", "--db", str(db), str(REPORTS / "kaifeng-2019.txt"), str(copy)]) == 0
    directory = db / json.loads((db / "catalogue.json").read_text(encoding="utf-8"))["kb"]["1"]["directory"]
    doc = json.loads(directory.read_text(encoding="utf-8"))
    assert doc["directory"]["1"].pop("across") == {"开封市人民政府": [2020]}
    directory.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    want = ["与上年报告不一致：2020年上年结转（总计）5件，但2019年报告的结转下年度继续办理为6件"]
    assert main(["ask", "--db", str(db), "--json", "开封2019年结转下年度继续办理多少件"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == want
    assert main(["ingest", "--db", str(db), str(REPORTS / "pingtan-2023.txt")]) == 0
    directory = db / json.loads((db / "catalogue.json").read_text(encoding="utf-8"))["kb"]["1"]["directory"]
    assert json.loads(directory.read_text(encoding="utf-8"))["directory"]["1"]["across"] == {"开封市人民政府": [2020]}
    capsys.readouterr()
    assert main(["ask", "--db", str(db), "--json", "开封2019年结转下年度继续办理多少件"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == want


@pytest.fixture(scope="module")
def pingtan_2023() -> Parsed:
    return parse_file(REPORTS / "pingtan-2023.txt", Settings())


def test_in_force_follows_from_last_years_plus_issued_minus_repealed_row_by_row(pingtan_2023: Parsed) -> None:
    from knowledge.checks.years import across

    p23 = pingtan_2023
    before = _as_year(p23, 2023, **{"active.rule__in_force": 10, "active.normative__in_force": 20})
    # 规章 10 + 3 − 2 = 11; 行政规范性文件 20 + 4 − 1 = 23
    made = {"active.rule__issued": 3, "active.rule__repealed": 2, "active.normative__issued": 4,
            "active.normative__repealed": 1}

    def said(**cells: float) -> list[str]:
        now = _as_year(p23, 2024, **made, **cells)
        return [w.message for w in across(before.report, before.facts, now.report, now.facts)]

    assert said(**{"active.rule__in_force": 11, "active.normative__in_force": 23}) == []
    assert said(**{"active.rule__in_force": 11, "active.normative__in_force": 24}) == [  # one more: said
        "2024年“行政规范性文件”现行有效24件，按2023年现行有效20＋本年制发4－本年废止1应为23件（清理文件也会使其不同）"]
    assert said(**{"active.rule__in_force": 12, "active.normative__in_force": 23}) == [
        "2024年“规章”现行有效12件，按2023年现行有效10＋本年制发3－本年废止2应为11件（清理文件也会使其不同）"]
    now = _as_year(p23, 2024, **made, **{"active.rule__in_force": 12, "active.normative__in_force": 23})
    # a note (说明), under table 二's heading, carried by the three cells of 2024 and 2023's 现行有效
    assert across(before.report, before.facts, now.report, now.facts) == [Warning_(
        "years.in_force", "2024年“规章”现行有效12件，按2023年现行有效10＋本年制发3－本年废止2应为11件（清理文件也会使其不同）",
        "二、主动公开政府信息情况",
        [{"row": "active.rule", "column": "in_force", "year": None}, {"row": "active.rule", "column": "issued", "year": None},
         {"row": "active.rule", "column": "repealed", "year": None},
         {"row": "active.rule", "column": "in_force", "year": 2023}], "note")]


def test_in_force_is_not_checked_when_a_term_is_not_printed(pingtan_2023: Parsed) -> None:
    from knowledge.checks.years import across

    p23 = pingtan_2023
    before = _as_year(p23, 2023, **{"active.rule__in_force": 10})
    for blank in ("in_force", "issued", "repealed"):
        now = _as_year(p23, 2024, **{"active.rule__in_force": 30, "active.rule__issued": 3, "active.rule__repealed": 2})
        now = Parsed(now.report, [replace(f, value=None, kind="blank") if (f.row, f.column) == ("active.rule", blank)
                                  else f for f in now.facts])
        assert [w.message for w in across(before.report, before.facts, now.report, now.facts)] == [], blank
    now = _as_year(p23, 2024, **{"active.rule__in_force": 30, "active.rule__issued": 3, "active.rule__repealed": 2})
    blank_before = Parsed(before.report, [replace(f, value=None, kind="blank")
                                          if (f.row, f.column) == ("active.rule", "in_force") else f
                                          for f in before.facts])
    assert [w.message for w in across(blank_before.report, blank_before.facts, now.report, now.facts)] == []
