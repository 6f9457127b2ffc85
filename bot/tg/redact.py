"""Keep the bot token out of every log line.

Bot API URLs contain the token (`…/bot<token>/sendMessage`), and python-telegram-bot logs its base
URL at DEBUG.  So: the httpx logger stays at WARNING, and every handler on the root logger gets a
filter that replaces the token — in the message and in a traceback — before anything is written.
"""

from __future__ import annotations

import logging

MASK = "<TELEGRAM_BOT_TOKEN>"


def redact(text: str, secret: str) -> str:
    """text with every occurrence of secret masked."""
    return text.replace(secret, MASK) if secret else text


class RedactToken(logging.Filter):
    """A handler filter that masks the token in messages and tracebacks."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place; never drop it."""
        message = record.getMessage()
        if self.secret in message:
            record.msg, record.args = redact(message, self.secret), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self.secret in record.exc_text:
            record.exc_text = redact(record.exc_text, self.secret)
        return True


def protect_logs(secret: str) -> None:
    """Mask secret on every root handler (adding one if logging is not set up yet)."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for handler in root.handlers:
        if not any(isinstance(f, RedactToken) and f.secret == secret for f in handler.filters):
            handler.addFilter(RedactToken(secret))
