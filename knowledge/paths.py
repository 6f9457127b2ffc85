"""Where the knowledge package keeps its data: the template catalogue, the question vocabulary, bundled reports.

`NIANBAO_KNOWLEDGE_DIR` points elsewhere (a data folder kept outside the installed package).
"""

from __future__ import annotations

import logging
import os
import stat
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

DATA = Path(os.environ.get("NIANBAO_KNOWLEDGE_DIR") or Path(__file__).resolve().parent / "data")

_fallback: Path | None = None


def cache_dir() -> Path:
    """Where derived files are cached (the default knowledge base, agency indexes): NIANBAO_CACHE_DIR or
    ~/.cache/nianbao; when that cannot be written (a read-only home), a private folder in the temp directory."""
    chosen = Path(os.environ.get("NIANBAO_CACHE_DIR") or Path.home() / ".cache" / "nianbao")
    if _writable(chosen):
        return chosen
    global _fallback
    if _fallback is None or not _writable(_fallback):
        _fallback = _private_temp()
        log.info("cache folder %s cannot be written: using %s", chosen, _fallback)
    return _fallback


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _private_temp() -> Path:
    """A folder in the temp directory that only this user can write (made anew if another user owns the name)."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"nianbao-cache-{uid}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        st = folder.lstat()
        if stat.S_ISDIR(st.st_mode) and st.st_uid == uid and not st.st_mode & 0o022 and _writable(folder):
            return folder
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="nianbao-cache-"))
