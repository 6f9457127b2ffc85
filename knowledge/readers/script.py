"""Pages in traditional characters (a site's 繁體 version saved) read as simplified, with a note.

The template's headings, labels and the report's name are matched in simplified characters, so a
page printed in traditional ones (“一、總體情況 … 特向社會公布2020年開平市農業農村局政府信息公開工作
年度報告”) is converted with OpenCC's t2s before parsing.  Only a document that is clearly traditional
is converted: one holding several of the characters every report prints in their traditional form
(報告, 總體, 開, 處理, 復議, 訴訟 …); digits and ASCII are left as they are.  Pinyin glosses some
mirror sites put after characters (根據(jù)) are dropped first when a page has many of them.
"""

from __future__ import annotations

import re
from functools import cache

import opencc

from knowledge.models import Document, Line

# characters every annual report prints, in their traditional forms (报告 总体 公开 处理 复议 诉讼 条例 数量 申请 情况)
_MARKERS = frozenset("報總開處復複議訴條數請況")
_ENOUGH = 4  # distinct markers that make a document traditional
NOTE = "页面为繁体字，已转换为简体字读取"
# a pinyin gloss after a character: 根據(jù), 關(guān) (a mirror site's annotation, not the report's text)
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)")
_ENOUGH_GLOSSES = 5


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def is_traditional(text: str) -> bool:
    """Whether a text is printed in traditional characters (several report words in their traditional forms)."""
    return len(_MARKERS.intersection(text)) >= _ENOUGH


def _unglossed(text: str) -> str:
    return _GLOSS.sub("", text)


def simplified(doc: Document) -> Document:
    """The document in simplified characters when it is printed in traditional ones (else itself); pinyin
    glosses a mirror site put after characters (根據(jù)) dropped when there are many."""
    head = doc.text[:20000]
    if len(_GLOSS.findall(head)) >= _ENOUGH_GLOSSES:
        doc.lines = [Line([_unglossed(c) if c else c for c in ln.cells], ln.kind, ln.grid, ln.table)
                     for ln in doc.lines]
        head = doc.text[:20000]
    if not is_traditional(head):
        return doc
    conv = _t2s().convert
    doc.lines = [Line([conv(c) if c else c for c in ln.cells], ln.kind, ln.grid, ln.table) for ln in doc.lines]
    doc.title = conv(doc.title) if doc.title else doc.title
    doc.notes.append(NOTE)
    return doc
