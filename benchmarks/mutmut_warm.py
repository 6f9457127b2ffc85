"""A pytest plugin for mutmut runs of bot/ (issue 25): what every mutant would redo, done once in the fork server.

mutmut 3.8 forks each mutant from a fork server that has only collected the tests, so every mutant parses
the bundled reports its fixtures ingest and builds jieba's dictionary again (a second or two of each
mutant's run, more than most mutants' own tests).  When the collect-only warm-up session ends, this plugin
(`MUTMUT_WARM` lists what to do, comma-separated):
- `parse`: parses the bundled reports and keeps each result pickled; `knowledge.ingest.parse_file` and
  `parse_bytes` then return a fresh unpickled copy for the same file (path, size, mtime) or the same bytes.
  Only for runs that mutate bot/: the parse is knowledge/'s code, which such a run never changes.
- `jieba`: builds the segmenter (`bot.understand.segment.tokenizer`, cached).  Not for runs of
  bot/understand/lexicon.py or segment.py, whose mutants change the words it is built with.
- always: keeps a mutant's tests grouped by file.  mutmut passes them fastest first across files and pytest
  keeps that order, so the module-scoped fixtures (each ingesting reports) were set up again at every change
  of file — 33 times for one fixture in one mutant's run of three test files: a surviving mutant of
  bot/reply/links.py took 5 s, now 1 s.
A run: copy this file to the worktree's root as `mut_warm.py`, add it to `also_copy`, `-p mut_warm` to
`pytest_add_cli_args` (never committed), then `MUTMUT_WARM=parse,jieba nice -n 19 mutmut run`.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

_done = False


def _memo_parse() -> None:
    import knowledge.ingest as ingest
    from knowledge.paths import DATA

    by_file: dict[tuple, bytes] = {}
    by_bytes: dict[tuple, bytes] = {}
    parse_file, parse_bytes = ingest.parse_file, ingest.parse_bytes

    def key_of(path) -> tuple | None:
        try:
            p = Path(path).resolve()
            st = p.stat()
        except OSError:
            return None
        return str(p), st.st_size, st.st_mtime_ns

    def memo_file(path, settings):
        key = key_of(path)
        if key is not None and (key + (settings.max_file_bytes,)) in by_file:
            return pickle.loads(by_file[key + (settings.max_file_bytes,)])
        return parse_file(path, settings)

    def memo_bytes(data, name, settings):
        key = (hashlib.sha1(data).hexdigest(), name, settings.max_file_bytes)
        if key in by_bytes:
            return pickle.loads(by_bytes[key])
        return parse_bytes(data, name, settings)

    from bot.settings import Settings
    settings = Settings()
    for path in sorted((DATA / "reports").iterdir()):
        if path.suffix.lower() not in {".txt", ".html", ".htm", ".docx", ".pdf"} or "scan" in path.name:
            continue
        try:
            parsed = pickle.dumps(parse_file(path, settings))
        except Exception:  # noqa: BLE001 - a file the tests expect to fail is simply parsed each time
            continue
        by_file[key_of(path) + (settings.max_file_bytes,)] = parsed
        by_bytes[(hashlib.sha1(path.read_bytes()).hexdigest(), path.name, settings.max_file_bytes)] = parsed
    ingest.parse_file, ingest.parse_bytes = memo_file, memo_bytes


def pytest_collection_finish(session) -> None:
    global _done
    wanted = {w.strip() for w in os.environ.get("MUTMUT_WARM", "").split(",") if w.strip()}
    if _done or not session.config.option.collectonly or not wanted:
        return
    _done = True  # once, in the fork server's warm-up; its forks inherit the results
    if "parse" in wanted:
        _memo_parse()
    if "jieba" in wanted:
        from bot.understand import segment
        segment.tokenizer()


def pytest_collection_modifyitems(session, config, items) -> None:
    first: dict[str, int] = {}
    for i, item in enumerate(items):
        first.setdefault(item.nodeid.split("::")[0], i)
    items.sort(key=lambda item: first[item.nodeid.split("::")[0]])  # stable: a file's own order is kept
