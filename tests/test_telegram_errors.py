"""The one error handler: what the user gets and what the operator reads in the log, for each kind of error.

A polling hiccup (no update, a network error) is one warning line; a reply that most likely arrived
(`MaybeSent`) gets no apology after it; any other error is logged with its traceback and the user of
a message gets the apology as a reply, the user of a button as the spinner's text.
"""

from __future__ import annotations

import logging
from types import SimpleNamespace

from telegram import Update
from telegram.error import NetworkError
from telegram.request import HTTPXRequest
from tg_factories import (  # noqa: F401 - fixtures make_bot, kaifeng
    SETTINGS,
    TOKEN,
    USER,
    FakeBotApi,
    kaifeng,
    make_bot,
    make_callback_update,
    make_inline_update,
    make_message,
    make_text_update,
)

from bot.tg import handlers
from bot.tg.app import build_application
from bot.tg.resend import MaybeSent

APOLOGY = "抱歉，处理这条消息时出错了。已记录下来，请稍后再试。"
HTML = {"parse_mode": "HTML", "link_preview_options": {"is_disabled": True}}


def _said(caplog) -> list[tuple[str, str]]:  # noqa: ANN001
    return [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "bot.tg.handlers"]


async def test_a_network_error_while_polling_is_one_warning_and_nothing_is_sent(make_bot, kaifeng, caplog):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    with caplog.at_level(logging.INFO, logger="bot.tg.handlers"):
        await handlers.on_error(None, SimpleNamespace(error=NetworkError("Bad Gateway")))
    assert _said(caplog) == [("WARNING", "network error while polling: Bad Gateway")]
    assert [r.exc_info for r in caplog.records if r.name == "bot.tg.handlers"] == [None]
    assert bot.api.methods() == []


async def test_another_error_without_an_update_is_logged_with_its_traceback_and_nothing_is_sent(
    make_bot, kaifeng, caplog
):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    error = RuntimeError("job failed")
    with caplog.at_level(logging.INFO, logger="bot.tg.handlers"):
        await handlers.on_error(None, SimpleNamespace(error=error))
    assert _said(caplog) == [("ERROR", "error while handling update None")]
    [record] = [r for r in caplog.records if r.name == "bot.tg.handlers"]
    assert record.exc_info[1] is error
    assert bot.api.methods() == []


async def test_a_network_error_answering_a_message_gets_the_apology(make_bot, kaifeng, caplog):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    payload = make_text_update("2019年行政复议多少件")
    update = Update.de_json(payload, bot.app.bot)
    with caplog.at_level(logging.INFO, logger="bot.tg.handlers"):
        await handlers.on_error(update, SimpleNamespace(error=NetworkError("Bad Gateway")))
    assert _said(caplog) == [("ERROR", f"error while handling update {payload['update_id']}")]
    assert bot.api.sent() == [{"chat_id": USER["id"], "text": APOLOGY, **HTML}]


async def test_a_reply_that_most_likely_arrived_gets_no_apology(make_bot, kaifeng, caplog):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    update = Update.de_json(make_text_update("2019年行政复议多少件"), bot.app.bot)
    with caplog.at_level(logging.INFO, logger="bot.tg.handlers"):
        await handlers.on_error(update, SimpleNamespace(error=MaybeSent("sendMessage timed out after it was sent")))
    assert _said(caplog) == [("WARNING", "sendMessage timed out after it was sent")]
    assert bot.api.methods() == []


async def test_an_error_under_a_button_answers_its_spinner_with_the_apology(make_bot, kaifeng, caplog):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    payload = make_callback_update("v:1:0", make_message("开封2019年行政复议19件"))
    update = Update.de_json(payload, bot.app.bot)
    with caplog.at_level(logging.INFO, logger="bot.tg.handlers"):
        await handlers.on_error(update, SimpleNamespace(error=KeyError("gone")))
    assert _said(caplog) == [("ERROR", f"error while handling update {payload['update_id']}")]
    assert bot.api.methods() == ["answerCallbackQuery"]
    assert bot.api.sent("answerCallbackQuery") == [
        {"callback_query_id": payload["callback_query"]["id"], "text": APOLOGY}]


async def test_an_update_with_nobody_to_apologise_to_is_only_logged(make_bot, kaifeng, caplog):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    payload = make_inline_update("2019 行政复议")  # no chat, no button: nobody to reply to
    update = Update.de_json(payload, bot.app.bot)
    with caplog.at_level(logging.INFO, logger="bot.tg.handlers"):
        await handlers.on_error(update, SimpleNamespace(error=ValueError("odd")))
    assert _said(caplog) == [("ERROR", f"error while handling update {payload['update_id']}")]
    assert bot.api.methods() == []


async def test_an_apology_that_cannot_be_sent_is_a_warning_not_another_error(kaifeng, caplog):
    api = FakeBotApi()
    app = build_application(SETTINGS, kaifeng, TOKEN, request=HTTPXRequest(httpx_kwargs={"transport": api.transport()}),
                            rate_limiter=False, retry_budget=0)  # no retries: the one failure is final
    await app.bot.initialize()
    api.fail("sendMessage", "500")
    payload = make_text_update("2019年行政复议多少件")
    update = Update.de_json(payload, app.bot)
    with caplog.at_level(logging.INFO, logger="bot.tg.handlers"):
        await handlers.on_error(update, SimpleNamespace(error=RuntimeError("answerer exploded")))
    assert _said(caplog) == [("ERROR", f"error while handling update {payload['update_id']}"),
                             ("WARNING", "could not send the apology: Internal Server Error")]
    assert api.failed == [("sendMessage", "500")]
    await app.bot.shutdown()
