"""The words after a place that may name one of its bodies stop at the question's own words (几, 收到 …),
except at the very start: 开封有几个局 asks about 开封 (its government answers, the note naming its other
bodies); 开封哪个局/各局 names no body, so what 开封 has loaded is listed.  Expectations by hand."""

from __future__ import annotations

import pytest

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
LOADED = ["开封市人民政府", "开封市教育局", "开封市财政局"]
INDEX = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="") for a in LOADED])


def read(q: str) -> tuple[list[str], str | None, list[str], str | None]:
    s = extract(normalise(q, LEX), INDEX, None)
    return s.agencies, s.resolution.unknown, s.resolution.nearby, s.resolution.note


def test_a_question_word_after_the_place_leaves_the_place_alone() -> None:
    assert read("开封有几个局") == (["开封市人民政府"], None, [], "按开封市人民政府的年报回答；同地还有教育局、财政局的年报")


@pytest.mark.parametrize(("q", "said"), [("开封哪个局收到申请最多", "开封哪个局"), ("开封各局收到多少申请", "开封各局")])
def test_a_question_word_right_after_the_place_names_no_body_and_lists_what_it_has(q: str, said: str) -> None:
    assert read(q) == ([], said, LOADED, None)


ZONE = "开封市汴西产业园区管理委员会"
WITH_ZONE = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="")
                         for a in ("开封市人民政府", "开封市教育局", ZONE)])


def test_a_zone_asked_by_a_two_character_kind_word_after_its_place() -> None:
    s = extract(normalise("开封园区2023年收到多少申请", LEX), WITH_ZONE, None)
    assert (s.agencies, s.resolution.note) == ([ZONE], f"“开封园区”按{ZONE}理解")


def test_words_after_a_place_ending_like_no_kind_word_leave_the_place_alone() -> None:
    # 博览会 ends with 会 but is no 委员会/管委会: 开封 is asked about, its government answers
    s = extract(normalise("开封博览会收到多少申请", LEX), WITH_ZONE, None)
    assert (s.agencies, s.resolution.unknown, s.resolution.note) == (
        ["开封市人民政府"], None, "按开封市人民政府的年报回答；同地还有教育局的年报")
