"""Agency and year found wherever a real report puts them, and the reply naming where when it is not a title."""

from __future__ import annotations

import pytest

from bot.reply.compose import cite
from knowledge import readers
from knowledge.errors import NotAReport
from knowledge.models import Source
from knowledge.paths import DATA
from knowledge.template.parse import parse
from tests.parse_factories import make_doc, report_2021_specs

CHROME = [
    "国务院 省政府 省人大 省政协",
    "网站支持IPV6",
    "• 首页",
    "• 政务公开",
    "政府信息公开 领导之窗 政府机构 要闻 政府会议 最新文件 政策文件库 政府工作报告 公示公告",
    "12345便民惠企服务平台 在线访谈 网上调查",
    "历史搜索：",
    "热门搜索：",
    "长者模式 退出长者模式 无障碍浏览",
    "当前位置：",
    "• 首页",
    "• 政务公开",
    "• 政府信息公开",
    "• 政府信息公开年报",
]


def identity(head: list[str], title: str | None = None) -> tuple[str, int, str | None]:
    r = parse(make_doc(report_2021_specs(head=head), title=title)).report
    return r.agency, r.year, r.identified_from


def test_title_line_after_site_chrome() -> None:
    head = [*CHROME, "测试县人民政府 2023 年度政府信息公开工作年度报告", "来源：测试县人民政府办公室 时间：2024-03-08 15:34"]
    assert identity(head) == ("测试县人民政府", 2023, None)


def test_page_title_when_the_body_has_none() -> None:
    html = (DATA / "reports" / "pingtan-2023.html").read_text(encoding="utf-8")
    title_div = "平潭综合实验区2023年度政府信息公开工作年度报告\n                        </div>"
    assert html.count(title_div) == 1
    html = html.replace(title_div, "</div>").replace('content="平潭综合实验区2023年度政府信息公开工作年度报告"', "")
    r = parse(readers.read_bytes(html.encode(), "page.html")).report
    assert (r.agency, r.year, r.title) == ("平潭综合实验区", 2023, "平潭综合实验区2023年度政府信息公开工作年度报告")


def test_source_line_names_the_agency() -> None:
    head = [*CHROME, "2023年政府信息公开工作年度报告", "来源：测试县人民政府办公室　发布时间：2024-01-20　浏览次数：12"]
    assert identity(head) == ("测试县人民政府办公室", 2023, "来源栏")


def test_opening_sentence_names_the_report() -> None:
    head = [
        "根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国"
        "政府信息公开工作年度报告格式〉的通知》要求，特编制某某县人民政府办公室2023年政府信息公开工作年度报告。"
    ]
    assert identity(head) == ("某某县人民政府办公室", 2023, "正文首句")


@pytest.mark.parametrize("verb", ["现公开", "特发布"])
def test_opening_sentence_other_verbs(verb: str) -> None:
    head = [f"按照有关要求，{verb}测试市自然资源局2024年度政府信息公开工作年度报告如下。"]
    assert identity(head) == ("测试市自然资源局", 2024, "正文首句")


def test_statistics_period_gives_the_year_and_the_reply_says_so() -> None:
    head = ["测试县人民政府政府信息公开工作年度报告", "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"]
    assert identity(head) == ("测试县人民政府", 2023, "统计期限")
    r = parse(make_doc(report_2021_specs(head=head))).report
    line = cite(r, Source(section="四、政府信息公开行政复议、行政诉讼情况"))
    assert line == "来源：《测试县人民政府政府信息公开工作年度报告》（机关和年度据统计期限）四、政府信息公开行政复议、行政诉讼情况"


def test_a_sentence_citing_another_report_is_not_the_opening() -> None:
    head = ["本报告参照《某某县人民政府办公室2022年政府信息公开工作年度报告》的体例编制。"]
    with pytest.raises(NotAReport, match="发布机关"):
        parse(make_doc(report_2021_specs(head=head)))


def test_title_cited_in_book_marks_in_the_opening_sentence() -> None:
    head = ["根据《中华人民共和国政府信息公开条例》要求，现发布《测试经济开发区管理委员会2025年政府信息公开工作年度报告》。"]
    assert identity(head) == ("测试经济开发区管理委员会", 2025, "正文首句")


def test_a_published_title_in_book_marks_is_not_the_template_notice() -> None:
    head = ["按照《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
            "编制本报告。"]  # fmt: skip
    with pytest.raises(NotAReport, match="发布机关"):
        parse(make_doc(report_2021_specs(head=head)))


def test_info_line_inside_a_line_of_site_chrome() -> None:
    # 谷城县: `发布日期:2021-01-15 来源:谷城县发展和改革局 | 【字号:大 中 小】 |`, “现编制并公布本单位2022年度…”
    head = ["发布日期:2023-01-15 来源:测试县发展和改革局 | 【字号:大 中 小】 |",
            "根据《条例》规定，现编制并公布本单位2022年度政府信息公开工作年度报告。"]
    assert identity(head) == ("测试县发展和改革局", 2022, "来源栏、正文首句")


def test_breadcrumb_names_the_body() -> None:
    head = ["当前页面: 首页 > 政府信息公开 > 部门信息公开目录 > 各乡镇、街道办事处 > 测试镇 > 信息公开年度报告",
            "2022年度政府信息公开工作年度报告"]
    assert identity(head) == ("测试镇人民政府", 2022, "页面导航")


def test_two_readings_that_disagree_are_said_at_ingest() -> None:
    head = ["来源：另一县财政局　发布时间：2023-01-20", "测试县人民政府2022年政府信息公开工作年度报告"]
    p = parse(make_doc(report_2021_specs(head=head)))
    assert (p.report.agency, p.report.year) == ("测试县人民政府", 2022)
    assert p.notes == ["页面上机关名称有两种读法：按标题为“测试县人民政府”，来源栏为“另一县财政局”；按前者入库"]


def test_the_opening_subject_needs_a_known_county() -> None:
    # “县政府编制了…” names no county; the text's only county-like word (测试县) is no real division
    head = ["县政府编制了2022年度政府信息公开工作报告。"]
    with pytest.raises(NotAReport, match="发布机关"):
        parse(make_doc(report_2021_specs(head=head)))


def test_a_zone_named_by_its_kind_in_the_opening_and_by_name_in_the_text() -> None:
    # 熊口管理区 (hbqj.gov.cn): no title, “本年报根据《中华人民共和国政府信息公开条例》…以及管理区政府信息公开工作开展情况编制”
    head = ["本年报根据《中华人民共和国政府信息公开条例》以及管理区政府信息公开工作开展情况编制。"
            "本年报中所列数据的统计期限自2022年1月1日起至2022年12月31日止。"]
    specs = report_2021_specs(head=head, prose="2022年,测试管理区认真贯彻实施《条例》。")
    r = parse(make_doc(specs)).report
    assert (r.agency, r.year) == ("测试管理区", 2022)


def test_a_page_title_with_the_site_after_a_dash() -> None:
    # 台安县: <title>台安县人民政府办公室2020年度政府信息公开工作报告-信息公开年度报告-台安县人民政府</title>
    title = "测试县人民政府办公室2022年度政府信息公开工作报告-信息公开年度报告-测试县人民政府"
    r = parse(make_doc(report_2021_specs(head=["正文"]), title=title)).report
    assert (r.agency, r.year, r.title) == ("测试县人民政府办公室", 2022, "测试县人民政府办公室2022年度政府信息公开工作报告")


def test_a_bare_title_with_the_body_below_and_the_year_from_the_overview() -> None:
    # 武昌经开区 (wuchang.gov.cn): “政府信息公开工作年度报告 / 武昌经开区管委会(滨江商务区管委会) / 2026年1月8日”
    head = ["政府信息公开工作年度报告", "测试经开区管委会(测试商务区管委会)", "2023年1月8日"]
    r = parse(make_doc(report_2021_specs(head=head, prose="2022年,测试经济开发区管委会深入贯彻落实《条例》。"))).report
    assert (r.agency, r.year, r.identified_from) == ("测试经开区管委会(测试商务区管委会)", 2022, "总体情况首句")


def test_a_page_in_traditional_characters_with_pinyin_glosses_is_read_as_simplified() -> None:
    # the shape of a 繁體 mirror of 开平市农业农村局's 2020 page: heading first, glosses after characters
    page = ("一、總體情況 根據(jù)《中華人民共和國(guó)政府信息公開條例》的文件精神和市人民政府有關(guān)要求,"
            "特向社會(huì)公布2020年測試市農(nóng)業(yè)農(nóng)村局政府信息公開工作年度報(bào)告。本報(bào)告中所列數(shù)據(jù)的統(tǒng)計(jì)"
            "期限自2020年1月1日起至2020年12月31日止。 二、主動(dòng)公開政府信息情況 三、收到和處理政府信息公開申請(qǐng)情況 "
            "四、政府信息公開行政復(fù)議、行政訴訟情況 五、存在的主要問題及改進(jìn)情況 我局2020年政府信息公開各項(xiàng)工作"
            "進(jìn)展順利。 六、其他需要報(bào)告的事項(xiàng) 我局暫無(wú)其他事項(xiàng)需要報(bào)告。")  # fmt: skip
    p = parse(readers.read_bytes(page.encode(), "page.txt"))
    assert (p.report.agency, p.report.year, p.report.identified_from) == ("测试市农业农村局", 2020, "正文首句")
    assert [s.id for s in p.report.sections] == ["一", "二", "三", "四", "五", "六"]
    assert p.notes == ["页面为繁体字，已转换为简体字读取"]


def test_the_contact_for_questions_names_the_body_its_office_standing_for_it() -> None:
    # no title line; the opening names the body only where it says whom to ask (its 办公室 answers for it)
    head = ["本年度报告根据《中华人民共和国政府信息公开条例》要求编制。所列数据的统计时限自2022年1月1日起至2022年12月31日止。"
            "如对本报告有疑问，请与测试市交通运输局办公室联系，联系电话：0000-00000000。"]
    agency, year, found = identity(head)
    assert (agency, year) == ("测试市交通运输局", 2022)
    assert "正文联系方式" in (found or "")


def test_a_report_speaking_as_we_the_county_is_that_county_government() -> None:
    # “2022年，我县认真贯彻…” with 德清县 named further on (checked against China's divisions)
    head = ["2022年，我县认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开。",
            "本报告电子版可在德清县人民政府门户网站查阅。"]
    agency, year, found = identity(head)
    assert (agency, year) == ("德清县人民政府", 2022)
    assert "正文首句与正文地名" in (found or "")


def test_the_body_the_opening_speaks_of_under_its_leaders_names_the_report() -> None:
    # no title line: “2022年，在区委、区政府的正确领导下，某某街道办事处认真贯彻落实《条例》…”
    head = ["一、总体情况", "2022年，在区委、区政府的正确领导下，测试街道办事处认真贯彻落实《中华人民共和国政府信息公开条例》，"
            "坚持“依法、公开、客观、及时”的原则。"]
    agency, year, found = identity(head)
    assert (agency, year) == ("测试街道办事处", 2022)
    assert "正文首句与正文地名" in (found or "")
