"""The real Application against a fake Bot API: what the user sees for each kind of update."""

from __future__ import annotations

import logging

from tg_factories import (  # noqa: F401 - fixtures make_bot, kaifeng, two_agencies
    BOT_USER,
    BOT_USERNAME,
    GROUP,
    KAIFENG_LITIGATION,
    KAIFENG_LITIGATION_BRIEF,
    KAIFENG_RECEIVED,
    KAIFENG_REVIEW,
    KAIFENG_REVIEW_BRIEF,
    PINGTAN_REVIEW_BRIEF,
    SETTINGS,
    USER,
    bots,
    build_db,
    buttons,
    kaifeng,
    loaded,
    make_bot,
    make_callback_update,
    make_inline_update,
    make_message,
    make_text_update,
    two_agencies,
)

from bot.present import render
from bot.tg import texts

HTML = {"parse_mode": "HTML", "link_preview_options": {"is_disabled": True}}


def bare(sent: dict) -> dict:
    """A sent message without its buttons (the tests of the buttons look at them apart)."""
    return {k: v for k, v in sent.items() if k != "reply_markup"}



async def test_start_up_sets_command_menus_for_private_and_group_chats(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    assert bot.api.methods() == ["getMe", "setMyCommands", "setMyCommands"]
    private, group = bot.api.sent("setMyCommands")
    assert private["scope"] == {"type": "all_private_chats"}
    assert [c["command"] for c in private["commands"]] == ["start", "help", "reports", "source", "checks", "about"]
    assert group["scope"] == {"type": "all_group_chats"}
    assert [c["command"] for c in group["commands"]] == ["ask", "help", "reports", "about"]


async def test_start_lists_what_is_known_and_offers_three_example_buttons(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    await bot.feed(make_text_update("/start"))
    examples = ["2019年行政复议多少件", "2019年收到多少政府信息公开申请", "2019年不予公开多少件"]
    [sent] = bot.api.sent()
    assert sent == {
        "chat_id": USER["id"],
        "text": "<b>年报问答</b>\n我回答政府信息公开工作年度报告里的问题，数字取自报告原文，每个回答都注明出处。\n\n"
                "已载入 1 个机关的 1 份报告：\n• 开封市人民政府：2019年\n\n直接把问题发给我，或者点下面的例子：",
        **HTML,
        "reply_markup": {"inline_keyboard": [[{"text": q, "callback_data": f"x:1:{i}"}]
                                             for i, q in enumerate(examples)]},
    }

    # pressing an example answers it in a new message (the welcome stays)
    welcome = {"message_id": 9, "date": 0, "chat": {"id": USER["id"], "type": "private"}, "from": BOT_USER,
               "text": sent["text"], "reply_markup": sent["reply_markup"]}
    bot.api.clear()
    await bot.feed(make_callback_update("x:1:1", welcome))
    assert bot.api.methods() == ["answerCallbackQuery", "sendMessage"]
    assert bare(bot.api.sent()[0]) == {"chat_id": USER["id"], "text": KAIFENG_RECEIVED, **HTML}


async def test_a_question_gets_the_same_answer_as_ask_in_telegram_html(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    await bot.feed(make_text_update("2019年行政复议多少件"))
    assert bot.api.methods() == ["sendMessage"]
    [sent] = bot.api.sent()
    assert bare(sent) == {"chat_id": USER["id"], "text": KAIFENG_REVIEW, **HTML}
    assert [b for b, _ in buttons(sent["reply_markup"])] == ["查看原表", "📊 图表"]  # 开封 gives no address


async def test_clarify_offers_buttons_and_a_press_edits_the_question_into_the_answer(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    await bot.feed(make_text_update("2019年行政复议多少件"))
    options = ["平潭2019年行政复议多少件", "开封2019年行政复议多少件"]
    [sent] = bot.api.sent()
    assert sent["text"] == "知识库中有2个机关2019年的年报，您问的是哪一个？\n1. " + "\n2. ".join(options)
    assert buttons(sent["reply_markup"]) == [(q, f"c:1:{i}") for i, q in enumerate(options)]
    assert all(len(data.encode()) <= 64 for _, data in buttons(sent["reply_markup"]))

    question_message = {"message_id": 77, "date": 0, "chat": {"id": USER["id"], "type": "private"},
                        "from": BOT_USER, "text": sent["text"], "reply_markup": sent["reply_markup"]}
    bot.api.clear()
    await bot.feed(make_callback_update("c:1:1", question_message))
    assert bot.api.methods() == ["answerCallbackQuery", "editMessageText"]
    assert [bare(s) for s in bot.api.sent("editMessageText")] == [
        {"chat_id": USER["id"], "message_id": 77, "text": KAIFENG_REVIEW, **HTML}]

    # a button of a keyboard the bot no longer remembers says so instead of guessing
    bot.api.clear()
    await bot.feed(make_callback_update("c:99:0", question_message))
    assert bot.api.sent("answerCallbackQuery")[0]["text"] == texts.EXPIRED
    assert bot.api.methods() == ["answerCallbackQuery"]


async def test_follow_up_keeps_the_year_and_agency_of_the_chat(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    await bot.feed(make_text_update("2019年行政复议多少件"))
    await bot.feed(make_text_update("行政诉讼呢？"))
    first, second = bot.api.sent()
    assert bare(second) == {"chat_id": USER["id"], "text": KAIFENG_LITIGATION, **HTML}


async def test_groups_answer_mentions_replies_and_ask_briefly_and_ignore_chatter(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    await bot.feed(make_text_update("今天开会讨论一下年报", chat_type="supergroup"))
    await bot.feed(make_text_update("2019年行政复议多少件", chat_type="supergroup"))
    assert bot.api.calls == []  # chatter, even a question not addressed to the bot, is ignored

    brief = KAIFENG_REVIEW_BRIEF
    mention = make_text_update(f"@{BOT_USERNAME} 2019年行政复议多少件", chat_type="supergroup")
    await bot.feed(mention)
    assert [bare(s) for s in bot.api.sent()] == [{"chat_id": GROUP["id"], "text": brief, **HTML,
                               "reply_parameters": {"message_id": mention["message"]["message_id"],
                                                    "quote_parse_mode": "HTML"}}]

    bot.api.clear()
    ask = make_text_update(f"/ask@{BOT_USERNAME} 2019年行政复议多少件", chat_type="supergroup")
    await bot.feed(ask)
    assert [s["text"] for s in bot.api.sent()] == [brief]

    bot.api.clear()
    ours = {"message_id": 321, "date": 0, "chat": GROUP, "from": BOT_USER, "text": brief}
    await bot.feed(make_text_update("行政诉讼呢？", chat_type="supergroup", reply_to=ours))
    [reply] = bot.api.sent()
    assert reply["text"] == KAIFENG_LITIGATION_BRIEF

    bot.api.clear()
    someone = {"message_id": 322, "date": 0, "chat": GROUP, "from": USER, "text": "看这个"}
    await bot.feed(make_text_update("行政诉讼呢？", chat_type="supergroup", reply_to=someone))
    assert bot.api.calls == []


async def test_inline_query_offers_ready_to_send_answers_with_their_source(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    await bot.feed(make_inline_update("2019 行政复议"))
    [call] = bot.api.sent("answerInlineQuery")
    results = call["results"]  # two agencies: one answer per agency is offered
    assert [r["input_message_content"]["message_text"] for r in results] == [PINGTAN_REVIEW_BRIEF,
                                                                           KAIFENG_REVIEW_BRIEF]
    for r in results:
        assert r["type"] == "article"
        assert r["input_message_content"]["parse_mode"] == "HTML"
        assert r["description"].startswith("来源：")
    assert call["cache_time"] == 60

    bot.api.clear()
    await bot.feed(make_inline_update("行政复议的律师费是多少"))
    [nothing] = bot.api.sent("answerInlineQuery")
    assert nothing["results"] == []
    assert nothing["button"] == {"text": texts.INLINE_NOTHING, "start_parameter": "inline"}


async def test_a_burst_of_fifty_questions_gets_the_limit_then_one_polite_notice(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    for _ in range(50):
        await bot.feed(make_text_update("2019年行政复议多少件"))
    sent = bot.api.sent()
    limit = SETTINGS.rate_limit_per_minute
    assert len(sent) == limit + 1
    assert [s["text"] for s in sent[:limit]] == [KAIFENG_REVIEW] * limit
    assert sent[limit]["text"] == texts.FLOOD_NOTICE

    # another user is not affected
    bot.api.clear()
    other = {**USER, "id": 2002}
    await bot.feed(make_text_update("2019年行政复议多少件", user=other))
    assert [s["text"] for s in bot.api.sent()] == [KAIFENG_REVIEW]


async def test_an_exception_in_a_handler_is_logged_with_traceback_and_the_user_gets_an_apology(
    make_bot, kaifeng, monkeypatch, caplog
):
    bot = await make_bot(kaifeng)

    def boom(question, context=None):
        raise RuntimeError("answerer exploded")

    monkeypatch.setattr(bot.state.answerer, "answer", boom)
    bot.api.clear()
    with caplog.at_level(logging.ERROR):
        await bot.feed(make_text_update("2019年行政复议多少件"))
    assert bot.api.sent() == [{"chat_id": USER["id"], "text": texts.APOLOGY, **HTML}]
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.exc_info is not None and isinstance(record.exc_info[1], RuntimeError)
    assert "answerer exploded" in caplog.text and "Traceback" in caplog.text


async def test_commands_help_reports_about(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    kb, _ = loaded(kaifeng)
    bot.api.clear()
    for command in ("/help", "/reports", "/about", "/ask"):
        await bot.feed(make_text_update(command))
    help_, reports, about, usage = (s["text"] for s in bot.api.sent())
    assert help_ == texts.help_text(BOT_USERNAME, SETTINGS.max_file_mb) and f"@{BOT_USERNAME}" in help_
    assert reports == texts.report_list(kb.reports)
    assert "• 开封市人民政府：2019年⚠️1\n" in reports and "/checks" in reports  # one check warning, readable via /checks
    assert about == texts.about()
    assert usage == texts.ASK_USAGE


async def test_a_long_answer_is_split_below_the_telegram_limit(make_bot, kaifeng, monkeypatch):
    bot = await make_bot(kaifeng)
    long_html = "\n".join(f"第{i}条：<b>{i}</b> 件" for i in range(900))
    monkeypatch.setattr(render, "html", lambda answer, brief=False: long_html)
    bot.api.clear()
    await bot.feed(make_text_update("2019年行政复议多少件"))
    parts = [s["text"] for s in bot.api.sent()]
    assert len(parts) > 1
    assert all(len(p) <= 4096 for p in parts)
    assert "\n".join(parts) == long_html


def test_message_factory_marks_mentions_like_telegram():
    message = make_message(f"问一下 @{BOT_USERNAME} 行政复议")
    [entity] = message["entities"]
    assert message["text"][entity["offset"]: entity["offset"] + entity["length"]] == f"@{BOT_USERNAME}"


async def test_reports_with_a_place_lists_only_its_reports(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    for command in ("/reports 平潭", "/reports 河南", "/reports 北京"):
        await bot.feed(make_text_update(command))
    pingtan, henan, beijing = (s["text"] for s in bot.api.sent())
    assert "平潭综合实验区" in pingtan and "开封" not in pingtan
    assert "开封市人民政府" in henan and "平潭" not in henan  # 开封 lies in 河南 (the division table)
    assert "没有“北京”" in beijing
