"""Is this path a knowledge base?  Asked before a base is read or written, so that a mistyped --db is said.

A base is a folder with catalogue.json (or an old single JSON file); a new path or an empty folder is
a base about to be made.  A folder without catalogue.json that holds anything but a base's own files
(what a first write killed midway leaves) is someone else's folder: it is neither read as an empty
base nor written into, and nothing — not even the writer's lock file — is made beside it.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from knowledge.errors import StoreError
from knowledge.store.files import reason

log = logging.getLogger(__name__)

CATALOGUE = "catalogue.json"
_OWN = re.compile(r"catalogue\.json|pending\.json|reports|shards|tmp|directory\.\w+\.json")  # a base's own names


def check_base(path: Path) -> None:
    """StoreError unless path holds a knowledge base, or is new or an empty folder."""
    if path.is_file():  # an old single-file base is a JSON object: anything else is not a base
        try:
            with path.open("rb") as fh:
                head = fh.read(4096).lstrip()
        except OSError as exc:
            raise StoreError(f"知识库 {path} 无法读取：{reason(exc)}") from exc
        if head and not head.startswith(b"{"):
            raise StoreError(f"{path} 不是本程序的知识库（内容不是知识库的 JSON）：请检查 --db 的路径")
        return
    if not path.is_dir() or (path / CATALOGUE).exists():
        return
    try:
        names = sorted(p.name for p in path.iterdir())
    except OSError as exc:
        raise StoreError(f"知识库 {path} 无法读取：{reason(exc)}") from exc
    foreign = [n for n in names if not _OWN.fullmatch(n)]
    if foreign:
        shown = "、".join(foreign[:3]) + ("等" if len(foreign) > 3 else "")
        raise StoreError(f"{path} 不是知识库：文件夹里没有 {CATALOGUE}，却有别的文件（{shown}）；"
                         "请指定一个知识库，或一个新的、空的文件夹")


def discard(path: Path) -> None:
    """Remove a file if it is there; a path that cannot hold it (a file where a folder should be) is no error."""
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("could not remove %s: %s", path, exc)
