"""The agency index of a stored knowledge base, cached on disk so that a one-shot question does not rebuild it.

Building the index splits every body's name (0.16 ms a body: 3 s for 20,000 bodies); reading it back
takes milliseconds (knowledge.store.lazy.Unpacked).  The cache file is named after the knowledge base's folder, the
write it reflects (`KnowledgeBase.version`) and this package's code and data, so a changed base or a
new version of the name rules never reads a stale index.  After a write that only added bodies, the
previous index is extended with the new ones instead of rebuilt.  The cache is the user's own (in
NIANBAO_CACHE_DIR or ~/.cache/nianbao): JSON only, written atomically, and any failure to read or
write it only costs the rebuild.
"""

from __future__ import annotations

import hashlib
import logging
from functools import cache
from importlib import metadata
from pathlib import Path

import orjson

from bot.understand.linking import AgencyIndex
from knowledge.errors import StoreError
from knowledge.kb import KnowledgeBase
from knowledge.paths import DATA, cache_dir
from knowledge.store.files import write_atomic

log = logging.getLogger(__name__)

KEEP = 2  # index files kept per knowledge base (the current one and the one before)


@cache
def code_version() -> str:
    """A hash of what the index is made with: this package's code and data (department_names.tsv), and the
    division table's version."""
    h = hashlib.sha1()
    here = Path(__file__).resolve().parent
    for p in sorted(here.glob("*.py")) + sorted(here.glob("*.tsv")) + [DATA / "synonyms.json"]:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    try:
        h.update(metadata.version("cpca").encode())
    except metadata.PackageNotFoundError:
        pass
    return h.hexdigest()[:12]


def _own(kb: KnowledgeBase) -> dict[str, list[str]]:
    if kb.directory is not None:
        return kb.directory.names()
    own: dict[str, list[str]] = {}
    for r in kb.reports:
        names = own.setdefault(r.agency, [])
        names += [a for a in r.aliases if a not in names]
    return own


def agency_index(kb: KnowledgeBase) -> AgencyIndex:
    """The knowledge base's agency index: read from the cache, extended from an older one, or built."""
    if kb.store is None or kb.version is None:  # built in memory, or an old single file: nothing to key on
        return AgencyIndex(kb.reports)
    folder = cache_dir() / "agency-index"
    base = hashlib.sha1(str(kb.store.path.resolve()).encode()).hexdigest()[:12]
    stem = f"{base}-{code_version()}-"
    path = folder / f"{stem}{kb.version}.json"
    try:
        return AgencyIndex.from_packed(orjson.loads(path.read_bytes()), kb.years)
    except FileNotFoundError:
        pass
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError, ValueError, IndexError) as exc:
        log.warning("agency index cache %s unreadable (%s): rebuilt", path, exc)
    own = _own(kb)
    index = None
    for older in _older(folder, stem):
        try:
            index = AgencyIndex.extended(orjson.loads(older.read_bytes()), own, kb.years)
        except (OSError, orjson.JSONDecodeError, KeyError, TypeError, ValueError, IndexError):
            index = None
        break
    if index is None:
        index = AgencyIndex.of_names(own, kb.years)
    _save(path, index, folder, stem)
    return index


def _older(folder: Path, stem: str) -> list[Path]:
    """This base's index files of earlier writes, newest first."""
    try:
        return sorted(folder.glob(f"{stem}*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return []


def _save(path: Path, index: AgencyIndex, folder: Path, stem: str) -> None:
    """Write the index (best effort) and drop all but the newest KEEP of this base."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, orjson.dumps(index.packed()))
        for old in _older(folder, stem)[KEEP:] + [p for p in _older(folder, path.name[:13]) if not p.name.startswith(stem)]:
            old.unlink(missing_ok=True)  # and this base's indexes made by other versions of the code
    except (OSError, StoreError) as exc:  # a cache that cannot be written only costs time
        log.info("agency index not cached in %s: %s", folder, exc)
