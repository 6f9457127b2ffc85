"""The lines of `check --db` and of “/checks” (bot/reply/checklist.py), whole: each cell a warning compared named
as people say it — a row of table 三 with its applicant column (·自然人), its 总计 without one, another year's
cell with that year, a cell of table 四 by its label, a sentence of the prose quoted — each once; and a chat
reply of more than 40 warnings cut at 40 with how many more there are.  Reports made here, names and
figures written by hand."""

from __future__ import annotations

from bot.reply import checklist
from knowledge.models import Report, Warning_

T3 = "三、收到和处理政府信息公开申请情况"


def report(agency: str, year: int, warnings: list[Warning_]) -> Report:
    return Report(id=f"{agency}-{year}", agency=agency, year=year, title=f"{agency}{year}年政府信息公开工作年度报告",
                  template="2021", source_file="x.txt", warnings=warnings)


def test_each_cell_of_a_warning_is_named_as_people_say_it_once() -> None:
    w = Warning_("apply.balance", "第一项加第二项之和12，不等于第三项加第四项之和13", T3, [
        {"row": "apply.new", "column": "natural", "year": None},
        {"row": "apply.new", "column": "total", "year": None},
        {"row": "apply.new", "column": "natural", "year": None},  # named twice: listed once
        {"row": "apply.carried_in", "column": "total", "year": 2022},
        {"row": "review", "column": "corrected", "year": None},
        {"row": "prose", "column": None, "year": None, "clause": "全年共收到申请12件"},
    ])
    assert checklist.lines([report("甲山县", 2023, [w])]) == [
        f"甲山县2023年 · {T3} · 本年新收政府信息公开申请数量·自然人、本年新收政府信息公开申请数量、"
        "2022年上年结转政府信息公开申请数量、行政复议结果纠正、正文“全年共收到申请12件” · "
        "报告自身数字不一致：第一项加第二项之和12，不等于第三项加第四项之和13"]


def test_a_warning_without_section_or_cells_shows_dashes_and_reports_are_listed_by_body_and_year() -> None:
    w = Warning_("years.carried", "上年结转2件，但2022年报告的结转下年度继续办理为3件")
    got = checklist.lines([report("乙水县", 2023, [w]), report("乙水县", 2021, [w]), report("丙湖县", 2023, [w])])
    line = " · — · — · 报告自身数字不一致：上年结转2件，但2022年报告的结转下年度继续办理为3件"
    assert got == ["丙湖县2023年" + line, "乙水县2021年" + line, "乙水县2023年" + line]


def _many(n: int) -> list[Report]:
    return [report("甲山县", 2023, [Warning_("apply.results", f"第{i}项不一致", T3) for i in range(1, n + 1)])]


def test_a_reply_of_more_than_40_warnings_shows_40_and_says_how_many_more() -> None:
    a = checklist.reply(_many(42), "甲山县：")
    assert a.status == "answered"
    lines = a.text.split("\n")
    assert len(lines) == 42
    assert lines[0] == "甲山县：已载入的1份报告中，1份有勾稽提示，共42条："
    assert lines[40] == f"甲山县2023年 · {T3} · — · 报告自身数字不一致：第40项不一致"
    assert lines[41] == "……另有2条，可用 check --db 列出全部。"


def test_a_reply_of_exactly_40_warnings_shows_them_all() -> None:
    lines = checklist.reply(_many(40), "").text.split("\n")
    assert lines[0] == "已载入的1份报告中，1份有勾稽提示，共40条："
    assert lines[-1] == f"甲山县2023年 · {T3} · — · 报告自身数字不一致：第40项不一致"
    assert len(lines) == 41


def test_reports_without_warnings_say_so() -> None:
    a = checklist.reply([report("甲山县", 2022, []), report("甲山县", 2023, [])], "甲山县：")
    assert (a.status, a.text) == ("answered", "甲山县：已载入的2份报告没有发现数字对不上的地方（勾稽关系）。")
