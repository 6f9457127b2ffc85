"""An index built from reports: a short name only a later year's report gives still names the body; a government
or management committee asked for where none is loaded is said to be missing; a place's short name never cut to
one character (内蒙古, 城区).  Expectations written by hand from the agencies' names and the division table."""

from __future__ import annotations

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex, known_place
from bot.understand.linking_rules import tail_of
from bot.understand.normalise import normalise
from bot.understand.regions import divisions, level_stem
from knowledge.models import Report

LEX = lexicon.default()


def _report(agency: str, year: int, aliases: list[str] | None = None) -> Report:
    return Report(id=f"{agency}{year}", agency=agency, year=year, title=agency, template="2021", source_file="",
                  aliases=aliases or [])


LATER_ALIAS = AgencyIndex([_report("开封市教育局", 2022), _report("开封市教育局", 2023, ["开封教体局"])])
NO_GOVERNMENT = AgencyIndex([_report("开封市教育局", 2023), _report("内蒙古自治区教育厅", 2023)])


def _read(q: str, index: AgencyIndex) -> tuple[list[str], str | None, list[str]]:
    got = extract(normalise(q, LEX), index)
    return got.agencies, got.resolution.unknown, got.resolution.options


def test_a_short_name_only_a_later_report_gives_names_the_body() -> None:
    assert _read("开封教体局收到多少申请", LATER_ALIAS) == (["开封市教育局"], None, [])


def test_a_government_not_loaded_is_said_missing() -> None:
    assert _read("开封市政府2023年收到多少申请", NO_GOVERNMENT) == ([], "开封市政府", [])


def test_a_management_committee_not_loaded_is_said_missing() -> None:
    assert _read("开封管理委员会收到多少申请", NO_GOVERNMENT) == ([], "开封管理委员会", [])


def test_inner_mongolia_keeps_its_three_characters() -> None:
    assert divisions().stem("内蒙古自治区") == "内蒙古"
    assert _read("内蒙古教育厅收到多少申请", NO_GOVERNMENT) == (["内蒙古自治区教育厅"], None, [])


def test_a_two_character_place_keeps_its_level_word() -> None:
    assert (level_stem("城区"), level_stem("矿区"), level_stem("开封市")) == ("城区", "矿区", "开封")
    assert (known_place("城区"), known_place("城")) == (True, False)


def test_an_alias_table_agency_is_found_by_its_name_s_ending() -> None:
    index = AgencyIndex(aliases={"平潭": "平潭综合实验区"})
    assert tail_of("实验区", index) == "平潭综合实验区"


def test_an_agency_written_with_a_space_is_found_by_its_name_without_it() -> None:
    index = AgencyIndex([_report("开封市 教育局", 2023)])
    assert [(m.start, m.end, m.kind, m.keys) for m in index.mentions("开封市教育局收到多少申请")] == [
        (0, 6, "name", {"开封市 教育局"})]
    assert _read("开封市教育局收到多少申请", index) == (["开封市 教育局"], None, [])


def test_a_name_with_a_second_name_in_brackets_keeps_its_full_name_and_short_names() -> None:
    index = AgencyIndex([_report("国家新闻出版署（国家版权局）", 2023, ["新闻出版署"])])
    assert [(m.start, m.end, m.kind) for m in index.mentions("国家新闻出版署（国家版权局）收到多少申请")] == [
        (0, 14, "name")]
    assert _read("新闻出版署收到多少申请", index) == (["国家新闻出版署（国家版权局）"], None, [])


def test_the_office_a_government_s_name_says_it_is_is_found_by_the_office_s_short_names() -> None:
    index = AgencyIndex([_report("桐梓县人民政府(县人民政府办公室)", 2023), _report("桐梓县教育局", 2023)])
    assert [(m.start, m.end, m.kind, m.keys) for m in index.mentions("桐梓县府办2023年收到多少申请")] == [
        (0, 3, "region", {"桐梓县"}), (3, 5, "body", {"府办"})]
    assert [(m.start, m.end, m.kind, m.keys) for m in index.mentions("桐梓县办公室2023年收到多少申请")] == [
        (0, 3, "region", {"桐梓县"}), (3, 6, "body", {"办公室"})]
    assert _read("桐梓县府办2023年收到多少申请", index) == (["桐梓县人民政府(县人民政府办公室)"], None, [])
