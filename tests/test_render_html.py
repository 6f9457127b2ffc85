"""The Telegram HTML of replies, full and brief (groups, inline), against literal strings written by hand.

The answers are built here as the composer would make them for 开封's 2019 report (行政复议 19 件:
维持 10, 纠正 2, 其他 2, 未审结 5); what Telegram must receive is spelled out in full.
"""

from __future__ import annotations

from bot.present import render
from knowledge.models import Answer, Source

TITLE = "开封市人民政府2019年政府信息公开工作年度报告"
URL = "https://www.kaifeng.gov.cn/2019.html?a=1&b=2"
SOURCE = f"来源：《{TITLE}》四、政府信息公开行政复议、行政诉讼情况，行政复议 · 总计"
SRC = {"agency": "开封市人民政府", "year": 2019, "title": TITLE, "url": URL}


def review(**kw: object) -> Answer:
    base: dict = {"status": "answered", "value": 19, "unit": "件", "agency": "开封市人民政府", "year": 2019,
                  "text": "开封市人民政府2019年行政复议19件（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）。\n"
                          + SOURCE,
                  "breakdown": [("结果维持", 10), ("结果纠正", 2), ("其他结果", 2), ("尚未审结", 5)],
                  "sources": [SRC], "url": URL}
    base.update(kw)
    return Answer(**base)


def test_full_reply_bolds_the_figure_and_links_the_short_source() -> None:
    assert render.html(review()) == (
        "开封市人民政府2019年行政复议<b>19件</b>（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）。\n"
        '来源：<a href="https://www.kaifeng.gov.cn/2019.html?a=1&amp;b=2">开封2019年年报</a> · 四 · 行政复议 · 总计')


def test_brief_reply_keeps_figure_and_source_and_drops_the_breakdown() -> None:
    assert render.html(review(), brief=True) == (
        "开封市人民政府2019年行政复议<b>19件</b>。\n"
        '来源：<a href="https://www.kaifeng.gov.cn/2019.html?a=1&amp;b=2">开封2019年年报</a> · 四 · 行政复议 · 总计')


def test_brief_reply_drops_the_derivation_and_the_notes_lines() -> None:
    a = review(breakdown=[], text="按已载入的最新年度2019年理解。\n开封市人民政府2019年行政复议19件。"
                                  "报告未单列此数，由分项相加：10 + 2 + 2 + 5 = 19。\n" + SOURCE)
    assert render.html(a, brief=True).split("\n")[0] == "开封市人民政府2019年行政复议<b>19件</b>"
    full = render.html(a)
    assert "按已载入的最新年度2019年理解。" in full and "10 + 2 + 2 + 5 = 19" in full


def test_brief_prose_reply_is_its_first_line_only() -> None:
    a = review(value=839, unit="条", breakdown=[], field="prose",
               source=Source(section="一、总体情况", sentence="利用网站设置的领导信箱反映各类事项办结839条"),
               text="开封市人民政府2019年：领导信箱反映各类事项办结839条。\n原文：“利用网站设置的领导信箱反映各类事项办结839条。”\n"
                    f"来源：《{TITLE}》一、总体情况")
    lines = render.html(a, brief=True).split("\n")
    assert lines[0] == "开封市人民政府2019年：领导信箱反映各类事项办结<b>839条</b>。"
    assert len(lines) == 2 and lines[1].startswith("来源：") and "原文" not in lines[0]


def test_brief_section_reply_is_cut_at_600_characters_with_an_ellipsis() -> None:
    body = "存在问题：" + "政府信息公开意识有待进一步增强。" * 60
    a = Answer(status="answered", field="section.五.problems", sources=[SRC],
               text=f"开封市人民政府2019年存在的主要问题：\n{body}\n来源：《{TITLE}》五、存在的主要问题及改进情况")
    brief = render.html(a, brief=True)
    text, source = brief.rsplit("\n", 1)
    assert text.startswith("开封市人民政府2019年存在的主要问题：\n存在问题：政府信息公开意识")
    assert len(text) == 600 and text.endswith("……")
    assert source == f'来源：<a href="{URL.replace("&", "&amp;")}">开封2019年年报</a> · 五'
    short = Answer(status="answered", field="section.五.problems", sources=[SRC],
                   text=f"开封市人民政府2019年存在的主要问题：\n存在问题：一是意识有待增强。\n来源：《{TITLE}》五、存在的主要问题及改进情况")
    assert render.html(short, brief=True).split("\n")[:2] == ["开封市人民政府2019年存在的主要问题：", "存在问题：一是意识有待增强。"]


def test_a_figure_without_unit_is_still_bold() -> None:
    a = review(unit=None, breakdown=[], text="开封市人民政府2019年政府公报编印4期，共计19\n" + SOURCE)
    assert render.html(a).startswith("开封市人民政府2019年政府公报编印4期，共计<b>19</b>")
    b = review(breakdown=[], text="开封市人民政府2019年行政复议（上年119件）今年19件。\n" + SOURCE)
    assert render.html(b).startswith("开封市人民政府2019年行政复议（上年119件）今年<b>19件</b>。")


def test_source_without_link_or_number_or_known_report() -> None:
    # several reports, none with an address: no link; a heading without a number is shown as printed
    a = review(url=URL, sources=[{**SRC, "url": None}, {**SRC, "year": 2020, "title": "另一份"}],
               text=f"开封市人民政府2019年行政复议19件。\n来源：《{TITLE}》附表，行政复议，总计")
    assert render.html(a).split("\n")[-1] == "来源：开封2019年年报 · 附表 · 行政复议，总计"
    unknown = review(sources=[], url=None, text=f"开封市人民政府2019年行政复议19件。\n{SOURCE}")
    assert render.html(unknown).split("\n")[-1] == f"来源：《{TITLE}》 · 四 · 行政复议 · 总计"
    single = review(sources=[{**SRC, "url": None}], url=URL)
    assert f'<a href="{URL.replace("&", "&amp;")}">' in render.html(single)  # the answer's own address


def test_warnings_stay_on_their_own_lines_above_the_source_in_full_and_brief_cards() -> None:
    warning = "报告自身数字不一致：表四“行政复议”：结果维持10＋结果纠正2＋其他结果2＋尚未审结5＝19，但总计为20"
    a = review(breakdown=[("结果维持", 10), ("结果纠正", 2), ("其他结果", 2), ("尚未审结", 5)], warnings=[warning],
               text="开封市人民政府2019年行政复议20件（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）。\n"
                    f"⚠️ {warning}\n" + SOURCE)
    a.value = 20
    lines = render.html(a).split("\n")
    assert lines[0] == "开封市人民政府2019年行政复议<b>20件</b>（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）。"
    assert lines[1] == "⚠️ 报告自身数字不一致：表四“行政复议”：结果维持10＋结果纠正2＋其他结果2＋尚未审结5＝19，但总计为20"
    brief = render.html(a, brief=True).split("\n")  # a group's one-liner and an inline card keep it
    assert brief[:2] == ["开封市人民政府2019年行政复议<b>20件</b>。",
                         "⚠️ 报告自身数字不一致：表四“行政复议”：结果维持10＋结果纠正2＋其他结果2＋尚未审结5＝19，但总计为20"]


def test_a_series_has_each_years_figure_bold() -> None:
    a = Answer(status="answered", unit="件", sources=[SRC],
               series=[{"agency": "平潭综合实验区", "year": 2019, "value": 0}, {"agency": "平潭综合实验区", "year": 2021, "value": 3}],
               text="平潭综合实验区行政复议（2019、2021年）：2019年：0件；2021年：3件。")
    assert render.html(a) == "平潭综合实验区行政复议（2019、2021年）：2019年：<b>0件</b>；2021年：<b>3件</b>。"


def test_warnings_not_in_the_text_are_not_added() -> None:
    a = review(breakdown=[], warnings=["表三某列对不上"], text="开封市人民政府2019年行政复议19件。\n" + SOURCE)
    assert "⚠️" not in render.html(a)


def test_brief_drops_quoted_and_missing_year_lines_but_keeps_the_answer() -> None:
    a = review(breakdown=[], text="没有2018年的年报。\n“原文引语”\n开封市人民政府2019年行政复议19件。\n" + SOURCE)
    assert render.html(a, brief=True).split("\n")[0] == "开封市人民政府2019年行政复议<b>19件</b>。"
    prose = review(value=839, unit="条", breakdown=[], field="prose", source=None,
                   text="开封市人民政府2019年：办结839条。\n第二行说明。\n" + SOURCE)
    assert render.html(prose, brief=True).split("\n")[:-1] == ["开封市人民政府2019年：办结<b>839条</b>。"]
