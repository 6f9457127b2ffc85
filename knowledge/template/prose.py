"""Figures quoted in the prose: every number with a counting unit, with its clause and sentence.

`共主动公开各类政府信息231731条` → value 231731, unit 条; `80余次` → 80 (raw "80余次");
`同比增长20%` → 20, unit %; `编印四期` → 4.  Years, dates, 文号 and phone numbers carry no counting
unit and are skipped, as is `第N`.  "无收取信息处理费" becomes a 0 元 figure.
"""

from __future__ import annotations

import re

import cn2an

from knowledge.models import Fact, Source
from knowledge.template.sections import Layout, Span

UNITS = (
    "个百分点",
    "万元",
    "亿元",
    "人次",
    "场次",
    "批次",
    "条",
    "件",
    "篇",
    "次",
    "个",
    "期",
    "场",
    "家",
    "人",
    "份",
    "项",
    "起",
    "元",
    "%",
    "％",
    "户",
    "名",
    "所",
    "套",
    "部",
)
_UNIT = "|".join(re.escape(u) for u in UNITS)
_NUM = re.compile(rf"(?<![\d.\-A-Za-z第])(\d+(?:\.\d+)?)\s*(余|多)?\s*({_UNIT})")
_CN_UNIT = "期|次|场|篇|件|条|家"
_CN = re.compile(
    rf"(?<![第一二三四五六七八九十百千两])([两二三四五六七八九十][一二三四五六七八九十百千]*)(余|多)?({_CN_UNIT})(?!性)"
)
_NO_FEE = re.compile(r"(?:无|未|没有|不)(?:收取|产生)?(?:任何)?(?:政府信息公开)?信息处理费")
_CLAUSE = "，。；：（）、,;:()！？!?"
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_TERMINAL = tuple("。！？；：:;!?")
_SUBHEAD = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.、])")
_TABLE_WORDS = ("信息内容", "本年新收", "勾稽关系", "结果维持", "第二十条")
_PROSE_SECTIONS = ("序", "一", "五", "六")


def _paragraphs(texts: list[str]) -> str:
    """Join lines; a line that does not end a sentence continues on the next (PDF wrapping)."""
    out = ""
    for t in texts:
        t = t.replace("**", "").strip().lstrip("#").strip()
        if not t:
            continue
        if out and not out.endswith(_TERMINAL) and not _SUBHEAD.match(t):
            out += t
        else:
            out += ("\n" if out else "") + t
    return out


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause around a figure: from the previous ，。；：（）、 to the next one."""
    left = max((sentence.rfind(c, 0, start) for c in _CLAUSE), default=-1)
    rights = [i for c in _CLAUSE if (i := sentence.find(c, end)) != -1]
    right = min(rights) if rights else len(sentence)
    return sentence[left + 1 : right].strip()


def _texts(lay: Layout, span: Span) -> list[str]:
    """The prose of a section: everything in 序/一/五/六; plain paragraphs only in 二–四."""
    if span.id in _PROSE_SECTIONS:
        return lay.text[span.body : span.end].split("\n")
    lines = lay.lines_in(span)
    if not lines:  # the section sits inside one long crawled line: its sentences before the table
        return _before_table(lay.text[span.body : span.end])
    out = []
    for ln in lines:
        filled = [c for c in ln.cells if c and c.strip()]
        if len(filled) != 1 or "。" not in filled[0]:
            continue
        out += _before_table(filled[0])
    return out


_HEAD_AFTER = re.compile(r"[（(][一二三四五六七八九十]{1,2}[）)](?=[\u4e00-\u9fff])")


def _before_table(text: str) -> list[str]:
    """The sentences of a text that runs into a flattened table: those before it (all when none), and a
    sub-headed part after its last cell (“…收费5949.09(二)主动公开政府信息的主要类别2023年，…”)."""
    at = min((text.find(w) for w in _TABLE_WORDS if w in text), default=-1)
    if at < 0:
        return [text] if text else []
    last = max(text.rfind(w) for w in _TABLE_WORDS)  # the table's last label: its cells, then the prose
    head = _HEAD_AFTER.search(text, last)
    after = text[head.start():] if head else ""
    after = after if "。" in after or len(after) > 20 else ""
    return [t for t in (text[: text.rfind("。", 0, at) + 1], after)
            if t and not any(w in t for w in _TABLE_WORDS)]


def _figures(sentence: str) -> list[tuple[int, int, float, str, str]]:
    """(start, end, value, raw, unit) for each figure in a sentence."""
    found = []
    for m in _NUM.finditer(sentence):
        unit = m.group(3).replace("％", "%")
        found.append((m.start(), m.end(), float(m.group(1)), m.group(0), unit))
    for m in _CN.finditer(sentence):
        try:
            value = float(cn2an.cn2an(m.group(1), "strict"))
        except ValueError:
            continue
        found.append((m.start(), m.end(), value, m.group(0), m.group(3)))
    for m in _NO_FEE.finditer(sentence):
        found.append((m.start(), m.end(), 0.0, m.group(0), "元"))
    return sorted(found)


def extract(report: str, lay: Layout, spans: list[Span]) -> list[Fact]:
    """Prose facts of every section (row "prose", column None)."""
    out = []
    for span in spans:
        for sent in _SENTENCE.findall(_paragraphs(_texts(lay, span))):
            sentence = sent.strip()
            for start, end, value, raw, unit in _figures(sentence):
                src = Source(section=span.heading, row=_clause(sentence, start, end), sentence=sentence)
                out.append(
                    Fact(
                        report=report,
                        row="prose",
                        column=None,
                        value=value,
                        kind="number",
                        raw=raw.strip(),
                        unit=unit,
                        source=src,
                    )
                )
    return out
