"""Split Telegram HTML into messages that fit the 4,096-character limit without breaking markup.

Cuts fall on line breaks where possible; a tag open at a cut is closed at the end of one part and
reopened at the start of the next, so every part is valid HTML on its own.  Lengths are counted in
UTF-16 code units of the raw HTML, which is never less than what Telegram counts.
"""

from __future__ import annotations

import re

LIMIT = 4096  # telegram.constants.MessageLimit.MAX_TEXT_LENGTH; kept here so this module stays pure

_ATOM = re.compile(r"<[^>]*>|&#?\w+;|.", re.DOTALL)
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w-]*)")


def _units(text: str) -> int:
    """Length in UTF-16 code units, as Telegram counts."""
    return len(text.encode("utf-16-le")) // 2


def _closers(stack: list[tuple[str, str]]) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))


def _openers(stack: list[tuple[str, str]]) -> str:
    return "".join(tag for _, tag in stack)


def _is_empty(part: str) -> bool:
    """True when a part has no visible text (only tags and whitespace)."""
    return not re.sub(r"<[^>]*>", "", part).strip()


def split_html(text: str, limit: int = LIMIT) -> list[str]:
    """Parts of text, each at most `limit` UTF-16 units, each with balanced tags."""
    if _units(text) <= limit:
        return [text] if text.strip() else []
    parts: list[str] = []
    buf, size = "", 0  # the part being built and its length in UTF-16 units
    stack: list[tuple[str, str]] = []  # (tag name, the opening tag as written)
    cut: tuple[int, list[tuple[str, str]]] | None = None  # last line break: (index in buf, stack)

    def flush(upto: int, at_stack: list[tuple[str, str]]) -> str:
        part = (buf[:upto].rstrip() + _closers(at_stack)).strip()
        if not _is_empty(part):
            parts.append(part)
        return _openers(at_stack) + buf[upto:].lstrip("\n")

    for atom in _ATOM.findall(text):
        tag = _TAG.match(atom) if atom.startswith("<") else None
        opens = tag is not None and not tag.group(1) and not atom.rstrip().endswith("/>")
        # room left once the tags open after this atom are closed again
        room = limit - _units(_closers(stack)) - (len(tag.group(2)) + 3 if opens and tag else 0)
        if size + _units(atom) > room:
            if cut is not None and cut[0] > len(_openers(cut[1])):
                buf = flush(cut[0], cut[1])
                size = _units(buf)
            if size + _units(atom) > room:
                buf = flush(len(buf), stack)
                size = _units(buf)
            cut = None
        buf += atom
        size += _units(atom)
        if opens and tag:
            stack.append((tag.group(2).lower(), atom))
        elif tag:
            name = tag.group(2).lower()
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    del stack[i:]
                    break
        elif atom == "\n":
            cut = (len(buf), list(stack))
    last = buf.strip()
    if not _is_empty(last):
        parts.append(last)
    return parts
