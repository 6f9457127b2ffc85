"""Helpers for tests that compare a knowledge base's files before and after a command."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path


def snapshot(path: Path) -> dict[str, str]:
    """Every file of the knowledge base at path (a folder, or an old single file) → its content hash."""
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return {str(p.relative_to(path.parent)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def copy_kb(src: Path, dst: Path) -> Path:
    """A working copy of a knowledge base, as `cp -r` makes it."""
    if src.is_dir():
        shutil.copytree(src, dst)
    else:
        shutil.copy(src, dst)
    return dst
