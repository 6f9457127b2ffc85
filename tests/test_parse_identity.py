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
