"""What a chat remembers between updates: the strings behind its buttons (the newest 20 keyboards of a
kind, keys in hex), what a button's data reads as, the button texts, and the conversation after each of
the bot's answers (the newest 200 messages).  Values written by hand."""

from __future__ import annotations

from bot.reply.answer import Context
from bot.tg import keyboards, state


def _buttons(markup) -> list[tuple[str, str]]:  # noqa: ANN001
    return [(b.text, b.callback_data) for row in markup.inline_keyboard for b in row]


# ---------------------------------------------------------------- keyboards


def test_the_newest_twenty_keyboards_are_kept_and_the_oldest_expires():
    chat: dict = {}
    keys = [keyboards.remember(chat, "x", [f"问题{i}"]) for i in range(1, 22)]
    assert keys == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f", "10", "11", "12",
                    "13", "14", "15"]
    assert chat["seq"] == 21
    assert keyboards.recall(chat, "x", "1") is None  # the 21st keyboard pushed the first out
    assert keyboards.recall(chat, "x", "2") == ["问题2"]
    assert keyboards.recall(chat, "x", "15") == ["问题21"]
    assert list(chat["x"]) == keys[1:]


def test_keys_count_on_across_kinds_and_each_kind_keeps_its_own():
    chat: dict = {}
    assert keyboards.remember(chat, "x", ["例题"]) == "1"
    assert keyboards.remember(chat, "c", ["选项"]) == "2"
    assert keyboards.recall(chat, "x", "1") == ["例题"]
    assert keyboards.recall(chat, "c", "1") is None
    assert keyboards.recall(chat, "c", "2") == ["选项"]


def test_recall_keeps_the_value_unless_popped_and_a_chat_without_data_has_none():
    chat: dict = {}
    key = keyboards.remember(chat, "u", "待确认的上传")
    assert keyboards.recall(chat, "u", key) == "待确认的上传"
    assert keyboards.recall(chat, "u", key) == "待确认的上传"  # pressing a card's button twice works twice
    assert keyboards.recall(chat, "u", key, pop=True) == "待确认的上传"
    assert keyboards.recall(chat, "u", key) is None  # an upload decided once is gone
    assert keyboards.recall(chat, "u", key, pop=True) is None
    assert keyboards.recall(None, "u", "1") is None
    assert keyboards.recall({}, "u", "1") is None


def test_button_data_reads_as_kind_key_and_index_or_as_nothing():
    assert keyboards.parse("c:1f:3") == ("c", "1f", 3)
    assert keyboards.parse("x:10:123456789") == ("x", "10", 123456789)
    assert keyboards.parse("x:10:1234567890") == ("", "", 0)  # more than nine digits: not made here
    assert keyboards.parse("c:1:") == ("", "", 0)
    assert keyboards.parse("c:1:2:3") == ("", "", 0)
    assert keyboards.parse("") == ("", "", 0)
    assert keyboards.parse(None) == ("", "", 0)


def test_question_buttons_one_a_row_cut_after_sixty_characters():
    sixty = "开封市人民政府" * 8 + "2019年行政复议多少件"  # 56 + 12 = 68 characters
    exactly = sixty[:60]
    chat: dict = {}
    markup = keyboards.questions(chat, keyboards.PICK, [exactly, sixty, "平潭2019年行政复议多少件"])
    assert _buttons(markup) == [(exactly, "c:1:0"), (sixty[:59] + "…", "c:1:1"), ("平潭2019年行政复议多少件", "c:1:2")]
    assert [len(row) for row in markup.inline_keyboard] == [1, 1, 1]
    assert chat["c"] == {"1": [exactly, sixty, "平潭2019年行政复议多少件"]}
    assert keyboards.questions(chat, keyboards.ASK, []) is None
    assert chat["seq"] == 1  # no keyboard, nothing remembered


def test_upload_buttons_confirm_and_cancel():
    assert _buttons(keyboards.confirm("3")) == [("✅ 确认入库", "u:3:1"), ("取消", "u:3:0")]
    label = "仍然入库（将丢失" + "表格" * 30 + "）"
    assert _buttons(keyboards.confirm("a", label)) == [(label[:59] + "…", "u:a:1"), ("取消", "u:a:0")]
    assert _buttons(keyboards.confirm("a", "仍然入库")) == [("仍然入库", "u:a:1"), ("取消", "u:a:0")]


# ---------------------------------------------------------------- threads


def _ctx(agency: str) -> Context:
    return Context(agency=agency, year=2019, agencies=[agency], when="2019年", item="行政复议")


def test_a_reply_continues_the_thread_of_the_message_it_answers_among_the_newest_two_hundred():
    chat: dict = {}
    state.keep(chat, _ctx("开封市人民政府"), list(range(1, 201)))
    state.keep(chat, _ctx("平潭综合实验区"), [201])
    assert state.thread_of(chat, 2) == _ctx("开封市人民政府")
    assert state.thread_of(chat, 200) == _ctx("开封市人民政府")
    assert state.thread_of(chat, 201) == _ctx("平潭综合实验区")
    assert state.thread_of(chat, 1) == _ctx("平潭综合实验区")  # forgotten: the chat's own thread
    assert state.thread_of(chat, 999) == _ctx("平潭综合实验区")  # not the bot's answer: the chat's thread
    assert state.thread_of(chat, None) == _ctx("平潭综合实验区")
    assert len(chat["threads"]) == 200


def test_a_thread_handed_out_or_kept_is_a_copy():
    chat: dict = {}
    ctx = _ctx("开封市人民政府")
    state.keep(chat, ctx, [7, 8])
    assert chat["context"] is ctx
    ctx.agency = "平潭综合实验区"  # the chat moves on …
    assert state.thread_of(chat, 7).agency == "开封市人民政府"  # … the answers keep their own
    got = state.thread_of(chat, 8)
    got.year = 2021
    assert state.thread_of(chat, 8).year == 2019
    chat_copy = state.thread_of(chat, None)
    chat_copy.year = 2023
    assert chat["context"].year == 2019


def test_a_chat_without_data_has_a_fresh_thread_and_keeps_nothing():
    assert state.thread_of(None, 7) == Context()
    assert state.thread_of(None, None) == Context()
    state.keep(None, _ctx("开封市人民政府"), [7])  # nothing to keep it in: no error
    assert state.chat_context(None) == Context()


def test_the_chats_own_thread_is_made_once_and_kept():
    chat: dict = {"context": "不是对话"}
    ctx = state.chat_context(chat)
    assert ctx == Context() and chat["context"] is ctx
    assert state.chat_context(chat) is ctx
    assert state.thread_of({}, None) == Context()
