"""Telegram: a flagged figure keeps its warning in a group's one-liner, and “/checks 开封” answers as
“开封的数据有没有问题” does.  Expected text written by hand from kaifeng-2019.txt (规范性文件 对外公开总数量
815 while the overview says “政府规范性文件845个”)."""

from __future__ import annotations

from tg_factories import BOT_USERNAME, make_bot, make_text_update, two_agencies  # noqa: F401 - fixtures

KF_845 = "报告正文与表格不一致：正文“政府规范性文件845个”为845，但表格“规范性文件／对外公开总数量”为815"


async def test_a_groups_one_liner_keeps_the_warning(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    await bot.feed(make_text_update(f"/ask@{BOT_USERNAME} 开封2019年规范性文件对外公开总数量是多少", chat_type="supergroup"))
    [sent] = bot.api.sent()
    assert sent["text"].split("\n") == [
        "开封市人民政府2019年规范性文件对外公开总数量<b>815件</b>。", f"⚠️ {KF_845}",
        "来源：开封2019年年报 · 二 · 第二十条第（一）项 · 规范性文件 · 对外公开总数量"]


async def test_checks_of_one_place_answer_as_the_question_does(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    await bot.feed(make_text_update("/checks 开封"))
    [command] = bot.api.sent()
    bot.api.clear()
    await bot.feed(make_text_update("开封的数据有没有问题"))
    [asked] = bot.api.sent()
    assert command["text"] == asked["text"]
    assert command["text"].split("\n") == [
        "开封市人民政府：已载入的1份报告中，1份有勾稽提示，共1条：",
        "开封市人民政府2019年 · 一、总体情况 · 规范性文件对外公开总数量、正文“政府规范性文件845个” · " + KF_845]
    bot.api.clear()
    await bot.feed(make_text_update("/checks 平潭"))
    assert bot.api.sent()[0]["text"] == "平潭综合实验区：已载入的1份报告没有发现数字对不上的地方（勾稽关系）。"
