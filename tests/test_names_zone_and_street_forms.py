"""The names people use for a zone, a town and a street, each read as the one loaded body they name.

A zone stored by its level alone (市经开区, 市临空经济区: the city's) is asked by its kind (经开区) or its
core (临空, 临空区); 郑州航空港经济综合实验区 by 郑州航空港实验区 and 航空港实验区 (综合 left out); a zone
that is only its kind (工业园区) by its other kind words (园区, 工业园); 新疆维吾尔自治区 by 新疆.  A 示范区
is no 经开区 (开封经开区 is not loaded), and the tail of a town's name (桥镇 of 市桥镇) names nothing.
A 街道 whose name holds 和 (安和) is not taken for a place: its 办事处 is a body of 鼓楼区, asked by 安和街道
and 安和街道办.  A body printed 人民政府办 is asked by that name and by 政府办.
Expectations written by hand from the loaded names.
"""

from __future__ import annotations

import pytest

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()


def _index(agencies: list[str]) -> AgencyIndex:
    return AgencyIndex([Report(id=f"{a}-2023", agency=a, year=2023, title=a, template="2021", source_file="")
                        for a in agencies])


ZONES = _index(["市经开区管委会", "市临空经济区管理委员会", "郑州航空港经济综合实验区管理委员会", "开封示范区管委会",
                "工业园区管委会", "新疆维吾尔自治区人民政府", "市桥镇人民政府", "开封市教育局"])
STREET = _index(["开封市鼓楼区安和街道办事处", "开封市教育局"])
OFFICE = _index(["开封市人民政府办", "开封市人民政府", "开封市教育局"])


def read(q: str, index: AgencyIndex) -> tuple[list[str], str | None, list[str], str | None]:
    s = extract(normalise(q, LEX), index, None)
    r = s.resolution
    return s.agencies, r.unknown, r.options, r.note


@pytest.mark.parametrize(("said", "agency"), [
    ("经开区", "市经开区管委会"),
    ("临空区", "市临空经济区管理委员会"),
    ("临空", "市临空经济区管理委员会"),
    ("郑州航空港实验区", "郑州航空港经济综合实验区管理委员会"),
    ("航空港实验区", "郑州航空港经济综合实验区管理委员会"),
    ("园区", "工业园区管委会"),
    ("工业园", "工业园区管委会"),
    ("新疆", "新疆维吾尔自治区人民政府"),
    ("市桥镇", "市桥镇人民政府"),
])
def test_a_zone_or_region_asked_by_a_shorter_name_is_that_one(said: str, agency: str) -> None:
    assert read(f"{said}2023年收到多少申请", ZONES) == ([agency], None, [], None)


def test_a_示范区_is_no_经开区() -> None:
    assert read("开封经开区2023年收到多少申请", ZONES) == ([], "开封经开区", [], None)


def test_the_tail_of_a_towns_name_names_nothing() -> None:
    assert read("桥镇2023年收到多少申请", ZONES) == ([], None, [], None)


@pytest.mark.parametrize("said", ["鼓楼区安和街道", "安和街道办", "鼓楼区安和街道办事处", "安和街道办事处"])
def test_a_street_whose_name_holds_和_is_asked_by_its_street_names(said: str) -> None:
    assert read(f"{said}2023年收到多少申请", STREET) == (["开封市鼓楼区安和街道办事处"], None, [], None)


@pytest.mark.parametrize("said", ["开封人民政府办", "开封政府办", "开封市政府办"])
def test_a_body_printed_人民政府办_is_asked_by_政府办(said: str) -> None:
    assert read(f"{said}2023年收到多少申请", OFFICE) == (["开封市人民政府办"], None, [], None)


def test_a_real_districts_name_is_never_a_name_of_one_stored_by_its_level_alone() -> None:
    # 市鼓楼区: “the city's 鼓楼区” of some city; 鼓楼区 and 鼓楼 are 开封's, which the table places
    index = _index(["市鼓楼区人民政府", "开封市鼓楼区人民政府", "开封市教育局"])
    for said in ("鼓楼区", "鼓楼"):
        assert read(f"{said}2023年收到多少申请", index) == (["开封市鼓楼区人民政府"], None, [], None)
    assert read("市鼓楼区2023年收到多少申请", index) == (["市鼓楼区人民政府"], None, [], None)


@pytest.mark.parametrize("said", ["浙江新区", "江新区"])
def test_a_zone_whose_first_character_is_a_level_word_of_a_place_keeps_it(said: str) -> None:
    # 镇江新区: its 镇 begins 镇江 (not “the town's 江新区”); 浙江新区 was read as 镇江新区 before
    index = _index(["镇江新区管委会", "开封市教育局"])
    assert read(f"{said}2023年收到多少申请", index) == ([], None, [], None)
    assert read("镇江新区2023年收到多少申请", index) == (["镇江新区管委会"], None, [], None)


def test_a_zone_named_after_a_county_lies_in_that_countys_province() -> None:
    # 乌鲁木齐 (four characters) is 乌鲁木齐市 and 乌鲁木齐县, both in 新疆; 朝阳 is in 北京 and in 辽宁: in neither
    index = _index(["乌鲁木齐经济技术开发区管委会", "朝阳经济技术开发区管委会", "开封市教育局"])
    assert read("新疆经开区2023年收到多少申请", index) == (
        ["乌鲁木齐经济技术开发区管委会"], None, [], "“新疆经开区”按乌鲁木齐经济技术开发区管委会理解")
    for said in ("北京", "辽宁"):
        assert read(f"{said}2023年收到多少申请", index) == ([], None, [], None)


def test_a_government_whose_brackets_name_its_office_with_its_full_place_is_asked_by_the_offices_short_name() -> None:
    # 桐梓县人民政府（桐梓县人民政府办公室）: 桐梓县政府办 was “not loaded” before; brackets of another place
    # (正安县's report naming 桐梓县's office) say nothing of 正安县
    index = _index(["桐梓县人民政府（桐梓县人民政府办公室）", "正安县人民政府（桐梓县人民政府办公室）", "开封市教育局"])
    for said in ("桐梓县政府办", "桐梓县府办"):
        assert read(f"{said}2023年收到多少申请", index) == (["桐梓县人民政府（桐梓县人民政府办公室）"], None, [], None)
    assert read("正安县政府办2023年收到多少申请", index) == ([], "正安县政府办", [], None)


def test_a_district_after_its_city_is_that_citys_not_a_namesakes() -> None:
    # 鼓楼区 is also 南京's (the same province), 通州区 also 北京's, 白云区 also 贵阳's: none of those places is loaded
    index = _index(["徐州市鼓楼区人民政府", "南通市通州区人民政府", "广州市白云区人民政府", "开封市教育局"])
    for said in ("南京", "北京", "贵阳"):
        assert read(f"{said}2023年收到多少申请", index) == ([], None, [], None)
    for said, agency in (("徐州鼓楼区", "徐州市鼓楼区人民政府"), ("南通通州区", "南通市通州区人民政府"),
                         ("广州白云区", "广州市白云区人民政府")):
        assert read(f"{said}2023年收到多少申请", index) == ([agency], None, [], None)
