"""The source on screen (Telegram HTML): the table rows around a figure with its cell marked, or the
paragraph a quoted sentence stands in, so a reader can check the figure against the report.
"""

from __future__ import annotations

import unicodedata
from html import escape

from knowledge.kb import KnowledgeBase
from knowledge.models import Answer, Fact, Report

AROUND = 4  # rows shown above and below the figure's row
LABEL_WIDTH = 24  # display columns (a Chinese character takes two) of a row label
PARAGRAPH_MAX = 700


def view(answer: Answer, kb: KnowledgeBase) -> str | None:
    """The source of an answer as HTML, or None when it has no single table cell or sentence."""
    report = kb.report_of.get((answer.agency or "", answer.year or 0))
    if report is None or answer.source is None or answer.status != "answered":
        return None
    if answer.source.sentence:
        return paragraph(report, answer.source.sentence, answer.source.section)
    if not answer.field or "/" not in answer.field:
        return None
    row, column = answer.field.split("/", 1)
    target = kb.cell(report, row, column)
    if target is None or target.source.table is None:
        return None
    return table(report, target, kb)


def table(report: Report, target: Fact, kb: KnowledgeBase) -> str:
    """The rows of target's table around it, in monospace, target's cell in 【】 and its row marked ▶."""
    facts = [f for f in kb.table_facts(report) if f.source.table == target.source.table]
    rows: dict[str, str] = {}
    columns: dict[str | None, str] = {}
    grid: dict[tuple[str, str | None], Fact] = {}
    for f in facts:
        rows.setdefault(f.row, f.source.row or f.row)
        columns.setdefault(f.column, f.source.column or str(f.column))
        grid[(f.row, f.column)] = f
    order = [r for r in rows if not grid_derived(grid, r)]
    for r in [r for r in rows if grid_derived(grid, r)]:  # a subtotal goes just above its first term
        terms = {t["row"] for f in facts if f.row == r for t in (f.derived_from or [])}
        at = next((i for i, x in enumerate(order) if x in terms), len(order))
        order.insert(at, r)
    if len(order) <= 4 and len(columns) > 3:
        return _header(report, target) + _transposed(order, rows, columns, grid, target) + _link(report)
    at = order.index(target.row)
    terms = [order.index(t["row"]) for t in target.derived_from or [] if t["row"] in order]
    last = max(terms, default=at + AROUND)  # a subtotal: all its terms under it
    shown_rows = order[max(0, at - AROUND): last + 1]
    shown_cols = list(columns) if len(columns) <= 3 else list(dict.fromkeys([target.column, "total"]))
    shown_cols = [c for c in shown_cols if c in columns]
    widths = [max(6, _width(columns[c]) + 2) for c in shown_cols]
    head = " " * (LABEL_WIDTH + 2) + "".join(_pad(columns[c], w, right=True) for c, w in zip(shown_cols, widths,
                                                                                              strict=True))
    lines = [head.rstrip()]
    for r in shown_rows:
        mark = "▶ " if r == target.row else "  "
        cells = []
        for c, w in zip(shown_cols, widths, strict=True):
            f = grid.get((r, c))
            value = _cell(f)
            if r == target.row and c == target.column:
                value = f"【{value}】"
            cells.append(_pad(value, w, right=True))
        lines.append(mark + _pad(_clip(rows[r]), LABEL_WIDTH) + "".join(cells))
    return _header(report, target) + f"<pre>{escape(chr(10).join(lines))}</pre>" + _link(report)


def grid_derived(grid: dict[tuple[str, str | None], Fact], row: str) -> bool:
    """True when the row is a subtotal the template implies (not printed in the report)."""
    return any(f.derived_from for (r, _), f in grid.items() if r == row)


def _transposed(order: list[str], rows: dict[str, str], columns: dict[str | None, str],
                grid: dict[tuple[str, str | None], Fact], target: Fact) -> str:
    """A short wide table (四: groups × results) as one block per row, a line per column."""
    lines = []
    for r in order:
        lines.append(("▶ " if r == target.row else "  ") + rows[r])
        cells = []
        for c, name in columns.items():
            value = _cell(grid.get((r, c)))
            cells.append(f"{name}【{value}】" if r == target.row and c == target.column else f"{name} {value}")
        lines.append("    " + " · ".join(cells))
    return f"<pre>{escape(chr(10).join(lines))}</pre>"


def _header(report: Report, target: Fact) -> str:
    where = " · ".join(x for x in (target.source.section, target.source.table if target.source.table !=
                                    target.source.section else None) if x)
    return f"<b>《{escape(report.title)}》\n{escape(where)}</b>\n"


def _link(report: Report) -> str:
    return f'\n<a href="{escape(report.url)}">原文</a>' if report.url else ""


def paragraph(report: Report, sentence: str, heading: str | None) -> str | None:
    """The paragraph that holds a quoted sentence, the sentence in bold.  A sentence read across a
    line break of the report (a sub-head run into it: “（一）主动公开方面平潭…”) is found by its end."""
    said = sentence.strip()
    sections = sorted(report.sections, key=lambda s: s.heading != heading)  # the named section first
    found = [(span, sec.heading, para) for sec in sections for para in sec.text.split("\n")
             if (span := _locate(para, said)) is not None]
    if not found:
        return None
    (at, stop), head, para = max(found, key=lambda f: f[0][1] - f[0][0])  # the most of the sentence; the first
    lo = max(0, at - (PARAGRAPH_MAX - (stop - at)) // 2)
    hi = min(len(para), lo + PARAGRAPH_MAX)
    before = ("…" if lo else "") + para[lo:at]
    after = para[stop:hi] + ("…" if hi < len(para) else "")
    return (f"<b>《{escape(report.title)}》\n{escape(head)}</b>\n"
            f"{escape(before)}<b><u>{escape(para[at:stop])}</u></b>{escape(after)}{_link(report)}")


PROBE = 20  # characters of a sentence that find it in a paragraph


def _locate(para: str, said: str) -> tuple[int, int] | None:
    """Where the sentence (or, failing that, its longest end of at least PROBE characters) stands in para."""
    at = para.find(said)
    if at >= 0:
        return at, at + len(said)
    if len(said) > PROBE and said[-PROBE:] in para:
        for cut in range(1, len(said) - PROBE + 1):  # the longest end of the sentence that the paragraph holds
            at = para.find(said[cut:])
            if at >= 0:
                return at, at + len(said) - cut
    at = para.find(said[:PROBE])
    return (at, at + PROBE) if at >= 0 else None


def _cell(f: Fact | None) -> str:
    if f is None:
        return ""
    if f.kind == "number" or f.kind == "zero":
        from bot.reply.compose import fmt

        return fmt(f.value)
    return {"blank": "（空）", "na": "/", "dash": "—", "uncertain": f.raw or "?"}.get(f.kind, f.raw)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - _width(s))
    return gap + s if right else s + gap


def _clip(label: str) -> str:
    out = ""
    for ch in label:
        if _width(out + ch) > LABEL_WIDTH - 1:
            return out + "…"
        out += ch
    return out
