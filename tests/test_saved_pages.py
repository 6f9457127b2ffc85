"""Real report pages as they reach users (tests/data/pages, each cited in its README): the body and year
found wherever the page gives them, the cells present read, the cut named, questions on the cut part
refused with the reason.  Every expected value is read off the page's text by hand."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.reply.answer import Answerer
from knowledge import readers
from knowledge.kb import KnowledgeBase
from knowledge.models import Parsed
from knowledge.template.parse import parse

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "pages"
FILES = sorted(PAGES.glob("*.txt"))


def parsed(name: str) -> Parsed:
    return parse(readers.read(PAGES / name))


def cells(p: Parsed) -> dict[tuple[str, str | None], float | None]:
    return {(f.row, f.column): f.value for f in p.facts if f.row != "prose" and not f.derived_from}


def kinds(p: Parsed) -> dict[tuple[str, str | None], str]:
    return {(f.row, f.column): f.kind for f in p.facts if f.row != "prose" and not f.derived_from}


CUT_AT_ONE = ["页面止于一、总体情况", "表二缺失（页面在“一”处截断）", "表三缺失（页面在“一”处截断）",
              "表四缺失（页面在“一”处截断）", "第五部分“存在的主要问题及改进情况”缺失（页面在“一”处截断）",
              "第六部分“其他需要报告的事项”缺失（页面在“一”处截断）"]  # fmt: skip
CUT_AT_TWO = ["页面止于二、主动公开政府信息情况", "表三缺失（页面在“二”处截断）", "表四缺失（页面在“二”处截断）",
              "第五部分“存在的主要问题及改进情况”缺失（页面在“二”处截断）",
              "第六部分“其他需要报告的事项”缺失（页面在“二”处截断）"]  # fmt: skip


def test_county_named_only_in_the_text_and_heading_split_over_two_lines() -> None:
    # “县政府编制了2020年度政府信息公开工作报告”; “2020年,大英县认真贯彻…”; “一、” / “总体情况”
    p = parsed("daying-2020.txt")
    r = p.report
    assert (r.agency, r.year, r.identified_from) == ("大英县人民政府", 2020, "正文首句与正文地名")
    assert [s.id for s in r.sections] == ["序", "一"]
    assert r.missing == CUT_AT_ONE
    assert cells(p) == {}


def test_title_over_two_lines_prose_only() -> None:
    p = parsed("chengkou-2020.txt")
    r = p.report
    assert (r.agency, r.year, r.identified_from) == ("城口县人民政府机关", 2020, None)
    assert r.missing == CUT_AT_ONE
    assert {f.value for f in p.facts if f.row == "prose"} >= {4891, 15, 102}


def test_new_area_committee_table_two_one_cell_per_line() -> None:
    p = parsed("changchun-xinqu-2025.txt")
    r = p.report
    assert (r.agency, r.year, r.template, r.aliases) == ("长春新区管委会", 2025, "2021", [])  # not “登录注册”
    assert cells(p) == {
        ("active.rule", "issued"): 0, ("active.rule", "repealed"): 0, ("active.rule", "in_force"): 0,
        ("active.normative", "issued"): 1, ("active.normative", "repealed"): 8, ("active.normative", "in_force"): 15,
        ("active.license", "decisions"): 29858, ("active.penalty", "decisions"): 912,
        ("active.coercion", "decisions"): 7, ("active.fee", "amount"): 5125.11,
    }  # fmt: skip
    assert r.missing == ["页面止于三、收到和处理政府信息公开申请情况", "表三缺失（页面在“三”处截断）",
                         "表四缺失（页面在“三”处截断）", "第五部分“存在的主要问题及改进情况”缺失（页面在“三”处截断）",
                         "第六部分“其他需要报告的事项”缺失（页面在“三”处截断）"]  # fmt: skip


ZERO_2019_BLOCKS = {(row, col): 0 for row in ("active.rule", "active.normative")
                    for col in ("new_made", "new_published", "total_published")} | {
                   (row, col): 0 for row in ("active.license", "active.other_service", "active.penalty", "active.coercion")
                   for col in ("prev_items", "change", "decisions")}  # fmt: skip


def test_town_with_breadcrumb_and_cells_separated_by_spaces() -> None:
    p = parsed("huilan-2019.txt")
    r = p.report
    assert (r.agency, r.year, r.template, r.aliases) == ("乐至县回澜镇人民政府", 2019, "2019", [])  # not “关于”
    assert cells(p) == ZERO_2019_BLOCKS  # blocks (一)(五)(六); (八) is where the page stops
    assert set(kinds(p).values()) == {"zero"}
    assert r.missing == CUT_AT_TWO


def test_town_with_rows_between_bars_empty_cells_and_noted_labels() -> None:
    # 规章 |⏎|⏎|⏎| (three empty cells); 规范性文件(指各行政机关印发的有正式文号的文件) | 2 | 0 | 83 |
    p = parsed("hushi-2019.txt")
    got, kind = cells(p), kinds(p)
    assert (p.report.agency, p.report.year) == ("胡市镇人民政府", 2019)
    assert [kind[("active.rule", c)] for c in ("new_made", "new_published", "total_published")] == ["blank"] * 3
    assert [got[("active.normative", c)] for c in ("new_made", "new_published", "total_published")] == [2, 0, 83]
    assert [got[("active.license", c)] for c in ("prev_items", "change", "decisions")] == [71, -11, 0]
    assert p.report.missing == CUT_AT_TWO


def test_town_with_cells_one_per_line_and_headers_over_two_lines() -> None:
    # “本年新” / “制作数量”; the 本年增/减 header printed as “本年增/”; every cell 0
    p = parsed("mashui-2019.txt")
    r = p.report
    assert (r.agency, r.year, r.aliases) == ("马水镇人民政府", 2019, ["马水镇"])
    assert cells(p) == ZERO_2019_BLOCKS
    assert "uncertain" not in kinds(p).values()
    assert r.missing == CUT_AT_TWO


def test_title_only_in_the_opening_sentence_and_tables_as_pictures() -> None:
    # “特向社会公布2019年度青龙镇政府(机关)信息公开年度报告”; address “建水县青龙镇人民政府”
    p = parsed("qinglong-2019.txt")
    r = p.report
    assert (r.agency, r.year, r.identified_from) == ("建水县青龙镇人民政府", 2019, "正文首句")
    assert [s.id for s in r.sections] == ["序", "一", "二", "三", "四", "五"]
    assert r.missing == ["表二缺失（可能为图片或页面不完整）", "表三缺失（可能为图片或页面不完整）",
                         "表四缺失（可能为图片或页面不完整）", "第六部分“其他需要报告的事项”缺失（页面不完整）"]  # fmt: skip


def test_every_cell_saved_on_a_line_of_its_own_between_bars() -> None:
    # 规章 |⏎0 |⏎0 |⏎0 |; 行政规范性文件⏎|⏎0 |…; 信息内容 |⏎本年处理决定数量 |⏎||⏎行政许可 |⏎0 |
    p = parsed("dttz-xinfang-2021.txt")
    r = p.report
    assert (r.agency, r.year, r.template, r.identified_from) == ("信访局", 2021, "2021", "正文首句")
    assert cells(p) == {
        ("active.rule", "issued"): 0, ("active.rule", "repealed"): 0, ("active.rule", "in_force"): 0,
        ("active.normative", "issued"): 0, ("active.normative", "repealed"): 0, ("active.normative", "in_force"): 0,
        ("active.license", "decisions"): 0, ("active.penalty", "decisions"): 0, ("active.coercion", "decisions"): 0,
    }  # fmt: skip
    assert r.missing == CUT_AT_TWO


def test_town_whose_block_headers_lost_their_item_and_whose_first_label_is_blank() -> None:
    """汉台区徐望镇: every table 二 block printed as a bare “第二十条第” (the “（一）项” lost), one cell per
    line, the 规章 label blank: each block is known by its first row's label."""
    p = parsed("xuwang-2025.txt")
    assert (p.report.agency, p.report.year) == ("汉台区徐望镇人民政府", 2025)
    got = cells(p)
    assert {k: got.get(k) for k in [("active.normative", "issued"), ("active.normative", "repealed"),
                                     ("active.normative", "in_force"), ("active.license", "decisions"),
                                     ("active.penalty", "decisions"), ("active.coercion", "decisions"),
                                     ("active.fee", "amount")]} == {
        ("active.normative", "issued"): 0, ("active.normative", "repealed"): 0, ("active.normative", "in_force"): 0,
        ("active.license", "decisions"): 124, ("active.penalty", "decisions"): 0,
        ("active.coercion", "decisions"): 0, ("active.fee", "amount"): 0,
    }  # fmt: skip
    assert not any("表二" in m for m in p.report.missing)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pages") / "kb"
    res = subprocess.run([sys.executable, "-m", "bot", "ingest", "--db", str(path), *map(str, FILES)],
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ}, timeout=300)
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[-1].startswith(f"合计：报告{len(FILES)}份") and "失败0个" in res.stdout
    assert "已载入：大英县人民政府2020年政府信息公开工作年度报告（机关和年度据正文首句与正文地名）" in res.stdout
    return path


@pytest.fixture(scope="module")
def bot(db: Path) -> Answerer:
    return Answerer(KnowledgeBase.load(db))


def test_reports_lists_where_the_name_came_from(db: Path) -> None:
    res = subprocess.run([sys.executable, "-m", "bot", "reports", "--db", str(db)], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ}, timeout=120)
    line = next(ln for ln in res.stdout.splitlines() if ln.startswith("建水县青龙镇人民政府\t2019"))
    assert "2019年度青龙镇政府(机关)信息公开年度报告（机关和年度据正文首句）" in line


def test_cells_of_a_saved_page_are_answered(bot: Answerer) -> None:
    a = bot.answer("胡市镇2019年规范性文件对外公开总数量")
    assert (a.status, a.value) == ("answered", 83)
    a = bot.answer("长春新区2025年行政许可多少")
    assert (a.status, a.value) == ("answered", 29858)


def test_a_town_page_with_bare_block_headers_answers_its_table_two(bot: Answerer) -> None:
    a = bot.answer("徐望镇行政许可多少件")
    assert (a.status, a.value) == ("answered", 124)
    assert a.text.startswith("汉台区徐望镇人民政府2025年行政许可本年处理决定数量124件。")
    a = bot.answer("汉台区徐望镇行政规范性文件现行有效多少件")
    assert (a.status, a.value) == ("answered", 0)
    a = bot.answer("徐望镇行政复议多少件")  # the page stops in 三
    assert (a.status, a.value) == ("unknown", None)
    assert a.text.endswith("的年报不完整：表四缺失（页面在“三”处截断），报告中没有“行政复议”的数字。")


@pytest.mark.parametrize(("question", "reason"), [
    ("长春新区2025年本年新收政府信息公开申请多少件", "的年报不完整：表三缺失（页面在“三”处截断），报告中没有“本年新收政府信息公开申请”的数字。"),
    ("城口县2020年行政复议多少件", "的年报不完整：表四缺失（页面在“一”处截断），报告中没有“行政复议”的数字。"),
    ("回澜镇2019年行政事业性收费上一年项目数量",
     "的年报不完整：页面在“二”处截断（页面止于二、主动公开政府信息情况），报告中没有“行政事业性收费上一年项目数量”的数字。"),
])  # fmt: skip
def test_a_question_on_the_cut_part_is_refused_with_the_reason(bot: Answerer, question: str, reason: str) -> None:
    a = bot.answer(question)
    assert (a.status, a.value) == ("unknown", None)
    assert a.text.split("\n")[-1].endswith(reason)


def test_the_prose_answers_what_the_cut_tables_cannot(bot: Answerer) -> None:
    a = bot.answer("大英县2020年收到多少政府信息公开申请")
    assert (a.status, a.value, a.unit, a.section) == ("answered", 12, "件", "一、总体情况")
    assert a.text.startswith("大英县人民政府2020年本年新收政府信息公开申请12件（表三缺失（页面在“一”处截断）；"
                             "此数取自正文“我县收到政府信息公开书面申请12件”）。\n原文：“2020年,我县收到政府信息公开书面申请12件;")
    a = bot.answer("城口县2020年现行有效规范性文件多少件")
    assert (a.status, a.value) == ("answered", 102)
    assert "此数取自正文“清理并公开现行有效的行政规范性文件102件”" in a.text
    a = bot.answer("马水镇2019年行政复议多少件")  # “本年度没有发生因政府信息公开涉及的投诉、行政复议、行政诉讼事件。”
    assert (a.status, a.value) == ("answered", 0)
    assert a.text.startswith("马水镇人民政府2019年行政复议0件（表四缺失（页面在“二”处截断）；此数取自正文“没有发生")
    assert "原文：“本年度没有发生因政府信息公开涉及的投诉、行政复议、行政诉讼事件。”" in a.text


def test_a_section_after_the_cut_is_named_with_the_reason(bot: Answerer) -> None:
    a = bot.answer("大英县2020年存在的主要问题")
    assert a.status == "unknown"
    assert a.text.endswith("第五部分“存在的主要问题及改进情况”缺失（页面在“一”处截断）。")


def test_check_shows_where_the_name_came_from_and_the_cut() -> None:
    res = subprocess.run([sys.executable, "-m", "bot", "check", str(PAGES / "daying-2020.txt")], capture_output=True,
                         text=True, cwd=ROOT, env={**os.environ}, timeout=120)
    lines = res.stdout.splitlines()
    assert lines[1:3] == ["机关：大英县人民政府　年度：2020　模板：2019年版　文件：daying-2020.txt", "机关和年度据正文首句与正文地名"]
    assert lines[4].startswith("不完整：页面止于一、总体情况；表二缺失（页面在“一”处截断）；")
