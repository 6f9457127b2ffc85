"""Whole replies, word for word, as a person reads them: figure, unit, breakdown, arithmetic, warnings, source.

Every figure below is read by hand from knowledge/data/reports/kaifeng-2019.txt (the odd copy of
report_fixtures.py, which prints “/”, “—” and a blank in three table 二 cells) and pingtan-2019.txt,
or from a copy of 开封's report with two cells changed (行政复议 总计 19 → 20, （七）总计 自然人 481 → 480).
"""

from __future__ import annotations

import pytest
from report_fixtures import ODD_TITLE, odd_report

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.paths import DATA
from knowledge.store import Store

KF = f"来源：《{ODD_TITLE}》"
KF_PLAIN = "来源：《开封市人民政府2019年政府信息公开工作年度报告》"
PT = "来源：《平潭综合实验区2019年度政府信息公开工作年度报告》"
TABLE_2, TABLE_3, TABLE_4 = "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    folder = tmp_path_factory.mktemp("texts")
    db = folder / "kb.json"
    files = [odd_report(folder), DATA / "reports" / "pingtan-2019.txt", DATA / "reports" / "pingtan-2023.txt"]
    assert not ingest(files, Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


@pytest.fixture(scope="module")
def contradicting(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    folder = tmp_path_factory.mktemp("contradicting")
    text = (DATA / "reports" / "kaifeng-2019.txt").read_text(encoding="utf-8")
    for old, new in (("10\t2\t2\t5\t19\t", "10\t2\t2\t5\t20\t"), ("(七) 总计\t\t481\t", "(七) 总计\t\t480\t")):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (folder / "kaifeng-2019.txt").write_text(text, encoding="utf-8")
    db = folder / "kb.json"
    ingest([folder / "kaifeng-2019.txt"], Store(db), Settings())
    return Answerer(KnowledgeBase.load(db))


@pytest.mark.parametrize(("question", "reply"), [
    ("开封2019年行政复议多少件",  # the results beside the total
     "开封市人民政府2019年行政复议19件（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）。\n"
     f"{KF}{TABLE_4}，行政复议 · 总计"),
    ("平潭2019年行政复议多少件",
     "平潭综合实验区2019年行政复议0件（结果维持0件、结果纠正0件、其他结果0件、尚未审结0件）。\n"
     f"{PT}{TABLE_4}，行政复议 · 总计"),
    ("开封2019年行政诉讼多少件",  # not printed: 直接起诉 28 + 复议后起诉 4
     "开封市人民政府2019年行政诉讼32件（未经复议直接起诉28件、复议后起诉4件）。报告未单列此数，由分项相加：28 + 4 = 32。\n"
     f"{KF}{TABLE_4}，行政诉讼（直接起诉与复议后起诉之和） · 总计"),
    ("开封2019年不予处理",  # 2019 template: five reasons, the group row not printed
     "开封市人民政府2019年不予处理11件（信访举报投诉类申请6件、重复申请5件、要求提供公开出版物0件、无正当理由大量反复申请0件、"
     "要求行政机关确认或重新出具已获取信息0件）。报告未单列此数，由分项相加：6 + 5 + 0 + 0 + 0 = 11。\n"
     f"{KF}{TABLE_3}，（五）不予处理（1–5项之和） · 总计"),
    ("开封2019年本年新收申请的自然人",
     f"开封市人民政府2019年自然人提出的申请482件。\n{KF}{TABLE_3}，一、本年新收政府信息公开申请数量 · 自然人"),
    ("开封2019年行政许可上一年项目数量",  # table 二 names its own unit
     f"开封市人民政府2019年行政许可上一年项目数量16918项。\n{KF}{TABLE_2}，第二十条第（五）项 · 行政许可 · 上一年项目数量"),
    ("开封2019年规范性文件对外公开总数",  # the prose's 845 (the whole city) against the table's 815
     "开封市人民政府2019年规范性文件对外公开总数量815件。\n⚠️ 报告正文与表格不一致：正文“政府规范性文件845个”为845，"
     "但表格“规范性文件／对外公开总数量”为815\n"
     f"{KF}{TABLE_2}，第二十条第（一）项 · 规范性文件 · 对外公开总数量"),
])
def test_a_figure_reply(answerer: Answerer, question: str, reply: str) -> None:
    assert answerer.answer(question, Context()).text == reply


@pytest.mark.parametrize(("question", "reply"), [
    ("开封2019年规章本年新制作数量",
     "开封市人民政府2019年规章本年新制作数量：报告中该栏填“/”（不适用），不能给出数字。\n"
     f"{KF}{TABLE_2}，第二十条第（一）项 · 规章 · 本年新制作数量"),
    ("开封2019年行政强制本年增减",
     "开封市人民政府2019年行政强制本年增/减：报告中该栏填“—”，不能给出数字。\n"
     f"{KF}{TABLE_2}，第二十条第（六）项 · 行政强制 · 本年增/减"),
    ("开封2019年行政处罚本年增/减多少",
     "开封市人民政府2019年行政处罚本年增/减：报告中该栏为空白（未填写），不能给出数字。\n"
     f"{KF}{TABLE_2}，第二十条第（六）项 · 行政处罚 · 本年增/减"),
    ("平潭2019年规范性文件对外公开总数",  # “898989” over three cells: the last is 9, 89, 989 or 8989
     "平潭综合实验区2019年规范性文件对外公开总数量：报告原文此处数字连写为“898989”，无法确定如何拆分（可能是9、89、989、8989），"
     f"不能给出数字。\n{PT}{TABLE_2}，第二十条第（一）项 · 规范性文件 · 对外公开总数量"),
    ("平潭2019年依申请公开情况",  # 平潭's 总体情况 has no sub-part about requests
     "平潭综合实验区2019年的年报“一、总体情况”中没有单列“依申请公开情况”部分。"),
])
def test_a_reply_without_a_figure_says_why(answerer: Answerer, question: str, reply: str) -> None:
    a = answerer.answer(question, Context())
    assert (a.status, a.value, a.text) == ("unknown", None, reply)


def test_a_row_with_several_columns_asks_which(answerer: Answerer) -> None:
    a = answerer.answer("开封2019年政府集中采购", Context())
    options = ["开封市人民政府2019年政府集中采购采购项目数量是多少", "开封市人民政府2019年政府集中采购采购总金额是多少"]
    assert (a.status, a.options) == ("clarify", options)
    assert a.text == f"您问的是哪一栏？\n1. {options[0]}\n2. {options[1]}"


def test_a_sub_part_of_the_overview_is_quoted_whole(answerer: Answerer) -> None:
    a = answerer.answer("开封2019年政府信息公开平台建设情况", Context())
    lines = a.text.split("\n")
    assert lines[0] == "开封市人民政府2019年政府信息公开平台建设情况："
    assert lines[1].startswith("（四）政府信息公开平台建设情况。紧紧围绕创建全省一流网站的目标")
    assert lines[1].endswith("对存在不发声、乱发声、更新慢、回复敷衍、功能无法使用、言论不当等问题的进行及时整改。")
    assert lines[2:] == [f"{KF}一、总体情况"]


def test_a_prose_figure_reply_quotes_its_sentence(answerer: Answerer) -> None:
    a = answerer.answer("开封2019年政府公报刊发多少篇文章", Context())
    assert (a.value, a.unit) == (44, "篇")
    assert a.text.split("\n")[0] == "开封市人民政府2019年：刊发44篇文章。"
    assert a.text.split("\n")[1].endswith("政府公报全年编印四期，刊发44篇文章，共计二十四万余字。”")
    assert a.text.split("\n")[2] == f"{KF}一、总体情况"


def test_a_figure_in_a_long_sentence_is_quoted_with_forty_characters_either_side(answerer: Answerer) -> None:
    a = answerer.answer("平潭2019年重大建设项目信息多少条", Context())
    first, quote, source = a.text.split("\n")
    assert (a.value, first) == (90, "平潭综合实验区2019年：重大建设项目信息90条。")
    assert quote.startswith("原文：“…") and quote.endswith("…”")
    body = quote.removeprefix("原文：“…").removesuffix("…”")
    text = (DATA / "reports" / "pingtan-2019.txt").read_text(encoding="utf-8")
    assert body in text and len(body) == 40 + len("重大建设项目信息90条") + 40
    assert body[40:].startswith("重大建设项目信息90条")
    assert source == f"{PT}一、总体情况"


@pytest.mark.parametrize(("question", "shown"), [
    ("平潭2023年月通报开展了几次", "月通报7次"),  # the clause holds two figures: the one asked about alone
    ("平潭2023年季度通报几次", "全年开展季度通报3次"),
])
def test_a_clause_with_two_figures_shows_the_one_asked_about(answerer: Answerer, question: str, shown: str) -> None:
    assert answerer.answer(question, Context()).text == (
        f"平潭综合实验区2023年：{shown}。\n原文：“全年开展季度通报3次、月通报7次。”\n"
        "来源：《平潭综合实验区2023年度政府信息公开工作年度报告》一、总体情况")


def test_the_reports_own_contradictions_are_shown_with_the_figure(contradicting: Answerer) -> None:
    a = contradicting.answer("开封2019年行政复议多少件", Context())
    assert a.text == (
        "开封市人民政府2019年行政复议20件（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）。\n"
        "⚠️ 报告自身数字不一致：表四“行政复议”：结果维持10＋结果纠正2＋其他结果2＋尚未审结5＝19，但总计为20\n"
        "⚠️ 报告正文与表格不一致：正文“政府信息公开共收到行政复议19件”为19，但表格“行政复议／总计”为20\n"
        f"{KF_PLAIN}{TABLE_4}，行政复议 · 总计")
    balance = "表三“自然人”列：本年新收482＋上年结转5＝487，但办理结果总计480＋结转下年度6＝486"
    results = "表三“自然人”列：（七）总计480，但（一）至（六）之和为302＋29＋85＋54＋11＋0＝481"
    columns = "表三“(七) 总计”行：总计526，但各申请人列之和为525"  # 自然人 480 is one of the row's terms
    a = contradicting.answer("开封2019年办理结果总计中自然人多少", Context())
    assert a.warnings == [f"报告自身数字不一致：{balance}", f"报告自身数字不一致：{results}",
                          f"报告自身数字不一致：{columns}"]
    a = contradicting.answer("开封2019年结转下年度的自然人申请", Context())  # in the balance, not in the results
    assert (a.value, a.warnings) == (6, [f"报告自身数字不一致：{balance}"])
    a = contradicting.answer("开封2019年办理结果总计", Context())  # the 总计 column: the row's sum over applicants
    assert (a.value, a.warnings) == (526, [f"报告自身数字不一致：{columns}"])
    a = contradicting.answer("开封2019年本年新收申请的自然人", Context())
    assert a.text == (f"开封市人民政府2019年自然人提出的申请482件。\n⚠️ 报告自身数字不一致：{balance}\n"
                      f"{KF_PLAIN}{TABLE_3}，一、本年新收政府信息公开申请数量 · 自然人")


def test_a_source_line_without_a_section_names_the_report() -> None:
    from bot.reply.compose import cite
    from knowledge.models import Report

    r = Report(id="x-2019", agency="x", year=2019, title="某年报", template="2019", source_file="x.txt")
    assert cite(r, None) == "来源：《某年报》"


@pytest.fixture(scope="module")
def blanked(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    """开封's report with 行政复议 结果纠正 (2) left blank, 属于国家秘密 printed as 自然人 blank,
    商业企业 2, the other applicants 0, 总计 2, and table 二's 规章 row left out."""
    folder = tmp_path_factory.mktemp("blanked")
    lines = (DATA / "reports" / "kaifeng-2019.txt").read_text(encoding="utf-8").split("\n")
    at = next(k for k, line in enumerate(lines) if line.startswith("10\t2\t2\t5\t19\t"))
    lines[at] = lines[at].replace("10\t2\t", "10\t\t", 1)
    at = next(k for k, line in enumerate(lines) if "1.属于国家秘密" in line)
    lines[at] = lines[at].partition("\t\t")[0] + "\t\t\t2\t0\t0\t0\t0\t2"
    lines.remove("规章\t12\t12\t54")  # table 二 without its 规章 row
    (folder / "kaifeng-2019.txt").write_text("\n".join(lines), encoding="utf-8")
    assert not ingest([folder / "kaifeng-2019.txt"], Store(folder / "kb"), Settings()).failures
    return Answerer(KnowledgeBase.load(folder / "kb"))


@pytest.mark.parametrize(("q", "reply"), [
    ("2019年行政复议结果纠正多少件",
     "开封市人民政府2019年行政复议结果纠正：报告中该栏为空白（未填写），不能给出数字；"
     "报告在该行其他栏填有：结果维持10件、其他结果2件、尚未审结5件、总计19件。\n"
     f"{KF_PLAIN}{TABLE_4}，行政复议 · 结果纠正"),
    ("2019年自然人属于国家秘密不予公开多少件",
     "开封市人民政府2019年自然人申请中属于国家秘密：报告中该栏为空白（未填写），不能给出数字；"
     "报告在该行其他栏填有：商业企业2件、科研机构0件、社会公益组织0件、法律服务机构0件、其他0件。\n"
     f"{KF_PLAIN}{TABLE_3}，1.属于国家秘密 · 自然人"),
])  # fmt: skip
def test_a_blank_cell_reply_lists_what_its_row_does_print(blanked: Answerer, q: str, reply: str) -> None:
    a = blanked.answer(q, Context())
    assert (a.status, a.value, a.text) == ("unknown", None, reply)


def test_a_template_row_the_report_left_out_is_no_figure_not_a_missing_item(blanked: Answerer) -> None:
    a = blanked.answer("2019年规章本年新制作数量", Context())
    assert (a.status, a.value, a.field, a.agency, a.year) == ("unknown", None, "active.rule/new_made", "开封市人民政府", 2019)
    assert a.text == "开封市人民政府2019年的年报没有给出“规章本年新制作数量”的数字（该栏未填写，也无法由分项相加得出）。"


PT_ONE = PT + "一、总体情况"


@pytest.mark.parametrize(("q", "value", "reply"), [
    # a sentence of 245 characters: 40 characters either side of the clause, “…” where it is cut
    ("平潭2019年应急管理类信息多少条", 124,
     "平潭综合实验区2019年：安全生产、应急管理类信息124条。\n"
     "原文：“…类信息67条，国土资源城乡建设环保能源类信息983条，科教文体卫生类信息48条，安全生产、应急管理类信息124条，"
     "其他应主动公开政府信息856条)对于主动公开的政府信息，主要通过政府门户网站、…”"),
    # the clause 10 characters in: the quote starts with the sentence
    ("平潭2019年共公布政府信息多少条", 2599,
     "平潭综合实验区2019年：我区政府信息公开单位共公布政府信息2599条。\n"
     "原文：“（一）基本情况今年，我区政府信息公开单位共公布政府信息2599条，(其中机构职能类信息25条，"
     "政策、规范性文件类信息68条，规划计划类信息28条…”"),
    # the clause at the end: the quote ends with the sentence
    ("平潭2019年受理各类群众诉求多少起", 259,
     "平潭综合实验区2019年：受理各类群众诉求259起。\n"
     "原文：“…事业局不断公开社会保障、医疗救助、临时救助、减灾救灾、城乡低保、特困人员等信息，受理各类群众诉求259起。”"),
    # the item ends at the bracket the breakdown closes: “…856条)对于主动公开的政府信息” is not the item
    ("平潭2019年其他应主动公开政府信息多少条", 856, "平潭综合实验区2019年：其他应主动公开政府信息856条。"),
    # “2019年政府预决算”: 政府 begins the item, it does not name the government (was 预决算公开197条)
    ("平潭2019年政府预决算多少条", 32,
     "平潭综合实验区2019年：政府预决算32条。\n"
     "原文：“今年共发布380条财政资金信息，其中专项资金152条，预决算公开197条（政府预决算32条、部门预决算公开165条）、"
     "“三公”经费27条、债券发行4条。”"),
    # the clause holds two figures: the one asked for is shown alone
    ("平潭2019年入驻中介机构多少家", 868, "平潭综合实验区2019年：已入驻中介机构868家。"),
])  # fmt: skip
def test_a_prose_figure_reply(answerer: Answerer, q: str, value: int, reply: str) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.value, a.field, a.section) == ("answered", value, "prose", "一、总体情况")
    assert a.report_title == "平潭综合实验区2019年度政府信息公开工作年度报告"
    assert a.text.startswith(reply + "\n")
    assert a.text.endswith("\n" + PT_ONE)
