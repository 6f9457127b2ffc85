"""Row labels as printed → catalogue rows: numbering, typos, wrapped and spaced labels.

Labels are compared in a clean form (NFKC, no spaces, no quotes, half-width brackets).  Table
rows come in template order, so matching moves a cursor forward; short labels (`3.其他`,
`（七）总计`) must carry their numbering to match at all.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from knowledge.catalogue import Row

_NUMBERING = re.compile(r"^(?:([一二三四五六七八九十]+)[、.]|\(([一二三四五六七八九十]+)\)|(\d+)[.、,])")
_NOTE = re.compile(r"\([^)]*\)$")
_DROP = re.compile(r"[\s\"'“”‘’「」*]")
GROUP_LABEL = re.compile(r"^三[、.]?本年度办理结果")
BLOCK = re.compile(r"第\s*二\s*十\s*条\s*第?\s*[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*项")
_CN_DIGITS = "一二三四五六七八九十"
# where a second label starts inside one text line: `（四）无2.没有现成信息需要另`, `予处理4.无正当理由大量反复`
_EMBEDDED = re.compile(
    r"(?<=[\u4e00-\u9fff）)])(?=(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十][）)])[\u4e00-\u9fff])"
)
_CHAR = {"(": "[（(]", ")": "[）)]", ",": "[，,]", ":": "[：:]", ";": "[；;]", "、": "[、，,]"}
_JOIN = r"[\s“”\"'‘’、]*"


@lru_cache(maxsize=8192)  # the same labels recur in every table of every report (a fifth of a parse)
def norm(text: str | None) -> str:
    """The comparable form of a printed label."""
    s = unicodedata.normalize("NFKC", text or "")
    return _DROP.sub("", s).replace("．", ".")


@lru_cache(maxsize=8192)
def numbering(label: str) -> tuple[str | None, str]:
    """Split a clean label into its numbering (`三、` → "三", `(二)` → "(二)", `4.` → "4") and body."""
    m = _NUMBERING.match(label)
    if m is None:
        return None, label
    key = m.group(1) or (f"({m.group(2)})" if m.group(2) else m.group(3))
    return key, label[m.end() :]


@lru_cache(maxsize=1024)  # catalogue rows are few and fixed
def keys(row: Row) -> tuple[str, ...]:
    """The clean bodies a row may be printed with (label, short form, variants), longest first."""
    _, body = numbering(norm(row.label))
    out = {_NOTE.sub("", body), norm(row.short), body}
    out |= {numbering(norm(v))[1] for v in row.variants}
    return tuple(sorted((k for k in out if k), key=len, reverse=True))


def row_matches(label: str, row: Row) -> bool:
    """Whether a printed (possibly wrapped, typo'd, cut or garbled) label names this row."""
    return match_kind(label, row) is not None


def match_kind(label: str, row: Row) -> str | None:
    """How a printed label names this row: "label" (itself, a variant, wrapped or typo'd), "piece"
    (only a piece of it: the middle of a label wrapped over cells, or its start with the end cut
    or garbled), or None."""
    num, body = numbering(norm(label))
    want, _ = numbering(norm(row.label))
    if num is not None and want is not None and num != want:
        return None
    piece = False
    for key in keys(row):
        if len(key) <= 3 or len(body) <= 3:  # 其他, 总计: only with their numbering and exactly
            if num == want and want is not None and body == key:
                return "label"
            continue
        if key in body or (len(body) >= 4 and body in key and num == want):
            return "label"
        if fuzz.ratio(body[: len(key) + 2], key, processor=None, score_cutoff=80) >= 80:
            return "label"
        if num is None and len(body) >= 8 and body in key:
            piece = True  # `行政机关不再处理其政府信息公`
        if num == want and want is not None and len(body) >= 6 and key.startswith(body[:6]):
            piece = True  # `1.申请人无正当理由逾期不补正、开申请`
    return "piece" if piece else None


def pieces(text: str) -> list[str]:
    """A text line cut where another numbered label starts inside it."""
    return [p for p in _EMBEDDED.split(text) if p.strip()]


def pattern(row: Row) -> re.Pattern[str]:
    """A regex finding the row's label inside flattened text (spaces allowed between characters)."""
    want, _ = numbering(norm(row.label))
    if want is None:
        num = ""
    elif want.startswith("("):
        num = rf"[（(]\s*{want[1:-1]}\s*[）)]\s*"
    elif want in _CN_DIGITS:
        num = rf"{want}\s*[、.．]\s*"
    else:
        num = rf"{want}\s*[.．、,，]\s*"
    bodies = [_JOIN.join(_CHAR.get(c, re.escape(c)) for c in key) for key in keys(row) if "(" not in key]
    body = "|".join(bodies)
    if want is not None and len(min(keys(row), key=len)) <= 3:
        return re.compile(rf"{num}(?:{body})")
    return re.compile(rf"(?:{num})?(?:{body})" if num else rf"(?:{body})")


def block_item(text: str) -> str | None:
    """The item numeral of a table 二 block header (`第二十条第（五）项` → "五")."""
    m = BLOCK.search(unicodedata.normalize("NFKC", text or "").replace("(", "（").replace(")", "）"))
    return m.group(1) if m else None
