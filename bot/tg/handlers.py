"""Thin handlers for commands, questions and question buttons, plus the one error handler.

Each reads the update, calls the answerer, renders with `bot.render`, and replies.  Expected errors
(`NianbaoError`) become plain replies here; anything else goes to `on_error`.
"""

from __future__ import annotations

import logging
import re
from html import escape

from telegram import InlineKeyboardMarkup, Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.error import NetworkError, TelegramError
from telegram.ext import ContextTypes, filters

from bot.present import render
from bot.tg import cards, keyboards, state, texts
from bot.tg.flood import admit
from bot.tg.resend import MaybeSent
from bot.tg.split import split_html
from bot.understand import lexicon
from bot.understand.agencies import listing
from bot.understand.normalise import normalise
from knowledge.errors import NianbaoError
from knowledge.models import Answer

log = logging.getLogger(__name__)

Ctx = ContextTypes.DEFAULT_TYPE


# ---------------------------------------------------------------- commands


async def start(update: Update, context: Ctx) -> None:
    """Say what the bot knows and offer three example questions as buttons."""
    kb, answerer = state.get(context.bot_data).ready()
    markup = keyboards.questions(context.chat_data, keyboards.ASK, answerer.examples(3))
    await update.effective_message.reply_text(texts.welcome(kb.years, len(kb.reports)), reply_markup=markup)


async def help_(update: Update, context: Ctx) -> None:
    """Explain how to ask, in private, in groups and inline."""
    settings = state.get(context.bot_data).settings
    await update.effective_message.reply_text(texts.help_text(context.bot.username, settings.max_file_mb))


async def reports(update: Update, context: Ctx) -> None:
    """List the loaded reports (`/reports 平潭`: those of one place or body)."""
    kb, answerer = state.get(context.bot_data).ready()
    name = " ".join(context.args or []).strip()
    agencies = None
    if name:
        agencies, missing = listing(normalise(name, lexicon.default()), answerer.agency_index)
        if not agencies:
            await update.effective_message.reply_text(f"知识库中没有“{escape(missing or name)}”的年报。")
            return
    chosen = kb.described(agencies)  # with each report's warnings and gaps (read from the catalogue)
    await _reply(update.effective_message, split_html(texts.report_list(chosen)), None)


async def about(update: Update, context: Ctx) -> None:
    """Say what the bot is and where its figures come from."""
    await update.effective_message.reply_text(texts.about())


async def ask(update: Update, context: Ctx) -> None:
    """Answer `/ask question` (in any chat)."""
    parts = (update.effective_message.text or "").split(maxsplit=1)
    if len(parts) < 2 or not parts[1].strip():
        await update.effective_message.reply_text(texts.ASK_USAGE)
        return
    await _answer(update, context, parts[1])


# ---------------------------------------------------------------- questions


async def private_question(update: Update, context: Ctx) -> None:
    """Answer a text message in a private chat."""
    await _answer(update, context, update.effective_message.text or "")


async def group_question(update: Update, context: Ctx) -> None:
    """Answer a group message that mentions the bot or replies to it."""
    question = strip_mention(update.effective_message.text or "", context.bot.username)
    if not question:
        await update.effective_message.reply_text(texts.ASK_USAGE)
        return
    await _answer(update, context, question)


async def question_button(update: Update, context: Ctx) -> None:
    """Answer the question behind a button: an example (new message) or a clarify option (edit)."""
    query = update.callback_query
    kind, key, index = keyboards.parse(query.data or "")
    options = keyboards.recall(context.chat_data, kind, key)
    if not options or index >= len(options) or query.message is None:
        await query.answer(texts.EXPIRED)
        return
    st = state.get(context.bot_data)
    if not await admit(update, context, st.flood):
        return
    await query.answer()
    ctx = state.thread_of(context.chat_data, query.message.message_id)
    try:
        answer = _ask(context, options[index], ctx)
    except NianbaoError as exc:
        await query.message.reply_text(escape(str(exc)), do_quote=False)
        return
    if kind == keyboards.PICK:  # the question message becomes the answer; a trend's chart follows it
        parts = split_html(render.html(answer, brief=_brief(update))) or [escape(answer.text or "…")]
        markup = cards.keyboard(answer, context.chat_data, _brief(update))
        await query.edit_message_text(parts[0], reply_markup=markup if len(parts) == 1 else None)
        more = await _reply(query.message, parts[1:], markup, quote=False)
        await cards.send_chart(query.message, answer)
        state.keep(context.chat_data, ctx, [query.message.message_id, *more])
        return
    state.keep(context.chat_data, ctx, await cards.send(query.message, answer, context, brief=_brief(update), quote=False))


# ---------------------------------------------------------------- errors


async def on_error(update: object, context: Ctx) -> None:
    """Log the error with its traceback, then send the user a short apology."""
    if update is None and isinstance(context.error, NetworkError):
        log.warning("network error while polling: %s", context.error)
        return
    if isinstance(context.error, MaybeSent):  # the reply most likely arrived: no apology after it
        log.warning("%s", context.error)
        return
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("error while handling update %s", update_id, exc_info=context.error)
    if not isinstance(update, Update):
        return
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(texts.APOLOGY)
        elif update.effective_message is not None:
            await update.effective_message.reply_text(texts.APOLOGY)
    except TelegramError as exc:  # the apology itself failed: the log above is all we can do
        log.warning("could not send the apology: %s", exc)


# ---------------------------------------------------------------- helpers


class AddressedToBot(filters.MessageFilter):
    """Group messages meant for the bot: they mention it or reply to one of its messages."""

    def filter(self, message: Message) -> bool:
        """True when the message mentions the bot or replies to it."""
        bot = message.get_bot()
        reply = message.reply_to_message
        if reply is not None and reply.from_user is not None and reply.from_user.id == bot.id:
            return True
        for entity, text in message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
            if entity.user is not None and entity.user.id == bot.id:
                return True
            if bot.username and text.lower() == f"@{bot.username.lower()}":
                return True
        return False


ADDRESSED = AddressedToBot(name="addressed_to_bot")


def strip_mention(text: str, username: str | None) -> str:
    """The question without the bot's @username."""
    if username:
        text = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
    return text.strip(" \t\n,，:：")


def _brief(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type != ChatType.PRIVATE


def _ask(context: Ctx, question: str, ctx: state.Context) -> Answer:
    _, answerer = state.get(context.bot_data).ready()
    return answerer.answer(question, ctx)


def _replied_to(message: Message) -> int | None:
    """The id of the bot's message this one replies to (its thread), if it replies to one."""
    reply = message.reply_to_message
    if reply is None or reply.from_user is None or reply.from_user.id != message.get_bot().id:
        return None
    return reply.message_id


async def _answer(update: Update, context: Ctx, question: str) -> None:
    st = state.get(context.bot_data)
    if not await admit(update, context, st.flood):
        return
    message = update.effective_message
    ctx = state.thread_of(context.chat_data, _replied_to(message))  # a reply continues that answer's thread
    try:
        answer = _ask(context, question, ctx)
    except NianbaoError as exc:
        await message.reply_text(escape(str(exc)))
        return
    state.keep(context.chat_data, ctx, await cards.send(message, answer, context, brief=_brief(update)))


async def _reply(
    message: Message, parts: list[str], markup: InlineKeyboardMarkup | None, quote: bool | None = None
) -> list[int]:
    """Send the parts in order; the keyboard goes on the last one.  The ids of the messages sent."""
    ids = []
    for i, part in enumerate(parts):
        sent = await message.reply_text(part, reply_markup=markup if i == len(parts) - 1 else None, do_quote=quote)
        ids.append(sent.message_id)
    return ids
