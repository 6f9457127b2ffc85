"""Questions read from stdin as bytes, one per line, each decoded on its own.

A pipe of questions may mix encodings (a GB18030 line pasted among UTF-8 ones) or carry one broken
byte; the locale's decoder would stop the whole batch at the first.  Each line is UTF-8, else
GB18030; a line that is neither — or UTF-8 with bytes broken in it, which GB18030 would turn into
other characters — becomes an error answered in its place, and the rest are answered.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Undecodable:
    """A line that is not text in a known encoding."""

    number: int

    @property
    def message(self) -> str:
        """The one-line reply given in that line's place."""
        return f"第{self.number}行不是 UTF-8 或 GB18030 编码的文字，无法读取，已跳过。"


def decode_line(raw: bytes) -> str | None:
    """One line's text: UTF-8, else GB18030; None when it is neither (or is damaged UTF-8)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    damaged = raw.decode("utf-8", errors="replace")
    bad = damaged.count("\ufffd")
    valid = sum(1 for c in damaged if c >= "\u0080" and c != "\ufffd")
    if valid >= bad:  # mostly UTF-8 with a broken byte: GB18030 would read other characters into it
        return None
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return None


def questions(lines: Iterable[bytes]) -> Iterator[str | Undecodable]:
    """Each line's question (without its line end), or Undecodable in its place."""
    for number, raw in enumerate(lines, 1):
        text = decode_line(raw.rstrip(b"\r\n"))
        yield Undecodable(number) if text is None else text
