"""An answer as Telegram shows it: the text card, its buttons (查看原表, 原文, 详情, 图表) and, for a
trend, the chart as a photo; plus what those buttons and /source, /checks show.

Charts are drawn in a worker thread (matplotlib is slow and blocking) and cached by what they show.
"""

from __future__ import annotations

import asyncio
import re
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import ContextTypes

from bot.present import charts, render, sourceview
from bot.tg import keyboards, state, texts
from bot.tg.split import split_html
from knowledge.models import Answer

Ctx = ContextTypes.DEFAULT_TYPE

CARD = "v"  # callback kind: v:<key>:<action>, the answer kept in chat_data
SOURCE, DETAIL, CHART = 0, 1, 2
CARD_PATTERN = re.compile(rf"^{CARD}:\w+:[012]$")
CAPTION_LIMIT = 1024  # Telegram's limit for a photo caption
LAST = "last_answer"  # chat_data key: the newest answer, for /source


def has_source(answer: Answer) -> bool:
    """True when the answer comes from one table cell or one quoted sentence."""
    src = answer.source
    if answer.status != "answered" or src is None or not answer.agency or not answer.year:
        return False
    return bool(src.sentence) or bool(src.table and answer.field and "/" in answer.field)


def keyboard(answer: Answer, chat_data: dict | None, brief: bool) -> InlineKeyboardMarkup | None:
    """The buttons under an answer: clarify options, or 查看原表/原文段落 · 原文 · 详情 · 图表."""
    if chat_data is None:
        return None
    if answer.status == "clarify":
        return keyboards.questions(chat_data, keyboards.PICK, answer.options)
    view = has_source(answer)
    detail = brief and render.html(answer, brief=True) != render.html(answer)
    chart = charts.chart_of(answer)
    drawable = chart is not None and chart.kind == "breakdown"
    key = keyboards.remember(chat_data, CARD, answer) if view or detail or drawable else ""
    row: list[InlineKeyboardButton] = []
    if view:
        label = "查看原文段落" if answer.source and answer.source.sentence else "查看原表"
        row.append(InlineKeyboardButton(label, callback_data=f"{CARD}:{key}:{SOURCE}"))
    if answer.url:
        row.append(InlineKeyboardButton("原文", url=answer.url))
    extra: list[InlineKeyboardButton] = []
    if detail:
        extra.append(InlineKeyboardButton("详情", callback_data=f"{CARD}:{key}:{DETAIL}"))
    if drawable:
        extra.append(InlineKeyboardButton("📊 图表", callback_data=f"{CARD}:{key}:{CHART}"))
    rows = [r for r in (row, extra) if r]
    return InlineKeyboardMarkup(rows) if rows else None


async def send(message: Message, answer: Answer, context: Ctx, brief: bool, quote: bool | None = None) -> list[int]:
    """Reply with the answer: a trend's chart as a photo (the text as its caption when it fits), then the
    text.  The ids of the messages sent (a reply to any of them continues this conversation)."""
    if context.chat_data is not None and answer.status == "answered":
        context.chat_data[LAST] = answer
    parts = split_html(render.html(answer, brief=brief)) or [escape(answer.text or "…")]
    markup = keyboard(answer, context.chat_data, brief)
    chart = charts.chart_of(answer)
    ids: list[int] = []
    if chart is not None and chart.kind == "series":
        photo = await asyncio.get_running_loop().run_in_executor(None, charts.png, chart)
        if len(parts) == 1 and len(parts[0]) <= CAPTION_LIMIT:
            sent = await message.reply_photo(photo, caption=parts[0], reply_markup=markup, do_quote=quote)
            return [sent.message_id]
        sent = await message.reply_photo(photo, caption=escape(chart.caption[:CAPTION_LIMIT]), do_quote=quote)
        ids.append(sent.message_id)
    for i, part in enumerate(parts):
        sent = await message.reply_text(part, reply_markup=markup if i == len(parts) - 1 else None, do_quote=quote)
        ids.append(sent.message_id)
    return ids


async def send_chart(message: Message, answer: Answer) -> None:
    """A trend's chart alone, captioned with its sources (the text was sent already)."""
    chart = charts.chart_of(answer)
    if chart is not None and chart.kind == "series":
        photo = await asyncio.get_running_loop().run_in_executor(None, charts.png, chart)
        await message.reply_photo(photo, caption=escape(chart.caption[:CAPTION_LIMIT]), do_quote=False)


async def press(update: Update, context: Ctx) -> None:
    """查看原表 / 原文段落, 详情, 图表 under an answer."""
    query = update.callback_query
    _, key, action = keyboards.parse(query.data or "")
    answer = keyboards.recall(context.chat_data, CARD, key)
    if not isinstance(answer, Answer) or query.message is None:
        await query.answer(texts.EXPIRED)
        return
    await query.answer()
    if action == CHART:
        chart = charts.chart_of(answer)
        if chart is not None:
            photo = await asyncio.get_running_loop().run_in_executor(None, charts.png, chart)
            await query.message.reply_photo(photo, caption=escape(chart.caption[:CAPTION_LIMIT]), do_quote=False)
        return
    if action == DETAIL:
        for part in split_html(render.html(answer)):
            await query.message.reply_text(part, do_quote=False)
        return
    await _show_source(query.message, answer, context)


async def source(update: Update, context: Ctx) -> None:
    """/source: where the chat's last answer comes from, on screen."""
    answer = (context.chat_data or {}).get(LAST)
    if not isinstance(answer, Answer):
        await update.effective_message.reply_text(texts.NO_SOURCE_YET)
        return
    await _show_source(update.effective_message, answer, context)


async def checks(update: Update, context: Ctx) -> None:
    """/checks: each report's consistency warnings (勾稽关系), readable; “/checks 平潭”: that place's, one
    line each, as the chat answers “平潭的数据有没有问题”."""
    kb, answerer = state.get(context.bot_data).ready()
    if context.args:
        answer = answerer.answer("/checks " + " ".join(context.args))
        for part in split_html(render.html(answer)):
            await update.effective_message.reply_text(part)
        return
    for part in split_html(texts.checks(kb.described())):
        await update.effective_message.reply_text(part)


async def _show_source(message: Message, answer: Answer, context: Ctx) -> None:
    kb, _ = state.get(context.bot_data).ready()
    shown = sourceview.view(answer, kb)
    if shown is None:
        shown = texts.NO_SOURCE_VIEW + (f'\n<a href="{escape(answer.url)}">原文</a>' if answer.url else "")
    for part in split_html(shown):
        await message.reply_text(part, do_quote=False)
