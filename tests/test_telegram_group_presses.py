"""A pressed option in a group whose answer fails: the reason is said in a new message that does not
quote the question (a group's replies quote by default; the error must read like the answers do)."""

from __future__ import annotations

from tg_factories import (  # noqa: F401 - fixtures make_bot, two_agencies
    BOT_USER,
    GROUP,
    make_bot,
    make_callback_update,
    make_text_update,
    two_agencies,
)

from knowledge.errors import NianbaoError

HTML = {"parse_mode": "HTML", "link_preview_options": {"is_disabled": True}}


async def test_an_error_answering_an_option_pressed_in_a_group_is_said_without_quoting(
    make_bot, two_agencies, monkeypatch
):
    bot = await make_bot(two_agencies)
    await bot.feed(make_text_update("/ask 2019年行政复议多少件", chat_type="supergroup"))
    [sent] = bot.api.sent()
    assert sent["text"] == ("知识库中有2个机关2019年的年报，您问的是哪一个？\n"
                            "1. 平潭2019年行政复议多少件\n2. 开封2019年行政复议多少件")
    bot.api.clear()

    def fails(question, context=None):  # noqa: ANN001, ANN202
        raise NianbaoError("报告文件 kb/reports/x.json 已损坏：<无法读取>")

    monkeypatch.setattr(bot.state.answerer, "answer", fails)
    shown = {"message_id": 93, "date": 0, "chat": GROUP, "from": BOT_USER, "text": sent["text"],
             "reply_markup": sent["reply_markup"]}
    await bot.feed(make_callback_update("c:1:1", shown))
    assert bot.api.methods() == ["answerCallbackQuery", "sendMessage"]
    assert bot.api.sent() == [{"chat_id": GROUP["id"], "text": "报告文件 kb/reports/x.json 已损坏：&lt;无法读取&gt;", **HTML}]
