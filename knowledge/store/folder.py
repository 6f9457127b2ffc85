"""The knowledge base: a folder of TinyDB files — a small catalogue, and each report in its own file.

    KB/catalogue.json               which shard and directory files are current: the commit point of every write
    KB/directory.<gen>.json         every report's agency, year, id and file (directory.py): what loading reads
    KB/shards/NN.<gen>.json         the reports of the agencies hashed to shard NN (metadata, warnings,
                                    aliases, content hash of the source, fact count, the report's file)
    KB/reports/XX/<id>.<gen>.json   one report: its sections and its figures (packed, see packing.py)
    KB/pending.json                 what an unfinished write created / made obsolete (cleaned after a kill)
    KB/tmp/                         temp files of a write in progress

A file is written whole under a new name and never changed; a write commits by replacing
catalogue.json (atomic rename), so a reader, or a write killed midway, sees the old base or the new
one.  Adding a report writes its file, one shard and the small catalogue: the cost does not grow
with the number of reports.  Writers hold the lock of writer.py; readers never lock.  An old
single-file base (legacy.py) is read as it is and migrated to a folder on its first write.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import shutil
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import orjson

from knowledge.errors import StoreError
from knowledge.models import Parsed
from knowledge.store import legacy
from knowledge.store.directory import Directory, report_file
from knowledge.store.files import reason, write_atomic, write_error, write_many
from knowledge.store.identify import check_base, discard
from knowledge.store.neighbours import opened, relink
from knowledge.store.packing import FACT_FIELDS, OLD_FACT_FIELDS
from knowledge.store.records import Entry, Payload, PutResult, Record
from knowledge.store.records import dumps as _dumps
from knowledge.store.writer import DEFAULT_TIMEOUT, writer_lock

log = logging.getLogger(__name__)

FORMAT = 2
CATALOGUE = "catalogue.json"
PENDING = "pending.json"
SHARDS = 64
BACKUP_SUFFIX = ".v1-backup"  # an old single-file base, kept beside its migrated folder

REQUIRED = frozenset(("id", "agency", "year", "title", "template", "source_file", "file"))  # keys of every entry


def shard_of(agency: str) -> str:
    """The catalogue shard of an agency's reports (all years of one agency in one shard)."""
    return f"{int(hashlib.sha1(agency.encode()).hexdigest()[:8], 16) % SHARDS:02d}"


def _tables(path: Path) -> dict[str, dict[str, Any]]:
    """A TinyDB file's tables (FileNotFoundError passes through: a concurrent write replaced it)."""
    try:
        data = orjson.loads(path.read_bytes())
    except FileNotFoundError:
        raise
    except orjson.JSONDecodeError:
        raise StoreError(f"知识库文件 {path} 已损坏（不是 JSON），请重新载入报告") from None
    except OSError as exc:
        raise StoreError(f"知识库文件 {path} 无法读取：{reason(exc)}") from exc
    if not (isinstance(data, dict) and all(isinstance(t, dict) for t in data.values())):
        raise StoreError(f"知识库文件 {path} 不是本程序的知识库（内容不是 TinyDB 表）")
    return data


class Store:
    """A knowledge-base folder: read its catalogue and reports; add, replace or remove reports."""

    def __init__(self, path: str | os.PathLike[str], lock_timeout: float = DEFAULT_TIMEOUT,
                 waiting: Callable[[str], None] | None = None) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self.waiting = waiting  # told once when another writer holds the lock

    # ------------------------------------------------------------------ reading (never locks)
    @property
    def backup(self) -> Path:
        """Where a migrated single-file base is kept."""
        return self.path.with_name(self.path.name + BACKUP_SUFFIX)

    def exists(self) -> bool:
        """Whether there is a knowledge base at the path (either format)."""
        return self.path.exists() or self.backup.is_file()

    def check(self) -> None:
        """StoreError unless the path holds a knowledge base, or is new or an empty folder (identify.py)."""
        check_base(self.path)

    def legacy_file(self) -> Path | None:
        """The old single-file base to read instead of a folder, if that is what is there."""
        if self.path.is_file():
            return self.path
        if not self.path.exists() and self.backup.is_file():  # a migration was killed between its renames
            return self.backup
        return None

    def _doc(self, root: Path | None = None) -> dict[str, Any]:
        """catalogue.json's record: format, shards, directory; {} for a new base."""
        path = (root or self.path) / CATALOGUE
        if not path.exists():
            return {}
        doc = _tables(path).get("kb", {}).get("1")
        if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("shards"), dict):
            raise StoreError(f"知识库 {self.path} 的目录文件 {CATALOGUE} 格式与本版本不符，请重新载入报告")
        return doc

    def _manifest(self, root: Path | None = None) -> dict[str, str]:
        """Shard id → current shard file (relative), from catalogue.json; {} for a new base."""
        return self._doc(root).get("shards", {})

    def directory(self) -> tuple[str, Directory | None]:
        """(which write this is, every report's agency, year, id and file); the directory is None for a
        base written before directories existed."""
        for _ in range(20):
            path = self.path / CATALOGUE
            try:
                version = hashlib.sha1(path.read_bytes()).hexdigest()[:16] if path.exists() else "empty"
            except OSError as exc:
                raise StoreError(f"知识库文件 {path} 无法读取：{exc}") from exc
            rel = self._doc().get("directory")
            if not isinstance(rel, str):
                return version, None
            try:
                got = Directory.decode(_tables(self.path / rel))
            except FileNotFoundError:  # replaced by a write since catalogue.json was read
                continue
            if got is None:
                raise StoreError(f"知识库文件 {self.path / rel} 格式与本版本不符，请重新载入报告")
            return rel.split(".")[1], got
        raise StoreError(f"知识库 {self.path} 正在被频繁改写，读取失败；请稍后重试")

    def _shard(self, rel: str, root: Path | None = None) -> dict[str, Entry]:
        """Report id → entry, of one shard file."""
        docs = _tables((root or self.path) / rel).get("reports", {})
        out: dict[str, Entry] = {}
        for d in docs.values():
            if not isinstance(d, dict) or not REQUIRED <= d.keys():
                missing = REQUIRED - d.keys() if isinstance(d, dict) else REQUIRED
                raise legacy.shape_error(self.path / rel, KeyError("/".join(sorted(missing))))
            out[d["id"]] = d
        return out

    def catalogue(self, agencies: Iterable[str] | None = None) -> list[Entry]:
        """Every report's catalogue entry, or those of some agencies (only their shards are read);
        retried when a concurrent write replaces a shard meanwhile."""
        wanted = None if agencies is None else set(agencies)
        for _ in range(20):
            try:
                shards = self._manifest()
                if wanted is None:
                    return [e for rel in shards.values() for e in self._shard(rel).values()]
                rels = {shards[nn] for nn in map(shard_of, wanted) if nn in shards}
                return [e for rel in sorted(rels) for e in self._shard(rel).values() if e["agency"] in wanted]
            except FileNotFoundError:
                continue
        raise StoreError(f"知识库 {self.path} 正在被频繁改写，读取失败；请稍后重试")

    def current(self, report_id: str, agency: str) -> Entry | None:
        """The report's entry as the catalogue holds it now (after another process replaced it)."""
        for _ in range(20):
            try:
                rel = self._manifest().get(shard_of(agency))
                return self._shard(rel).get(report_id) if rel else None
            except FileNotFoundError:
                continue
        return None

    def read_report(self, entry: Entry) -> Payload | None:
        """A report's sections and packed figures; None when it is no longer stored."""
        for _ in range(5):
            path = self.path / entry["file"]
            try:
                raw = path.read_bytes()
            except FileNotFoundError:  # replaced by a write since our catalogue was read
                fresh = self.current(entry["id"], entry["agency"])
                if fresh is None or fresh["file"] == entry["file"]:
                    return None
                entry = fresh
                continue
            except OSError as exc:
                raise StoreError(f"知识库文件 {path} 无法读取：{exc}") from exc
            try:
                data = orjson.loads(raw)  # the hot path of a question about a report not in the cache
                facts = data["facts"]["1"]
                if list(facts["fields"]) not in (list(FACT_FIELDS), list(OLD_FACT_FIELDS)):
                    raise ValueError("fields")
                head = data["report"]["1"]
                if "rows" in facts:  # one JSON text per figure, names in keys (records.py)
                    if len(facts["keys"]) != 2 * len(facts["rows"]):
                        raise ValueError("keys")
                    return Payload(head["sections"], facts["strings"], facts["rows"], len(raw), head.get("meta"),
                                   facts["keys"])
                return Payload(head["sections"], facts["strings"], facts["cells"], len(raw), head.get("meta"))
            except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise legacy.shape_error(path, exc) from exc
        return None

    def hashes(self) -> set[str]:
        """Content hashes of the source files of every stored report (to skip them on resume)."""
        if self.legacy_file() is not None:
            return set()  # the single-file format predates content hashes: none of its reports has one
        return {e["sha"] for e in self.catalogue() if e.get("sha")}

    # ------------------------------------------------------------------ writing (under the lock)
    def put(self, parsed: Iterable[Parsed], hashes: Sequence[str | None] | None = None) -> PutResult:
        """Add reports (replacing any with the same id) in one atomic write, under the writer lock."""
        items = list(parsed)
        return self.put_records([Record.of(p, hashes[i] if hashes else None) for i, p in enumerate(items)])

    def put_records(self, records: list[Record]) -> PutResult:
        """Store prepared records (see Record.of) in one atomic write, under the writer lock."""
        self.check()  # a refused path is refused before its lock file is made
        with writer_lock(self.path, self.lock_timeout, self.waiting):
            notes = self._prepare()
            result = self._write(self.path, records, [])
        result.notes[:0] = notes
        return result

    def remove(self, report_id: str) -> bool:
        """Drop one report; False when it was not there."""
        self.check()
        with writer_lock(self.path, self.lock_timeout, self.waiting):
            self._prepare()
            agency, _, year = report_id.rpartition("-")  # the usual id names the shard: read that one only
            usual = self.current(report_id, agency) if agency and year.isdigit() else None
            found = [usual] if usual is not None else [e for e in self.catalogue() if e["id"] == report_id]
            if not found:
                return False
            self._write(self.path, [], found)
            return True

    def _prepare(self) -> list[str]:
        """Before a write: finish or undo what a killed writer left, migrate an old single file."""
        notes: list[str] = []
        migrating = self.path.with_name(f".{self.path.name}.migrating")
        if not self.path.exists() and self.backup.is_file():  # killed between a migration's renames
            if (migrating / CATALOGUE).is_file():
                os.rename(migrating, self.path)
            else:
                os.replace(self.backup, self.path)
        if self.path.is_file():
            notes.append(self._migrate(migrating))
        self.check()
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise write_error(self.path, exc) from exc
        shutil.rmtree(self.path / "tmp", ignore_errors=True)  # temp files of killed writers
        self._finish_pending(self.path)
        return notes

    def _migrate(self, migrating: Path) -> str:
        """Turn the old single file into a folder (the file kept beside it); the message to show."""
        reports, packed = legacy.read(self.path)
        shutil.rmtree(migrating, ignore_errors=True)
        records = []
        for r in reports:
            d = r.to_dict()
            sections = d.pop("sections")
            strings, cells = packed.get(r.id, ([], []))
            records.append(Record({**d, "sha": None, "facts": len(cells)}, sections, strings, cells))
        try:
            migrating.mkdir(parents=True)
            self._write(migrating, records, [], like=self.path)
            os.replace(self.path, self.backup)
            os.rename(migrating, self.path)
        except OSError as exc:
            shutil.rmtree(migrating, ignore_errors=True)
            raise write_error(self.path, exc) from exc
        except BaseException:
            shutil.rmtree(migrating, ignore_errors=True)
            raise
        msg = (f"知识库 {self.path} 是旧的单文件格式，已转换为文件夹格式（{len(records)}份报告；"
               f"原文件保留为 {self.backup.name}，确认无误后可删除）")
        log.warning(msg)
        return msg

    def _finish_pending(self, root: Path) -> None:
        """A write killed before or after its commit: delete its new files, or the ones it made obsolete."""
        path = root / PENDING
        if not path.exists():
            return
        try:
            doc = _tables(path).get("pending", {}).get("1", {})
            now = self._doc(root)
            current = {*now.get("shards", {}).values(), now.get("directory")}
            committed = any(rel in current for rel in doc.get("shards", []))  # its shards and directory
            for rel in doc.get("old" if committed else "new", []):
                discard(root / rel)
            path.unlink()
        except (OSError, StoreError, AttributeError, TypeError) as exc:
            log.warning("could not clean up after an interrupted write in %s: %s", root, exc)

    def _write(self, root: Path, records: list[Record], removed: list[Entry], like: Path | None = None) -> PutResult:
        """Write records (and drop removed entries) under root, committing with catalogue.json."""
        catalogue = root / CATALOGUE
        like = catalogue if catalogue.exists() else like
        doc = self._doc(root)
        manifest = dict(doc.get("shards", {}))
        shards: dict[str, dict[str, Entry]] = {}
        result = PutResult(added=[], replaced=[])
        new: list[str] = []
        old: list[str] = []
        files: list[tuple[str, bytes]] = []
        gen = secrets.token_hex(4)

        def shard(nn: str) -> dict[str, Entry]:
            if nn not in shards:
                shards[nn] = self._shard(manifest[nn], root) if nn in manifest else {}
            return shards[nn]

        if isinstance(doc.get("directory"), str):
            directory = Directory.decode(_tables(root / doc["directory"])) or Directory({})
            old.append(doc["directory"])
            if directory.across is None:  # written before the directory said which reports warn across years
                directory.learn_across(e for rel in manifest.values() for e in self._shard(rel, root).values())
        else:  # a base from before directories: made once from every shard
            directory = Directory.of(e for rel in manifest.values() for e in self._shard(rel, root).values())
        def entry_of(agency: str, year: int) -> Entry | None:
            return next((e for e in shard(shard_of(agency)).values() if e["agency"] == agency and e["year"] == year),
                        None)

        records = relink(records, removed, entry_of, self.read_report)  # cross-year warnings, in this write
        for e in removed:
            gone = shard(shard_of(e["agency"])).pop(e["id"], None)
            if gone is not None:
                old.append(gone["file"])
                directory.drop(gone)
        for rec in records:
            rid, nn = rec.entry["id"], shard_of(rec.entry["agency"])
            rel = report_file(rid, gen, len(new))
            before = shard(nn).get(rid)
            if before is not None and not rec.entry.get("url") and before.get("url"):
                rec = opened(rec)  # a bulk worker's encoded file is encoded again, with the address
                rec.entry["url"] = before["url"]  # a copy without an address keeps the stored report's
            data = rec.payload()
            across = [w["message"] for w in rec.entry.get("warnings") or [] if str(w.get("rule")).startswith("years.")]
            if across:
                result.across[rid] = across
            if rec.relinked:  # a neighbour rewritten for its cross-year warnings: not the user's add or replace
                result.rechecked.append(rid)
            elif before is None:
                result.added.append(rid)
                result.outcome.append("added")
            else:
                result.replaced.append(rid)
                result.outcome.append("replaced")
                if before["file"] in new:  # the same report twice in one write: the last one wins
                    files = [(f, d) for f, d in files if f != before["file"]]
                    new.remove(before["file"])
                else:
                    old.append(before["file"])
            shard(nn)[rid] = {**rec.entry, "file": rel, "bytes": len(data)}
            if before is not None:
                directory.drop(before)
            directory.add(shard(nn)[rid])
            files.append((rel, data))
            new.append(rel)
        for nn, entries in shards.items():
            rel = f"shards/{nn}.{gen}.json"
            if nn in manifest:
                old.append(manifest[nn])
            files.append((rel, _dumps({"reports": {str(i): e for i, e in enumerate(entries.values(), 1)}})))
            new.append(rel)
            manifest[nn] = rel
        directory_rel = f"directory.{gen}.json"
        files.append((directory_rel, _dumps(directory.encode())))
        new.append(directory_rel)
        tmp = root / "tmp"
        pending = _dumps({"pending": {"1": {"new": new, "old": old,
                                            "shards": [f"shards/{nn}.{gen}.json" for nn in shards] + [directory_rel]}}})
        try:
            write_atomic(root / PENDING, pending, temp_dir=tmp, like=like)
            write_many([(root / rel, data) for rel, data in files], temp_dir=tmp, like=like)
            write_atomic(catalogue, _dumps({"kb": {"1": {"format": FORMAT, "shards": dict(sorted(manifest.items())),
                                                         "directory": directory_rel}}}), temp_dir=tmp, like=like)
        except BaseException:
            for rel in new:
                discard(root / rel)
            discard(root / PENDING)
            raise
        for rel in old:  # committed: the superseded files go (a reader holding them re-reads the catalogue)
            discard(root / rel)
        discard(root / PENDING)
        return result

