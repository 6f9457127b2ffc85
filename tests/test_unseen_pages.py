"""Saved pages of bodies never met before that name themselves only in their text: no title line, only section 一
saved, one page of a flip-book, a self-cited title with another year, 繁体.  Each page here is written by hand;
the body and year expected are read off it by hand."""

from __future__ import annotations

import pytest

from knowledge import readers
from knowledge.errors import NotAReport
from knowledge.models import Parsed
from knowledge.template.parse import parse

CUT_AT_ONE = ["页面止于一、总体情况", "表二缺失（页面在“一”处截断）", "表三缺失（页面在“一”处截断）",
              "表四缺失（页面在“一”处截断）", "第五部分“存在的主要问题及改进情况”缺失（页面在“一”处截断）",
              "第六部分“其他需要报告的事项”缺失（页面在“一”处截断）"]  # fmt: skip

SECTION_ONE_ONLY = """一、总体情况
2023年，青石县农业农村局认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。
(一)主动公开政府信息。2023年，县农业农村局在政府门户网站共发布政务信息75条，其中政务动态40条。
(二)依申请公开政府信息。2023年，县农业农村局未收到政府信息公开申请。
(三)政府信息管理。严格执行信息发布审批制度，确保信息的准确性。
(四)平台建设。及时更新栏目内容"""


def parsed(text: str, name: str = "page.txt") -> Parsed:
    return parse(readers.read_bytes(text.encode("utf-8"), name))


def prose_values(p: Parsed) -> set[float | None]:
    return {f.value for f in p.facts if f.row == "prose"}


def test_a_page_with_only_section_one_is_an_incomplete_report_of_the_body_it_opens_with() -> None:
    p = parsed(SECTION_ONE_ONLY)
    r = p.report
    assert (r.agency, r.year) == ("青石县农业农村局", 2023)
    assert r.identified_from == "总体情况首句"
    assert r.missing == CUT_AT_ONE
    assert {75, 40} <= prose_values(p)


def test_a_section_one_heading_alone_does_not_make_a_report() -> None:
    text = "一、总体情况\n2023年，青石县农业农村局认真贯彻落实上级部署，全年召开会议12次，开展培训3期。\n"
    with pytest.raises(NotAReport, match="不是政府信息公开工作年度报告"):
        parsed(text)


def test_a_page_in_traditional_characters_with_only_section_one_loads_as_simplified() -> None:
    text = (
        "本報告中使用數據統計期限為2022年1月1日至12月31日。如對本報告有任何疑問，請與青石縣市場監督管理局辦公室聯繫"
        "（地址：青石縣建設路1號）。\n一、總體情況\n2022年，我局結合自身工作實際，推進政府信息公開工作。\n"
        "（一）主動公開情況\n2022年我局已公開信息120條。\n（二）依申請公開情況\n全年收到依申請公開申請2條。\n"
        "（三）政府信息管理\n我局加強信息發佈審核"
    )
    p = parsed(text)
    assert (p.report.agency, p.report.year) == ("青石县市场监督管理局", 2022)
    assert 120 in prose_values(p)


def test_a_flip_book_page_titled_as_a_report_loads_with_the_name_its_signature_prints() -> None:
    text = """Page 7 - 青石市东山人民政府办公室2022年政府信息公开工作年度报告
P. 7
2022年共报送信息稿件36篇。规范依申请公开办理环节，全年
办理答复政府信息公开申请5件，均按时答复。
(三)人大代表建议和政协提案办理结果公开情况
2022年，区政府办公室共收到人大代表建议3件。
(四)其他报告事项
无。
青石市东山区人民政府办公室
2023 年 1 月 16 日
"""
    p = parsed(text)
    assert (p.report.agency, p.report.year) == ("青石市东山区人民政府办公室", 2022)
    assert {36, 5, 3} <= prose_values(p)
    assert p.report.missing[:3] == ["页面只保存了报告的一部分，没有章节标题",
                                    "第一部分“总体情况”缺失（页面只保存了报告的一部分，没有章节标题）",
                                    "表二缺失（页面只保存了报告的一部分，没有章节标题）"]  # fmt: skip


def test_a_flip_book_page_about_something_else_is_still_refused() -> None:
    text = "Page 2 - 青石市2022年国民经济和社会发展统计公报\n全年地区生产总值120亿元。\n"
    with pytest.raises(NotAReport):
        parsed(text)


def test_the_body_named_after_contact_colon_and_the_year_of_the_statistics_period() -> None:
    text = (
        "本报告根据《中华人民共和国政府信息公开条例》编制。报告中所列数据的统计期限自2021年1月1日至2021年12月31日止。"
        "如对报告有任何疑问，请联系：东山区教育局办公室（地址：东山区新华路1号，电话：0000-1234567）。\n"
        "一、总体情况\n2021年我局认真贯彻落实《中华人民共和国政府信息公开条例》。\n"
        "(一)主动公开情况。2021年我局主动公开政府信息62件。\n(二)依申请公开情况。2021年，我局未收到依申请公开。\n"
        "(三)政府信息管理。规范发布流程。\n"
    )
    r = parsed(text).report
    assert (r.agency, r.year, r.identified_from) == ("东山区教育局", 2021, "正文联系方式、统计期限")


def test_the_body_whose_office_compiled_the_report() -> None:
    text = (
        "一、总体情况\n本年度报告根据《中华人民共和国政府信息公开条例》要求，由青石县人民政府办公室组织编制。"
        "所列数据统计时间为2022年1月1日起至2022年12月31日止。\n"
        "(一)主动公开方面。2022年，青石县通过政府网站公开政府信息2410条。\n(二)依申请公开方面。共收到申请3件。\n"
        "(三)政府信息管理方面。健全制度"
    )
    r = parsed(text).report
    assert (r.agency, r.year) == ("青石县人民政府", 2022)


def test_the_subject_and_the_year_of_the_first_paragraph() -> None:
    text = """一、总体情况
东山区住建局高度重视政府信息公开工作，不断加大公开力度。2019年，东山区住建局共主动公开政府信息227条，其中工作动态85条。
(二)依申请公开。未收到政府信息公开申请。
(三)政府信息管理。规范发布流程。
"""
    r = parsed(text).report
    assert (r.agency, r.year, r.identified_from) == ("东山区住建局", 2019, "总体情况首句")


def test_contact_sentence_keeps_no_preposition_and_the_period_year_beats_a_self_cited_title() -> None:
    text = (
        "根据《中华人民共和国政府信息公开条例》，我镇认真编制了《青石镇2020年政府信息公开工作年度报告》。"
        "所列数据的统计期限自2021年1月1日起至12月31日止。如对本年度报告有任何疑问，请与曲阜市青石镇人民政府联系"
        "（电话：0000-1234567）。\n一、总体情况\n2021年度，我镇认真贯彻落实上级政府信息公开相关规定。\n"
        "(一)主动公开。2021年，我镇主动公开政府信息88条。\n(二)依申请公开。未收到申请。\n(三)政府信息管理。规范。\n"
    )
    p = parsed(text)
    assert (p.report.agency, p.report.year) == ("曲阜市青石镇人民政府", 2021)
    assert "2020" not in p.report.title
    assert "报告标题写2020年，统计期限为2021年；按统计期限入库为2021年" in p.notes


def test_a_zone_named_by_its_kind_alone_is_stored_with_the_place_its_address_gives() -> None:
    text = (
        "根据《中华人民共和国政府信息公开条例》要求，现公布经开区2023年政府信息公开工作年度报告。"
        "所列数据统计时限为2023年1月1日至2023年12月31日。公众如需咨询，请与经开区办公室联系"
        "（地址：曲靖经济技术开发区春风路1号）。\n一、总体情况\n2023年，经开区坚持公开为常态。\n"
        "(一)主动公开方面。通过门户网站发布信息516条。\n(二)依申请公开方面。收到申请2件。\n(三)政府信息管理。规范。\n"
    )
    r = parsed(text).report
    assert (r.agency, r.year) == ("曲靖经开区", 2023)
    assert "经开区" in r.aliases


def test_a_zone_whose_page_names_no_place_keeps_its_printed_name() -> None:
    text = (
        "现发布《市临港经济区2023年政府信息公开工作年度报告》。统计期限为2023年1月1日至2023年12月31日。\n"
        "一、总体情况\n2023年，市临港经济区加大主动公开力度。\n(一)主动公开。发布信息15条。\n(二)依申请公开。"
        "受理政府信息公开申请5件。\n(三)政府信息管理。规范。\n"
    )
    assert parsed(text).report.agency == "市临港经济区"


def test_a_title_line_keeps_its_year_against_the_statistics_period_and_ingest_says_so() -> None:
    text = (
        "青石县人民政府2022年政府信息公开工作年度报告\n本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n"
        "一、总体情况\n2021年，青石县认真贯彻条例。\n(一)主动公开。主动公开政府信息100条。\n(二)依申请公开。"
        "收到申请3件。\n(三)政府信息管理。规范。\n"
    )
    p = parsed(text)
    assert (p.report.agency, p.report.year) == ("青石县人民政府", 2022)
    assert "报告标题写2022年，统计期限却为2021年；按标题入库为2022年" in p.notes
