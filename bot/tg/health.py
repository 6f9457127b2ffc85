"""Liveness for a container HEALTHCHECK: while `serve`'s event loop runs, it touches a file every 30 s.

The Dockerfile's HEALTHCHECK calls `python -m bot.tg.health FILE`, which fails when the file is
older than 90 s (the loop is stuck or the bot is gone).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import time
from pathlib import Path

log = logging.getLogger(__name__)

EVERY = 30.0
STALE = 90.0


async def beat(path: Path, every: float = EVERY) -> None:
    """Touch path now and every `every` seconds (until cancelled)."""
    while True:
        try:
            path.touch()
        except OSError as exc:  # a health file that cannot be written must not stop the bot
            log.warning("health file %s: %s", path, exc.strerror or exc)
        await asyncio.sleep(every)


def fresh(path: Path, stale: float = STALE) -> bool:
    """True when path was touched within the last `stale` seconds."""
    with contextlib.suppress(OSError):
        return time.time() - path.stat().st_mtime <= stale
    return False


if __name__ == "__main__":
    sys.exit(0 if len(sys.argv) == 2 and fresh(Path(sys.argv[1])) else 1)
