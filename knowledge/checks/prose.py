"""Prose figures against the tables: 收到申请N件, 办结N件, 结转N件, 行政复议N件, 规范性文件N件 ….

A prose figure is compared only when the words right before it (or, for 结转, after it) name one
table figure; compound phrases (`予以公开及部分公开42件`) are left alone.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from knowledge.catalogue import Catalogue
from knowledge.fact_index import Index, fmt
from knowledge.models import Fact, Report, Warning_


def cells_of(*keys: tuple[str, str | None]) -> list[dict[str, object]]:
    """Table cells as Warning_.cells names them (this report's)."""
    return [{"row": r, "column": c, "year": None} for r, c in keys]

_BOUND = re.compile(r"[，。；：,;:（）()！？!?\n]")
_NOT_NEW = re.compile(r"上年|结转|复议|诉讼|办结|答复|办理")
_OUTCOME_BEFORE = re.compile(r"予以公开|同意公开|部分公开|不予公开|无法提供|不予处理|其他处理|其他方式|公开答复|其中")
# (rule id, regex on the words before the figure, target row, what the table calls it)
_BEFORE = [
    ("prose.carried_in", re.compile(r"上年(?:度)?结转"), "apply.carried_in", "上年结转政府信息公开申请数量"),
    ("prose.review", re.compile(r"行政复议(?:案件|申请)?(?:共|合计)?$"), "review", "行政复议总计"),
    (
        "prose.litigation",
        re.compile(r"行政诉讼(?:案件)?(?:共|合计)?$"),
        "litigation",
        "行政诉讼总计（直接起诉与复议后起诉之和）",
    ),
    (
        "prose.litigation",
        re.compile(r"直接(?:提起)?(?:行政)?起诉(?:案件)?$"),
        "litigation.direct",
        "未经复议直接起诉总计",
    ),
    (
        "prose.litigation",
        re.compile(r"复议后(?:提起)?(?:行政)?起诉(?:案件)?$"),
        "litigation.after_review",
        "复议后起诉总计",
    ),
]


def _outcome_rows(cat: Catalogue) -> list[str]:
    """（一）…（六） and every reason under them, in template order, from the catalogue."""
    results = next(r["right"] for r in cat.raw["apply"]["rules"] if r["id"] == "apply.results")
    return [*results, *(r.id for r in cat.apply_rows if r.parent in results and r.parent != "apply.other")]


def context(sentence: str, clause: str, raw: str) -> tuple[str, str]:
    """The words before and after a figure, within its clause (、 does not end a clause here); the
    clause and the figure are pieces of the sentence (knowledge/template/prose.py)."""
    i = sentence.find(raw, sentence.find(clause))
    before = _BOUND.split(sentence[:i])[-1]
    after = _BOUND.split(sentence[i + len(raw) :])[0]
    return before, after


def _outcome(before: str, ix: Index) -> str | None:
    """The result row a phrase like `保护第三方合法权益13件` names: its name or a near variant of it
    (`属于国家秘密的`).  A phrase joining two rows (`予以公开及部分公开`) is too far from either to match;
    a row's own 或 (`要求行政机关确认或重新出具已获取信息`) is part of its name."""
    seg = re.split(r"[、]", before)[-1]
    seg = re.sub(r"^(?:其中|共|均|为|有|占)", "", seg)
    for rid in _outcome_rows(ix.cat):
        if any(seg == k or fuzz.ratio(seg, k) >= 85 for k in ix.shorts(rid)):
            return rid
    return None


def _normative_column(before: str, template: str) -> str:
    """Which table 二 column a `…规范性文件N件` phrase names ("" = any of the row's columns)."""
    if template == "2021":
        if "现行有效" in before:
            return "in_force"
        return "issued" if re.search(r"制发|新制定|出台|印发", before) else ""
    return "new_made" if re.search(r"新制作|制定", before) else ""


def _targets(f: Fact, sentence: str, ix: Index, template: str) -> list[tuple[str, str, str]]:
    """(rule, row, column) table cells a prose figure claims to equal."""
    out = []
    before, after = context(sentence, f.source.row or f.raw, f.raw)
    about_requests = "申请" in sentence and f.unit == "件"
    if about_requests:
        if re.search(r"收到|受理|接收|新收", before) and ("申请" in before or after.startswith("申请")):
            if not _NOT_NEW.search(before):
                out.append(("prose.apply_new", "apply.new", "total"))
        if re.search(r"办结|答复", before) and not re.search(r"结转|上年|率|复议|诉讼|下一?年", before):
            if not _OUTCOME_BEFORE.search(before):  # 同意公开答复9件 counts one outcome, not all replies
                out.append(("prose.apply_total", "apply.total", "total"))
        if re.search(r"结转下一?年|转下一?年度|下一?年度继续|顺延", before + after) and "上年" not in before:
            out.append(("prose.carried_out", "apply.carried_out", "total"))
    if f.unit in ("件", "起", "次"):
        for rule, pattern, row, _ in _BEFORE:
            if pattern.search(before) and (row != "apply.carried_in" or about_requests):
                out.append((rule, row, "total"))
    # not the departments' documents a 公报 printed (部门规范性文件45件): the table counts the body's own
    if before.endswith("规范性文件") and f.unit in ("件", "个", "份", "篇") and not before.endswith("部门规范性文件") \
            and not re.search(r"公报|刊登|刊发", sentence):
        if "清理" not in before or "现行有效" in before:
            out.append(("prose.normative", "active.normative", _normative_column(before, template)))
    if about_requests and not out and (rid := _outcome(before, ix)) is not None:
        out.append(("prose.apply_outcome", rid, "total"))
    return out


def _check(f: Fact, rule: str, row: str, col: str, ix: Index, template: str) -> Warning_ | None:
    """A warning when the prose figure differs from the table figure it names."""
    clause = f.source.row or f.raw
    if row == "active.normative" and not col:
        cols = (
            ["issued", "repealed", "in_force"]
            if template == "2021"
            else ["new_made", "new_published", "total_published"]
        )
        cells = [c for c in (ix.facts.get((row, k)) for k in cols) if c is not None]
        if not cells or any(c.kind == "uncertain" for c in cells):
            return None
        if any(c.value is not None and abs(c.value - (f.value or 0)) < 1e-6 for c in cells):
            return None
        cell = cells[-1]
        keys = [(row, cell.column)]  # the cell the message names
    else:
        found = ix.facts.get((row, col))
        if found is None:
            return None
        cell = found
        keys = [(row, col)]
    used = [*cells_of(*keys), {"row": "prose", "column": None, "year": None, "clause": clause}]
    if cell.kind == "uncertain":
        if cell.candidates and f.value not in cell.candidates:
            shown = "、".join(fmt(c) for c in cell.candidates[:6])
            return Warning_(
                rule,
                f"正文“{clause}”为{fmt(f.value)}，但表格“{cell.source.row}／{cell.source.column}”"
                f"可能的值（{shown}）中没有{fmt(f.value)}",
                f.source.section, used, "prose",
            )
        return None
    if cell.value is None or f.value is None:  # blank, "/", "—": value None
        return None
    if abs(cell.value - f.value) < 1e-6:
        return None
    if rule == "prose.apply_new":
        carried = ix.num("apply.carried_in", "total")
        if carried is not None and abs(cell.value + carried - f.value) < 1e-6:
            return None  # 收到申请 counted with last year's carried-over ones
    where = f"{cell.source.row}／{cell.source.column}"
    return Warning_(
        rule, f"正文“{clause}”为{fmt(f.value)}，但表格“{where}”为{fmt(cell.value)}", f.source.section, used, "prose"
    )


def prose_warnings(report: Report, facts: list[Fact], ix: Index) -> list[Warning_]:
    """Prose figures that contradict the table figure they name."""
    out = []
    for f in facts:
        if f.row != "prose" or not f.source.sentence:
            continue
        for rule, row, col in _targets(f, f.source.sentence, ix, report.template):
            if (w := _check(f, rule, row, col, ix, report.template)) is not None:
                out.append(w)
    return out
