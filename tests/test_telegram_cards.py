"""What a reader sees around an answer in Telegram: the bold figure, ⚠️ lines, the buttons and what they show.

Expected texts are written by hand from kaifeng-2019.txt (行政复议 19 = 维持10 + 纠正2 + 其他2 + 未审结5;
规范性文件 对外公开总数量 815 while the prose says 845; 政策解读320条) and pingtan-2019.txt (原文链接).
"""

from __future__ import annotations

from tg_factories import (  # noqa: F401 - fixtures make_bot, kaifeng, two_agencies
    BOT_USER,
    BOT_USERNAME,
    GROUP,
    USER,
    bots,
    build_db,
    buttons,
    kaifeng,
    make_bot,
    make_callback_update,
    make_inline_update,
    make_text_update,
    two_agencies,
)

PINGTAN_2019 = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202001/t20200120_80576.htm"



def _message(sent: dict, chat: dict | None = None) -> dict:
    """The bot's sent message as it comes back inside a callback query."""
    return {"message_id": 700, "date": 0, "chat": chat or {"id": USER["id"], "type": "private"},
            "from": BOT_USER, "text": sent.get("text", ""), "reply_markup": sent["reply_markup"]}


def _data(sent: dict, label: str) -> str:
    return next(data for text, data in buttons(sent["reply_markup"]) if text == label)


async def test_a_warning_stands_on_its_own_line_and_only_the_figure_is_bold(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    await bot.feed(make_text_update("2019年规范性文件对外公开总数量是多少"))
    [sent] = bot.api.sent()
    first, warning, source = sent["text"].split("\n")
    assert first == "开封市人民政府2019年规范性文件对外公开总数量<b>815件</b>。"
    assert warning.startswith("⚠️ 报告正文与表格不一致") and "845" in warning and "815" in warning
    assert source == "来源：开封2019年年报 · 二 · 第二十条第（一）项 · 规范性文件 · 对外公开总数量"


async def test_the_table_button_shows_the_rows_with_the_cell_marked(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    await bot.feed(make_text_update("2019年行政复议多少件"))
    [answer] = bot.api.sent()
    assert [b for b, _ in buttons(answer["reply_markup"])] == ["查看原表", "📊 图表"]
    bot.api.clear()
    await bot.feed(make_callback_update(_data(answer, "查看原表"), _message(answer)))
    [table] = bot.api.sent()
    assert "▶ 行政复议\n    结果维持 10 · 结果纠正 2 · 其他结果 2 · 尚未审结 5 · 总计【19】" in table["text"]

    bot.api.clear()  # /source shows the same for the chat's last answer
    await bot.feed(make_text_update("/source"))
    assert bot.api.sent()[0]["text"] == table["text"]

    bot.api.clear()
    await bot.feed(make_callback_update(_data(answer, "📊 图表"), _message(answer)))
    [photo] = bot.api.sent("sendPhoto")
    assert photo["photo"][:4] == b"\x89PNG"
    assert photo["caption"] == "来源：《开封市人民政府2019年政府信息公开工作年度报告》"


async def test_a_quoted_figure_shows_its_paragraph(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    await bot.feed(make_text_update("2019年政策解读多少篇"))
    [answer] = bot.api.sent()
    assert answer["text"].startswith("开封市人民政府2019年：政策解读<b>320条</b>。")
    bot.api.clear()
    await bot.feed(make_callback_update(_data(answer, "查看原文段落"), _message(answer)))
    [shown] = bot.api.sent()
    assert "一、总体情况" in shown["text"]
    assert "<b><u>2019年，全市各县区及市政府各部门共主动公开各类政府信息231731条" in shown["text"]
    assert "二是通过多种渠道促进政民互动" in shown["text"]  # the rest of its paragraph


async def test_groups_get_one_line_and_the_breakdown_behind_a_button(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    await bot.feed(make_text_update(f"@{BOT_USERNAME} 2019年行政复议多少件", chat_type="supergroup"))
    [brief] = bot.api.sent()
    assert brief["text"] == "开封市人民政府2019年行政复议<b>19件</b>。\n来源：开封2019年年报 · 四 · 行政复议 · 总计"
    bot.api.clear()
    await bot.feed(make_callback_update(_data(brief, "详情"), _message(brief, GROUP)))
    [detail] = bot.api.sent()
    assert "（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）" in detail["text"]


async def test_greetings_and_thanks_get_a_friendly_word_with_examples_from_different_reports(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    for said in ("你好", "谢谢！"):
        await bot.feed(make_text_update(said))
    hello, thanks = (s["text"] for s in bot.api.sent())
    assert hello.startswith("你好！") and thanks.startswith("不客气")
    assert "没有找到" not in hello + thanks
    assert "开封2019年" in hello and "平潭2019年" in hello

    bot.api.clear()
    await bot.feed(make_text_update("/start"))
    examples = [text for text, _ in buttons(bot.api.sent()[0]["reply_markup"])]
    assert any(q.startswith("开封") for q in examples) and any(q.startswith("平潭") for q in examples)


async def test_checks_are_readable_and_a_report_with_an_address_gets_its_link(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    await bot.feed(make_text_update("/checks"))
    [checks] = bot.api.sent()
    assert "<b>开封市人民政府 2019年</b>" in checks["text"]
    assert "⚠️ 正文“政府规范性文件845个”为845，但表格“规范性文件／对外公开总数量”为815（一、总体情况）" in checks["text"]

    bot.api.clear()
    await bot.feed(make_text_update("平潭2019年行政复议多少件"))
    [answer] = bot.api.sent()
    assert f'来源：<a href="{PINGTAN_2019}">平潭2019年年报</a> · 四 · 行政复议 · 总计' in answer["text"]
    [link] = [b for row in answer["reply_markup"]["inline_keyboard"] for b in row if b["text"] == "原文"]
    assert link["url"] == PINGTAN_2019

    bot.api.clear()  # inline: the same card, with its 原文 button, ready to share
    await bot.feed(make_inline_update("平潭2019年行政复议多少件"))
    [call] = bot.api.sent("answerInlineQuery")
    [result] = call["results"]
    assert PINGTAN_2019 in result["input_message_content"]["message_text"]
    assert result["reply_markup"] == {"inline_keyboard": [[{"text": "原文", "url": PINGTAN_2019}]]}
