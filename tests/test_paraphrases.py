"""A thousand questions in everyday words (tests/data/paraphrases.jsonl, written by
benchmarks/make_paraphrases.py from the template's items and the thesaurus classes: outcomes, reasons,
applicants, review and litigation results, table 二, operations), over the five bundled reports loaded
together.  The bar: at least 97 % right, and never a wrong figure."""

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
CASES = [json.loads(line) for line in (ROOT / "tests" / "data" / "paraphrases.jsonl").read_text(encoding="utf-8")
         .splitlines() if line.strip()]


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    db = tmp_path_factory.mktemp("pp") / "kb.json"
    files = [REPORTS / n for n in ("kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt",
                                   "hongze-2023.pdf")]
    ingest(files, Store(db), Settings())
    a = Answerer(KnowledgeBase.load(db))
    return {c["id"]: judge(c["expect"], a.answer(c["q"], Context()).to_json()) for c in CASES}


def test_the_set_is_large_and_covers_every_class() -> None:
    assert len(CASES) >= 1000
    assert {c["class"] for c in CASES} >= {"outcomes", "reasons", "applicants", "review", "active", "operations"}


def test_never_a_wrong_figure(verdicts: dict[str, str]) -> None:
    assert [i for i, v in verdicts.items() if v == "wrong"] == []


def test_at_least_97_percent_right(verdicts: dict[str, str]) -> None:
    right = sum(v == "correct" for v in verdicts.values())
    assert right / len(verdicts) >= 0.97, sorted(i for i, v in verdicts.items() if v != "correct")[:40]
