"""Flood control at its edges: a limit of one, the default one-minute window, idle users forgotten on
the 1000th check, and what a button press or a message over the limit gets back."""

from __future__ import annotations

from types import SimpleNamespace

from bot.tg.flood import SlidingWindow, Verdict, admit
from bot.tg.texts import FLOOD_NOTICE


def test_a_limit_of_one_allows_one_question_a_minute() -> None:
    now = [0.0]
    window = SlidingWindow(1, clock=lambda: now[0])
    assert [window.check(1) for _ in range(3)] == [Verdict.ALLOW, Verdict.NOTIFY, Verdict.DROP]
    now[0] = 59.9
    assert window.check(1) is Verdict.DROP
    now[0] = 60.0  # the default period is one minute: exactly 60 s later there is room again
    assert window.check(1) is Verdict.ALLOW


def test_idle_users_are_forgotten_on_the_thousandth_check_active_ones_kept() -> None:
    now = [40.0]
    window = SlidingWindow(1, clock=lambda: now[0])
    window.check(1)
    window.check(1)  # told once
    now[0] = 100.0  # user 1 idle for exactly one period
    for user in range(2, 999):  # checks 3 … 999 (_SWEEP_EVERY is 1000)
        window.check(user)
    assert 1 in window._seen  # no sweep before the 1000th check
    window.check(999)  # the 1000th
    assert 1 not in window._seen and 1 not in window._told
    assert sorted(window._seen) == list(range(2, 1000))  # every user active at t=100 kept


def _update(user: int | None, button: bool) -> tuple[SimpleNamespace, list[tuple[str, object]]]:
    said: list[tuple[str, object]] = []

    async def answer(text: object = None) -> None:
        said.append(("answer", text))

    async def reply_text(text: object) -> None:
        said.append(("reply", text))

    update = SimpleNamespace(
        effective_user=None if user is None else SimpleNamespace(id=user),
        callback_query=SimpleNamespace(answer=answer) if button else None,
        effective_message=SimpleNamespace(reply_text=reply_text),
    )
    return update, said


async def test_a_button_over_the_limit_gets_the_notice_once_then_a_silent_answer() -> None:
    window = SlidingWindow(1)
    update, said = _update(7, button=True)
    assert await admit(update, None, window) is True
    assert await admit(update, None, window) is False
    assert await admit(update, None, window) is False
    assert said == [("answer", FLOOD_NOTICE), ("answer", None)]  # the spinner always stops


async def test_a_message_over_the_limit_gets_one_reply_then_silence() -> None:
    window = SlidingWindow(1)
    update, said = _update(7, button=False)
    assert [await admit(update, None, window) for _ in range(3)] == [True, False, False]
    assert said == [("reply", FLOOD_NOTICE)]


async def test_an_update_without_a_user_is_never_limited() -> None:
    window = SlidingWindow(1)
    update, said = _update(None, button=False)
    assert [await admit(update, None, window) for _ in range(3)] == [True, True, True]
    assert said == []
