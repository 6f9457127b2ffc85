"""Expected errors, each with a plain Chinese message for the user.

    NianbaoError                    base: `str(err)` is the one-line message shown to people
    ├── InputError                  a file the bot cannot take
    │   ├── UnreadableFile          empty, binary, truncated, broken archive, undecodable
    │   ├── TooLarge                over the configured size limit (or a zip bomb)
    │   ├── UnsupportedFormat       an extension no reader handles
    │   └── NotAReport              readable, but not a 政府信息公开工作年度报告 (or pre-2019)
    ├── BadTable                    a number cell holds letters or nonsense
    └── StoreError                  the knowledge base file cannot be read or written

The library raises these; only the edges (CLI, Telegram handlers) turn them into replies.
Anything else is a bug and goes to the error handler with its traceback.
"""

from __future__ import annotations


class NianbaoError(Exception):
    """Base of every expected error; the message is for people."""


class InputError(NianbaoError):
    """A file the bot cannot take."""


class UnreadableFile(InputError):
    """Empty, binary, truncated or undecodable."""


class TooLarge(InputError):
    """Over the size limit, or expands beyond it (zip bomb)."""


class UnsupportedFormat(InputError):
    """No reader handles this kind of file."""


class NotAReport(InputError):
    """Readable, but not a government information-disclosure annual report we can use."""


class BadTable(NianbaoError):
    """A table cell that should hold a number holds something else."""


class StoreError(NianbaoError):
    """The knowledge base file cannot be read or written."""
