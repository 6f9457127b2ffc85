"""Render an Answer for a terminal, for Telegram (HTML) or as JSON.

The Answer's text already holds the figure and the source; renderers only format it.  Telegram gets
the figure and its unit bold and the rest plain, each warning on its own ⚠️ line (brief cards too), and the source
last and short (report · section · row/column) linked to the original when the report names it.
"""

from __future__ import annotations

import html as html_lib
import json
import re

from bot.reply import caveats
from knowledge.models import Answer

BRIEF_LIMIT = 600
_SOURCE = re.compile(r"^来源：《(?P<title>[^》]+)》(?P<rest>.*)$")
_SECTION_NO = re.compile(r"^([一二三四五六七八九十]+)、")


def text(answer: Answer) -> str:
    """Plain text: the reply as a person reads it (numbered options for clarify)."""
    return answer.text


def json_line(answer: Answer) -> str:
    """One JSON object on one line (`ask --json`)."""
    return json.dumps(answer.to_json(), ensure_ascii=False)


def html(answer: Answer, brief: bool = False) -> str:
    """Telegram HTML; brief (groups, inline): the one-line answer, its warnings and the source."""
    lines = answer.text.split("\n")
    sources = [ln for ln in lines if _SOURCE.match(ln)]
    warned = [ln for ln in lines if ln.startswith(caveats.MARK)]  # kept in the brief card too
    body = [ln for ln in lines if not _SOURCE.match(ln) and not ln.startswith(caveats.MARK)]
    if brief:
        body = _brief(body, answer)
    out = [html_lib.escape(line, quote=False) for line in body]
    for i, line in enumerate(out):  # the figure bold where the answer states it (not in the quote)
        bold = _bold_figures(line, answer)
        if bold != line:
            out[i] = bold
            break
    out += [html_lib.escape(w, quote=False) for w in warned]
    out += [_source(line, answer) for line in sources]
    return "\n".join(out)


def _brief(body: list[str], answer: Answer) -> list[str]:
    """The answer's own sentence without its breakdown and arithmetic (the 详情 button has them)."""
    if answer.status != "answered":
        return body
    main = [ln for ln in body if not ln.startswith(("按已载入", "“", "没有", "原文："))] or body
    first = main[0]
    if answer.field == "prose" or (answer.source and answer.source.sentence):
        return [first]
    if answer.breakdown and answer.value is not None:
        figure = _figure(answer)
        at = first.find(figure + "（")
        if at >= 0:
            first = first[: at + len(figure)] + "。"
    first = first.split("。报告未单列此数")[0]
    if len(main) > 1 or len(first) > BRIEF_LIMIT:  # a section's text: its start
        rest = "\n".join([first, *main[1:]])
        first = rest if len(rest) <= BRIEF_LIMIT else rest[: BRIEF_LIMIT - 2] + "……"
    return first.split("\n")


def _figure(answer: Answer) -> str:
    from knowledge.fact_index import fmt

    return f"{fmt(answer.value)}{answer.unit or ''}"


def _bold_figures(line: str, answer: Answer) -> str:
    """The figure asked for (or each figure of a series) in bold; the first match only."""
    if answer.status != "answered":
        return line
    unit = re.escape(answer.unit or "")
    if answer.series and answer.value is None:
        return re.sub(rf"(?<=年：)(-?[\d.]+{unit})", r"<b>\1</b>", line)
    if answer.value is None:
        return line
    figure = html_lib.escape(_figure(answer), quote=False)
    # the figure as a whole number: not the 19 of 2019, not the 19件 of 119件
    found = re.search(rf"(?<![\d.]){re.escape(figure)}(?![\d.])", line)
    if found is None:
        return line
    return f"{line[:found.start()]}<b>{figure}</b>{line[found.end():]}"


def _source(line: str, answer: Answer) -> str:
    """来源：<report, linked> · 四 · row · column — short enough for a phone."""
    m = _SOURCE.match(line)
    assert m is not None
    title, rest = m.group("title"), m.group("rest")
    section, _, detail = rest.partition("，")
    no = _SECTION_NO.match(section)
    where = [no.group(1) if no else section, *([detail] if detail else [])]
    src = next((s for s in answer.sources if s.get("title") == title), None)
    url = (src or {}).get("url") or (answer.url if len(answer.sources) <= 1 else None)
    name = _short_title(src) if src else f"《{title}》"
    shown = html_lib.escape(name, quote=False)
    if url:
        shown = f'<a href="{html_lib.escape(url)}">{shown}</a>'
    tail = " · ".join(html_lib.escape(w, quote=False) for w in where if w)
    return f"来源：{shown}" + (f" · {tail}" if tail else "")


def _short_title(src: dict) -> str:
    from bot.understand.agencies import short_name

    return f"{short_name(str(src.get('agency')))}{src.get('year')}年年报"
