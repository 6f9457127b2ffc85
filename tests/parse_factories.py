"""Factories for synthetic report documents (tab-text rows or grid rows) for the parser tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from knowledge.models import Document, Line

Spec = str | Sequence[str | None]


def make_doc(
    specs: Sequence[Spec], *, grid: bool = False, title: str | None = None, form: str = "text"
) -> Document:
    """A Document: strings become paragraphs, sequences become table rows (grid rows padded)."""
    lines: list[Line] = []
    table = 0
    prev_row = False
    width = max((len(s) for s in specs if not isinstance(s, str)), default=0)
    for spec in specs:
        if isinstance(spec, str):
            lines.append(Line(cells=[spec]))
            prev_row = False
            continue
        if not prev_row:
            table += 1
        cells = list(spec)
        if grid:
            cells += [None] * (width - len(cells))
        lines.append(Line(cells=cells, kind="row", grid=grid, table=table))
        prev_row = True
    return Document(source="synthetic.txt", form=form, lines=lines, title=title)


Z7 = ["0"] * 7

ACTIVE_2021: list[Spec] = [
    "二、主动公开政府信息情况",
    ["第二十条 第（一）项", "", "", ""],
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数 (历史累计)"],
    ["规章", "0", "/", "—"],
    ["规范性文件", "3", "", "10"],
    ["第二十条第（五）项", "", "", ""],
    ["信息内容", "本年处理决定数量"],
    ["行政许可", "1,234"],
    ["第二十条第(六)项"],
    ["信息内容", "本年处理决定数量"],
    ["行政处罚", "-"],
    ["行政强制", "不适用"],
    ["第二十条第（八）项"],
    ["信息内容", "本年收费金额（单位：万元）"],
    ["行政事业性收费", "3940元"],
]

APPLY_HEADER: list[Spec] = [
    "三、收到和处理政府信息公开申请情况",
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况"],
    ["", "", "", "自 然 人", "法人或其他组织", "", "", "", "", "总计"],
    ["", "", "", "", "商业 企业", "科研机构", "社会公益组织", "法律服务 机构", "其他"],
]


def apply_2021(new: list[str], total: list[str], disclosed: list[str], carried_in: list[str]) -> list[Spec]:
    """Table 三 in the 2021 layout with wrapped, spaced and typo'd labels."""
    return [
        *APPLY_HEADER,
        ["一、本年新收政府信息公开申请数量", *new],
        ["二、上年结转政府信息公开申请数量", *carried_in],
        ["三 、 本 年 度 办 理 结 果", "（一）予以公开", *disclosed],
        ["（二）部分公开（区分处理的，只计这一情 形，不计其他情形）", "1", "0", "0", "0", "0", "0", "1"],
        ["（三）不予公开", "1.属于国家秘密", *Z7],
        ["2.其他法律行政止公开", *Z7],
        ["3.危及“三安全一稳定”", *Z7],
        ["4.保护第三方合法权益", *Z7],
        ["5.属于三类内部事务信息", *Z7],
        ["6.属于四类过程性信息", *Z7],
        ["7.属于行政执法案卷", *Z7],
        ["8.属于行政查询事项", *Z7],
        ["（四）无", "1.本机关不掌握相关政府信息", "1", "0", "0", "0", "0", "0", "1"],
        ["法提供", "2.没有现成信息需要另行制作", *Z7],
        ["3.补正后申请内容仍不明确", *Z7],
        ["（五）不予处理", "1.信访举报投诉类申请", *Z7],
        ["2.重复申请", *Z7],
        ["3.要求提供公开出版物", *Z7],
        ["4.无正当理由大量反复 申请", *Z7],
        ["5.要求行政机关确认或重新出具已获取信息", *Z7],
        ["（六）其他处理", "1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请", *Z7],
        ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", *Z7],
        ["3、其他", *Z7],
        ["（七）总计", *total],
        ["四、结转下年度继续办理", *Z7],
    ]


REVIEW: list[Spec] = [
    "四、政府信息公开行政复议、行政诉讼情况",
    ["行政复议", "", "", "", "", "行政诉讼"],
    ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉"],
    ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果",
     "尚未审结", "总计"],
    ["1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "", "", "", "", ""],
]  # fmt: skip


def report_2019_specs(prose: str, *rows: list[str]) -> list[Spec]:
    """A 2019-version report: one prose line in 一, table 二's （一） block with the rows given, empty 三 and 四."""
    return [
        "测试市人民政府2019年政府信息公开工作年度报告",
        "一、总体情况",
        prose,
        "二、主动公开政府信息情况",
        ["第二十条第（一）项", "", "", ""],
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        *rows,
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]


def report_2021(**parts: Any) -> Document:
    """A small, consistent 2021-version report in tab text; override pieces to break it."""
    return make_doc(report_2021_specs(**parts))


def report_2021_specs(
    *,
    title: str = "测试县人民政府2022年政府信息公开工作年度报告",
    new: list[str] | None = None,
    total: list[str] | None = None,
    disclosed: list[str] | None = None,
    carried_in: list[str] | None = None,
    prose: str = "2022年，全县主动公开政府信息1200条，收到政府信息公开申请6件。",
    review: list[Spec] | None = None,
    head: Sequence[str] | None = None,
    apply: list[Spec] | None = None,
) -> list[Spec]:
    """The specs of `report_2021`; `head` replaces the title line (a cover, a wrapped title …)."""
    return [
        *(head if head is not None else [title]),
        "本报告由本机关编制。",
        "一、总体情况",
        prose,
        *ACTIVE_2021,
        *(
            apply
            or apply_2021(
                new or ["5", "0", "0", "0", "0", "1", "6"],
                total or ["5", "0", "0", "0", "0", "1", "6"],
                disclosed or ["3", "0", "0", "0", "0", "1", "4"],
                carried_in or [""] * 7,
            )
        ),
        *(review if review is not None else REVIEW),
        "五、存在的主要问题及改进情况",
        "一是公开深度不够。",
        "六、其他需要报告的事项",
        "本年度收取信息处理费3940元。",
    ]


def review_group_tables(groups: Sequence[tuple[str, Sequence[str]]]) -> list[Spec]:
    """Table 四 printed as small tables of five, each under its group's name (PDF→markdown)."""
    specs: list[Spec] = ["四、政府信息公开行政复议、行政诉讼情况"]
    for name, values in groups:
        specs += [name, ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], list(values)]
    return specs


def apply_loose(total: Sequence[str] = ("7", "0", "0", "0", "0", "1", "8")) -> list[Spec]:
    """Table 三 after a PDF→markdown conversion: some labels pulled out of their rows onto text
    lines (wrapped, garbled), their values left in rows of their own; other labels cut into pieces
    over cells.  部分公开 1, 要求行政机关确认 1 and 逾期不补正 2 are the rows placed by layout."""
    return [
        "三、收到和处理政府信息公开申请情况",
        "申请人情况",
        "（本列数据的勾稽关系为：第一项加第二项之和，",
        ["等于第三项加第四项之和）", "自然人", "商业", "科研", "总计"],
        ["一、本年新收政府信息公开申请数量", "7", "0", "0", "0", "0", "1", "8"],
        ["二、上年结转政府信息公开申请数量", *Z7],
        ["（一）予以公开", "3", "0", "0", "0", "0", "1", "4"],
        "（二）部分公开（区分处理的，只计这一情",
        "形，不计其他情形）",
        ["1", "0", "0", "0", "0", "0", "1"],
        ["1.属于国家秘密", *Z7],
        ["2.其他法律行政法规禁止公开", *Z7],
        ["3.危及“三安全一稳定”", *Z7],
        ["（三）不", "4.保护第三方合法权益", *Z7],
        ["予公开", "5.属于三类内部事务信息", *Z7],
        ["6.属于四类过程性信息", *Z7],
        ["7.属于行政执法案卷", *Z7],
        ["8.属于行政查询事项", *Z7],
        ["1.本机关不掌握相关政府信息", *Z7],
        "（四）无",
        ["2.没有现成信息需要另行制作", *Z7],
        "三、本法提供",
        "年度办",
        "理结果",
        "5.要求行政机关确认或重新出具",
        "已获取信息",
        "1.申请人无正当理由逾期不补正、",
        "开申请",
        ["3.补正后申请内容仍不明确", *Z7],
        ["1.信访举报投诉类申请", *Z7],
        ["2.重复申请", *Z7],
        ["（五）不", "3.要求提供公开出版物", *Z7],
        ["予处理", "4.无正当理由大量反复申请", *Z7],
        ["1", "0", "0", "0", "0", "0", "1"],
        ["行政机关不再处理其政府信息公", "2", "0", "0", "0", "0", "0", "2"],
        "（六）其",
        "2.申请人逾期未按收费通知要求",
        "他处理",
        "府信息公开申请",
        ["缴纳费用、", "行政机关不再处理其政", *Z7],
        ["3.其他", *Z7],
        ["（七）总计", *total],
        ["四、结转下年度继续办理", *Z7],
    ]


def shanghai_style(title: Sequence[str] = ("2024 年测试市科委政府信息公开工作", "年度报告")) -> Document:
    """A 上海市-style report: the body's own sections 一–六 (总体情况, 工作机制保障, 主动公开工作情况 …),
    then the national tables under other numerals, 五 printed only as sub-heads, 六 numbered 五."""
    specs: list[Spec] = [
        *title,
        "根据《中华人民共和国政府信息公开条例》的要求，编制本报告。本年度报告中所列数据的统计周期",
        "为 2024 年 1 月 1 日至 12 月 31 日。",
        "一、总体情况",
        "市科委扎实推进本部门政务公开工作。",
        "二、工作机制保障",
        "市科委设立政务公开工作协调小组。",
        "三、主动公开工作情况",
        "市科委通过部门网站当年发布政府信息 393 件。",
        "四、政府信息公开申请情况",
        "全年收到政府信息公开申请 6 件，所有办结的申请中同意公开答复 4 件，转下一年度办理答复的有 0 件。",
        "五、政府信息管理",
        "及时发布本部门最新版本的政府信息公开指南。",
        "一、主动公开政府信息情况",
        *ACTIVE_2021[1:],
        "二、收到和处理政府信息公开申请情况",
        *apply_2021(["5", "0", "0", "0", "0", "1", "6"], ["5", "0", "0", "0", "0", "1", "6"],
                    ["3", "0", "0", "0", "0", "1", "4"], [""] * 7)[1:],
        "三、政府信息公开行政复议、行政诉讼情况",
        *REVIEW[1:],
        "（一）主要问题",
        "政务公开栏目结构无法满足机构改革后的需要。",
        "（二）改进情况",
        "重新设计部门网站政务公开栏目。",
        "五、其他需要报告的事项",
        "2024 年，市科委未发生政府信息公开收费事项。",
    ]  # fmt: skip
    return make_doc(specs, form="text")
