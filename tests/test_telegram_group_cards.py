"""What the buttons under an answer send in a group: each reply stands on its own (never quoting the answer,
which sits right above it); /source with nothing or nothing to show; a mention with no question; inline
cards' titles and ids.  Expected texts written by hand from kaifeng-2019.txt and pingtan-2019.txt.
"""

from __future__ import annotations

from tg_factories import (  # noqa: F401 - fixtures make_bot, kaifeng, two_agencies
    BOT_USER,
    BOT_USERNAME,
    GROUP,
    USER,
    buttons,
    kaifeng,
    make_bot,
    make_callback_update,
    make_inline_update,
    make_text_update,
    two_agencies,
)

from bot.tg import texts

PINGTAN_2019 = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202001/t20200120_80576.htm"
NO_VIEW = "这个回答不是取自表格的一格或正文的一句，没有可以单独显示的原表。"


def _message(sent: dict) -> dict:
    return {"message_id": 700, "date": 0, "chat": GROUP, "from": BOT_USER, "text": sent.get("text", ""),
            "reply_markup": sent["reply_markup"]}


def _data(sent: dict, label: str) -> str:
    return next(data for text, data in buttons(sent["reply_markup"]) if text == label)


async def _brief(bot) -> dict:  # noqa: ANN001
    bot.api.clear()
    await bot.feed(make_text_update(f"@{BOT_USERNAME} 2019年行政复议多少件", chat_type="supergroup"))
    [brief] = bot.api.sent()
    assert buttons(brief["reply_markup"]) == [("查看原表", "v:1:0"), ("详情", "v:1:1"), ("📊 图表", "v:1:2")]
    bot.api.clear()
    return brief


async def test_the_buttons_under_a_group_answer_send_without_quoting_it(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    brief = await _brief(bot)
    for label in ("详情", "查看原表", "📊 图表"):
        await bot.feed(make_callback_update(_data(brief, label), _message(brief)))
    detail, table = bot.api.sent()
    [photo] = bot.api.sent("sendPhoto")
    assert bot.api.methods() == ["answerCallbackQuery", "sendMessage", "answerCallbackQuery", "sendMessage",
                                 "answerCallbackQuery", "sendPhoto"]
    assert {k: v for k, v in detail.items() if k != "text"} == {
        "chat_id": GROUP["id"], "parse_mode": "HTML", "link_preview_options": {"is_disabled": True}}
    assert detail["text"] == ("开封市人民政府2019年行政复议<b>19件</b>（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）。\n"
                              "来源：开封2019年年报 · 四 · 行政复议 · 总计")
    assert "reply_parameters" not in table
    assert "▶ 行政复议\n    结果维持 10 · 结果纠正 2 · 其他结果 2 · 尚未审结 5 · 总计【19】" in table["text"]
    assert {k: v for k, v in photo.items() if k != "photo"} == {
        "chat_id": GROUP["id"], "parse_mode": "HTML", "caption": "来源：《开封市人民政府2019年政府信息公开工作年度报告》"}


async def test_source_before_any_answer_says_to_ask_first(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    await bot.feed(make_text_update("/source"))
    assert [s["text"] for s in bot.api.sent()] == ["还没有可以查看出处的回答。先问一个问题，再发送 /source。"]


async def test_source_of_an_answer_from_no_one_cell_says_so_with_the_reports_link(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    await bot.feed(make_text_update("平潭2019年存在哪些主要问题"))
    await bot.feed(make_text_update("/source"))
    await bot.feed(make_text_update("开封2019年存在哪些主要问题"))
    await bot.feed(make_text_update("/source"))
    sent = bot.api.sent()
    assert [sent[1]["text"], sent[3]["text"]] == [f'{NO_VIEW}\n<a href="{PINGTAN_2019}">原文</a>', NO_VIEW]


async def test_a_mention_alone_gets_the_usage(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    await bot.feed(make_text_update(f"@{BOT_USERNAME} ，", chat_type="supergroup"))
    assert [s["text"] for s in bot.api.sent()] == ["用法：/ask 问题，例如 /ask 2019年行政复议多少件"]


async def test_an_inline_card_with_a_long_headline_is_cut_to_64_characters(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    await bot.feed(make_inline_update("开封2019年不予公开多少件"))
    [call] = bot.api.sent("answerInlineQuery")
    [card] = call["results"]
    assert card["title"] == ("开封市人民政府2019年不予公开85件（属于国家秘密0件、其他法律行政法规禁止公开1件、"
                             "危及“三安全一稳定”0件、保护第三方合…")
    assert len(card["title"]) == 64
    assert "reply_markup" not in card  # 开封's report gives no address: no 原文 button


async def test_inline_cards_have_distinct_ids_telegram_accepts(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    await bot.feed(make_inline_update("2019 行政复议"))
    [call] = bot.api.sent("answerInlineQuery")
    ids = [r["id"] for r in call["results"]]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert all(len(i) == 32 and set(i) <= set("0123456789abcdef") for i in ids)  # at most 64 bytes, as Telegram asks


async def test_an_inline_card_for_a_body_not_loaded_says_what_is(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    await bot.feed(make_inline_update("深圳2019年行政复议多少件"))
    [call] = bot.api.sent("answerInlineQuery")
    [card] = call["results"]
    assert (card["title"], card["description"]) == (
        "知识库中没有“深圳”的年报", "已载入：开封市人民政府（2019年）；平潭综合实验区（2019年）。")


def test_a_file_over_the_limit_is_refused_with_its_size_to_a_tenth_of_a_megabyte():
    assert texts.too_large(2_359_297, 20) == "文件太大（2.3 MB），上限是 20 MB。"  # 2.25 MB and one byte
    assert texts.too_large(2_359_296, 1.5) == "文件太大（2.2 MB），上限是 1.5 MB。"  # 2.25 MB exactly


# ---------------------------------------------------------------- which group messages are for the bot


def _group_message(text: str, *entities: dict) -> dict:
    from tg_factories import make_text_update

    update = make_text_update(text, chat_type="supergroup")
    update["message"]["entities"] = list(entities)
    return update


async def test_a_group_message_naming_the_bot_by_a_text_mention_is_answered(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    await bot.feed(_group_message("年报 2019年行政复议多少件", {"type": "text_mention", "offset": 0, "length": 2,
                                                              "user": BOT_USER}))
    assert [s["text"] for s in bot.api.sent()] == [
        "开封市人民政府2019年行政复议<b>19件</b>。\n来源：开封2019年年报 · 四 · 行政复议 · 总计"]


async def test_group_messages_naming_someone_else_or_showing_the_name_as_code_are_left_alone(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    someone = {"id": 4242, "is_bot": False, "first_name": "小李"}
    await bot.feed(_group_message("小李 2019年行政复议多少件", {"type": "text_mention", "offset": 0, "length": 2,
                                                              "user": someone}))
    await bot.feed(_group_message("@xiaoli_bot 2019年行政复议多少件", {"type": "mention", "offset": 0, "length": 11}))
    await bot.feed(_group_message(f"@{BOT_USERNAME} 是哪个机器人", {"type": "code", "offset": 0, "length": 17}))
    assert bot.api.calls == []


async def test_a_mention_in_other_letters_case_alone_gets_the_usage(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    bot.api.clear()
    await bot.feed(_group_message("@NIANBAO_TEST_BOT", {"type": "mention", "offset": 0, "length": 17}))
    assert [s["text"] for s in bot.api.sent()] == ["用法：/ask 问题，例如 /ask 2019年行政复议多少件"]
