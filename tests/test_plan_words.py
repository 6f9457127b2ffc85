"""The operation vocabulary (knowledge/data/operations.json) as it loads, and the error an operator reads when a
word would name two operations; whole values written from the file by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.understand import lexicon, plan
from bot.understand.plan import Rate, apart, load, scan
from knowledge import catalogue

CORRECTION = Rate("correction_rate", "纠错率", (("{group}", "corrected"),), (("{group}", "total"),),
                  (("{group}", "pending"),), True)


def _write(tmp_path: Path, words: dict[str, list[str]], rates: dict[str, dict[str, object]] | None = None) -> Path:
    path = tmp_path / "operations.json"
    path.write_text(json.dumps({"words": words, "rates": rates or {}, "units": {"万元": 10000}}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def test_the_bundled_rates_and_units() -> None:
    ops = plan.default()
    assert ops.units == {"元": 1, "万元": 10000, "亿元": 100000000}
    assert sorted(ops.rates) == ["correction_rate", "disclosure_rate", "full_disclosure_rate", "upheld_rate",
                                 "withheld_rate"]
    assert ops.rates["correction_rate"] == CORRECTION
    assert ops.rates["disclosure_rate"] == Rate("disclosure_rate", "公开率",
                                                (("apply.disclosed", "total"), ("apply.partial", "total")),
                                                (("apply.total", "total"),), (), False)


def test_every_word_is_found_longest_first_without_overlaps() -> None:
    ops = plan.default()
    assert scan("行政复议纠错率", ops) == [(4, 7, "rate:correction_rate")]
    assert scan("2019年比2018年多多少", ops) == [(5, 6, "than"), (11, 14, "more")]
    assert scan("予以公开率", ops) == [(0, 5, "rate:full_disclosure_rate")]  # not 公开率 inside it
    assert scan("同比增长率", ops) == [(0, 5, "growth")]
    assert scan("行政复议多少件", ops) == []


def test_a_word_naming_two_operations_is_refused_when_it_loads(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="^operations: word '多多少' names both more and less$"):
        load(_write(tmp_path, {"more": ["多多少"], "less": ["少多少", "多多少"]}))
    rate = {"words": ["公开率"], "label": "公开率", "num": [["a", "total"]], "den": [["b", "total"]]}
    with pytest.raises(ValueError, match="^operations: word '公开率' names both series and rate r$"):
        load(_write(tmp_path, {"series": ["公开率"]}, {"r": rate}))
    with pytest.raises(ValueError, match="^operations: word '公开率' names both rate:r and rate s$"):
        load(_write(tmp_path, {}, {"r": rate, "s": rate}))


def test_a_word_listed_twice_for_one_operation_and_a_rate_of_its_own(tmp_path: Path) -> None:
    rate = {"words": ["办结率"], "label": "办结率", "num": [["a", "total"]], "den": [["b", "total"]],
            "minus": [["c", "pending"]], "group": True}
    ops = load(_write(tmp_path, {"more": ["多多少", "多多少"], "nonsense": ["比"]}, {"done": rate}))
    assert ops.units == {"万元": 10000}
    assert ops.rates == {"done": Rate("done", "办结率", (("a", "total"),), (("b", "total"),), (("c", "pending"),), True)}
    # only the kinds the planner knows are read: 比 is listed under a kind that does not exist
    assert scan("比办结率多多少", ops) == [(1, 4, "rate:done"), (4, 7, "more")]


@pytest.mark.parametrize(("rest", "expected"), [
    ("主动公开政府信息和行政复议分别多少", (["主动公开政府信息", "行政复议"], "多少")),  # the text's and table 四's
    ("行政复议和本年新收申请分别多少件", (["行政复议", "本年新收申请"], "多少件")),  # table 四's and 三's
    ("和 行政复议和本年新收申请各多少件", (["行政复议", "本年新收申请"], "多少件")),  # after “2021年和2023年”
    ("主动公开政府信息和政策解读各是多少", (["主动公开政府信息", "政策解读"], "多少")),  # two figures of the text
    ("行政复议和行政诉讼分别多少件", None),  # one table: its own choices
    ("予以公开和部分公开分别多少件", None),
    ("行政复议和律师费分别多少件", None),  # an item nothing names: said so as before
    ("行政复议和北京各多少件", None),  # a place: a body not loaded
    ("行政复议和本年新收申请一共多少件", None),  # added up, not each
    ("申请行政复议多少件", None),  # nothing named apart
])  # fmt: skip
def test_items_named_apart_across_tables_or_the_text(rest: str, expected: tuple[list[str], str] | None) -> None:
    assert apart(rest, lexicon.default(), catalogue.default()) == expected
