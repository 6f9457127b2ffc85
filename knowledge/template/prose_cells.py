"""What the prose says for a table cell the page does not have (its table cut off or a picture).

A cut page often still says in words what its tables would have counted: “我县收到政府信息公开书面申请
12件”, “未收到任何单位和个人提出的政府信息公开申请”, “现行有效的行政规范性文件102件”.  When a question
asks for a cell of a missing table, the reply may give that sentence's figure — quoted with its
sentence, and saying that the table is missing — never a figure from anywhere else.

Rules are data: for each cell, the words that must end the text before the figure (within its clause),
words that must not be there, and the sentences that say “none” (未收到…申请 → 0件).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.checks.prose import context
from knowledge.models import Fact, Section, Source


@dataclass(frozen=True)
class Rule:
    """How the prose names one table cell."""

    row: str
    columns: tuple[str | None, ...]  # the question's columns this names (None: the row's total)
    before: re.Pattern[str]  # on the words before the figure, within its clause
    units: tuple[str, ...] = ("件",)
    not_before: re.Pattern[str] | None = None
    needs: str = ""  # a word the sentence must hold


_COUNT = ("件", "起", "次", "项", "宗")
RULES = (
    Rule("apply.new", ("total", None), re.compile(r"(?:收到|受理|接收|新收)[^，。；,;]{0,20}申请(?:共|合计)?$"),
         not_before=re.compile(r"上年|结转|复议|诉讼|办结|答复|办理|咨询"), needs="申请"),
    Rule("review", ("total", None), re.compile(r"行政复议(?:案件|申请)?(?:共|合计)?$"), units=_COUNT),
    Rule("litigation", ("total", None), re.compile(r"行政诉讼(?:案件)?(?:共|合计)?$"), units=_COUNT),
    Rule("active.normative", ("in_force", "total_published"),
         re.compile(r"现行有效(?:的)?(?:行政)?规范性文件$"), units=("件", "个", "份")),
    Rule("active.normative", ("issued", "new_made"),
         re.compile(r"(?:本年|全年|新)?(?:制定|制发|出台|印发)(?:了)?(?:的)?(?:行政)?规范性文件$"),
         units=("件", "个", "份"), not_before=re.compile(r"部门|累计|历年")),
)
# sentences that say there was none: (row, pattern); the phrase is quoted as the figure's words
NONE = (
    ("apply.new", re.compile(r"(?:未|没有|无)(?:收到|接到|受理)(?:任何)?[^，。；,;\d]{0,30}?申请")),
    ("review", re.compile(r"(?:未|没有|无)(?:发生|出现|收到)?[^，。；,;\d]{0,30}?行政复议")),
    ("litigation", re.compile(r"(?:未|没有|无)(?:发生|出现|收到)?[^，。；,;\d]{0,30}?行政诉讼")),
)
_SENTENCES = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_NOT_NONE = {"apply.new": re.compile(r"复议|诉讼"), "review": re.compile(r"申请人|收到.{0,8}申请"),
             "litigation": re.compile(r"申请人")}


def said(row: str, column: str | None, prose: list[Fact], sections: list[Section]) -> Fact | None:
    """The prose figure for (row, column), or a sentence saying there was none (as a 0 with its words)."""
    rules = [r for r in RULES if r.row == row and column in r.columns]
    for f in prose:
        sentence = f.source.sentence or ""
        if f.value is None or not sentence:
            continue
        for rule in rules:
            if f.unit not in rule.units or (rule.needs and rule.needs not in sentence):
                continue
            before, _ = context(sentence, f.source.row or f.raw, f.raw)
            if rule.before.search(before) and not (rule.not_before and rule.not_before.search(before)):
                return f
    if column not in ("total", None):
        return None
    for pattern in (p for r, p in NONE if r == row):
        for sec in sections:
            for sentence in _SENTENCES.findall(sec.text):
                m = pattern.search(sentence)
                if m is None or _NOT_NONE[row].search(m.group(0)):
                    continue
                phrase = m.group(0)
                return Fact(report="", row="prose", column=None, value=0.0, kind="zero", raw=phrase, unit="件",
                            source=Source(section=sec.heading, row=phrase, sentence=sentence.strip()))
    return None
