"""The knowledge base on disk: a folder of TinyDB files (folder.py), read and written atomically.

folder.py — the Store (catalogue, shards, report files, commit by catalogue.json); directory.py — what
loading reads; records.py — what one write stores; packing.py — figures as compact rows; legacy.py —
old single-file bases; writer.py — the writer lock; files.py — atomic writes and one-line errors.
"""

from knowledge.store.folder import BACKUP_SUFFIX, CATALOGUE, SHARDS, Store, shard_of
from knowledge.store.packing import unpack
from knowledge.store.records import Entry, Payload, PutResult, Record

__all__ = ["BACKUP_SUFFIX", "CATALOGUE", "SHARDS", "Entry", "Payload", "PutResult", "Record", "Store", "shard_of", "unpack"]
