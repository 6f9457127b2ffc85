"""Partial reports: which template sections and tables a stored report lacks, in words people read.

A page that ends before the report does (a saved page cut off, a search result's excerpt) is marked
with where it ends — “页面止于二、主动公开政府信息情况” — and every part after that point is said to be
cut there, not “perhaps an image”: a question about it is told the page stops before it.  A page
whose later sections are all there but whose tables gave no cell has them as pictures, or not at all.
What the prose says for a missing table's cell (`said`) answers in its place, quoted with its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from knowledge.catalogue import Catalogue
from knowledge.checks.prose import context
from knowledge.models import Fact, Section, Source

TABLE_SECTIONS = ("二", "三", "四")
ORDER = ("序", "一", "二", "三", "四", "五", "六")
TABLE_MISSING = "表{sid}缺失（可能为图片或页面不完整）"
SECTION_MISSING = "第{sid}部分“{name}”缺失（页面不完整）"
CUT_AT = "页面止于{heading}"
CUT = "页面在“{sid}”处截断"
PART_ONLY = "页面只保存了报告的一部分，没有章节标题"
_CUT_NOTE = re.compile(r"^页面止于(?P<sid>[一二三四五六]|前言)")


def cut_at(ids: list[str]) -> str | None:
    """The section a page ends in, when it ends before 五 and 六 (the template's last sections)."""
    if not ids or "五" in ids or "六" in ids:
        return None
    return max(ids, key=ORDER.index)


# what the template's section 一 speaks of: its sub-heads (主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障)
_SECTION_ONE_WORDS = ("主动公开", "依申请公开", "政府信息公开申请", "政府信息管理", "平台建设", "监督保障")
_TOP_HEADING = re.compile(r"^[#\s]*[一二三四五六七八九十]{1,2}\s*[、.．]", re.M)
_ONE_PAGE_WORDS = ("政府信息公开", "依申请公开", "主动公开")


def reads_as_report(text: str, ids: list[str], titled: bool) -> bool:
    """Whether a page with fewer than three of the template's sections is still part of an annual report:
    one that opens with 一、总体情况 and ends before the tables, speaking of what section 一 reports
    (主动公开 and 依申请公开 …); or, without any heading, one page of a report titled as one (a flip-book's
    page) that speaks of 政府信息公开."""
    if ids and ids[0] == "一" and cut_at(ids) is not None:
        if len(_TOP_HEADING.findall(text)) > len(ids):
            return False  # more sections under numerals of the body's own: a whole document, not a cut page
        return sum(w in text for w in _SECTION_ONE_WORDS) >= 3 and "政府信息公开" in text
    if not ids and titled:
        return sum(w in text for w in _ONE_PAGE_WORDS) >= 2
    return False


def missing_parts(
    cat: Catalogue, found: set[str], tables_read: set[str], cut: tuple[str, str] | None = None
) -> list[str]:
    """The template's sections absent from `found` and tables 二/三/四 that gave no cell, in template order;
    `cut` = (section id, its printed heading) when the page ends inside that section."""
    if not found and cut is not None:  # no heading at all: one page from a report's middle, or a cut preface
        out, why = [PART_ONLY], f"（{PART_ONLY}）"
    else:
        out = [CUT_AT.format(heading=cut[1])] if cut else []
        why = f"（{CUT.format(sid=cut[0] if cut[0] != '序' else '前言')}）" if cut else ""
    for sec in cat.sections:
        sid = sec["id"]
        after = cut is not None and ORDER.index(sid) >= ORDER.index(cut[0])
        if sid in TABLE_SECTIONS and sid not in tables_read:
            out.append(f"表{sid}缺失{why}" if after else TABLE_MISSING.format(sid=sid))
        elif sid not in TABLE_SECTIONS and sid not in found:
            out.append(f"第{sid}部分“{sec['key']}”缺失{why}" if after else SECTION_MISSING.format(sid=sid, name=sec["key"]))
    return out


def table_of(row: str) -> str | None:
    """The table (二/三/四) a catalogue row id belongs to, None for prose."""
    if row.startswith("active."):
        return "二"
    if row.startswith("apply."):
        return "三"
    if row == "review" or row.startswith("litigation"):
        return "四"
    return None


def missing_for(missing: list[str], row: str) -> str | None:
    """The report's note that the table holding `row` is missing, or that the page is cut inside it."""
    sid = table_of(row)
    if sid is None:
        return None
    note = next((m for m in missing if m.startswith(f"表{sid}缺失")), None)
    if note is not None:
        return note
    cut = next((m for m in missing if _CUT_NOTE.match(m)), None)
    if cut is not None and cut[4] == sid:  # the table the page ends in: its rows after the cut are gone
        return f"{CUT.format(sid=sid)}（{cut}）"
    return None


# ---------------------------------------------------------------- what the prose says for a missing table
# A cut page often still says in words what its tables would have counted: “我县收到政府信息公开书面申请
# 12件”, “未收到任何单位和个人提出的政府信息公开申请”, “现行有效的行政规范性文件102件”.  A question for a
# cell of a missing table may get that sentence's figure — quoted with its sentence, saying the table is
# missing — never a figure from anywhere else.  Rules are data: the words that end the text before the
# figure (within its clause), words that must not be there, and the sentences that say “none” (→ 0件).


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
_CASE = r"(?:案件|申请|程序)?"
_BOTH = r"(?:均为|均是|都为|都是|均|各)$"  # “行政复议和行政诉讼均为0件”: one figure for each of the two


def _pair(one: str, other: str) -> re.Pattern[str]:
    """One of table 四's two counts alone, or named with the other and a word saying the figure is each's."""
    return re.compile(rf"{one}{_CASE}(?:共|合计)?$|{one}{_CASE}[和与及、]{other}{_CASE}{_BOTH}"
                      rf"|{other}{_CASE}[和与及、]{one}{_CASE}{_BOTH}")


RULES = (
    Rule("apply.new", ("total", None),
         re.compile(r"(?:收到|受理|接收|新收)[^，。；,;]{0,20}(?:申请|依申请公开(?:信件|申请)?)(?:共|合计)?$"),
         not_before=re.compile(r"上年|结转|转结|复议|诉讼|办结|答复|办理|咨询"), needs="申请"),
    Rule("apply.carried_in", ("total", None), re.compile(r"上一?年度?(?:结转|转结)(?:的)?(?:政府信息公开)?(?:申请)?$"),
         needs="申请"),
    Rule("apply.carried_out", ("total", None),
         re.compile(r"(?:转|结转)(?:至|到|入)?下一?年度?(?:继续)?办理(?:的申请)?$"), needs="申请"),
    Rule("apply.partial", ("total", None), re.compile(r"部分公开$"), needs="申请"),
    Rule("apply.total", ("total", None), re.compile(r"(?:^|本年度?|依法|全部|均已)(?:已)?(?:办结|办理完毕)(?:了)?$"),
         not_before=re.compile(r"上年|结转|转结|复议|诉讼"), needs="申请"),
    Rule("review", ("total", None), _pair("行政复议", "行政诉讼"), units=_COUNT),
    Rule("litigation", ("total", None), _pair("行政诉讼", "行政复议"), units=_COUNT),
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


_ALL_NATURAL = re.compile(r"^[^。；;]{0,12}?(?:均为|均是|均系|全部为|全部是|全部来自|都是|都为)自然人")


def said(row: str, column: str | None, prose: list[Fact], sections: list[Section]) -> Fact | None:
    """The prose figure for (row, column), or a sentence saying there was none (as a 0 with its words)."""
    if row == "apply.new" and column == "natural":  # “收到申请2件。均为自然人…”: the total is the 自然人's
        return next((n for f in _stated(row, "total", prose) if (n := _all_natural(f, sections))), None)
    got = next(_stated(row, column, prose), None)
    if got is not None:
        return got
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


def _stated(row: str, column: str | None, prose: list[Fact]) -> Iterator[Fact]:
    """The prose figures a rule reads as (row, column), in the report's order."""
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
                yield f
                break


def _all_natural(total: Fact, sections: list[Section]) -> Fact | None:
    """The applications' total when the words right after it say every one came from a natural person."""
    sentence = total.source.sentence
    if not sentence or total.kind == "zero":
        return None
    for sec in sections:
        at = sec.text.find(sentence)
        after = sec.text[at + len(sentence) :].lstrip("。，,；; ") if at >= 0 else ""
        tail = sentence[sentence.find(total.raw) + len(total.raw) :].lstrip("，,")
        m = _ALL_NATURAL.match(tail) or _ALL_NATURAL.match(after)
        if m is not None:
            phrase = f"{total.source.row or total.raw}…{m.group(0)}"
            return Fact(report=total.report, row="prose", column=None, value=total.value, kind=total.kind,
                        raw=total.raw, unit=total.unit, source=Source(section=total.source.section, row=phrase,
                                                                       sentence=f"{sentence}…{m.group(0)}"))
    return None
