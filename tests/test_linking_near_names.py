"""A misspelt place or name one character away from a loaded one: what “您是指…吗？” offers.

One character added, dropped or changed — at the first character or after it — is offered back; a real
place is never taken for a misspelling; of two loaded names as near, the first loaded (the longest first) is
offered.  Expectations written by hand from the loaded names.
"""

from __future__ import annotations

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.linking_rules import near
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
PT = "平潭综合实验区"
BODIES = [f"{PT}管理委员会", "郑州市管城回族区人民政府", "开封市人民政府", "开封县人民政府", f"{PT}财政金融局"]
INDEX = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="") for a in BODIES])


def offered(q: str) -> tuple[list[str], str | None, str | None]:
    s = extract(normalise(q, LEX), INDEX, None)
    return s.agencies, s.resolution.suggest, s.resolution.said


def test_a_place_with_a_character_added_after_its_first_is_offered() -> None:
    assert offered("平谭潭财政局2023年收到多少申请") == ([], "平潭财政局", "平谭潭财政局")


def test_a_place_with_its_first_character_dropped_is_offered() -> None:
    assert offered("潭综合实验区财政局收到多少申请") == ([], f"{PT}财政局", "潭综合实验区财政局")


def test_a_place_with_a_character_dropped_after_its_first_is_offered_past_a_body_name() -> None:
    # 管理委员会 (a body of 平潭, loaded before 管城回族区) is as near by length: passed over, not the end
    assert offered("管城回区财政局收到多少申请") == ([], "管城回族区财政局", "管城回区财政局")


def test_a_place_with_a_character_added_before_it_is_found() -> None:
    assert near("大平潭", INDEX) == "平潭"
    assert near("大平潭", INDEX, regions_only=True) == "平潭"


def test_a_long_place_with_a_character_dropped_is_found() -> None:
    assert near("平潭综合验区", INDEX) == PT


def test_a_misspelt_full_body_name_is_found_but_not_among_places() -> None:
    assert near(f"{PT}财政金触局", INDEX) == f"{PT}财政金融局"
    assert near(f"{PT}财政金触局", INDEX, regions_only=True) is None


def test_of_two_places_as_near_the_first_loaded_is_offered() -> None:
    # 开封区: 开封市 and 开封县 are both one character away (and 开封 is shorter); 开封市 was loaded first
    assert near("开封区", INDEX) == "开封市"
    assert near("开封乡", INDEX, regions_only=True) == "开封市"


def test_a_real_place_or_a_single_character_is_never_a_misspelling() -> None:
    assert (near("管城回族", INDEX), near("开", INDEX), near("开封", INDEX)) == (None, None, None)
