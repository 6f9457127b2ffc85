"""Helpers for tests of the knowledge base: report variants, an old single-file base, file snapshots."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from bot.settings import Settings
from knowledge.ingest import parse_file
from knowledge.kb import KnowledgeBase
from knowledge.store.packing import FACT_FIELDS, StringTable, pack

if TYPE_CHECKING:
    import pytest

    from bot.reply.answer import Answerer

KAIFENG = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "reports" / "kaifeng-2019.txt"


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


def variants(folder: Path, cities: list[str], year: int = 2019) -> list[Path]:
    """Copies of the 开封 2019 report under other cities' names (and another year when asked)."""
    text = KAIFENG.read_text(encoding="utf-8").replace("开封", "{c}")
    if year != 2019:
        text = text.replace("2019", str(year))
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for c in cities:
        p = folder / f"{c}-{year}.txt"
        p.write_text(text.replace("{c}", c), encoding="utf-8")
        out.append(p)
    return out


def review(kb: KnowledgeBase, agency: str, year: int = 2019) -> float | None:
    """行政复议 total of one report (开封 2019 printed 19), through the question side's API."""
    fact = kb.cell(kb.report_of[(agency, year)], "review", "total")
    return None if fact is None else fact.value


def old_single_file(path: Path, files: list[Path]) -> None:
    """A knowledge base in the format of earlier versions: one TinyDB file with every report."""
    reports, facts = {}, {}
    for i, f in enumerate(files, 1):
        p = parse_file(f, Settings())
        table = StringTable()
        cells = [pack(x, table) for x in p.facts]
        reports[str(i)] = p.report.to_dict()
        facts[str(i)] = {"report": p.report.id, "fields": list(FACT_FIELDS), "strings": table.strings, "cells": cells}
    path.write_text(json.dumps({"reports": reports, "facts": facts}, ensure_ascii=False), encoding="utf-8")


def bundled_answerer(factory: pytest.TempPathFactory, *names: str) -> Answerer:
    """An answerer over a fresh knowledge base of the named bundled reports (each must load)."""
    from bot.reply.answer import Answerer
    from knowledge.ingest import ingest
    from knowledge.paths import DATA
    from knowledge.store import Store

    db = factory.mktemp("kb") / "kb.json"
    assert not ingest([DATA / "reports" / n for n in names], Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def pages_answerer(factory: pytest.TempPathFactory, pages: dict[str, str]) -> Answerer:
    """An answerer over a fresh knowledge base of made-up pages (file name → text; each must load)."""
    from bot.reply.answer import Answerer
    from knowledge.ingest import ingest
    from knowledge.store import Store

    folder = factory.mktemp("pages")
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert not ingest(sorted(folder.glob("*.txt")), Store(folder / "kb"), Settings()).failures
    return Answerer(KnowledgeBase.load(folder / "kb"))
