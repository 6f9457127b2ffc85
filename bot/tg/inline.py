"""Inline mode: `@bot 2019 行政复议` offers ready-to-send answers, each with its source.

A clarify offers the answer to each of its options; an empty query offers the example questions.
Inline queries carry no chat, so there are no follow-ups here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Update,
)
from telegram.ext import ContextTypes

from bot.reply import render
from bot.reply.answer import Answerer, Context
from bot.tg import state, texts
from bot.tg.split import split_html
from knowledge.models import Answer

CACHE_SECONDS = 60  # short: an upload changes the answers
_TITLE = 64


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer up to `inline_results` answers to an inline query."""
    query = update.inline_query
    st = state.get(context.bot_data)
    kb, answerer = st.ready()
    text = query.query.strip()
    questions = [text] if text else answerer.examples(st.settings.inline_results)
    answers = collect(answerer, questions, st.settings.inline_results)
    results = [article(question, answer) for question, answer in answers]
    button = None if results else InlineQueryResultsButton(text=texts.INLINE_NOTHING, start_parameter="inline")
    await query.answer(results, cache_time=CACHE_SECONDS, button=button)


def collect(answerer: Answerer, questions: Iterable[str], limit: int) -> list[tuple[str, Answer]]:
    """Answered (question, answer) pairs, a clarify expanded into its options, at most limit."""
    out: dict[str, Answer] = {}
    for question in questions:
        answer = answerer.answer(question, Context())
        if answer.status == "answered":
            out.setdefault(question, answer)
        elif answer.status == "clarify":
            for option in answer.options:
                picked = answerer.answer(option, Context())
                if picked.status == "answered":
                    out.setdefault(option, picked)
        if len(out) >= limit:
            break
    return list(out.items())[:limit]


def article(question: str, answer: Answer) -> InlineQueryResultArticle:
    """One inline result: the answer card (brief text, source linked, a 原文 button), titled by its first line."""
    body = split_html(render.html(answer, brief=True))[0]
    title = (answer.text or question).strip().splitlines()[0]
    return InlineQueryResultArticle(
        id=hashlib.sha1(question.encode()).hexdigest()[:32],
        title=title if len(title) <= _TITLE else title[: _TITLE - 1] + "…",
        description=source_line(answer),
        input_message_content=InputTextMessageContent(body),
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("原文", url=answer.url)]]) if answer.url else None,
    )


def source_line(answer: Answer) -> str:
    """Where the figure comes from, in one line."""
    bits = [answer.report_title or "", answer.source.section if answer.source else answer.section or ""]
    line = " · ".join(b for b in bits if b)
    return f"来源：{line}" if line else ""
