"""The bot's shared state: loaded once (the log says from where and how many reports), counted each time
it is (re)loaded, and a handler reaching it before post_init is told so in words."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from tg_factories import build_db

from bot.settings import Settings
from bot.tg import state
from bot.tg.flood import SlidingWindow


@pytest.fixture(scope="module")
def kaifeng_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("kaifeng-state"), "kaifeng-2019.txt")


def _state(db: Path) -> state.State:
    return state.State(settings=Settings(), db_path=db, flood=SlidingWindow(20))


def test_before_loading_the_state_says_post_init_has_not_run(kaifeng_db):
    st = _state(kaifeng_db)
    with pytest.raises(RuntimeError) as raised:
        st.ready()
    assert str(raised.value) == "the knowledge base is not loaded yet (post_init has not run)"
    assert st.loaded == 0


def test_loading_logs_the_base_and_its_reports_and_counts_the_loads(kaifeng_db, caplog):
    st = _state(kaifeng_db)
    with caplog.at_level(logging.INFO, logger="bot.tg.state"):
        st.load()
    assert [(r.name, r.levelname, r.getMessage()) for r in caplog.records if r.name == "bot.tg.state"] == [
        ("bot.tg.state", "INFO", f"knowledge base {kaifeng_db}: 1 reports")]
    assert st.loaded == 1
    kb, answerer = st.ready()
    assert (kb, answerer) == (st.kb, st.answerer)
    assert [(r.agency, r.year) for r in kb.reports] == [("开封市人民政府", 2019)]
    assert answerer.answer("开封2019年行政复议多少件").value == 19
    st.load()
    assert st.loaded == 2
    assert state.get({"state": st}) is st
