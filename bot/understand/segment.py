"""Segmentation with our own jieba Tokenizer, loaded with the catalogue's and lexicon's terms.

Never touches the global `jieba.dt`.  The dictionary cache goes to a writable directory.
"""

from __future__ import annotations

import logging
import os
import tempfile
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


def warm() -> None:
    """Load the dictionary now (at start-up or image build), not on the first question."""
    cut("行政复议多少件")
