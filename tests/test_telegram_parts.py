"""The Telegram adapter's pure parts: message splitting, flood window, token redaction, `run` without a token."""

from __future__ import annotations

import logging
import re

import pytest

from bot.settings import Settings
from bot.tg import app as tg_app
from bot.tg.flood import SlidingWindow, Verdict
from bot.tg.redact import MASK, RedactToken
from bot.tg.split import split_html


def _visible(html: str) -> str:
    return re.sub(r"<[^>]*>|\s", "", html)


@pytest.mark.parametrize("limit", [50, 200, 4096])
def test_split_keeps_every_part_under_the_limit_with_balanced_tags(limit):
    text = "<b>标题</b>\n" + "\n".join(f"第{i}行 <i>斜体 &amp; {i}</i> 还有<a href=\"https://x.cn/{i}\">链接</a>"
                                        for i in range(400))
    parts = split_html(text, limit)
    assert len(parts) > 1
    for part in parts:
        assert len(part.encode("utf-16-le")) // 2 <= limit
        for tag in ("b", "i", "a"):
            assert part.count(f"<{tag}") == part.count(f"</{tag}>"), part
    assert _visible("".join(parts)) == _visible(text)


def test_split_cuts_a_single_long_line_and_reopens_its_tag():
    parts = split_html("<pre>" + "数" * 300 + "</pre>", 100)
    assert all(p.startswith("<pre>") and p.endswith("</pre>") for p in parts)
    assert _visible("".join(parts)).replace("pre", "") == "数" * 300


def test_split_leaves_short_text_alone_and_drops_empty_text():
    assert split_html("行政复议<b>19</b>件") == ["行政复议<b>19</b>件"]
    assert split_html("  \n ") == []


def test_split_counts_utf16_units_like_telegram():
    emoji = "😀" * 3000  # 6,000 UTF-16 units
    parts = split_html(emoji)
    assert len(parts) == 2
    assert "".join(parts) == emoji


def test_sliding_window_allows_the_limit_then_notifies_once_then_drops():
    now = [0.0]
    window = SlidingWindow(3, period=60, clock=lambda: now[0])
    verdicts = [window.check(1) for _ in range(6)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.NOTIFY, Verdict.DROP, Verdict.DROP]
    assert window.check(2) is Verdict.ALLOW  # per user
    now[0] = 59.9
    assert window.check(1) is Verdict.DROP
    now[0] = 60.0  # the three questions at 0 s have left the window
    assert [window.check(1) for _ in range(4)] == [Verdict.ALLOW] * 3 + [Verdict.NOTIFY]  # a new notice


def test_sliding_window_with_no_limit_allows_everything():
    window = SlidingWindow(0)
    assert {window.check(1) for _ in range(100)} == {Verdict.ALLOW}


def test_sliding_window_forgets_idle_users():
    now = [0.0]
    window = SlidingWindow(5, period=60, clock=lambda: now[0])
    for user in range(SlidingWindow._SWEEP_EVERY - 1):
        window.check(user)
    now[0] = 120.0
    window.check(-1)  # the sweep runs on this check
    assert list(window._seen) == [-1]


def test_redaction_masks_the_token_in_messages_and_tracebacks():
    token = "123456:SECRET-token"
    handler = logging.Handler()
    handler.addFilter(RedactToken(token))
    out: list[str] = []
    handler.emit = lambda record: out.append(logging.Formatter().format(record))  # type: ignore[method-assign]
    logger = logging.getLogger("test.redact")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("POST https://api.telegram.org/bot%s/getMe", token)
        try:
            raise RuntimeError(f"failed at /bot{token}/sendMessage")
        except RuntimeError:
            logger.exception("boom")
    finally:
        logger.removeHandler(handler)
    assert len(out) == 2
    assert all(token not in line for line in out)
    assert MASK in out[0] and MASK in out[1] and "Traceback" in out[1]


def test_run_without_a_token_says_so_and_exits_2(monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert tg_app.run(Settings(), tmp_path / "kb.json") == 2
    err = capsys.readouterr().err
    assert "TELEGRAM_BOT_TOKEN" in err and "BotFather" in err


def test_the_served_application_respects_telegrams_limits_with_aioratelimiter(tmp_path):
    from telegram.ext import AIORateLimiter

    from bot.tg.resend import Resending

    app = tg_app.build_application(Settings(), tmp_path / "kb.json", "123:TEST")
    assert isinstance(app.bot.rate_limiter, Resending)
    assert isinstance(app.bot.rate_limiter.inner, AIORateLimiter)
    bare = tg_app.build_application(Settings(), tmp_path / "kb.json", "123:TEST", rate_limiter=False, retry_budget=0)
    assert bare.bot.rate_limiter is None


def test_protect_logs_masks_the_token_on_every_root_handler_once():
    from bot.tg.redact import protect_logs, redact

    token = "123456:SECRET-token"
    root, httpx_logger = logging.getLogger(), logging.getLogger("httpx")
    saved = (root.handlers[:], root.level, httpx_logger.level)
    out: list[str] = []
    mine = logging.Handler()
    mine.emit = lambda record: out.append(record.getMessage())  # type: ignore[method-assign]
    try:
        root.handlers = [mine]
        protect_logs(token)
        protect_logs(token)  # a second call adds no second filter
        assert [type(f) for f in mine.filters] == [RedactToken]
        assert httpx_logger.level == logging.WARNING  # httpx logs every URL, token included, at INFO
        logging.getLogger("test.protect").warning("POST /bot%s/sendMessage", token)
        assert out == [f"POST /bot{MASK}/sendMessage"]

        root.handlers = []  # logging not set up yet: one handler, INFO, timestamped lines
        protect_logs(token)
        [made] = root.handlers
        assert root.level == logging.INFO
        assert made.formatter is not None and made.formatter._fmt == "%(asctime)s %(levelname)s %(name)s: %(message)s"
        assert [type(f) for f in made.filters] == [RedactToken]
    finally:
        root.handlers, root.level = saved[0], saved[1]
        httpx_logger.setLevel(saved[2])
    assert redact("no token here", "") == "no token here"  # an empty secret masks nothing


def test_split_closes_and_reopens_nested_tags_in_order():
    # <b><i> (6 units) + 12 characters + </i></b> (8) = 26: twelve characters a part, the last six
    parts = split_html("<b><i>" + "甲" * 30 + "</i></b>", 26)
    assert parts == ["<b><i>" + "甲" * 12 + "</i></b>"] * 2 + ["<b><i>" + "甲" * 6 + "</i></b>"]


def test_split_cuts_at_a_line_break_keeping_the_next_lines_indent_and_text():
    # the cut drops the line's trailing space and the break itself, not what the next line starts with
    assert split_html("<b>" + "甲" * 6 + " \n  乙乙乙乙乙乙</b>", 14) == [
        "<b>甲甲甲甲甲甲</b>", "<b>  乙乙乙乙乙</b>", "<b>乙</b>"]
    assert split_html("<b>" + "甲" * 6 + "\n\nX乙乙乙乙乙乙</b>", 14) == ["<b>甲甲甲甲甲甲</b>", "<b>X乙乙乙乙乙乙</b>"]


def test_split_never_sends_a_part_with_only_tags():
    # Telegram refuses an empty message: a line of only markup between two cuts is dropped
    assert split_html("甲" * 9 + "\n<b> </b>\n" + "乙" * 9, 12) == ["甲" * 9, "乙" * 9]
