"""A full name asked under a province it does not lie in (江苏省开封市人民政府) is not loaded; a place and a street
of another city's district of that name (福建省鼓楼区五一街道) lists the street loaded by that name; a report
calling itself by its place alone asked for a year it lacks answers the place's other reports (with the
note, or asked back with what was said); one name two reports bear is asked back with that name.
Expectations written by hand from the loaded names.
"""

from __future__ import annotations

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()


def index_of(loaded: list[tuple[str, int]]) -> AgencyIndex:
    return AgencyIndex([Report(id=f"{a}-{y}", agency=a, year=y, title=a, template="2021", source_file="")
                        for a, y in loaded])


PLACES = index_of([("福州市鼓楼区人民政府", 2023), ("开封市鼓楼区五一街道办事处", 2023), ("江苏省人民政府", 2023),
                   ("开封市人民政府", 2023)])
TONGZI = index_of([("桐梓县", 2023), ("桐梓县人民政府", 2019), ("桐梓县教育局", 2019)])
TONGZI_BODIES = index_of([("桐梓县", 2023), ("桐梓县教育局", 2019), ("桐梓县财政局", 2019)])
SHARED = index_of([("国家新闻出版署（国家版权局）", 2023), ("国家版权局", 2023)])


def read(q: str, index: AgencyIndex) -> tuple[list[str], str | None, str | None, list[str], str | None,
                                                list[str]]:
    s = extract(normalise(q, LEX), index, None)
    r = s.resolution
    return s.agencies, r.unknown, r.said, r.options, r.note, r.nearby


def test_a_full_name_under_a_province_it_does_not_lie_in_is_not_loaded() -> None:
    assert read("江苏省开封市人民政府2023年收到多少申请", PLACES) == (
        [], "江苏省开封市人民政府", "江苏省开封市人民政府", [], None, ["江苏省人民政府"])


def test_a_street_of_another_citys_district_of_that_name_is_not_loaded() -> None:
    # 福建's 鼓楼区 is 福州's; the 五一街道 loaded is 开封's 鼓楼区's: listed, never 福州's government
    assert read("福建省鼓楼区五一街道2023年收到多少申请", PLACES) == (
        [], "福建省鼓楼区五一街道", "福建省鼓楼区五一街道", [], None, ["开封市鼓楼区五一街道办事处"])


def test_a_report_named_by_its_place_asked_for_a_year_it_lacks_answers_the_places_government_with_the_note() -> None:
    assert read("桐梓县2019年收到多少申请", TONGZI) == (
        ["桐梓县人民政府"], None, None, [], "按桐梓县人民政府的年报回答；同地还有教育局的年报", [])


def test_a_report_named_by_its_place_asked_for_a_year_two_bodies_have_asks_back_with_the_place() -> None:
    assert read("桐梓县2019年收到多少申请", TONGZI_BODIES) == (
        [], None, "桐梓县", ["桐梓县教育局", "桐梓县财政局"], None, [])


def test_a_name_two_reports_bear_is_asked_back_with_that_name() -> None:
    assert read("国家版权局2023年收到多少申请", SHARED) == (
        [], None, "国家版权局", ["国家新闻出版署（国家版权局）", "国家版权局"], None, [])


def test_a_full_name_after_a_city_it_does_not_lie_in_lists_what_that_city_has() -> None:
    # 江阴 is 无锡's, not 苏州's: 南京 (the same province) and 江阴 itself are not listed
    index = index_of([("苏州市人民政府", 2023), ("江阴市人民政府", 2023), ("南京市教育局", 2023)])
    assert read("苏州市江阴市人民政府2023年收到多少申请", index) == (
        [], "苏州市江阴市人民政府", "苏州市江阴市人民政府", [], None, ["苏州市人民政府"])


def test_government_alone_names_no_agency_and_is_never_said_not_loaded() -> None:
    index = index_of([("开封市人民政府", 2023), ("开封市教育局", 2023)])
    assert read("政府2023年收到多少申请", index) == ([], None, None, [], None, [])
