"""Render an Answer for a terminal, for Telegram (HTML) or as JSON.

The Answer's text already holds the figure and the source; renderers only format it.
"""

from __future__ import annotations

import html as html_lib
import json

from knowledge.models import Answer

TELEGRAM_LIMIT = 4096
BRIEF_LIMIT = 600


def text(answer: Answer) -> str:
    """Plain text: the reply as a person reads it (numbered options for clarify)."""
    return answer.text


def json_line(answer: Answer) -> str:
    """One JSON object on one line (`ask --json`)."""
    return json.dumps(answer.to_json(), ensure_ascii=False)


def html(answer: Answer, brief: bool = False) -> str:
    """Telegram HTML: report text escaped, the source line in italics; brief cuts long quotes."""
    body = answer.text
    if brief and len(body) > BRIEF_LIMIT:
        head, _, tail = body.rpartition("\n来源：")
        body = (head[: BRIEF_LIMIT - 20] + "……") + ("\n来源：" + tail if tail and head else "")
    lines = body.split("\n")
    out = []
    for line in lines:
        esc = html_lib.escape(line, quote=False)
        if line.startswith("来源："):
            esc = f"<i>{esc}</i>"
        out.append(esc)
    if answer.status == "answered" and answer.value is not None and out:
        first = out[0]
        out[0] = f"<b>{first}</b>" if len(first) <= 200 else first
    return "\n".join(out)


def split(message: str, limit: int = TELEGRAM_LIMIT - 96) -> list[str]:
    """Split a long message at line breaks into pieces below Telegram's limit."""
    if len(message) <= limit:
        return [message]
    pieces: list[str] = []
    current = ""
    for line in message.split("\n"):
        while len(line) > limit:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:limit])
            line = line[limit:]
        if len(current) + len(line) + 1 > limit:
            pieces.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        pieces.append(current)
    return pieces
