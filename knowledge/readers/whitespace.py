"""Whitespace clean-up for text taken out of layouts (PDF, HTML, DOCX cells)."""

from __future__ import annotations

import re

# CJK ideographs plus the full-width punctuation that sits between them in Chinese prose.
_CJK = r"\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uffef\u2018-\u201f\u2026\u2014"
_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_CJK_DIGIT = re.compile(rf"(?<=[{_CJK}]) (?=\d)|(?<=\d) (?=[{_CJK}])")
_RUNS = re.compile(r"\s+")
_IS_CJK = re.compile(rf"[{_CJK}]")


def join_cjk(text: str) -> str:
    """Drop whitespace (spaces, line breaks) between two CJK characters; collapse the rest to one space."""
    return _RUNS.sub(" ", _BETWEEN_CJK.sub("", text)).strip()


def tidy(text: str) -> str:
    """`join_cjk`, then also drop the spaces layout puts between CJK and digits (`2023 年` → `2023年`)."""
    return _CJK_DIGIT.sub("", join_cjk(text))


def join_wrapped(first: str, second: str) -> str:
    """Rejoin a line wrapped by layout: no space when either side of the break is CJK."""
    if first and second and (_IS_CJK.match(first[-1]) or _IS_CJK.match(second[0])):
        return first + second
    return f"{first} {second}".strip()
