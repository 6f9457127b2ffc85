"""Segmentation with our own jieba Tokenizer, loaded with the catalogue's and lexicon's terms.

Never touches the global `jieba.dt`.  The dictionary cache goes to a writable directory.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from bot.understand import lexicon

logging.getLogger("jieba").setLevel(logging.WARNING)

# words the prose sections use that jieba's default dictionary splits badly
EXTRA_WORDS = ("政策解读", "领导信箱", "政府公报", "访问量", "财政资金", "政务新媒体", "新闻发布会", "信息处理费",
               "政府网站", "培训会", "在线访谈", "征地信息", "政府采购", "行政执法公示", "上报信息", "同比增长")


@cache
def tokenizer():  # noqa: ANN201 - jieba.Tokenizer, imported here: a one-shot CLI question may never need it
    """The process's tokenizer, initialised once (dictionary cached on disk)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # jieba sets its own logger to DEBUG when imported
    tok = jieba.Tokenizer()
    cache_dir = Path(os.environ.get("NIANBAO_CACHE_DIR") or Path(tempfile.gettempdir()) / "nianbao-jieba")
    cache_dir.mkdir(parents=True, exist_ok=True)
    tok.tmp_dir = str(cache_dir)
    tok.initialize()
    for word in [*lexicon.default().words(), *lexicon.default().channels, *EXTRA_WORDS]:
        if len(word) >= 2:
            tok.add_word(word, freq=2000)
    return tok


def cut(text: str) -> list[str]:
    """Words of text (precise mode, no HMM guesses for unknown words)."""
    return [w for w in tokenizer().lcut(text, HMM=False) if w.strip()]


def joined(chunk: str, explained: Callable[[str], bool]) -> list[str]:
    """The chunk's words (cut), each run of single characters not explained that makes no word of the dictionary
    put back together: a word it does not have (纠证, a typo of 纠正) is a word asked, not characters too short
    to count.  A run stays in pieces when it is a word the cut went around (转|到 before 下一年继续办) or when
    a character of it makes a word with a single character beside it (哪|种|最|多: 哪种, 最多)."""
    words = cut(chunk)
    out: list[str] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and len(words[j]) == 1 and not explained(words[j]):
            j += 1
        if j - i < 2:
            out.append(words[i])
            i += 1
            continue
        run = words[i:j]
        glued = known("".join(run)) or (i > 0 and len(words[i - 1]) == 1 and known(words[i - 1] + run[0])) \
            or (j < len(words) and len(words[j]) == 1 and known(run[-1] + words[j]))
        out += run if glued else ["".join(run)]
        i = j
    return out


def known(word: str) -> bool:
    """Whether the dictionary has word (as a word of its own, not only as the start of longer ones)."""
    return bool(tokenizer().FREQ.get(word))


def warm() -> None:
    """Load the dictionary now (at start-up or image build), not on the first question."""
    cut("行政复议多少件")
