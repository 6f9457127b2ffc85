"""政府办 (the government's office) against 办 as a verb: “开封市政府办理了多少件” asks about the government, not
its office; a place with a level character written after it (开封市区) is still that place.  What `mentions`
finds in the text and which loaded body the question is linked to; expectations written by hand from the
agencies' names."""

from __future__ import annotations

import pytest

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
BODIES = ["开封市人民政府办公室", "开封市人民政府", "开封市教育局", "开封县教育局"]
INDEX = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="") for a in BODIES])


def _mentions(text: str) -> list[tuple[int, int, str, list[str]]]:
    return [(m.start, m.end, m.kind, sorted(m.keys)) for m in INDEX.mentions(text)]


@pytest.mark.parametrize("verb", ["理", "结", "件", "法", "事"])
def test_ban_followed_by_a_verb_is_no_office(verb: str) -> None:
    assert _mentions(f"开封市政府办{verb}了多少") == [(0, 3, "region", ["开封市"])]


def test_the_office_is_found_when_no_verb_follows() -> None:
    assert _mentions("开封市政府办2023年") == [(0, 3, "region", ["开封市"]), (3, 6, "body", ["政府办"])]


def test_names_after_the_verb_are_still_found() -> None:
    assert _mentions("政府办理的申请中开封市教育局有多少") == [(8, 14, "name", ["开封市教育局"])]


def test_the_question_is_linked_to_the_government_not_its_office() -> None:
    got = extract(normalise("开封市政府办理了多少件申请", LEX), INDEX)
    assert (got.agencies, got.resolution.options) == (["开封市人民政府"], [])
    office = extract(normalise("开封市政府办2023年收到多少申请", LEX), INDEX)
    assert (office.agencies, office.resolution.options) == (["开封市人民政府办公室"], [])


def test_a_verb_before_the_body_does_not_hide_it() -> None:
    got = extract(normalise("政府办理的申请中，开封市教育局有多少", LEX), INDEX)
    assert (got.agencies, got.resolution.options, got.resolution.unknown) == (["开封市教育局"], [], None)


def test_a_level_character_after_a_full_place_name_is_not_a_new_place() -> None:
    assert _mentions("开封市区2023年收到多少申请") == [(0, 3, "region", ["开封市"])]
    got = extract(normalise("开封市区2023年收到多少申请", LEX), INDEX)
    assert (got.agencies, got.resolution.unknown) == (["开封市人民政府"], None)


def test_a_level_word_after_a_place_keeps_the_place() -> None:  # 区域 is a word, not 开封区
    assert _mentions("开封区域内收到多少申请") == [(0, 2, "region", ["开封县", "开封市"])]
    got = extract(normalise("开封区域内收到多少申请", LEX), INDEX)
    assert (got.agencies, got.resolution.unknown) == (["开封市人民政府"], None)


def test_a_place_not_loaded_is_unknown_and_the_body_after_it_still_found() -> None:
    assert _mentions("开封区教育局收到多少申请") == [(0, 3, "unknown", []), (3, 6, "body", ["教育局"])]
    got = extract(normalise("开封区2023年收到多少申请", LEX), INDEX)
    assert (got.agencies, got.resolution.unknown) == ([], "开封区")
