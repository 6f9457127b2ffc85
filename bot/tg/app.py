"""The composition root: builds the Application, registers every handler, runs it.

`python -m bot serve` calls `run`.  The token comes only from `TELEGRAM_BOT_TOKEN`; it is never
logged (the httpx logger stays at WARNING and every log handler redacts it).  `TELEGRAM_BASE_URL`
and `TELEGRAM_BASE_FILE_URL` point the bot at a self-hosted Bot API server (or a test fake).
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import sys
from pathlib import Path
from urllib.parse import urlparse

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import InvalidToken, NetworkError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.settings import Settings
from bot.tg import cards, handlers, health, inline, keyboards, state, upload
from bot.tg.flood import SlidingWindow
from bot.tg.redact import protect_logs, redact
from bot.tg.resend import DEFAULT_BUDGET, Resending
from bot.tg.startup import reach

log = logging.getLogger(__name__)

PRIVATE_COMMANDS = [
    BotCommand("start", "开始：我知道哪些报告，举几个例子"),
    BotCommand("help", "怎么提问"),
    BotCommand("reports", "已载入的报告"),
    BotCommand("source", "上一个回答的出处（原表、原文）"),
    BotCommand("checks", "报告的勾稽关系提示"),
    BotCommand("about", "关于年报问答"),
]
GROUP_COMMANDS = [
    BotCommand("ask", "提问，例如 /ask 2019年行政复议多少件"),
    BotCommand("help", "怎么提问"),
    BotCommand("reports", "已载入的报告"),
    BotCommand("about", "关于年报问答"),
]


def build_application(
    settings: Settings,
    db_path: str | os.PathLike[str],
    token: str,
    *,
    base_url: str | None = None,
    base_file_url: str | None = None,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    rate_limiter: bool = True,
    retry_budget: float = DEFAULT_BUDGET,
) -> Application:
    """The Application with every handler registered; the knowledge base loads in post_init."""
    builder = (
        Application.builder()
        .token(token)
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if base_url:
        builder = builder.base_url(base_url)
    if base_file_url:
        builder = builder.base_file_url(base_file_url)
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    # Telegram's own limits (30 messages/s, 20/min per group; tests switch them off), and replies
    # retried through Bot API hiccups for up to retry_budget seconds
    limiter = AIORateLimiter(max_retries=3) if rate_limiter else None
    if limiter is not None or retry_budget > 0:
        builder = builder.rate_limiter(Resending(limiter, budget=retry_budget))
    app = builder.build()
    app.bot_data[state.KEY] = state.State(
        settings=settings, db_path=Path(db_path), flood=SlidingWindow(settings.rate_limit_per_minute)
    )
    register(app)
    return app


def register(app: Application) -> None:
    """Every handler, in one place (order matters: the first match in a group wins)."""
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    new_text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    app.add_handlers([
        CommandHandler("start", handlers.start),
        CommandHandler("help", handlers.help_),
        CommandHandler("reports", handlers.reports),
        CommandHandler("about", handlers.about),
        CommandHandler("ask", handlers.ask),
        CommandHandler("source", cards.source),
        CommandHandler("checks", cards.checks),
        CallbackQueryHandler(cards.press, pattern=cards.CARD_PATTERN),
        CallbackQueryHandler(handlers.question_button, pattern=keyboards.QUESTION_PATTERN),
        CallbackQueryHandler(upload.decide, pattern=keyboards.UPLOAD_PATTERN),
        CallbackQueryHandler(keyboards.expired),  # any other button data: the spinner answered all the same
        InlineQueryHandler(inline.inline_query),
        MessageHandler(private & filters.UpdateType.MESSAGE & filters.Document.ALL, upload.receive),
        MessageHandler(private & new_text, handlers.private_question),
        MessageHandler(groups & new_text & handlers.ADDRESSED, handlers.group_question),
    ])
    app.add_error_handler(handlers.on_error)


async def post_init(app: Application) -> None:
    """Start-up work: load the knowledge base, warm the answerer, set the command menus."""
    st = state.get(app.bot_data)
    if st.kb is None:
        st.load()
    if st.settings.health_file:  # kept in bot_data: a task nobody references may be collected
        app.bot_data["health"] = asyncio.get_running_loop().create_task(health.beat(Path(st.settings.health_file)))
    await app.bot.set_my_commands(PRIVATE_COMMANDS, scope=BotCommandScopeAllPrivateChats())
    await app.bot.set_my_commands(GROUP_COMMANDS, scope=BotCommandScopeAllGroupChats())


async def post_shutdown(app: Application) -> None:
    """Stop the health beat (a pending task would be reported when the loop closes)."""
    task = app.bot_data.pop("health", None)
    if task is not None:
        task.cancel()


def run(settings: Settings, db_path: str | os.PathLike[str]) -> int:
    """Serve until stopped: long polling, or a webhook when settings.webhook_url is set."""
    token = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        print(
            "缺少 TELEGRAM_BOT_TOKEN：请先向 @BotFather 申请机器人令牌，然后 export TELEGRAM_BOT_TOKEN=… 再运行。",
            file=sys.stderr,
        )
        return 2
    protect_logs(token)
    base_url = os.environ.get("TELEGRAM_BASE_URL") or None
    app = build_application(
        settings,
        db_path,
        token,
        base_url=base_url,
        base_file_url=os.environ.get("TELEGRAM_BASE_FILE_URL") or None,
    )
    try:
        reach(token, base_url)  # the first connection, retried with backoff, one log line per try
        if settings.webhook_url:
            app.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=urlparse(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                # Telegram echoes it in every call; a fresh one per start works when none is configured
                secret_token=settings.webhook_secret or secrets.token_urlsafe(32),
                allowed_updates=Update.ALL_TYPES,
            )
        else:
            app.run_polling(allowed_updates=Update.ALL_TYPES)
    except InvalidToken:
        print("TELEGRAM_BOT_TOKEN 无效：Telegram 不认这个令牌，请到 @BotFather 核对。", file=sys.stderr)
        return 2
    except NetworkError as exc:
        print(f"连不上 Telegram Bot API（{redact(str(exc), token)}）：请检查网络、代理和 TELEGRAM_BASE_URL，然后重新启动。",
              file=sys.stderr)
        return 1
    return 0
