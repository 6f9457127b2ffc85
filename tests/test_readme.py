"""The README's `python -m bot ask` examples print exactly what the bot prints with the bundled reports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tg_factories import build_db, loaded

from bot.present import render
from knowledge.kb import bundled_reports

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r'```\n\$ python -m bot ask (?:--chart \S+ )?"([^"]+)"\n(.*?)\n```', README, flags=re.S)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("bundled"), *(p.name for p in bundled_reports()))


def test_the_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 4
    assert EXAMPLES[0][0] == "开封2019年行政复议多少件"  # the first one is answered, not asked back


@pytest.mark.parametrize(("question", "printed"), EXAMPLES, ids=[q for q, _ in EXAMPLES])
def test_each_example_prints_what_the_readme_shows(bundled: Path, question: str, printed: str) -> None:
    _, answerer = loaded(bundled)
    assert render.text(answerer.answer(question)) == printed
