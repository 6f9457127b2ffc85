"""The buttons under a question: a clarify option pressed becomes the answer (with its own buttons, its
chart, its thread), an example pressed is answered in a new message, and a button the bot cannot serve
says it has expired.  Expected replies written by hand from the bundled reports: 开封 2019 行政复议 19
(维持 10, 纠正 2, 其他 2, 尚未审结 5), 行政诉讼 28 + 4; 平潭 行政复议 2019: 0, 2021: 3.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tg_factories import (  # noqa: F401 - fixtures make_bot, kaifeng, two_agencies
    BOT_USER,
    GROUP,
    KAIFENG_LITIGATION,
    KAIFENG_REVIEW,
    KAIFENG_REVIEW_BRIEF,
    USER,
    build_db,
    buttons,
    kaifeng,
    make_bot,
    make_text_update,
    two_agencies,
)

from bot.present import render
from knowledge.errors import NianbaoError

HTML = {"parse_mode": "HTML", "link_preview_options": {"is_disabled": True}}
EXPIRED = "这个按钮已过期，请重新提问。"
OPTIONS_2019 = "知识库中有2个机关2019年的年报，您问的是哪一个？\n1. 平潭2019年行政复议多少件\n2. 开封2019年行政复议多少件"


@pytest.fixture(scope="module")
def three_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("three"), "kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt")


def _press(data: str, sent: dict, message_id: int = 77, chat: dict | None = None) -> dict:
    """The update of pressing `data` under the bot's message `sent` (shown with id message_id)."""
    from tg_factories import make_callback_update

    shown = {"message_id": message_id, "date": 0, "chat": chat or {"id": USER["id"], "type": "private"},
             "from": BOT_USER, "text": sent["text"], "reply_markup": sent["reply_markup"]}
    return make_callback_update(data, shown)


async def _options(bot, question: str = "2019年行政复议多少件", **kwargs) -> dict:  # noqa: ANN001, ANN003
    bot.api.clear()
    await bot.feed(make_text_update(question, **kwargs))
    [sent] = bot.api.sent()
    bot.api.clear()
    return sent


async def test_a_picked_option_becomes_the_answer_with_its_own_buttons(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    sent = await _options(bot)
    assert sent["text"] == OPTIONS_2019
    await bot.feed(_press("c:1:1", sent))
    assert bot.api.methods() == ["answerCallbackQuery", "editMessageText"]
    [edited] = bot.api.sent("editMessageText")
    assert edited == {"chat_id": USER["id"], "message_id": 77, "text": KAIFENG_REVIEW, **HTML,
                      "reply_markup": {"inline_keyboard": [[{"text": "查看原表", "callback_data": "v:2:0"}],
                                                           [{"text": "📊 图表", "callback_data": "v:2:2"}]]}}


async def test_the_answer_picked_is_where_the_chat_goes_on(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    sent = await _options(bot)
    await bot.feed(_press("c:1:1", sent))
    bot.api.clear()
    await bot.feed(make_text_update("行政诉讼呢？"))
    [follow] = bot.api.sent()
    assert follow["text"] == KAIFENG_LITIGATION


async def test_a_reply_to_the_picked_answer_in_a_group_goes_on_from_it(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    sent = await _options(bot, "/ask 2019年行政复议多少件", chat_type="supergroup")
    await bot.feed(_press("c:1:1", sent, message_id=88, chat=GROUP))
    [edited] = bot.api.sent("editMessageText")
    assert edited["text"] == KAIFENG_REVIEW_BRIEF  # brief in a group, the breakdown behind 详情
    assert buttons(edited["reply_markup"]) == [("查看原表", "v:2:0"), ("详情", "v:2:1"), ("📊 图表", "v:2:2")]
    await bot.feed(make_text_update("/ask 2019年收到多少申请", chat_type="supergroup"))  # the chat moves on
    bot.api.clear()
    answered = {"message_id": 88, "date": 0, "chat": GROUP, "from": BOT_USER, "text": edited["text"]}
    await bot.feed(make_text_update("行政诉讼呢？", chat_type="supergroup", reply_to=answered))
    [follow] = bot.api.sent()
    assert follow["text"] == ("开封市人民政府2019年行政诉讼<b>32件</b>。\n"
                              "来源：开封2019年年报 · 四 · 行政诉讼（直接起诉与复议后起诉之和） · 总计")


async def test_a_picked_trend_is_edited_in_and_its_chart_follows_without_quoting(make_bot, three_reports):
    bot = await make_bot(three_reports)
    sent = await _options(bot, "历年行政复议多少件")
    assert sent["text"] == "知识库中有2个机关的年报，您问的是哪一个？\n1. 平潭历年行政复议多少件\n2. 开封历年行政复议多少件"
    await bot.feed(_press("c:1:0", sent))
    assert bot.api.methods() == ["answerCallbackQuery", "editMessageText", "sendPhoto"]
    [edited] = bot.api.sent("editMessageText")
    assert edited["text"].split("\n")[0] == "平潭综合实验区行政复议（2019、2021年）：2019年：<b>0件</b>；2021年：<b>3件</b>。"
    [photo] = bot.api.sent("sendPhoto")
    assert photo["photo"][:4] == b"\x89PNG"
    assert {k: v for k, v in photo.items() if k != "photo"} == {
        "chat_id": USER["id"], "parse_mode": "HTML",
        "caption": "来源：《平潭综合实验区2019年度政府信息公开工作年度报告》、《平潭综合实验区2021年度政府信息公开工作年度报告》"}


async def test_a_picked_answer_too_long_for_one_message_goes_on_in_replies_with_the_buttons_last(
    make_bot, two_agencies, monkeypatch
):
    bot = await make_bot(two_agencies)
    sent = await _options(bot)
    long_html = "\n".join(f"第{i}条：<b>{i}</b> 件" for i in range(300))  # 5,179 characters: two parts
    monkeypatch.setattr(render, "html", lambda answer, brief=False: long_html)
    await bot.feed(_press("c:1:1", sent))
    assert bot.api.methods() == ["answerCallbackQuery", "editMessageText", "sendMessage"]
    [edited] = bot.api.sent("editMessageText")
    assert edited["text"].startswith("第0条：<b>0</b> 件\n") and "reply_markup" not in edited
    [last] = bot.api.sent()
    assert last["text"].endswith("\n第299条：<b>299</b> 件") and "reply_parameters" not in last
    assert buttons(last["reply_markup"]) == [("查看原表", "v:2:0"), ("📊 图表", "v:2:2")]


async def test_a_picked_answer_with_no_card_shows_its_text_escaped(make_bot, two_agencies, monkeypatch):
    bot = await make_bot(two_agencies)
    sent = await _options(bot)
    monkeypatch.setattr(render, "html", lambda answer, brief=False: "")
    await bot.feed(_press("c:1:1", sent))
    [edited] = bot.api.sent("editMessageText")
    assert edited["text"] == "开封市人民政府2019年行政复议19件（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）。\n" \
        "来源：《开封市人民政府2019年政府信息公开工作年度报告》四、政府信息公开行政复议、行政诉讼情况，行政复议 · 总计"


async def test_an_error_answering_a_pressed_option_is_said_in_a_new_message(make_bot, two_agencies, monkeypatch):
    bot = await make_bot(two_agencies)
    sent = await _options(bot)

    def fails(question, context=None):  # noqa: ANN001, ANN202
        raise NianbaoError("报告文件 kb/reports/x.json 已损坏：<无法读取>")

    monkeypatch.setattr(bot.state.answerer, "answer", fails)
    await bot.feed(_press("c:1:1", sent))
    assert bot.api.methods() == ["answerCallbackQuery", "sendMessage"]
    assert bot.api.sent() == [{"chat_id": USER["id"], "text": "报告文件 kb/reports/x.json 已损坏：&lt;无法读取&gt;", **HTML}]


async def test_a_button_past_the_options_or_on_an_inline_message_has_expired(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    sent = await _options(bot)
    await bot.feed(_press("c:1:2", sent))  # two options: 0 and 1
    assert bot.api.methods() == ["answerCallbackQuery"]
    assert bot.api.sent("answerCallbackQuery")[0]["text"] == EXPIRED
    bot.api.clear()
    inline = _press("c:1:1", sent)
    del inline["callback_query"]["message"]
    inline["callback_query"]["inline_message_id"] = "im1"  # a card sent inline: no message to edit
    await bot.feed(inline)
    assert bot.api.methods() == ["answerCallbackQuery"]
    assert bot.api.sent("answerCallbackQuery")[0]["text"] == EXPIRED


# ---------------------------------------------------------------- /ask and inline, the edges


async def test_ask_takes_everything_after_the_command_spaces_and_all(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    await bot.feed(make_text_update("/ask 开封2019年 行政复议 多少件", chat_type="supergroup"))
    [sent] = bot.api.sent()
    assert sent["text"] == KAIFENG_REVIEW_BRIEF


async def test_an_empty_inline_query_offers_the_examples_up_to_the_limit_and_no_button(two_agencies):
    from tg_factories import SETTINGS, bots, make_inline_update

    from bot.settings import Settings

    settings = Settings(admins=SETTINGS.admins, rate_limit_per_minute=20, inline_results=2)
    async with bots() as make:
        bot = await make(two_agencies, settings=settings)
        bot.api.clear()
        await bot.feed(make_inline_update(""))
    [call] = bot.api.sent("answerInlineQuery")
    assert "button" not in call
    assert [r["input_message_content"]["message_text"] for r in call["results"]] == [
        "平潭综合实验区2019年行政复议<b>0件</b>。\n来源：<a href=\"https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/"
        "202001/t20200120_80576.htm\">平潭2019年年报</a> · 四 · 行政复议 · 总计",
        "开封市人民政府2019年本年新收政府信息公开申请<b>527件</b>。\n"
        "来源：开封2019年年报 · 三 · 一、本年新收政府信息公开申请数量 · 总计"]


def test_an_inline_results_source_line_names_the_report_and_its_section():
    from bot.tg.inline import source_line
    from knowledge.models import Answer, Source

    title = "开封市人民政府2019年政府信息公开工作年度报告"
    cell = Source(section="四、政府信息公开行政复议、行政诉讼情况", row="行政复议", column="总计")
    assert source_line(Answer("answered", report_title=title, source=cell, section="四")) == (
        "来源：开封市人民政府2019年政府信息公开工作年度报告 · 四、政府信息公开行政复议、行政诉讼情况")
    assert source_line(Answer("answered", section="一、总体情况")) == "来源：一、总体情况"
    assert source_line(Answer("answered", report_title=title)) == "来源：开封市人民政府2019年政府信息公开工作年度报告"
    assert source_line(Answer("answered")) == ""


# ---------------------------------------------------------------- the same in a group: nothing quotes the answer


async def test_an_example_pressed_in_a_group_is_answered_briefly_and_replies_go_on_from_it(make_bot, kaifeng):
    bot = await make_bot(kaifeng)
    sent = await _options(bot, "/start", chat_type="supergroup")
    assert buttons(sent["reply_markup"])[0] == ("2019年行政复议多少件", "x:1:0")
    await bot.feed(_press("x:1:0", sent, message_id=90, chat=GROUP))
    assert bot.api.methods() == ["answerCallbackQuery", "sendMessage"]
    [answer] = bot.api.sent()
    assert {k: v for k, v in answer.items() if k != "reply_markup"} == {
        "chat_id": GROUP["id"], "text": KAIFENG_REVIEW_BRIEF, **HTML}
    bot.api.clear()
    answered = {"message_id": 5000, "date": 0, "chat": GROUP, "from": BOT_USER, "text": answer["text"]}
    await bot.feed(make_text_update("行政诉讼呢？", chat_type="supergroup", reply_to=answered))
    [follow] = bot.api.sent()
    assert follow["text"] == ("开封市人民政府2019年行政诉讼<b>32件</b>。\n"
                              "来源：开封2019年年报 · 四 · 行政诉讼（直接起诉与复议后起诉之和） · 总计")


async def test_a_trend_picked_in_a_group_sends_its_chart_without_quoting(make_bot, three_reports):
    bot = await make_bot(three_reports)
    sent = await _options(bot, "/ask 历年行政复议多少件", chat_type="supergroup")
    await bot.feed(_press("c:1:0", sent, message_id=91, chat=GROUP))
    assert bot.api.methods() == ["answerCallbackQuery", "editMessageText", "sendPhoto"]
    [photo] = bot.api.sent("sendPhoto")
    assert {k: v for k, v in photo.items() if k != "photo"} == {
        "chat_id": GROUP["id"], "parse_mode": "HTML",
        "caption": "来源：《平潭综合实验区2019年度政府信息公开工作年度报告》、《平潭综合实验区2021年度政府信息公开工作年度报告》"}


async def test_a_long_answer_picked_in_a_group_goes_on_without_quoting(make_bot, two_agencies, monkeypatch):
    bot = await make_bot(two_agencies)
    sent = await _options(bot, "/ask 2019年行政复议多少件", chat_type="supergroup")
    long_html = "\n".join(f"第{i}条：<b>{i}</b> 件" for i in range(300))
    monkeypatch.setattr(render, "html", lambda answer, brief=False: long_html)
    await bot.feed(_press("c:1:1", sent, message_id=92, chat=GROUP))
    assert bot.api.methods() == ["answerCallbackQuery", "editMessageText", "sendMessage"]
    [last] = bot.api.sent()
    assert "reply_parameters" not in last
