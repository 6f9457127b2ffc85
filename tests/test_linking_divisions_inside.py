"""A place inside the one asked said by its stem (河南龙亭, 河南魏都, 开封祥符) is not loaded, never answered by the
outer place's government; a short name read by the rule after a word ending like a place (城乡 of 城乡建设局); a
government and an office asked by one short name listed government first.  Expectations written by hand from
the loaded names and the division table (龙亭区 410202 of 开封市, 魏都区 411002 of 许昌市, 祥符区 410212 of
开封市).
"""

from __future__ import annotations

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()


def index_of(loaded: list[str]) -> AgencyIndex:
    return AgencyIndex([Report(id=f"{a}-2023", agency=a, year=2023, title=a, template="2021", source_file="")
                        for a in loaded])


HENAN = index_of(["河南省人民政府", "河南省教育厅", "开封市人民政府"])
JIANGYIN = index_of(["江阴市住房和城乡建设局", "江阴市教育和体育局"])
OFFICES = index_of(["桐梓县人民政府（县人民政府办公室）", "凤冈县人民政府办公室"])


def read(q: str, index: AgencyIndex) -> tuple[list[str], str | None, str | None, list[str], str | None,
                                                list[str]]:
    s = extract(normalise(q, LEX), index, None)
    r = s.resolution
    return s.agencies, r.unknown, r.said, r.options, r.note, r.nearby


def test_a_district_of_a_city_said_by_its_stem_after_the_province_is_not_loaded() -> None:
    assert read("河南龙亭2023年收到多少申请", HENAN) == (
        [], "河南龙亭", "河南龙亭", [], None, ["河南省人民政府", "河南省教育厅", "开封市人民政府"])


def test_a_district_of_a_city_numbered_from_ten_on_is_inside_the_province() -> None:
    # 许昌市 is 4110: its 魏都区 lies in 河南 (41) as much as 开封's 龙亭区 (4102)
    assert read("河南魏都2023年收到多少申请", HENAN) == (
        [], "河南魏都", "河南魏都", [], None, ["河南省人民政府", "河南省教育厅", "开封市人民政府"])


def test_a_district_numbered_from_ten_on_said_by_its_stem_after_its_city_is_not_loaded() -> None:
    # 祥符区 is 410212: 开封's own, never answered by 开封市人民政府
    assert read("开封祥符2023年收到多少申请", HENAN) == ([], "开封祥符", "开封祥符", [], None, ["开封市人民政府"])


def test_a_short_name_after_a_word_ending_like_a_place_is_read_by_the_rule() -> None:
    # 城乡 ends like a 乡, yet 城乡建设局 names 住房和城乡建设局 by the rule
    assert read("江阴城乡建设局2023年收到多少申请", JIANGYIN) == (
        ["江阴市住房和城乡建设局"], None, None, [], "“江阴城乡建设局”按江阴市住房和城乡建设局理解", [])


def test_a_government_and_an_office_asked_by_one_short_name_list_the_government_first() -> None:
    # 桐梓县人民政府 is also its office (its brackets say so); 凤冈 sorts before 桐梓, yet the government comes first
    assert read("政府办2023年收到多少申请", OFFICES) == (
        [], None, "政府办", ["桐梓县人民政府（县人民政府办公室）", "凤冈县人民政府办公室"], None, [])
