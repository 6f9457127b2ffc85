"""What a long-running process (chat, `ask` reading stdin, `serve`) does once, before it loads a knowledge base.

`settle()` moves every object the imports made (modules, classes, functions, the lexicon: about 80,000
objects that live as long as the process) out of the cyclic collector's way with `gc.freeze()`.
Without it each full collection rescans them all: at 100,000 reports a full collection took 140–570 ms
on the loaded 2-core machine and came every ~200 questions, so it made the p99 (benchmarks/README.md).
It is called once, before any knowledge base exists, so no knowledge base is ever frozen: one replaced
after an upload is collected as usual.  A one-shot `ask` answers one question and exits: it skips this.
"""

from __future__ import annotations

import gc

_settled = False


def settle() -> None:
    """Freeze what the imports made (once per process; later calls do nothing)."""
    global _settled
    if not _settled:
        gc.freeze()
        _settled = True
