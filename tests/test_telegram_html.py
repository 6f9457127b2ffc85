"""What Telegram receives is HTML its parser accepts, and a person sees the report's own characters.

The expectations are the report's words and figures, written here by hand (report_fixtures.py),
checked against the text Telegram would show: the sent HTML parsed by the rules of the Bot API's
HTML mode (only its tags; every other <, > and & escaped), never against the renderer's output.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_fixtures import ODD_SENTENCE, ODD_TITLE, odd_report
from tg_factories import (
    BOT_USERNAME,
    GROUP,
    SETTINGS,
    TOKEN,
    USER,
    bots,
    make_inline_update,
    make_text_update,
)

from bot.tg import state, texts
from knowledge.ingest import ingest
from knowledge.models import Report
from knowledge.paths import DATA
from knowledge.store import Store

# the tags of https://core.telegram.org/bots/api#html-style
TELEGRAM_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
                 "tg-spoiler", "span", "blockquote", "tg-emoji"}
ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class _TelegramHtml(HTMLParser):
    """Collects the text a person sees; fails on what Telegram's parser refuses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.shown: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in TELEGRAM_TAGS, f"Telegram does not know <{tag}>"
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes nothing open ({self.open})"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.shown.append(data)


def shown(sent: str) -> str:
    """The text Telegram shows for a message sent with parse_mode HTML (asserting it would parse)."""
    outside_tags = re.sub(r"<(/?)([a-z-]+)((?:\s+[a-z-]+=\"[^\"<>]*\")*)\s*>", "", sent)
    assert "<" not in outside_tags and ">" not in outside_tags, f"unescaped < or > in {sent!r}"
    for amp in re.finditer("&", outside_tags):
        assert ENTITY.match(outside_tags, amp.start()), f"bare & in {sent!r}"
    parser = _TelegramHtml()
    parser.feed(sent)
    parser.close()
    assert parser.open == [], f"unclosed tags {parser.open}"
    return "".join(parser.shown)


def test_the_checker_itself_refuses_what_telegram_refuses() -> None:
    assert shown("<b>19件</b> &lt;A&amp;B&gt;") == "19件 <A&B>"
    for bad in ["<A&B>", "a < b", "R&D", "<b>19件", "<div>x</div>", "x</i>"]:
        with pytest.raises(AssertionError):
            shown(bad)


@pytest.fixture(scope="module")
def odd_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("odd")
    db = folder / "kb.json"
    summary = ingest([odd_report(folder), DATA / "reports" / "pingtan-2019.txt"], Store(db), SETTINGS)
    assert not summary.failures
    return db


@pytest.fixture
async def make_bot():
    async with bots() as make:
        yield make


async def test_a_sentence_with_markup_characters_arrives_as_printed(make_bot, odd_db):
    bot = await make_bot(odd_db)
    bot.api.clear()
    await bot.feed(make_text_update("开封2019年领导信箱办结多少条"))
    [sent] = bot.api.sent()
    assert sent["parse_mode"] == "HTML"
    seen = shown(sent["text"])
    assert ODD_SENTENCE in seen
    assert "839条" in seen and "来源：" in seen


async def test_checks_show_a_title_with_markup_characters(make_bot, odd_db):
    bot = await make_bot(odd_db)
    bot.api.clear()
    await bot.feed(make_text_update("/checks"))
    seen = "".join(shown(s["text"]) for s in bot.api.sent())
    assert f"《{ODD_TITLE}》" in seen
    assert "845" in seen and "815" in seen  # the warning: 正文 845 个 against the table's 815


async def test_source_of_the_last_answer_shows_the_title_as_printed(make_bot, odd_db):
    bot = await make_bot(odd_db)
    await bot.feed(make_text_update("开封2019年行政复议多少件"))
    bot.api.clear()
    await bot.feed(make_text_update("/source"))
    seen = "".join(shown(s["text"]) for s in bot.api.sent())
    assert f"《{ODD_TITLE}》" in seen
    assert "【19】" in seen and "结果维持 10" in seen and "尚未审结 5" in seen  # table 四's 行政复议 row


def test_report_list_escapes_agency_names() -> None:
    odd = '某市<A&B>"示范"区管委会'
    report = Report(id=f"{odd}-2019", agency=odd, year=2019, title=f"{odd}2019年政府信息公开工作年度报告",
                    template="2019", source_file="odd.txt", missing=["表三缺失（<无>&“表”）"])
    seen = shown(texts.report_list([report]))
    assert odd in seen and "2019" in seen and "表三缺失（<无>&“表”）" in seen


async def test_group_and_inline_short_answers_keep_figure_and_source(make_bot, odd_db):
    bot = await make_bot(odd_db)
    bot.api.clear()
    await bot.feed(make_text_update(f"@{BOT_USERNAME} 开封2019年行政复议多少件", chat_type="supergroup"))
    [sent] = bot.api.sent()
    assert sent["chat_id"] == GROUP["id"]
    seen = shown(sent["text"])
    assert "19件" in seen and "开封" in seen
    assert re.search(r"来源：.*开封.*2019.*四", seen), seen

    bot.api.clear()
    await bot.feed(make_inline_update("开封2019年行政复议多少件"))
    [call] = bot.api.sent("answerInlineQuery")
    first = call["results"][0]
    seen = shown(first["input_message_content"]["message_text"])
    assert "19件" in seen
    assert re.search(r"来源：.*开封.*2019.*四", seen), seen
    assert first["description"].startswith("来源：")


async def test_an_error_while_answering_is_logged_and_the_user_gets_one_apology(make_bot, odd_db, caplog,
                                                                               monkeypatch):
    bot = await make_bot(odd_db)
    answerer = state.get(bot.app.bot_data).answerer

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom in the answerer")

    monkeypatch.setattr(answerer, "answer", broken)
    bot.api.clear()
    update = make_text_update("开封2019年行政复议多少件")
    with caplog.at_level(logging.ERROR):
        await bot.feed(update)
    sent = bot.api.sent()
    assert [s["text"] for s in sent] == ["抱歉，处理这条消息时出错了。已记录下来，请稍后再试。"]
    assert sent[0]["chat_id"] == USER["id"]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors and str(update["update_id"]) in errors[0].getMessage()
    assert errors[0].exc_info is not None and "boom in the answerer" in str(errors[0].exc_info[1])
    assert TOKEN not in caplog.text
