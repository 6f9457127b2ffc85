"""A place named alone or with 政府: its government when one is loaded for the year, the note naming the
place's other bodies (their names without the place), two governments asked back, a place with no
government answered by its bodies.  Expectations written by hand from the loaded names.
"""

from __future__ import annotations

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
LOADED = [("淮安市洪泽区人民政府", 2023), ("洪泽区人民政府", 2023), ("淮安市洪泽区教育局", 2023),
          ("开封市人民政府", 2023), ("开封市委", 2023), ("开封市法院", 2023), ("开封市教育局", 2023),
          ("开封市财政局", 2023), ("尉氏县教育局", 2023), ("郑州市教育局", 2023),
          ("江阴市行政审批服务局", 2023), ("江阴市教育和体育局", 2023)]


def index_of(loaded: list[tuple[str, int]]) -> AgencyIndex:
    return AgencyIndex([Report(id=f"{a}-{y}", agency=a, year=y, title=a, template="2021", source_file="")
                        for a, y in loaded])


INDEX = index_of(LOADED)
# 洪泽区 with one government: its note
HONGZE = index_of([("淮安市洪泽区人民政府", 2023), ("淮安市洪泽区教育局", 2023), ("淮安市洪泽区财政局", 2022)])


def read(q: str, index: AgencyIndex = INDEX) -> tuple[list[str], str | None, str | None, list[str], str | None,
                                                      list[str]]:
    s = extract(normalise(q, LEX), index, None)
    r = s.resolution
    return s.agencies, r.unknown, r.said, r.options, r.note, r.nearby


def test_the_note_names_the_other_bodies_without_the_place_but_never_a_single_character() -> None:
    # 开封市委 stays whole (委 alone says nothing); 开封市法院 → 法院; four others: the first three, then 等
    assert read("开封2023年收到多少申请") == (
        ["开封市人民政府"], None, None, [], "按开封市人民政府的年报回答；同地还有开封市委、教育局、法院等的年报", [])


def test_the_note_drops_a_place_printed_in_two_parts() -> None:
    # 淮安市洪泽区 is printed as 淮安市 + 洪泽区; the 2022 财政局 is not of the year asked
    assert read("洪泽2023年收到多少申请", HONGZE) == (
        ["淮安市洪泽区人民政府"], None, None, [], "按淮安市洪泽区人民政府的年报回答；同地还有教育局的年报", [])


def test_two_governments_of_one_place_with_the_year_are_asked_back() -> None:
    assert read("洪泽2023年收到多少申请") == ([], None, "洪泽", ["洪泽区人民政府", "淮安市洪泽区人民政府"], None, [])


def test_a_government_asked_without_the_year_loaded_is_the_first_only() -> None:
    assert read("洪泽区政府2020年收到多少申请") == (["洪泽区人民政府"], None, None, [], None, [])


def test_a_government_not_loaded_lists_what_its_place_has() -> None:
    # 尉氏县 has only its 教育局: that, not every body of 河南
    assert read("尉氏县政府2023年收到多少申请") == ([], "尉氏县政府", "尉氏县政府", [], None, ["尉氏县教育局"])


def test_a_place_with_two_bodies_of_the_year_and_no_government_is_asked_back() -> None:
    assert read("江阴2023年收到多少申请") == (
        [], None, "江阴", ["江阴市教育和体育局", "江阴市行政审批服务局"], None, [])


def test_a_place_without_the_year_asked_is_answered_by_its_one_government_or_its_one_body() -> None:
    # 2020 is loaded for none: the first of 洪泽's two governments (the year said later); 尉氏 has one body only
    assert read("洪泽2020年收到多少申请") == (["洪泽区人民政府"], None, None, [], None, [])
    assert read("尉氏2020年收到多少申请") == (["尉氏县教育局"], None, None, [], None, [])


def test_a_place_whose_bodies_lack_the_year_asked_says_the_year() -> None:
    assert read("江阴2020年收到多少申请") == (
        [], "江阴2020年", "江阴2020年", [], None, ["江阴市教育和体育局", "江阴市行政审批服务局"])
    assert read("江阴2020年和2021年收到多少申请") == (
        [], "江阴2020、2021年", "江阴2020、2021年", [], None, ["江阴市教育和体育局", "江阴市行政审批服务局"])


def test_a_place_with_nothing_of_its_own_loaded_lists_what_lies_inside_it_without_the_year() -> None:
    # 淮安市 has none of its own bodies loaded, only 洪泽区's: no year is said
    assert read("淮安2023年收到多少申请", HONGZE) == (
        [], "淮安", "淮安", [], None, ["淮安市洪泽区人民政府", "淮安市洪泽区教育局", "淮安市洪泽区财政局"])


def test_a_district_asked_after_its_province_is_not_loaded_when_only_the_province_is() -> None:
    index = index_of([("河南省人民政府", 2023), ("河南省教育厅", 2023)])
    assert read("河南龙亭区2023年收到多少申请", index) == (
        [], "河南龙亭区", "河南龙亭区", [], None, ["河南省人民政府", "河南省教育厅"])
