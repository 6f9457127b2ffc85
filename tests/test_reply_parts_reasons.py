"""The one-clause reason a part without a figure is given in a reply of several parts (bot/reply/parts.reason), and
the line that titles an inline card (parts.headline): written from the texts the answerer gives — a clarify's
question line, “知识库中没有…的年报。已载入：…”, “…的年报中没有找到…。可以问：…” — pinned for issue 25's mutation run.
"""

from __future__ import annotations

import pytest

from bot.reply import parts
from knowledge.models import Answer

PT = "平潭综合实验区"
HZ = "淮安市洪泽区人民政府"
EXAMPLES = "平潭近5年行政复议多少件；淮安市洪泽区2023年收到多少政府信息公开申请"


@pytest.mark.parametrize(("status", "text", "agency", "year", "said"), [
    ("answered", "平潭综合实验区2023年行政复议2件。\n平潭综合实验区2023年行政诉讼7件。", PT, 2023, "这一问有几项数字，请分别问"),
    ("clarify", "报告中有几处相近的数字，您问的是哪一个？\n1. 开封2019年全市共收到政府信息公开申请多少件", None, None,
     "报告中有几处相近的数字，请单独问这一项"),
    ("clarify", f"{PT}有3个年度的年报，您问的是哪一年？\n1. 2023年平潭行政复议多少件", PT, None,
     f"{PT}有3个年度的年报，请单独问这一项"),
    ("clarify", "知识库中有2个机关2019年的年报,您是指哪一个?\n1. 平潭2019年行政复议多少件", None, 2019,
     "知识库中有2个机关2019年的年报，请单独问这一项"),
    ("clarify", "“结果纠正”是行政复议的还是行政诉讼的？\n1. 平潭历年行政复议结果纠正多少件", PT, None,
     "“结果纠正”是行政复议的还是行政诉讼的，请单独问这一项"),
    ("clarify", "您问的是哪一栏？\n1. 开封市人民政府2019年规范性文件本年新制作数量是多少", None, None,
     "有几种理解，请单独问这一项"),
    ("unknown", f"{PT}2023年的年报中没有找到“政策解读”的数字或内容。可以问：{EXAMPLES}", PT, 2023,
     "年报中没有找到“政策解读”的数字或内容"),
    ("unknown", f"{PT}2023年的年报中没有找到“政策解读”的数字或内容。可以问：{EXAMPLES}", HZ, 2023,
     f"{PT}2023年的年报中没有找到“政策解读”的数字或内容"),
    ("unknown", f"知识库中没有{HZ}2021年的年报。已载入：{HZ}（2023年）。", HZ, 2021, f"知识库中没有{HZ}2021年的年报"),
    ("unknown", f"年报中没有找到与这个问题对应的数字或内容，可以问：{EXAMPLES}", None, None,
     "年报中没有找到与这个问题对应的数字或内容"),
    ("unknown", f"没看懂这个问题。请用中文提问，例如：{EXAMPLES}", None, None, "没看懂这个问题"),
    ("unknown", "“上年结转政府信息公开申请数量”不是办理结果总计的一部分，请说明要算它占哪一项的比例，"
     "例如：上年结转政府信息公开申请数量占本年新收申请的比例。", PT, 2021,
     "“上年结转政府信息公开申请数量”不是办理结果总计的一部分，请说明要算它占哪一项的比例"),
    ("unknown", f"  {HZ}2023年行政复议纠错率的分母为0，无法计算；\n来源：《洪泽区人民政府2023年政府信息公开工作年度报告》", HZ, 2023,
     f"{HZ}2023年行政复议纠错率的分母为0，无法计算"),
    ("unknown", "报告中没有“主动”这一项\n年报只统计：行政复议等数字。", PT, 2023, "报告中没有“主动”这一项"),
    ("unknown", "", None, None, "报告中没有这一项"),
    ("unknown", "。可以问：平潭近5年行政复议多少件", None, None, "报告中没有这一项"),
])  # fmt: skip
def test_a_part_without_a_figure_is_given_one_clause_of_its_reply(status: str, text: str, agency: str | None,
                                                                   year: int | None, said: str) -> None:
    assert parts.reason(Answer(status=status, text=text, agency=agency, year=year)) == said  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "line"), [
    (f"按已载入的最近3个年度理解（2021、2023年）。\n{PT}行政复议（2021、2023年）：2021年：3件；2023年：2件。\n没有2022年的年报。\n"
     f"来源：《{PT}2021年度政府信息公开工作年度报告》", f"{PT}行政复议（2021、2023年）：2021年：3件；2023年：2件。"),
    (f"“去年”按2023年理解。\n{PT}2023年行政复议2件。", f"{PT}2023年行政复议2件。"),
    (f"原文：“全年发布政策解读117篇。”\n{PT}2023年：全年发布政策解读117篇。", f"{PT}2023年：全年发布政策解读117篇。"),
    (f"注意：合计数按报告原文。\n{PT}2023年行政复议2件。", f"{PT}2023年行政复议2件。"),
    ("没有2022年的年报。\n按已载入的年报理解。", "没有2022年的年报。"),
    (f"来源：《{PT}2023年度政府信息公开工作年度报告》", f"来源：《{PT}2023年度政府信息公开工作年度报告》"),
    (f"  {PT}2023年行政复议2件。  \n\n来源：《{PT}2023年度政府信息公开工作年度报告》", f"{PT}2023年行政复议2件。"),
])  # fmt: skip
def test_the_headline_is_the_line_that_answers(text: str, line: str) -> None:
    assert parts.headline(Answer(status="answered", text=text)) == line


def test_a_replys_sources_and_its_other_lines_are_told_apart() -> None:
    a = Answer(status="answered", text="甲2件。\n来源：《甲报告》\n\n乙3件。\n来源：《乙报告》")
    assert (parts.body(a), parts.sources(a)) == (["甲2件。", "乙3件。"], ["来源：《甲报告》", "来源：《乙报告》"])
