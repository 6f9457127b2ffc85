"""What a pressed button leaves behind: an example pressed in a private chat is where the chat goes on
(“开封呢？” after it asks 开封's 行政复议 again; asked first, it finds nothing), and an option whose answer
has nothing to show is edited in as “…”.  Expected replies written by hand from the bundled report:
开封 2019 行政复议 19 (维持 10, 纠正 2, 其他 2, 尚未审结 5)."""

from __future__ import annotations

from tg_factories import (  # noqa: F401 - fixtures make_bot, kaifeng, two_agencies
    BOT_USER,
    KAIFENG_REVIEW,
    USER,
    kaifeng,
    make_bot,
    make_callback_update,
    make_text_update,
    two_agencies,
)

from bot.present import render
from knowledge.models import Answer

NOT_FOUND = "年报中没有找到与这个问题对应的数字或内容。可以问：2019年行政复议多少件；2019年收到多少政府信息公开申请"


def _shown(sent: dict) -> dict:
    return {"message_id": 5000, "date": 0, "chat": {"id": USER["id"], "type": "private"}, "from": BOT_USER,
            "text": sent["text"], "reply_markup": sent["reply_markup"]}


async def test_the_chat_goes_on_from_an_example_pressed(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    await bot.feed(make_text_update("开封呢？"))
    assert [s["text"] for s in bot.api.sent()] == [NOT_FOUND]  # nothing to go on from yet
    bot.api.clear()
    await bot.feed(make_text_update("/start"))
    [welcome] = bot.api.sent()
    assert welcome["reply_markup"]["inline_keyboard"][0] == [{"text": "2019年行政复议多少件", "callback_data": "x:1:0"}]
    bot.api.clear()
    await bot.feed(make_callback_update("x:1:0", _shown(welcome)))
    assert [s["text"] for s in bot.api.sent()] == [KAIFENG_REVIEW]
    bot.api.clear()
    await bot.feed(make_text_update("开封呢？"))  # not a reply: the chat's own thread, which the press moved on
    assert [s["text"] for s in bot.api.sent()] == [KAIFENG_REVIEW]


async def test_an_option_whose_answer_has_nothing_to_show_is_edited_in_as_an_ellipsis(make_bot, two_agencies,
                                                                                     monkeypatch):
    bot = await make_bot(two_agencies)
    await bot.feed(make_text_update("2019年行政复议多少件"))
    [sent] = bot.api.sent()
    bot.api.clear()
    monkeypatch.setattr(render, "html", lambda answer, brief=False: "")
    monkeypatch.setattr(bot.state.answerer, "answer", lambda question, context=None: Answer("answered", text=""))
    await bot.feed(make_callback_update("c:1:1", _shown(sent)))
    assert bot.api.methods() == ["answerCallbackQuery", "editMessageText"]
    assert bot.api.sent("editMessageText") == [{"chat_id": USER["id"], "message_id": 5000, "text": "…",
                                                "parse_mode": "HTML", "link_preview_options": {"is_disabled": True}}]
