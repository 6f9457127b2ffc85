"""Admin upload through the real Application: summary with buttons, confirm stores and reloads, refusals."""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

import pytest
from kb_files import copy_kb, snapshot
from tg_factories import (
    ADMIN,
    BOT_USER,
    REPORTS,
    SETTINGS,
    USER,
    bots,
    build_db,
    buttons,
    make_callback_update,
    make_document_update,
    make_text_update,
)

from bot.tg import texts
from knowledge.checks.sums import format_check
from knowledge.errors import NianbaoError
from knowledge.ingest import parse_bytes
from knowledge.kb import KnowledgeBase

HTML = {"parse_mode": "HTML", "link_preview_options": {"is_disabled": True}}


@pytest.fixture(scope="module")
def kaifeng(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("kaifeng"), "kaifeng-2019.txt")


@pytest.fixture
def db(kaifeng: Path, tmp_path: Path) -> Path:
    """A private copy of the one-report knowledge base: uploads may change it."""
    return copy_kb(kaifeng, tmp_path / "kb.json")


@pytest.fixture
async def make_bot():
    async with bots() as make:
        yield make


def _bot_message(sent: dict, message_id: int = 600) -> dict:
    """The message the bot sent, as Telegram would show it in a callback query."""
    return {"message_id": message_id, "date": 0, "chat": {"id": sent["chat_id"], "type": "private"},
            "from": BOT_USER, "text": sent["text"], "reply_markup": sent["reply_markup"]}


async def test_admin_upload_shows_the_check_then_confirm_stores_and_reloads(make_bot, db):
    bot = await make_bot(db, share=False)
    data = (REPORTS / "pingtan-2019.txt").read_bytes()
    parsed = parse_bytes(data, "pingtan-2019.txt", SETTINGS)
    bot.api.files["f1"] = data
    bot.api.clear()
    await bot.feed(make_document_update("f1", "pingtan-2019.txt", len(data)))
    assert bot.api.methods()[0] == "getFile"
    [summary] = bot.api.sent()
    assert summary["text"] == texts.upload_summary(format_check(parsed), False, parsed.report)
    assert escape(format_check(parsed)) in summary["text"]
    assert buttons(summary["reply_markup"]) == [("✅ 确认入库", "u:1:1"), ("取消", "u:1:0")]
    assert parsed.report.id not in {r.id for r in KnowledgeBase.load(db).reports}  # nothing stored before confirming

    bot.api.clear()
    await bot.feed(make_callback_update("u:1:1", _bot_message(summary), user=ADMIN))
    assert bot.api.methods() == ["answerCallbackQuery", "editMessageText"]
    kb = KnowledgeBase.load(db)
    assert parsed.report.id in {r.id for r in kb.reports} and len(kb.reports) == 2
    assert bot.api.sent("editMessageText") == [{"chat_id": ADMIN["id"], "message_id": 600, **HTML,
                                                "text": texts.stored([parsed.report.id], [], 2)}]

    # the handlers use the reloaded knowledge base at once
    bot.api.clear()
    await bot.feed(make_text_update("/reports", user=ADMIN))
    [listing] = bot.api.sent()
    assert f"{parsed.report.agency}：{parsed.report.year}年" in listing["text"] and "2 份" in listing["text"]

    # the same button again does nothing twice
    bot.api.clear()
    await bot.feed(make_callback_update("u:1:1", _bot_message(summary), user=ADMIN))
    assert bot.api.sent("answerCallbackQuery")[0]["text"] == texts.UPLOAD_GONE
    assert "editMessageText" not in bot.api.methods()


async def test_uploading_a_report_already_there_says_it_will_replace_it(make_bot, db):
    bot = await make_bot(db)
    data = (REPORTS / "kaifeng-2019.txt").read_bytes()
    bot.api.files["f2"] = data
    bot.api.clear()
    await bot.feed(make_document_update("f2", "kaifeng-2019.txt", len(data)))
    [summary] = bot.api.sent()
    assert "确认后将替换已有的 开封市人民政府 2019年报告" in summary["text"]
    bot.api.clear()
    await bot.feed(make_callback_update("u:1:1", _bot_message(summary), user=ADMIN))
    [done] = bot.api.sent("editMessageText")
    assert done["text"].startswith("✅ 已入库（替换）")


async def test_cancel_stores_nothing(make_bot, db):
    bot = await make_bot(db)
    data = (REPORTS / "pingtan-2019.txt").read_bytes()
    bot.api.files["f3"] = data
    before = snapshot(db)
    await bot.feed(make_document_update("f3", "pingtan-2019.txt", len(data)))
    [summary] = bot.api.sent()
    bot.api.clear()
    await bot.feed(make_callback_update("u:1:0", _bot_message(summary), user=ADMIN))
    assert bot.api.sent("editMessageText")[0]["text"] == texts.CANCELLED
    assert snapshot(db) == before


async def test_a_non_admin_upload_is_refused_politely_without_downloading(make_bot, db):
    bot = await make_bot(db)
    bot.api.files["f4"] = b"whatever"
    bot.api.clear()
    await bot.feed(make_document_update("f4", "pingtan-2019.txt", 8, user=USER))
    assert bot.api.methods() == ["sendMessage"]
    assert bot.api.sent() == [{"chat_id": USER["id"], "text": texts.NOT_ADMIN, **HTML}]


async def test_a_non_admin_cannot_press_confirm(make_bot, db):
    bot = await make_bot(db)
    data = (REPORTS / "pingtan-2019.txt").read_bytes()
    bot.api.files["f5"] = data
    before = snapshot(db)
    await bot.feed(make_document_update("f5", "pingtan-2019.txt", len(data)))
    [summary] = bot.api.sent()
    bot.api.clear()
    await bot.feed(make_callback_update("u:1:1", _bot_message(summary), user=USER))
    assert bot.api.sent("answerCallbackQuery") == [
        {"callback_query_id": bot.api.calls[0].params["callback_query_id"], "text": texts.ONLY_ADMIN_CONFIRMS,
         "show_alert": "true"}]
    assert snapshot(db) == before


async def test_a_broken_file_gets_the_reason_and_nothing_is_stored(make_bot, db):
    bot = await make_bot(db)
    junk = os.urandom(4096)
    with pytest.raises(NianbaoError) as reason:
        parse_bytes(junk, "年报.pdf", SETTINGS)
    bot.api.files["f6"] = junk
    before = snapshot(db)
    bot.api.clear()
    await bot.feed(make_document_update("f6", "年报.pdf", len(junk)))
    assert bot.api.sent() == [{"chat_id": ADMIN["id"], "text": escape(str(reason.value)), **HTML}]
    assert "reply_markup" not in bot.api.sent()[0]
    assert snapshot(db) == before


async def test_too_large_and_unsupported_files_are_refused_before_downloading(make_bot, db):
    bot = await make_bot(db)
    bot.api.clear()
    big = SETTINGS.max_file_bytes + 1
    await bot.feed(make_document_update("f7", "年报.pdf", big))
    await bot.feed(make_document_update("f8", "setup.exe", 100))
    assert bot.api.methods() == ["sendMessage", "sendMessage"]
    too_large, unsupported = (s["text"] for s in bot.api.sent())
    assert too_large == "文件太大（20.0 MB），上限是 20 MB。"  # 20 MB and one byte
    assert unsupported.startswith("不支持这种文件：setup.exe")
