"""Replies that survive Bot API hiccups: sends retried with backoff (tenacity), through PTB's rate-limiter hook.

python-telegram-bot passes every Bot API call through `BaseRateLimiter.process_request`; `Resending`
wraps the real limiter (AIORateLimiter, or none) and retries the calls that carry a reply —
sendMessage, editMessageText, sendPhoto — on network errors, timeouts and 5xx (all `NetworkError`
except `BadRequest`) and on `RetryAfter` (waiting at least what Telegram asked), for about 30 s.
A try that failed before reaching the API leaves nothing behind, so its retry sends the reply once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_delay,
    wait_exponential_jitter,
)

log = logging.getLogger(__name__)

RETRIED = frozenset({"sendMessage", "editMessageText", "sendPhoto"})
Result = bool | dict[str, Any] | list[dict[str, Any]]


def transient(exc: BaseException) -> bool:
    """True for failures worth another try: the network, a timeout, a 5xx, or Telegram's RetryAfter."""
    return isinstance(exc, RetryAfter) or (isinstance(exc, NetworkError) and not isinstance(exc, BadRequest))


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
    """Retry reply-carrying Bot API calls for up to `budget` seconds; other calls pass straight through."""

    def __init__(self, inner: BaseRateLimiter[Any] | None = None, budget: float = 30.0,
                 initial: float = 0.5, cap: float = 5.0) -> None:
        self.inner = inner
        self.budget = budget
        self.initial = initial
        self.cap = cap

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

        async def once() -> Result:
            if self.inner is None:
                return await callback(*args, **kwargs)
            return await self.inner.process_request(callback, args, kwargs, endpoint, data, rate_limit_args)

        if endpoint not in RETRIED or self.budget <= 0:
            return await once()
        retrying = AsyncRetrying(
            retry=retry_if_exception(transient),
            stop=stop_after_delay(self.budget),
            wait=_Wait(self.initial, self.cap),
            before_sleep=_log_retry(endpoint),
            reraise=True,
        )
        return await retrying(once)
