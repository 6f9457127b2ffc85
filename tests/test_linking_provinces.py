"""A body of a place with nothing loaded is said with what is loaded in that place's province, found in the
division table (the cpca table: 东兴区 is in 四川, 东兴市 in 广西; 七台河市 in 黑龙江; 七星关区 in 贵州,
七星区 in 广西; 金平苗族瑶族傣族自治县 in 云南, 金平区 in 广东).  Expectations written by hand from the table."""

from __future__ import annotations

import pytest

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex, known_place, province_of
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
# one body per province, so the province named is the body listed
BODIES = ["成都市人民政府", "哈尔滨市教育局", "贵阳市人民政府", "昆明市人民政府", "南宁市人民政府", "拉萨市人民政府",
          "广州市人民政府", "乌鲁木齐市人民政府"]
INDEX = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="") for a in BODIES])


@pytest.mark.parametrize(
    ("q", "unknown", "nearby"),
    [
        # a full county name the table has: its own province, even when its stem (东兴) is two places'
        ("东兴区教育局收到多少申请", "东兴区教育局", ["成都市人民政府"]),
        ("东兴市教育局收到多少申请", "东兴市教育局", ["南宁市人民政府"]),
        # a city named by a stem of three characters (七台河 for 七台河市)
        ("七台河教育局收到多少申请", "七台河教育局", ["哈尔滨市教育局"]),
        # 七星关区 and 七星区 share their first two characters, not their province
        ("七星关区教育局收到多少申请", "七星关区教育局", ["贵阳市人民政府"]),
        ("七星区教育局收到多少申请", "七星区教育局", ["南宁市人民政府"]),
        ("丁青县教育局收到多少申请", "丁青县教育局", ["拉萨市人民政府"]),
    ],
)
def test_a_body_of_a_place_not_loaded_lists_what_its_province_has(q: str, unknown: str, nearby: list[str]) -> None:
    s = extract(normalise(q, LEX), INDEX)
    assert (s.agencies, s.resolution.unknown, s.resolution.nearby) == ([], unknown, nearby)


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("东兴区", ["四川省"]),
        ("东兴市教育局", ["广西壮族自治区"]),
        ("东兴教育局", []),  # 东兴 alone is two places in two provinces: none said
        ("七台河", ["黑龙江省"]),
        ("七星关区人民政府", ["贵州省"]),
        ("七星人民政府", ["广西壮族自治区"]),  # 七星 is 七星区's stem; 七星关区's is 七星关
        ("丁青", ["西藏自治区"]),
        ("乌鲁木齐县教育局", ["新疆维吾尔自治区"]),
        # long county names (11, 15 characters) are found whole: 金平 alone is also 汕头's 金平区
        ("金平苗族瑶族傣族自治县教育局", ["云南省"]),
        ("双江拉祜族佤族布朗族傣族自治县教育局", ["云南省"]),
        ("金平苗族瑶族傣族自治县", ["云南省"]),
        ("金平区", ["广东省"]),
        ("金平", []),
        ("中沙群岛的岛礁及其海域", ["海南省"]),
    ],
)
def test_the_province_of_a_place_from_the_division_table(text: str, province: list[str]) -> None:
    assert province_of(text) == province


@pytest.mark.parametrize(
    ("name", "known"),
    [("北京", True), ("七台河", True), ("七台河市", True), ("乌鲁木齐", True), ("七星关", True), ("长阳", True),
     ("金平苗族瑶族傣族自治县", True), ("七台", False), ("南金", False), ("平谭", False)],
)
def test_a_real_place_is_known_by_its_full_name_or_its_stem(name: str, known: bool) -> None:
    assert known_place(name) is known
