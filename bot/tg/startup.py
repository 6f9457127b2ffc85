"""The first connection of `serve`: getMe retried with backoff, one log line per try.

A bot started while the network or the Bot API is down (a container booting before its network,
a restart during an outage) waits for it instead of exiting at once; a wrong token ends it at once.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot
from telegram.error import NetworkError
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_delay, wait_exponential

log = logging.getLogger(__name__)

PATIENCE = 300.0  # seconds of trying before serve gives up (then exits with status 1)


def _log_try(state: RetryCallState) -> None:
    exc = state.outcome.exception() if state.outcome else None
    wait = state.next_action.sleep if state.next_action else 0.0
    log.warning("Bot API not reachable (try %d: %s); trying again in %.0f s", state.attempt_number, exc, wait)


async def _get_me(token: str, base_url: str | None) -> None:
    # a Bot of its own: the application's bot is initialised later, by run_polling / run_webhook
    async with Bot(token, base_url=base_url or "https://api.telegram.org/bot") as probe:
        await probe.get_me()


def reach(token: str, base_url: str | None = None, patience: float = PATIENCE, cap: float = 30.0) -> None:
    """Return once getMe succeeds; raise NetworkError after `patience` seconds (InvalidToken at once)."""
    retrying = Retrying(
        retry=retry_if_exception_type(NetworkError),
        stop=stop_after_delay(patience),
        wait=wait_exponential(multiplier=1, min=1, max=cap),
        before_sleep=_log_try,
        reraise=True,
    )
    retrying(lambda: asyncio.run(_get_me(token, base_url)))
