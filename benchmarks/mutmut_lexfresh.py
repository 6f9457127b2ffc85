"""A pytest plugin for mutmut runs of bot/understand/lexicon.py (issue 25): the lexicon built by the mutant, never the cached original.

The fork server's collect-only warm-up imports the test modules (tests/test_understanding.py: LEX =
lexicon.default()), which fills lexicon.default's cache with the original code's lexicon, and every
forked mutant would reuse it.  Here, per session: test modules are imported again, and lexicon.default's
cache and those of bot/understand/names.py and linking_rules.py (built from its words) are emptied; in the
stats run the lexicon's cache is emptied before every test and the functions called while collecting are
credited to every test, so each mutant runs every test that reads the lexicon.  jieba's dictionary (also built
from its words, 6 s) is kept from the fork server (`MUTMUT_WARM=parse,jieba`): re-check survivors fresh.
A run: copy to the worktree's root as `mut_lexfresh.py`, add it to `also_copy` and `-p mut_lexfresh` to
`pytest_add_cli_args` (never committed).
"""
import os
import sys

import pytest

_collected: set = set()


def _clear_all() -> None:
    # the lexicon and what is built from its words; jieba's dictionary (6 s to build) is kept from the fork
    # server (survivors are re-checked in a fresh process), and caches that do not read the lexicon stay
    from bot.understand import lexicon
    lexicon.default.cache_clear()
    for name in ("bot.understand.names", "bot.understand.linking_rules"):
        mod = sys.modules.get(name)
        for attr in list(vars(mod).values()) if mod else ():
            clear = getattr(attr, "cache_clear", None)
            if callable(clear) and getattr(attr, "__module__", None) == name:
                clear()


def pytest_sessionstart(session):
    here = os.path.abspath("tests")
    for name, mod in list(sys.modules.items()):
        f = getattr(mod, "__file__", None) or ""
        if f.startswith(here) and not f.endswith("conftest.py"):
            del sys.modules[name]
    _clear_all()


def pytest_collection_finish(session):
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        from mutmut.state import state
        _collected.clear()
        _collected.update(state()._stats)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        from bot.understand import lexicon
        lexicon.default.cache_clear()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        from mutmut.state import state
        state()._stats.update(_collected)
