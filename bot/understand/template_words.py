"""The template's own labels as question words, generated from the catalogue (knowledge/data/catalogue.json).

Staff paste the labels as the template prints them — “第二十条第（六）项 行政处罚 本年增/减”, “（七）总计
自然人”, “（六）其他处理 3.其他”, “三、本年度办理结果 （三）不予公开 1.属于国家秘密” — with or without their
numbering.  Every printed label becomes an alias of its concept, in the form a normalised question has
(NFKC, no spaces or quotes, lower case): rows with their numbering (`(七)总计`, `3.其他`, `3、其他`) and, when
the body alone says which row it is (more than three characters, or listed), without; columns by their
printed headers; the headers above them (`申请人情况`, `法人或其他组织`, `三、本年度办理结果`, `信息内容`),
the section headings and table 二's block headers (`第二十条第(六)项`), which name a place in the table,
not a figure of their own.
"""

from __future__ import annotations

import re
import unicodedata

from knowledge.catalogue import Catalogue

_DROP = re.compile(r"[\s\"'“”‘’「」『』《》〈〉【】]")
_NUM = re.compile(r"^(?:([一二三四五六七八九十]+)[、.]|\(([一二三四五六七八九十]+)\)|(\d+)[.、])")
_NOTE = re.compile(r"\([^)]*\)$")
# bodies of three characters or fewer name a row only with their numbering (其他, 总计)
SHORT = 3


def clean(text: str) -> str:
    """A label in the form a normalised question has it."""
    s = unicodedata.normalize("NFKC", text)
    return _DROP.sub("", s).replace("．", ".").lower()


def numbered(label: str) -> tuple[list[str], str]:
    """The ways the label's numbering is typed (`3.`, `3、`; `一、`, `一.`; `(七)`) and its body."""
    s = clean(label)
    m = _NUM.match(s)
    if m is None:
        return [], s
    body = s[m.end():]
    if m.group(1):
        heads = [f"{m.group(1)}、", f"{m.group(1)}."]
    elif m.group(2):
        heads = [f"({m.group(2)})"]
    else:
        heads = [f"{m.group(3)}.", f"{m.group(3)}、"]
    return heads, body


def _forms(label: str, *others: str) -> list[str]:
    """A printed label with and without numbering and note; a short body only with its numbering."""
    heads, body = numbered(label)
    bodies = {body, _NOTE.sub("", body)} | {numbered(o)[1] for o in others if o}
    out: list[str] = []
    for b in sorted(bodies, key=len, reverse=True):
        if not b:
            continue
        out += [h + b for h in heads]
        if len(b) > SHORT or not heads:
            out.append(b)
    return list(dict.fromkeys(out))


def generate(cat: Catalogue) -> dict[str, dict[str, list[str]]]:
    """kind → concept id → the template's printed labels for it (see module doc)."""
    out: dict[str, dict[str, list[str]]] = {}

    def add(kind: str, cid: str, aliases: list[str]) -> None:
        have = out.setdefault(kind, {}).setdefault(cid, [])
        have += [a for a in aliases if a and a not in have]

    for row in cat.apply_rows:
        add("apply_rows", row.id, _forms(row.label, row.short, *row.variants))
    for col in cat.apply_columns:
        if col.id != "total":  # 总计 is the default column: a word, not a choice
            add("applicants", col.id, [clean(col.label)])
    for col in cat.apply_derived_columns:
        add("applicants", col["id"], [clean(col["label"])])
    for group in cat.review_groups + cat.review_derived_groups:
        add("review_groups", group["id"], [clean(group["label"])])
    for col in cat.review_columns:
        add("review_columns", col.id, [clean(col.label)])
    for blocks in cat.active.values():
        for b in blocks:
            heads, body = numbered(b.block)
            add("active_blocks", b.item, [clean(b.block), f"第二十条第({b.item})项", f"第二十条({b.item})项"])
            for r in b.rows:
                add("active_rows", r.id, _forms(r.label, *r.variants))
            for c in b.columns:
                add("active_columns", c.id, _forms(c.label))
    # headers: a place in a table, no figure of their own (the kind's ids say where)
    group = next(r.group for r in cat.apply_rows if r.group)
    add("headers", "apply.results", _forms(group))
    add("headers", "apply.applicants", ["申请人情况"])
    add("headers", "active.content", ["信息内容"])
    for s in cat.sections:
        if s["id"] in ("二", "三", "四"):
            add("headers", f"table.{s['id']}", [a for a in _forms(s["heading"]) if len(a) > 8])
    return out
