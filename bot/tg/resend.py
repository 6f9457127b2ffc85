"""Replies that survive Bot API hiccups: sends retried with backoff (tenacity), through PTB's rate-limiter hook.

python-telegram-bot passes every Bot API call through `BaseRateLimiter.process_request`; `Resending`
wraps the real limiter (AIORateLimiter, or none) and retries the calls that carry a reply —
sendMessage, editMessageText, sendPhoto — on network errors, timeouts and 5xx (all `NetworkError`
except `BadRequest`) and on `RetryAfter` (waiting at least what Telegram asked), until `budget`
seconds of waiting have passed (90 by default: a minute's outage loses nothing).

A retry must not double a reply.  A try that failed before reaching the API (no connection, a
connect, write or pool timeout, a 5xx, a dropped connection) left nothing behind, so it is sent
again.  A *read* timeout means Telegram had the whole request and did not answer in time: it has
most likely sent the message, and Telegram has no idempotency key for sends, so sendMessage and
sendPhoto are not sent again (`MaybeSent`, which the error handler does not apologise for); an
edit is idempotent, so it is retried, and "message is not modified" then means the first try landed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import BaseRateLimiter
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    wait_exponential_jitter,
)

log = logging.getLogger(__name__)

RETRIED = frozenset({"sendMessage", "editMessageText", "sendPhoto"})
IDEMPOTENT = frozenset({"editMessageText"})  # the same call twice leaves one result
DEFAULT_BUDGET = 90.0  # seconds of waiting between tries: longer than a minute's outage
Result = bool | dict[str, Any] | list[dict[str, Any]]


async def _sleep(seconds: float) -> None:
    await asyncio.sleep(seconds)  # looked up when called: a test that records asyncio.sleep sees the waits


class MaybeSent(TimedOut):
    """A send that reached Telegram and timed out waiting for its answer: most likely delivered, not sent again."""


def transient(exc: BaseException) -> bool:
    """True for failures worth another try: the network, a timeout, a 5xx, or Telegram's RetryAfter."""
    return isinstance(exc, RetryAfter) or (isinstance(exc, NetworkError) and not isinstance(exc, BadRequest))


def reached(exc: BaseException) -> bool:
    """True when the request got to Telegram whole and only its answer is missing (a read timeout)."""
    return isinstance(exc, TimedOut) and isinstance(exc.__cause__, httpx.ReadTimeout)


def _unchanged(exc: BaseException) -> bool:
    return isinstance(exc, BadRequest) and "not modified" in str(exc).lower()


class _Wait:
    """Exponential backoff with jitter, but never shorter than a RetryAfter asks for."""

    def __init__(self, initial: float, cap: float) -> None:
        self.backoff = wait_exponential_jitter(multiplier=initial, max=cap, jitter=initial)

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        seconds = 0.0
        if isinstance(exc, RetryAfter):  # the timedelta PTB keeps (its public int attribute is deprecated)
            seconds = exc._retry_after.total_seconds()  # noqa: SLF001 - as PTB's own AIORateLimiter reads it
        return max(self.backoff(state), seconds)


def _log_retry(endpoint: str) -> Callable[[RetryCallState], None]:
    def before_sleep(state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        wait = state.next_action.sleep if state.next_action else 0.0
        # the exception's text, not its URL: the token is in the URL (handlers mask it too)
        log.warning("Bot API %s failed (%s: %s); try %d again in %.1f s", endpoint, type(exc).__name__,
                    str(exc)[:200], state.attempt_number + 1, wait)
    return before_sleep


class Resending(BaseRateLimiter[int]):
    """Retry reply-carrying Bot API calls for up to `budget` seconds of waiting; other calls pass straight through."""

    def __init__(self, inner: BaseRateLimiter[Any] | None = None, budget: float = DEFAULT_BUDGET,
                 initial: float = 0.5, cap: float = 5.0,
                 sleep: Callable[[float], Coroutine[Any, Any, None]] | None = None) -> None:
        self.inner = inner
        self.budget = budget
        self.initial = initial
        self.cap = cap
        self.sleep = sleep or _sleep  # tests pass one that only counts

    async def initialize(self) -> None:
        """Start the wrapped limiter."""
        if self.inner is not None:
            await self.inner.initialize()

    async def shutdown(self) -> None:
        """Stop the wrapped limiter."""
        if self.inner is not None:
            await self.inner.shutdown()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        """Run the call (through the wrapped limiter), again after a transient failure of a send."""
        tries = 0

        async def once() -> Result:
            nonlocal tries
            tries += 1
            try:
                if self.inner is None:
                    return await callback(*args, **kwargs)
                return await self.inner.process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except BadRequest as exc:
                if tries > 1 and endpoint in IDEMPOTENT and _unchanged(exc):
                    return True  # an earlier try made this very edit
                raise
            except TimedOut as exc:
                if reached(exc) and endpoint not in IDEMPOTENT:
                    raise MaybeSent(f"{endpoint}: Telegram took the request but did not answer in time") from exc
                raise

        if endpoint not in RETRIED or self.budget <= 0:
            return await once()
        retrying = AsyncRetrying(
            retry=retry_if_exception(lambda exc: transient(exc) and not isinstance(exc, MaybeSent)),
            stop=lambda state: state.idle_for >= self.budget,  # time spent waiting between tries
            wait=_Wait(self.initial, self.cap),
            sleep=self.sleep,
            before_sleep=_log_retry(endpoint),
            reraise=True,
        )
        return await retrying(once)
