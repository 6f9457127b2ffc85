"""Inline mode: `@bot 2019 行政复议` offers ready-to-send answers, each with its source.

A clarify offers the answer to each of its options; an empty query offers the example questions; a
body or year that is not loaded is one card saying so.  Inline queries carry no chat and are sent
again at every keystroke, so each is a conversation of its own (no follow-ups here).
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

from bot.present import render
from bot.reply import parts
from bot.reply.answer import Answerer, Context
from bot.tg import state, texts
from bot.tg.split import split_html
from knowledge.models import Answer

CACHE_SECONDS = 60  # short: an upload changes the answers
_TITLE = 64
_DESCRIPTION = 120


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
    """Answered (question, answer) pairs, a clarify expanded into its options, at most limit; when none
    is answered because a body or year asked about is not loaded, that notice as the one result."""
    out: dict[str, Answer] = {}
    notice: tuple[str, Answer] | None = None
    for question in questions:
        answer = answerer.answer(question, Context())  # inline queries are typed afresh: a thread of their own
        if answer.status == "answered":
            out.setdefault(question, answer)
        elif answer.status == "clarify":
            for option in answer.options:
                picked = answerer.answer(option, Context())
                if picked.status == "answered":
                    out.setdefault(option, picked)
        elif parts.not_loaded(answer) and notice is None:
            notice = (question, answer)
        if len(out) >= limit:
            break
    if not out and notice is not None:
        return [notice]
    return list(out.items())[:limit]


def article(question: str, answer: Answer) -> InlineQueryResultArticle:
    """One inline result: the answer card (brief text, source linked, a 原文 button), titled by the line
    that answers (the figure), never by a note on how the question was read."""
    body = split_html(render.html(answer, brief=True))[0]
    title = parts.headline(answer) or question
    if parts.not_loaded(answer):  # “知识库中没有…的年报” is the title; what is loaded, the description
        title, _, rest = title.partition("。")
        description = rest.strip()[:_DESCRIPTION]
    else:
        description = source_line(answer)
    return InlineQueryResultArticle(
        id=hashlib.sha1(question.encode()).hexdigest()[:32],
        title=title if len(title) <= _TITLE else title[: _TITLE - 1] + "…",
        description=description,
        input_message_content=InputTextMessageContent(body),
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("原文", url=answer.url)]]) if answer.url else None,
    )


def source_line(answer: Answer) -> str:
    """Where the figure comes from, in one line."""
    bits = [answer.report_title or "", answer.source.section if answer.source else answer.section or ""]
    line = " · ".join(b for b in bits if b)
    return f"来源：{line}" if line else ""
