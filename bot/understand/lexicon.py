"""The question vocabulary (knowledge/synonyms.json and the template's own printed labels): concepts,
their aliases, typos, stopwords.

Checked when it loads: an alias that names two concepts of the same kind is an error, reported
then, not discovered at query time.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import ahocorasick

from knowledge import catalogue
from knowledge.paths import DATA

# kinds of concept, as the keys of synonyms.json
KINDS = ("apply_rows", "applicants", "review_groups", "review_columns", "active_rows", "active_columns",
         "sections", "rates", "active_blocks", "headers")


# a label with its printed numbering (`3.其他`, `(七)总计`, `一、本年新收…`): a whole cell name, nothing else's part
PRINTED = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d{1,2}[.、])")


@dataclass(frozen=True)
class Concept:
    """One thing a question can name: a kind (e.g. "apply_rows") and an id (e.g. "apply.new")."""

    kind: str
    id: str


@dataclass
class Lexicon:
    """Aliases → concepts, longest alias first; typos; stopwords."""

    aliases: list[tuple[str, list[Concept]]] = field(default_factory=list)  # one alias may name a row and a column
    typos: list[tuple[str, str]] = field(default_factory=list)
    stopwords: frozenset[str] = frozenset()
    equivalents: dict[str, str] = field(default_factory=dict)
    by_concept: dict[Concept, list[str]] = field(default_factory=dict)
    sub_sections: dict[str, list[str]] = field(default_factory=dict)  # 一.active → words of its sub-head
    abbreviations: list[tuple[str, str]] = field(default_factory=list)  # 发展和改革 → 发改, longest first
    prose_concepts: list[tuple[str, list[str], re.Pattern[str]]] = field(default_factory=list)  # id, asked, clause
    weak: frozenset[str] = frozenset()  # aliases that name a column only beside a row of its table (其他)
    most_asked: list[tuple[str, str]] = field(default_factory=list)
    ambiguous: dict[str, list[Concept]] = field(default_factory=dict)  # 结转: 上年结转 or 结转下年度 — ask  # question stems offered when only a body or year is named
    general: frozenset[str] = frozenset()  # words for a whole table's default row (申请数量): only when no other is named
    exclusive: frozenset[str] = frozenset()  # printed labels (numbered, headers): taken first, by both slots
    channels: dict[str, str] = field(default_factory=dict)  # 门户网站 → website: where a report published
    automaton: Any = None  # every alias → its rank in `aliases`: one pass finds them all in a question

    def words(self) -> list[str]:
        """Every alias, for the segmenter's dictionary."""
        return [a for a, _ in self.aliases]


# ---------------------------------------------------------------- the template's own labels
# Staff paste the labels as the template prints them — “第二十条第（六）项 行政处罚 本年增/减”, “（七）总计
# 自然人”, “（六）其他处理 3.其他”, “三、本年度办理结果 （三）不予公开 1.属于国家秘密” — with or without their
# numbering.  Every printed label of knowledge/data/catalogue.json becomes an alias of its concept, in the form
# a normalised question has (NFKC, no spaces or quotes, lower case): rows with their numbering (`(七)总计`,
# `3.其他`, `3、其他`) and, when the body alone says which row it is (more than three characters), without;
# columns by their printed headers; the headers above them (`申请人情况`, `三、本年度办理结果`, `信息内容`), the
# section headings and table 二's block headers (`第二十条第(六)项`), which name a place in a table, not a figure.

_LABEL_DROP = re.compile(r"[\s\"'“”‘’「」『』《》〈〉【】]")
_NUM = re.compile(r"^(?:([一二三四五六七八九十]+)[、.]|\(([一二三四五六七八九十]+)\)|(\d+)[.、])")
_NOTE = re.compile(r"\([^)]*\)$")
# bodies of three characters or fewer name a row only with their numbering (其他, 总计)
SHORT = 3


def clean(text: str) -> str:
    """A label in the form a normalised question has it."""
    s = unicodedata.normalize("NFKC", text)  # NFKC makes the full-width ．（ ）、： of printed labels . ( ) 、 :
    return _LABEL_DROP.sub("", s).lower()


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


def printed_labels(cat: catalogue.Catalogue) -> dict[str, dict[str, list[str]]]:
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
    for rule in cat.raw["apply"]["rules"]:  # the corner cell: “（本列数据的勾稽关系为：第一项加第二项之和，…）”
        if rule["id"] == "apply.balance":
            add("headers", "apply.corner", [clean(f"（本列数据的勾稽关系为：{rule['text']}）"), clean(rule["text"])])
    for s in cat.sections:
        if s["id"] in ("二", "三", "四"):
            add("headers", f"table.{s['id']}", [a for a in _forms(s["heading"]) if len(a) > 8])
    return out


def load(path: Path | None = None) -> Lexicon:
    """Read and check synonyms.json."""
    raw = json.loads((path or DATA / "synonyms.json").read_text(encoding="utf-8"))
    lex = Lexicon()
    named: dict[str, list[Concept]] = {}
    printed = printed_labels(catalogue.default())  # the template's own labels, as printed
    for kind in KINDS:
        owner: dict[str, str] = {}
        said = {cid: list(aliases) for cid, aliases in raw.get(kind, {}).items() if not cid.startswith("_")}
        for cid, aliases in printed.get(kind, {}).items():
            said.setdefault(cid, []).extend(a for a in aliases if a not in said[cid])
        for cid, aliases in said.items():
            concept = Concept(kind, cid)
            lex.by_concept[concept] = list(aliases)
            for alias in aliases:
                if alias in owner and owner[alias] != cid:
                    raise ValueError(f"synonyms: alias {alias!r} names both {owner[alias]} and {cid} ({kind})")
                owner[alias] = cid
                named.setdefault(alias, []).append(concept)
    lex.aliases = sorted(named.items(), key=lambda ac: len(ac[0]), reverse=True)
    lex.exclusive = frozenset(a for a, cs in lex.aliases
                              if PRINTED.match(a) or any(c.kind in ("headers", "active_blocks") for c in cs))
    lex.automaton = ahocorasick.Automaton()
    for rank, (alias, _) in enumerate(lex.aliases):
        lex.automaton.add_word(alias, rank)
    lex.automaton.make_automaton()
    lex.typos = sorted(raw.get("typos", {}).items(), key=lambda kv: len(kv[0]), reverse=True)
    lex.stopwords = frozenset(raw.get("stopwords", ()))
    lex.weak = frozenset(raw.get("weak_aliases", ()))
    lex.general = frozenset(raw.get("general_aliases", ()))
    lex.most_asked = [(item, how) for item, how in raw.get("most_asked", ())]
    kind_of = {c.id: c for c in lex.by_concept}
    lex.ambiguous = {w: [kind_of[i] for i in ids] for w, ids in raw.get("ambiguous", {}).items() if not w.startswith("_")}
    lex.equivalents = dict(raw.get("column_equivalents", {}))
    lex.sub_sections = {k: list(v) for k, v in raw.get("sub_sections", {}).items()}
    lex.prose_concepts = [(k, list(v["asked"]), re.compile(v["clause"]))
                          for k, v in raw.get("prose_concepts", {}).items() if not k.startswith("_")]
    for name, terms in raw.get("channels", {}).items():
        for term in terms if not name.startswith("_") else ():
            if lex.channels.setdefault(term, name) != name:
                raise ValueError(f"synonyms: channel word {term!r} names both {lex.channels[term]} and {name}")
    pairs = [(long, short) for long, shorts in raw.get("agency_abbreviations", {}).items()
             for short in ([shorts] if isinstance(shorts, str) else shorts)]  # one long form may have several
    lex.abbreviations = sorted(pairs, key=lambda kv: len(kv[0]), reverse=True)
    return lex


@cache
def default() -> Lexicon:
    """The bundled lexicon, loaded once per process."""
    return load()


@cache
def _channel_words() -> dict[str, tuple[str, ...]]:
    """Each channel's words in the bundled lexicon (website → 政府门户网站, 门户网站, …)."""
    out: dict[str, tuple[str, ...]] = {}
    for term, channel in default().channels.items():
        out[channel] = (*out.get(channel, ()), term)
    return out


def same_channel(word: str, text: str) -> bool:
    """Whether word is a channel's word (synonyms.json `channels`) and text names that channel in any of its
    words: a question's “政府网站” is the report's “汉台区政府门户网站”, its “公众号” the report's “政务微信平台”
    (a channel is never another: 政务新媒体 is more than one 微信公众号, and names none here)."""
    own = default().channels.get(word)
    return own is not None and any(term in text for term in _channel_words()[own])
