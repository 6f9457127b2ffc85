"""A pytest plugin for mutmut runs of bot/understand (issue 25): fresh test modules and cold caches per mutant.

mutmut forks each mutant from a process that already ran the tests: module-level indexes built by the
test modules and the caches of bot/understand hold the original code's results.  Here the test modules
are imported again per session, the caches are emptied, and in the stats run the functions called while
collecting are credited to every test.  `MUTMUT_FRESH` says which caches:
- `names` (the default; runs of names.py, linking.py, regions.py): names.py's lru caches and the division
  table's stems, emptied before every test; for a mutant of regions.py the division table itself, at its
  session's start.  A mutant of linking_rules.py (query-time rules only; its one
  cached function is decorated, hence never mutated) keeps the fork server's modules and caches: the same
  with the mutant on, and a third of the time per mutant.
- `lexicon` (runs of lexicon.py): `lexicon.default`'s cache and the caches of names.py and linking_rules.py
  (built from its words) at each session start, the lexicon's before every test of the stats run.
  jieba's dictionary (built from its words, 6 s) is kept from the fork server (`MUTMUT_WARM=parse,jieba`):
  re-check survivors in a fresh process.
A run: copy to the worktree's root as `mut_fresh.py`, add it to `also_copy` and `-p mut_fresh` to
`pytest_add_cli_args` (never committed).
"""
import os
import sys

import pytest

_collected: set = set()


def _stats() -> bool:
    return os.environ.get("MUTANT_UNDER_TEST") == "stats"


def _lexicon() -> bool:
    return os.environ.get("MUTMUT_FRESH", "names") == "lexicon"


def _clear_names() -> None:
    from bot.understand import names, regions
    for f in (names._split_default, names._region_forms_default, names._body_forms, names.score, names._starts):
        f.cache_clear()
    d = regions.divisions()
    d._stems.clear()
    d._all_stems = None


def _clear_lexicon() -> None:
    from bot.understand import lexicon
    lexicon.default.cache_clear()
    for name in ("bot.understand.names", "bot.understand.linking_rules"):
        mod = sys.modules.get(name)
        for attr in list(vars(mod).values()) if mod else ():
            clear = getattr(attr, "cache_clear", None)
            if callable(clear) and getattr(attr, "__module__", None) == name:
                clear()


def _kept() -> bool:
    """A mutant of linking_rules.py under the names setting: the fork server's state is the mutant's too."""
    return not _lexicon() and os.environ.get("MUTANT_UNDER_TEST", "").startswith("bot.understand.linking_rules")


def pytest_sessionstart(session):
    if _kept():
        return
    here = os.path.abspath("tests")
    for name, mod in list(sys.modules.items()):
        f = getattr(mod, "__file__", None) or ""
        if f.startswith(here) and not f.endswith("conftest.py"):
            del sys.modules[name]
    if os.environ.get("MUTANT_UNDER_TEST", "").startswith("bot.understand.regions"):
        from bot.understand import regions
        regions.divisions.cache_clear()  # the table itself built by the mutant's Divisions, not the fork server's
    _clear_lexicon() if _lexicon() else _clear_names()


def pytest_collection_finish(session):
    if _stats():
        from mutmut.state import state
        _collected.clear()
        _collected.update(state()._stats)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if _lexicon():
        if _stats():
            from bot.understand import lexicon
            lexicon.default.cache_clear()
    elif not _kept():
        _clear_names()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    if _stats():
        from mutmut.state import state
        state()._stats.update(_collected)
