"""Normalise a question before anything reads it.

NFKC (full width → half width), traditional → simplified (OpenCC), Chinese-numeral years
(二〇一九年 → 2019年, 一九年 / 19年 → 2019年), small Chinese numbers before 年 (近三年 → 近3年),
no spaces or quotes, and the domain typos listed in knowledge/synonyms.json (行政附议 → 行政复议).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import opencc

from bot.understand.lexicon import Lexicon

_DIGITS = {"〇": "0", "零": "0", "○": "0", "O": "0", "一": "1", "二": "2", "三": "3", "四": "4",
           "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_CN_YEAR = re.compile(r"([〇零○一二三四五六七八九]{2}|[〇零○一二三四五六七八九]{4})(?=年)")
_SHORT_YEAR = re.compile(r"(?<![\d.])(1\d|2\d)(?=年)")
_SMALL_CN = re.compile(r"(?<=[近前后过去这])([一二两三四五六七八九十]{1,2})(?=[年个份])")
# whitespace, quotes and brackets; and the invisible: zero-width, joiners, direction marks and overrides, BOM
_DROP = re.compile(r"[\s\"'“”‘’「」『』《》〈〉【】\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _traditional() -> frozenset[str] | None:
    """Characters whose presence can make OpenCC's t2s change a text: those it converts one by one, and
    those of the few phrases it converts although none of their characters is one (沈默 → 沉默).  A
    text with none of them converts to itself — most questions, which then skip a conversion that took
    ~40 % of answering one.  None when the dictionaries are not where this version keeps them."""
    folder = Path(opencc.__file__).resolve().parent / "dictionary"
    try:
        chars = {c for line in (folder / "TSCharacters.txt").read_text(encoding="utf-8").splitlines()
                 for c in line.split("\t", 1)[0]}
        for line in (folder / "TSPhrases.txt").read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            if chars.isdisjoint(key) and values.split(" ")[0] != key:
                chars.update(key)
    except OSError:
        return None
    return frozenset(chars) or None


def _to_simplified(s: str) -> str:
    keys = _traditional()
    if keys is not None and keys.isdisjoint(s):
        return s
    out = _t2s().convert(s)
    if out != s and len(out) == len(s):  # a place's own name is kept (乾县 is not 干县, 乾安 not 干安)
        for name in _kept_places():
            for k in (k for k in range(len(s)) if s.startswith(name, k)):
                out = out[:k] + name + out[k + len(name):]
    return out


@cache
def _kept_places() -> tuple[str, ...]:
    """Division names (and their stems) that OpenCC's t2s would change although they are simplified already."""
    # the table is read only when a question has such a character
    from bot.understand.regions import divisions

    d = divisions()
    names = {n for name in d.codes for n in (name, d.stem(name)) if len(n) >= 2}
    return tuple(sorted((n for n in names if _t2s().convert(n) != n), key=len))


def _cn_year(m: re.Match[str]) -> str:
    return "".join(_DIGITS[c] for c in m.group(1))


def _short_year(m: re.Match[str]) -> str:
    return "20" + m.group(1)


def _small_cn(m: re.Match[str]) -> str:
    import cn2an  # imported when first needed: it takes a tenth of a second

    try:
        return str(cn2an.cn2an(m.group(1), "smart"))
    except ValueError:
        return m.group(1)


def normalise(text: str, lexicon: Lexicon) -> str:
    """The canonical form of a question (see module doc)."""
    s = unicodedata.normalize("NFKC", text)
    s = _to_simplified(s)
    s = _DROP.sub("", s).lower()
    s = _CN_YEAR.sub(_cn_year, s)
    s = _SHORT_YEAR.sub(_short_year, s)
    s = _SMALL_CN.sub(_small_cn, s).replace("前1年", "前一年")  # 前三年 is three years; 前一年 is the year before
    for wrong, right in lexicon.typos:
        if wrong in s:
            s = s.replace(wrong, right)
    return s
