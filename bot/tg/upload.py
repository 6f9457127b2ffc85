"""Admin upload: a report file → parsed and checked → summary with confirm / cancel → stored.

Only users in `settings.admins` may upload; the size is checked before downloading (a file whose
size neither the message nor getFile states is refused, never downloaded to find out).  Nothing is
written until an admin presses confirm; the write is one atomic `Store.put`, after which the
knowledge base and answerer are reloaded for every handler.
"""

from __future__ import annotations

import asyncio
import logging
from html import escape
from pathlib import PurePath

from telegram import Update
from telegram.ext import ContextTypes

from bot.tg import keyboards, state, texts
from bot.tg.split import split_html
from knowledge.checks.sums import format_check
from knowledge.checks.years import against_loaded
from knowledge.errors import NianbaoError
from knowledge.ingest import parse_bytes  # noqa: F401 - tests and callers reach it here
from knowledge.isolate import parse_bytes_isolated
from knowledge.models import Parsed
from knowledge.replace_rule import keep_url, losses
from knowledge.store import Store

log = logging.getLogger(__name__)

ALLOWED = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


async def receive(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Take a report file from an admin and show what it holds, with confirm / cancel buttons."""
    message, user = update.effective_message, update.effective_user
    st = state.get(context.bot_data)
    document = message.document
    if user is None or user.id not in st.settings.admins:
        await message.reply_text(texts.NOT_ADMIN)
        return
    name = document.file_name or "report"
    if PurePath(name).suffix.lower() not in ALLOWED:
        await message.reply_text(texts.unsupported(name, ALLOWED))
        return
    limit = st.settings.max_file_bytes
    if document.file_size and document.file_size > limit:
        await message.reply_text(texts.too_large(document.file_size, st.settings.max_file_mb))
        return
    file = await document.get_file()
    size = document.file_size or file.file_size  # a message may not declare it; getFile says it when known
    if not size or size > limit:  # never downloaded whole to learn its size
        await message.reply_text(texts.too_large(size, st.settings.max_file_mb) if size else texts.size_unknown(st.settings.max_file_mb))
        return
    data = bytes(await file.download_as_bytearray())
    try:
        # another process: this one keeps answering chats while the file is read (a thread would hold the GIL)
        parsed = await asyncio.to_thread(parse_bytes_isolated, data, name, st.settings.max_file_bytes,
                                         st.settings.parse_budget_seconds, st.settings.parse_memory_mb)
    except NianbaoError as exc:
        await message.reply_text(escape(str(exc)))
        return
    kb, _ = st.ready()
    replaces = parsed.report.id in kb.by_id
    old = await asyncio.to_thread(_stored_entry, st.db_path, parsed) if replaces else None
    lost = losses(parsed, old) if old is not None else []  # what the stored report has that this copy lacks
    key = keyboards.remember(context.chat_data, keyboards.UPLOAD, (user.id, parsed))
    check = format_check(parsed)
    if years := against_loaded(kb, parsed.report, parsed.facts):  # with the same body's loaded years
        check += "\n与已载入的相邻年度报告：\n" + "\n".join(f"- {w.line}" for w in years)
    parts = split_html(texts.upload_summary(check, replaces, parsed.report, lost))
    for i, part in enumerate(parts):
        markup = keyboards.confirm(key, f"⚠️ 仍替换（将失去{'；'.join(lost)}）" if lost else None) \
            if i == len(parts) - 1 else None
        await message.reply_text(part, reply_markup=markup)


def _stored_entry(db_path: str, parsed: Parsed) -> dict[str, object] | None:
    """The stored report of the same body and year (its catalogue entry), if any."""
    store = Store(db_path)
    if not store.exists() or store.legacy_file() is not None:
        return None
    return store.current(parsed.report.id, parsed.report.agency)


async def decide(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Store the pending upload on confirm (then reload), drop it on cancel."""
    query = update.callback_query
    st = state.get(context.bot_data)
    if query.from_user.id not in st.settings.admins:
        await query.answer(texts.ONLY_ADMIN_CONFIRMS, show_alert=True)
        return
    _, key, yes = keyboards.parse(query.data or "")
    pending: tuple[int, Parsed] | None = keyboards.recall(context.chat_data, keyboards.UPLOAD, key, pop=True)
    if pending is None:
        await query.answer(texts.UPLOAD_GONE)
        await query.edit_message_reply_markup(None)
        return
    await query.answer()
    if not yes:
        await query.edit_message_text(texts.CANCELLED)
        return
    _, parsed = pending
    try:
        store = Store(st.db_path, lock_timeout=st.settings.kb_lock_timeout, waiting=log.info)
        keep_url(parsed, await asyncio.to_thread(_stored_entry, st.db_path, parsed))
        result = await asyncio.to_thread(store.put, [parsed])
    except NianbaoError as exc:
        await query.edit_message_text(escape(str(exc)))
        return
    await asyncio.to_thread(st.load)
    kb, _ = st.ready()
    log.info("upload stored by %s: added %s, replaced %s", query.from_user.id, result.added, result.replaced)
    await query.edit_message_text(texts.stored(result.added, result.replaced, len(kb.reports)))
