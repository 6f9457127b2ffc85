"""178 more ways people ask, over the five shared reports loaded together; answers written by hand
from the documents (tests/data/phrasings.jsonl, score.py's format). The bar: never a wrong figure,
and every case right except the known misses listed by id (an honest “unknown” or a question back)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from scoring import judge  # noqa: E402

REPORTS = ROOT / "knowledge" / "data" / "reports"
CASES = [json.loads(line) for line in (ROOT / "tests" / "data" / "phrasings.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("ph") / "kb.json"
    files = [REPORTS / n for n in ("kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt",
                                   "hongze-2023.pdf")]
    ingest(files, Store(db), Settings())
    return Answerer(KnowledgeBase.load(db))


# Questions answered today with an honest “unknown” or a question back, not yet with the figure.
# Pinned by id: a new miss fails, and so does one of these being answered (then take it off the list).
KNOWN_MISSES = {
    "ph-037",  # 各县区和市直部门一共主动公开了多少条信息: the prose total is not matched
    "ph-053",  # 行政执法公示公布了多少条: the prose figure (631条) is not matched
}


def test_no_wrong_figure_and_no_miss_beyond_the_known_ones(answerer: Answerer) -> None:
    verdicts = {c["id"]: judge(c["expect"], answerer.answer(c["q"], Context()).to_json()) for c in CASES}
    assert [i for i, v in verdicts.items() if v == "wrong"] == []
    missed = {i for i, v in verdicts.items() if v != "correct"}
    assert sorted(missed - KNOWN_MISSES) == [], "new misses"
    assert sorted(KNOWN_MISSES - missed) == [], "now answered: take these off KNOWN_MISSES"
