"""Agency names as reports print them: a space inside the name (开封市 教育局) is no part of it; a part in
brackets is left out when two characters or more stand outside it (江阴（市人民政府）is asked as 江阴).
Expectations written by hand from the names."""

from __future__ import annotations

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.names import Split, split
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
SPACED = "开封市 教育局"
BRACKETED = "江阴（市人民政府）"
INDEX = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="")
                     for a in (SPACED, BRACKETED, "开封市人民政府")])


def test_a_space_inside_a_name_is_no_part_of_it() -> None:
    assert split(SPACED) == Split(agency=SPACED, path=("河南省", "开封市"), named=("开封市",), body="教育局", kind="dept")
    assert extract(normalise("开封教育局收到多少申请", LEX), INDEX, None).agencies == [SPACED]


def test_a_name_of_two_characters_before_its_brackets_is_asked_without_them() -> None:
    assert split(BRACKETED).body == "江阴"
    assert extract(normalise("江阴收到多少申请", LEX), INDEX, None).agencies == [BRACKETED]


def test_a_district_name_several_cities_share_is_the_one_in_the_province_named_before_it() -> None:
    # 鼓楼区 is a district of 南京, 徐州, 福州 and 开封; after 福建省 it is 福州's
    assert split("福建省鼓楼区人民政府").path == ("福建省", "福州市", "鼓楼区")


def test_a_two_character_district_is_a_place_at_the_start_of_a_name() -> None:
    # 城区 (a district of 阳泉, 晋城, 长治) begins the name: its government; inside a name 城区 is no place
    assert split("城区人民政府") == Split(agency="城区人民政府", path=("城区",), named=("城区",), body="人民政府", kind="gov")


def test_a_的_after_a_printed_place_is_no_part_of_the_body() -> None:
    assert split("开封市的教育局") == Split(agency="开封市的教育局", path=("河南省", "开封市"), named=("开封市",),
                                       body="教育局", kind="dept")
    assert split("平潭综合实验区的财政金融局").body == "财政金融局"


def test_a_body_word_ending_like_a_level_after_a_place_stays_in_the_body() -> None:
    # 景区 ends with 区 but is no zone: 开封市's 旅游景区管理局, never the government of a place 旅游景区
    assert split("开封市旅游景区管理局") == Split(agency="开封市旅游景区管理局", path=("河南省", "开封市"),
                                           named=("开封市",), body="旅游景区管理局", kind="dept")


def test_市场_after_a_place_name_is_no_city() -> None:
    # 甘谷 is a county (甘谷县): 甘谷市场监督管理局 is not 甘谷市's 场监督管理局
    assert split("甘谷市场监督管理局") == Split(agency="甘谷市场监督管理局", path=(), named=(), body="甘谷市场监督管理局",
                                          kind="dept")


def test_a_body_or_town_after_人民政府_is_the_government_s() -> None:
    assert split("开封市人民政府侨办").body == "侨办"
    assert split("宿迁市沭阳县人民政府城关镇") == Split(
        agency="宿迁市沭阳县人民政府城关镇", path=("江苏省", "宿迁市", "沭阳县", "城关镇"),
        named=("宿迁市", "沭阳县", "城关镇"), body="", kind="gov")


def test_a_zone_named_after_its_city_lies_in_that_city() -> None:
    # 南京江北新区: 南京 is 南京市 (in 江苏省), 江北新区 a zone of it — also after the province
    for name in ("南京江北新区管理委员会", "江苏省南京江北新区管理委员会"):
        assert (split(name).path, split(name).body, split(name).kind) == (
            ("江苏省", "南京市", "江北新区"), "管理委员会", "gov")


def test_a_zone_named_after_a_city_or_county_that_shares_its_name_lies_in_the_city() -> None:
    # 长沙 is 长沙市 and 长沙县: the city; 沭阳 is only 沭阳县: the county
    assert split("长沙湘江新区管理委员会").path == ("湖南省", "长沙市", "湘江新区")
    assert split("沭阳城东新区管理委员会").path == ("江苏省", "宿迁市", "沭阳县", "城东新区")


def test_a_zone_named_after_a_city_of_three_characters() -> None:
    assert split("哈尔滨松北新区管理委员会").path == ("黑龙江省", "哈尔滨市", "松北新区")
