"""A pytest plugin for mutmut runs of bot/understand (issue 25): fresh test modules and cold caches per mutant.

mutmut forks each mutant from a process that already ran the tests: module-level indexes built by the
test modules and the lru caches of bot.understand.names hold the original code's results.  Here the test
modules are imported again per session, the caches are emptied before every test, and in the stats run
the functions called while collecting are credited to every test.
"""
import os
import sys

import pytest

_collected: set = set()


def _clear() -> None:
    from bot.understand import names, regions
    for f in (names._split_default, names._region_forms_default, names._body_forms, names.score, names._starts):
        f.cache_clear()
    d = regions.divisions()
    d._stems.clear()
    d._all_stems = None


def pytest_sessionstart(session):
    here = os.path.abspath("tests")
    for name, mod in list(sys.modules.items()):
        f = getattr(mod, "__file__", None) or ""
        if f.startswith(here) and not f.endswith("conftest.py"):
            del sys.modules[name]
    _clear()


def pytest_collection_finish(session):
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        from mutmut.state import state
        _collected.clear()
        _collected.update(state()._stats)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    _clear()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        from mutmut.state import state
        state()._stats.update(_collected)
