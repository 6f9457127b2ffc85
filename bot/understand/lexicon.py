"""The question vocabulary (knowledge/synonyms.json): concepts, their aliases, typos, stopwords.

Checked when it loads: an alias that names two concepts of the same kind is an error, reported
then, not discovered at query time.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import ahocorasick

from bot.understand import template_words
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
    most_asked: list[tuple[str, str]] = field(default_factory=list)  # question stems offered when only a body or year is named
    general: frozenset[str] = frozenset()  # words for a whole table's default row (申请数量): only when no other is named
    exclusive: frozenset[str] = frozenset()  # printed labels (numbered, headers): taken first, by both slots
    automaton: Any = None  # every alias → its rank in `aliases`: one pass finds them all in a question

    def words(self) -> list[str]:
        """Every alias, for the segmenter's dictionary."""
        return [a for a, _ in self.aliases]


def load(path: Path | None = None) -> Lexicon:
    """Read and check synonyms.json."""
    raw = json.loads((path or DATA / "synonyms.json").read_text(encoding="utf-8"))
    lex = Lexicon()
    named: dict[str, list[Concept]] = {}
    printed = template_words.generate(catalogue.default())  # the template's own labels, as printed
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
    lex.equivalents = dict(raw.get("column_equivalents", {}))
    lex.sub_sections = {k: list(v) for k, v in raw.get("sub_sections", {}).items()}
    lex.prose_concepts = [(k, list(v["asked"]), re.compile(v["clause"]))
                          for k, v in raw.get("prose_concepts", {}).items() if not k.startswith("_")]
    pairs = [(long, short) for long, shorts in raw.get("agency_abbreviations", {}).items()
             for short in ([shorts] if isinstance(shorts, str) else shorts)]  # one long form may have several
    lex.abbreviations = sorted(pairs, key=lambda kv: len(kv[0]), reverse=True)
    return lex


@cache
def default() -> Lexicon:
    """The bundled lexicon, loaded once per process."""
    return load()
