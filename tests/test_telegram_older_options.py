"""An option pressed under an older question is read in that question's thread, not in the chat's newest
one: after “2019年行政诉讼多少件” asked which body, pressing 开封 under the earlier “2019年行政复议多少件”
still answers 开封's 行政复议 (the newer options must not pick 开封's 行政诉讼).  Expected replies written by
hand from the bundled reports: 开封 2019 行政复议 19 (维持 10, 纠正 2, 其他 2, 尚未审结 5).
"""

from __future__ import annotations

from tg_factories import (  # noqa: F401 - fixtures make_bot, two_agencies
    BOT_USER,
    KAIFENG_REVIEW,
    USER,
    make_bot,
    make_callback_update,
    make_text_update,
    two_agencies,
)

HTML = {"parse_mode": "HTML", "link_preview_options": {"is_disabled": True}}


async def _ask(bot, question: str) -> dict:  # noqa: ANN001
    bot.api.clear()
    await bot.feed(make_text_update(question))
    [sent] = bot.api.sent()
    return sent


async def test_an_option_under_an_older_question_answers_that_question(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    first = await _ask(bot, "2019年行政复议多少件")
    assert first["text"] == ("知识库中有2个机关2019年的年报，您问的是哪一个？\n"
                             "1. 平潭2019年行政复议多少件\n2. 开封2019年行政复议多少件")
    second = await _ask(bot, "2019年行政诉讼多少件")
    assert second["text"] == ("知识库中有2个机关2019年的年报，您问的是哪一个？\n"
                              "1. 平潭2019年行政诉讼多少件\n2. 开封2019年行政诉讼多少件")
    bot.api.clear()
    shown = {"message_id": 5000, "date": 0, "chat": {"id": USER["id"], "type": "private"}, "from": BOT_USER,
             "text": first["text"], "reply_markup": first["reply_markup"]}
    await bot.feed(make_callback_update("c:1:1", shown))
    assert bot.api.methods() == ["answerCallbackQuery", "editMessageText"]
    [edited] = bot.api.sent("editMessageText")
    assert edited == {"chat_id": USER["id"], "message_id": 5000, "text": KAIFENG_REVIEW, **HTML,
                      "reply_markup": {"inline_keyboard": [[{"text": "查看原表", "callback_data": "v:3:0"}],
                                                           [{"text": "📊 图表", "callback_data": "v:3:2"}]]}}
