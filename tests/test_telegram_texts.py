"""What the bot says outside answers, word for word: /help, /about, /start's list, /checks, refusals.

Written by hand (the other Telegram tests compare these replies with `texts.…` itself, which would
agree with any change to them).  开封 2019 has one check warning: its overview says “政府规范性文件845个”
while table 二 prints 815.
"""

from __future__ import annotations

from tg_factories import (  # noqa: F401 - fixtures make_bot, kaifeng, two_agencies
    BOT_USERNAME,
    kaifeng,
    make_bot,
    make_text_update,
    two_agencies,
)

from bot.settings import Settings
from bot.tg import texts

HELP = [
    "<b>怎么提问</b>",
    "• 私聊：直接发问题，如「2019年行政复议多少件」「律所申请了几件」。",
    "  可以接着追问：「那2020年呢？」「行政诉讼呢？」「其中自然人呢？」「纠错率呢？」「比2021年多多少？」",
    "  我列出几个选项时，点按钮，或者回复序号（1）或名称（开封）。",
    "• 群组：<code>/ask 问题</code>，或者 @nianbao_test_bot 加问题，或者回复我的消息（接着那条回答追问）。",
    "• 任何聊天里：输入 <code>@nianbao_test_bot 2019 行政复议</code>，从弹出的答案里选一个发送。",
    "",
    "回答下面的按钮：「查看原表」显示数字所在的表格行，「原文」打开报告原网页；/source 查看上一个回答的出处。",
    "/reports 已载入的报告 · /checks 勾稽提示 · /about 关于",
    "管理员可以直接发送年报文件（.txt .md .html .docx .pdf，不超过 20 MB）来添加报告。",
]


async def test_help_says_how_to_ask_in_every_kind_of_chat(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    await bot.feed(make_text_update("/help"))
    assert bot.api.sent()[0]["text"] == "\n".join(HELP)


def test_help_without_a_username_names_the_bot_in_words():
    said = texts.help_text(None, 2.5).split("\n")
    assert said[4] == "• 群组：<code>/ask 问题</code>，或者 @机器人 加问题，或者回复我的消息（接着那条回答追问）。"
    assert said[5] == "• 任何聊天里：输入 <code>@机器人 2019 行政复议</code>，从弹出的答案里选一个发送。"
    assert said[9] == "管理员可以直接发送年报文件（.txt .md .html .docx .pdf，不超过 2.5 MB）来添加报告。"


async def test_about_says_what_the_bot_is(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    await bot.feed(make_text_update("/about"))
    assert bot.api.sent()[0]["text"] == (
        "<b>年报问答</b> 0.1.0\n"
        "回答各级行政机关《政府信息公开工作年度报告》里的问题。\n"
        "数字直接取自报告原文的表格和正文，不估算、不补零；报告自身的勾稽关系对不上时会提示；报告里没有的，就直说没有。")


def test_welcome_of_an_empty_base_says_it_holds_no_report():
    assert texts.welcome({}, 0) == (
        "<b>年报问答</b>\n我回答政府信息公开工作年度报告里的问题，数字取自报告原文，每个回答都注明出处。\n\n知识库里还没有报告。")


def _bodies(n: int) -> dict[str, list[int]]:
    return {f"机关{i:02d}": [2019, 2020] for i in range(1, n + 1)}


def test_welcome_lists_twelve_bodies_with_their_years_and_no_pointer():
    lines = texts.welcome(_bodies(12), 24).split("\n")
    assert lines[3] == "已载入 12 个机关的 24 份报告："
    assert lines[4] == "• 机关01：2019、2020年"
    assert lines[15] == "• 机关12：2019、2020年"
    assert lines[16:] == ["", "直接把问题发给我，或者点下面的例子："]


def test_welcome_of_thirteen_bodies_lists_the_first_twelve_then_points_to_reports():
    lines = texts.welcome(_bodies(13), 26).split("\n")
    assert lines[15] == "• 机关12：2019、2020年"
    assert lines[16:] == ["……共 13 个机关，发送 /reports 查看全部。", "", "直接把问题发给我，或者点下面的例子："]


async def test_checks_lists_every_warning_under_its_report(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    await bot.feed(make_text_update("/checks"))
    assert bot.api.sent()[0]["text"] == (
        "<b>勾稽关系提示</b>（报告自身数字对不上的地方）\n\n"
        "<b>开封市人民政府 2019年</b>《开封市人民政府2019年政府信息公开工作年度报告》\n"
        "⚠️ 正文“政府规范性文件845个”为845，但表格“规范性文件／对外公开总数量”为815（一、总体情况）")


async def test_checks_of_a_place_and_a_year_reads_both_words(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    await bot.feed(make_text_update("/checks 平潭 2019"))
    assert bot.api.sent()[0]["text"] == "平潭综合实验区2019年：已载入的1份报告没有发现数字对不上的地方（勾稽关系）。"


def test_refusals_name_the_limit_in_megabytes_and_the_formats():
    assert texts.size_unknown(20) == (
        "Telegram 没有给出这个文件的大小，无法确认它不超过 20 MB 的上限，未下载。请重新发送。")
    assert texts.size_unknown(1.5) == (
        "Telegram 没有给出这个文件的大小，无法确认它不超过 1.5 MB 的上限，未下载。请重新发送。")
    assert texts.unsupported("年报.xls", (".txt", ".pdf")) == "不支持这种文件：年报.xls。可以发送 .txt .pdf 格式的年报。"


def test_a_limit_set_in_tenths_of_a_megabyte_is_said_as_set():
    # NIANBAO_MAX_FILE_MB=0.1 is stored as 104,857 bytes: the refusals said “0.0999994 MB”
    assert texts.too_large(204_800, Settings(max_file_mb=0.1).max_file_mb) == "文件太大（0.2 MB），上限是 0.1 MB。"
    assert texts.size_unknown(0.125) == (
        "Telegram 没有给出这个文件的大小，无法确认它不超过 0.125 MB 的上限，未下载。请重新发送。")
