"""Any input gets a reply: no exception, bounded time, never a figure for gibberish."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

REPORTS = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "reports"
_answerer: Answerer | None = None


def answerer(tmp: Path) -> Answerer:
    global _answerer
    if _answerer is None:
        db = tmp / "kb.json"
        ingest([REPORTS / "kaifeng-2019.txt", REPORTS / "pingtan-2021.txt"], Store(db), Settings())
        _answerer = Answerer(KnowledgeBase.load(db))
    return _answerer


DOMAIN = st.sampled_from(["行政复议", "诉讼", "2019年", "平潭", "开封", "多少", "件", "自然人", "不予公开", "呢", "？",
                          "那", "二〇二一年", "纠错率", "比", "近三年", "去年", "\n", "%", "/", "—", "0"])
TEXT = st.one_of(st.text(max_size=4096), st.lists(DOMAIN, max_size=40).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=TEXT)
def test_any_string_gets_a_reply(q: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    a = answerer(tmp_path_factory.getbasetemp()).answer(q, Context())
    assert a.status in {"answered", "clarify", "unknown"}
    assert a.text
    assert a.status != "clarify" or a.options  # a question back always offers its options
    assert a.value is None or (a.status == "answered" and a.section)  # a figure only in an answer, with its section


@given(q=st.text(alphabet=st.characters(codec="ascii"), max_size=200))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_latin_gibberish_never_gets_a_figure(q: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    a = answerer(tmp_path_factory.getbasetemp()).answer(q, Context())
    assert a.value is None
