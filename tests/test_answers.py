"""What a person asking questions gets back, on the bundled reports: figures, sources, honesty."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

REPORTS = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "reports"


@pytest.fixture(scope="module")
def kaifeng(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("kf") / "kb.json"
    ingest([REPORTS / "kaifeng-2019.txt"], Store(db), Settings())
    return Answerer(KnowledgeBase.load(db))


@pytest.fixture(scope="module")
def multi(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("multi") / "kb.json"
    files = [REPORTS / n for n in ("kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt",
                                   "hongze-2023.pdf")]
    summary = ingest(files, Store(db), Settings())
    assert not summary.failures
    return Answerer(KnowledgeBase.load(db))


def test_figure_with_breakdown_and_source(kaifeng: Answerer) -> None:
    a = kaifeng.answer("2019年行政复议多少件")
    assert (a.status, a.value, a.unit) == ("answered", 19, "件")
    assert a.section == "四、政府信息公开行政复议、行政诉讼情况"
    assert "结果维持10件、结果纠正2件、其他结果2件、尚未审结5件" in a.text
    assert "《开封市人民政府2019年政府信息公开工作年度报告》" in a.text


def test_derived_total_shows_its_arithmetic(kaifeng: Answerer) -> None:
    a = kaifeng.answer("行政诉讼多少件")
    assert a.value == 32 and a.formula == "28 + 4 = 32"
    a = kaifeng.answer("无法提供的申请有多少件")
    assert a.value == 58 and "54 + 3 + 1" in (a.formula or "")


def test_applicant_column(kaifeng: Answerer) -> None:
    assert kaifeng.answer("律所申请了几件").value == 1
    assert kaifeng.answer("法人或其他组织申请了多少").value == 45  # 38+2+1+1+3, derived


def test_text_answer_quotes_the_report(kaifeng: Answerer) -> None:
    a = kaifeng.answer("存在哪些主要问题")
    assert a.status == "answered" and a.section.startswith("五") and "政府信息公开意识" in a.text


def test_prose_figure_quotes_its_sentence(kaifeng: Answerer) -> None:
    a = kaifeng.answer("政策解读多少条")
    assert (a.value, a.section[:1]) == (320, "一")
    assert "政策解读320条" in a.text and "原文" in a.text


@pytest.mark.parametrize("q", ["2018年行政复议多少件", "北京市2019年行政复议多少件", "郑州2019年行政复议多少件",
                               "行政复议的律师费是多少", "开封今天天气怎么样", "asdfghjkl", "", "？？？"])
def test_unknown_is_said_not_guessed(kaifeng: Answerer, q: str) -> None:
    a = kaifeng.answer(q)
    assert a.status == "unknown" and a.value is None and a.text


def test_missing_year_names_what_is_loaded(kaifeng: Answerer) -> None:
    assert "2019" in kaifeng.answer("2021年收到多少申请").text


def test_clarify_agency_with_options(multi: Answerer) -> None:
    a = multi.answer("2019年行政复议多少件")
    assert a.status == "clarify"
    assert sorted(a.options) == ["平潭2019年行政复议多少件", "开封2019年行政复议多少件"]
    assert multi.answer(a.options[0]).status == "answered"


def test_clarify_year_for_one_agency(multi: Answerer) -> None:
    a = multi.answer("平潭行政复议多少件")
    assert a.status == "clarify" and len(a.options) == 3


def test_follow_ups_keep_agency_year_and_field(multi: Answerer) -> None:
    ctx = Context()
    assert multi.answer("平潭2021年行政复议多少件", ctx).value == 3
    assert multi.answer("行政诉讼呢？", ctx).value == 12
    a = multi.answer("那2023年呢？", ctx)
    assert (a.year, a.value) == (2023, 7)
    assert multi.answer("平潭2023年收到多少申请", ctx).value == 81
    assert multi.answer("其中自然人呢？", ctx).value == 80


def test_relative_year_says_how_it_was_read(multi: Answerer) -> None:
    a = multi.answer("平潭去年行政复议多少件")
    assert a.year == 2023 and a.value == 2 and "2023" in a.text.split("\n")[0]


def test_comparison_with_formula(multi: Answerer) -> None:
    a = multi.answer("平潭2023年比2021年行政诉讼多多少")
    assert a.value == -5 and a.formula == "7 − 12 = -5"


def test_correction_rate(kaifeng: Answerer) -> None:
    a = kaifeng.answer("行政复议纠错率")
    assert a.unit == "%" and a.value == pytest.approx(14.29)
    assert "2 ÷" in (a.formula or "")


def test_uncertain_flattened_cell_is_not_answered(multi: Answerer) -> None:
    a = multi.answer("平潭2019年规范性文件对外公开总数")
    assert a.status == "unknown" and "898989" in a.text


def test_report_contradicting_itself_is_marked(multi: Answerer) -> None:
    a = multi.answer("洪泽区2023年行政复议多少件")
    assert a.status == "answered" and "11" in a.text and "不一致" in a.text


def test_version_specific_field(multi: Answerer) -> None:
    a = multi.answer("平潭2021年行政事业性收费金额")
    assert (a.value, a.unit) == (24252.311082, "万元")
    assert multi.answer("开封2019年行政事业性收费金额").status != "answered"  # 2019 table has no amount


def test_prose_clarify_offers_questions_that_answer(multi: Answerer) -> None:
    a = multi.answer("开封2019年申请")
    assert a.status == "clarify"
    assert all("多少" in o and not any(ch.isdigit() for ch in o[6:]) for o in a.options)
    assert multi.answer(a.options[0]).status == "answered"


def test_enumerated_items_are_told_apart(multi: Answerer) -> None:
    assert multi.answer("平潭2023年月通报开展了几次").value == 7
    assert multi.answer("平潭2023年季度通报几次").value == 3


def test_topic_no_report_covers_is_unknown_not_a_year_question(multi: Answerer) -> None:
    assert multi.answer("平潭今天天气怎么样").status == "unknown"


def test_long_junk_is_not_echoed_as_options(multi: Answerer) -> None:
    a = multi.answer("行政" * 150)
    assert a.status == "unknown" and a.options == []


def test_total_of_proactive_disclosure_not_a_breakdown_item(tmp_path: Path) -> None:
    """“主动公开政府信息多少条” is the total the report gives, not “其他应主动公开政府信息N条” inside its breakdown."""
    text = (REPORTS / "pingtan-2019.txt").read_text(encoding="utf-8")
    src = tmp_path / "pingtan-2019.txt"
    src.write_text(text, encoding="utf-8")
    db = tmp_path / "kb.json"
    ingest([src], Store(db), Settings())
    a = Answerer(KnowledgeBase.load(db)).answer("平潭2019年主动公开政府信息多少条")
    assert (a.status, a.value) == ("answered", 2599)


def test_share_is_computed_with_its_formula(kaifeng: Answerer) -> None:
    a = kaifeng.answer("予以公开占比多少")
    assert (a.unit, a.value) == ("%", pytest.approx(65.02)) and a.formula == "予以公开342 ÷ 本年度办理结果总计526 = 65.02%"
    a = kaifeng.answer("自然人申请占多大比例")
    assert a.value == pytest.approx(91.46)  # of the 527 new applications


def test_two_agencies_named_each_answered(multi: Answerer) -> None:
    a = multi.answer("开封和平潭2019年行政复议分别多少件")
    assert "开封市人民政府2019年行政复议19件" in a.text and "平潭综合实验区2019年行政复议0件" in a.text


def test_applicant_asked_of_a_table_without_applicants_is_unknown(kaifeng: Answerer) -> None:
    a = kaifeng.answer("自然人提起的行政复议多少件")
    assert a.status == "unknown" and a.value is None


def test_answer_carries_the_reports_own_consistency_warning(kaifeng: Answerer) -> None:
    a = kaifeng.answer("规范性文件对外公开总数")
    assert a.value == 815 and any("845" in w for w in a.warnings) and "845" in a.text


@pytest.mark.parametrize(("q", "value"), [
    ("开封2019年学习新条例培训了多少人", 500),          # 多少人 is never answered with 次
    ("开封２０１９年上年结转过来的申请几件", 5),
    ("开封市2019年转到下一年继续办的申请有几件", 6),
])
def test_everyday_phrasings(kaifeng: Answerer, q: str, value: float) -> None:
    assert kaifeng.answer(q).value == value


def test_explicit_table_question_is_not_answered_from_prose(multi: Answerer) -> None:
    a = multi.answer("平潭2023年表二里行政规范性文件现行有效件数是多少")
    # table 二 prints that row as the run “77132470”: no figure, and never the prose's 393
    assert a.status != "answered" and a.value is None and "393" not in a.text


@pytest.mark.parametrize(("problems", "want", "not_want"), [
    (True, "存在的主要问题", "改进情况"),
    (False, "改进情况", "存在的主要问题"),
])
def test_section_five_parts_by_their_sub_heads(problems: bool, want: str, not_want: str) -> None:
    from bot.reply.compose import problems_or_improvements

    body = ("（一）2024年工作中存在问题的改进情况\n针对上年问题，采取如下改进措施。"
            "（二）2025年工作中存在的主要问题\n政策信息分散于多个平台。")
    part = problems_or_improvements(body, problems)
    assert want in part and not_want not in part


def test_json_carries_series_ranking_and_sources_lists(kaifeng: Answerer) -> None:
    """The `ask --json` contract: series/ranking are lists of {agency, year, value}; sources names each report."""
    out = kaifeng.answer("2019年行政复议多少件").to_json()
    assert out["series"] == [] and out["ranking"] == []
    assert isinstance(out["sources"], list)


@pytest.mark.parametrize("q", ["2019年主动公开规范性文件多少件", "2019年主动公开了多少规范性文件"])
def test_table_two_named_by_its_heading_asks_which_column(kaifeng: Answerer, q: str) -> None:
    # 主动公开 is the name of table 二, not an item: never “报告中没有“主动”这一项”, never the prose total 231731
    a = kaifeng.answer(q)
    assert a.status == "clarify" and "231731" not in a.text
    assert a.options == ["开封市人民政府2019年规范性文件本年新制作数量是多少", "开封市人民政府2019年规范性文件本年新公开数量是多少",
                         "开封市人民政府2019年规范性文件对外公开总数量是多少"]


@pytest.mark.parametrize("q", ["2019年行政复议占比多少", "2019年本年度办理结果总计占比多少"])
def test_a_total_as_a_share_of_itself_is_not_100_percent(kaifeng: Answerer, q: str) -> None:
    a = kaifeng.answer(q)
    assert a.status == "unknown" and a.value is None and "100%" not in a.text
    assert "本身就是总数，请说明要算哪一项占它的比例" in a.text


def test_a_share_of_the_total_its_item_lies_in(kaifeng: Answerer) -> None:
    # table 四: 行政诉讼 总计 32, of which 结果纠正 3; 行政复议 19, 结果纠正 2
    a = kaifeng.answer("2019年结果纠正占行政诉讼的比例")
    assert (a.status, a.value, a.unit) == ("answered", 9.38, "%")
    assert a.formula == "行政诉讼结果纠正3 ÷ 行政诉讼32 = 9.38%"
    a = kaifeng.answer("2019年结果纠正占比多少")  # 复议's or 诉讼's: ask
    assert a.status == "clarify" and a.value is None
    assert a.options == ["2019年行政复议结果纠正所占比例是多少", "2019年行政诉讼结果纠正所占比例是多少"]
    assert kaifeng.answer(a.options[0]).formula == "行政复议结果纠正2 ÷ 行政复议19 = 10.53%"


@pytest.mark.parametrize("q, text", [
    ("2019年结转下年度占比多少", "“结转下年度继续办理”不是办理结果总计的一部分，请说明要算它占哪一项的比例，"
                            "例如：结转下年度继续办理占本年新收申请的比例。"),
    ("2019年行政诉讼占比多少", "“行政诉讼”本身就是总数，请说明要算哪一项占它的比例，例如：结果纠正占行政诉讼的比例。"),
    ("2019年行政复议占比多少", "“行政复议”本身就是总数，请说明要算哪一项占它的比例，例如：结果纠正占行政复议的比例。"),
    ("2019年本年新收申请占比多少", "“本年新收政府信息公开申请”本身就是总数，请说明要算哪一项占它的比例，"
                             "例如：予以公开占办理结果总计的比例。"),
    ("2019年上年结转申请占比多少", "“上年结转政府信息公开申请数量”不是办理结果总计的一部分，请说明要算它占哪一项的比例，"
                            "例如：上年结转政府信息公开申请数量占本年新收申请的比例。"),
])  # fmt: skip
def test_a_share_with_no_total_to_take_it_of_gives_no_figure(kaifeng: Answerer, q: str, text: str) -> None:
    # 结转下年度 6 is not among the 526 handled (6 ÷ 526 = 1.14 % was answered before)
    a = kaifeng.answer(q)
    assert (a.status, a.value, a.text, a.agency, a.year) == ("unknown", None, text, "开封市人民政府", 2019)
    assert kaifeng.answer("2019年结转下年度继续办理占本年新收申请的比例").formula == (
        "结转下年度继续办理6 ÷ 本年新收政府信息公开申请527 = 1.14%")


def _kaifeng_with(tmp_path: Path, edit: Callable[[list[str]], None]) -> Answerer:
    """The 开封 2019 report with some table lines changed, loaded alone."""
    lines = (REPORTS / "kaifeng-2019.txt").read_text(encoding="utf-8").split("\n")
    edit(lines)
    src = tmp_path / "kaifeng-2019.txt"
    src.write_text("\n".join(lines), encoding="utf-8")
    db = tmp_path / "kb"
    ingest([src], Store(db), Settings())
    return Answerer(KnowledgeBase.load(db))


def _secret_row(lines: list[str]) -> int:
    return next(i for i, line in enumerate(lines) if "1.属于国家秘密" in line)


def test_a_blank_total_is_the_sum_of_its_filled_row_said_so(tmp_path: Path) -> None:
    """Some bodies fill only the applicant columns (自然人 3, 总计 blank): the total is their sum, and
    the reply says the report left it blank and that blank cells were counted as none."""
    def edit(lines: list[str]) -> None:
        at = _secret_row(lines)
        assert lines[at].endswith("1.属于国家秘密\t\t0\t0\t0\t0\t0\t0\t0")
        lines[at] = lines[at].replace("\t\t0\t0\t0\t0\t0\t0\t0", "\t\t3\t\t\t\t\t\t")
    a = _kaifeng_with(tmp_path, edit)
    secret = a.answer("2019年因属于国家秘密不予公开多少件")
    assert (secret.status, secret.value, secret.formula) == ("answered", 3, "3 = 3")
    assert secret.text.startswith("开封市人民政府2019年属于国家秘密3件。报告总计栏空白，此数由该行已填的各申请人栏相加（空白栏按无计）：3 = 3。")
    assert a.answer("2019年不予公开多少件").value == 88  # 3 + the report's 1 + 13 + 71


def test_a_template_item_left_blank_is_not_said_to_be_missing(tmp_path: Path) -> None:
    """Every reason of 不予公开 left blank: no figure, and no “没有这一项” (the template has it)."""
    def edit(lines: list[str]) -> None:
        at = _secret_row(lines)
        for k in range(at, at + 8):
            head, _, _ = lines[k].partition("\t\t")
            lines[k] = head + "\t\t" + "\t" * 6
    a = _kaifeng_with(tmp_path, edit)
    group = a.answer("2019年不予公开多少件")
    assert (group.status, group.value) == ("unknown", None)
    assert group.text == "开封市人民政府2019年的年报没有给出“不予公开”的数字（该栏未填写，也无法由分项相加得出）。"
    secret = a.answer("2019年因属于国家秘密不予公开多少件")
    assert secret.text.startswith("开封市人民政府2019年属于国家秘密：报告中该栏为空白（未填写），不能给出数字。")


def test_colloquial_received_is_the_new_applications_not_any_fee(kaifeng: Answerer) -> None:
    assert (kaifeng.answer("开封2019年政府信息公开申请收了多少").value, kaifeng.answer("开封2019年申请收了几件").value) == (527, 527)


def test_two_items_of_one_report_compared(kaifeng: Answerer) -> None:
    a = kaifeng.answer("开封2019年予以公开比不予公开多多少件")
    assert (a.status, a.value, a.formula) == ("answered", 257, "342 − 85 = 257")
    assert a.text.startswith("开封市人民政府2019年予以公开342件，不予公开85件。开封市人民政府2019年予以公开比不予公开多257件（342 − 85 = 257）。")
    assert "来源：《开封市人民政府2019年政府信息公开工作年度报告》三、收到和处理政府信息公开申请情况" in a.text
    less = kaifeng.answer("开封2019年不予公开比予以公开少多少件")
    assert (less.value, less.formula) == (257, "342 − 85 = 257")
    assert kaifeng.answer("开封2019年行政诉讼比行政复议多几起").value == 13


def test_a_rate_only_the_text_states_is_quoted_not_computed(tmp_path: Path) -> None:
    """主动公开率 is not the 公开率 of applications (予以公开 + 部分公开 ÷ 总计): a report that states one is quoted."""
    def edit(lines: list[str]) -> None:
        lines.insert(3, "市政府公文主动公开率达90.2%。")
    a = _kaifeng_with(tmp_path, edit)
    got = a.answer("2019年市政府公文主动公开率是多少")
    assert (got.status, got.value, got.unit) == ("answered", 90.2, "%") and got.formula is None
    assert "原文：“市政府公文主动公开率达90.2%。”" in got.text
    assert a.answer("2019年公开率是多少").value == 70.72  # the computed one, asked for by its own name


def test_of_two_sentences_with_the_same_item_the_one_whose_words_the_question_says(tmp_path: Path) -> None:
    """政策解读320条 (the 开封 report) and, added, 发布政策解读共132条: “发布了多少” is the second; the item
    alone the first (was: 320 for both — the sentence naming the item word for word won outright)."""
    def edit(lines: list[str]) -> None:
        lines.insert(3, "通过门户网站发布政策解读共132条。")
    a = _kaifeng_with(tmp_path, edit)
    assert a.answer("2019年发布了多少条政策解读").value == 132
    assert a.answer("2019年政策解读多少条").value == 320


def test_upheld_rate_is_computed_like_the_correction_rate(kaifeng: Answerer) -> None:
    a = kaifeng.answer("2019年行政复议维持率是多少")
    assert (a.status, a.value, a.unit) == ("answered", 71.43, "%")
    assert a.formula == "行政复议结果维持10 ÷ (行政复议总计19 − 行政复议尚未审结5) = 71.43%"


def test_a_section_reply_has_no_blank_line_before_its_source(kaifeng: Answerer) -> None:
    lines = kaifeng.answer("2019年存在哪些主要问题").text.split("\n")
    assert lines[-1].startswith("来源：《开封市人民政府2019年政府信息公开工作年度报告》") and lines[-2].strip()


def test_litigation_whose_after_review_part_is_blank_counts_it_as_none(tmp_path: Path) -> None:
    def edit(lines: list[str]) -> None:
        at = lines.index("10\t2\t2\t5\t19\t15\t3\t6\t4\t28\t1\t0\t0\t3\t4")
        lines[at] = "10\t2\t2\t5\t19\t15\t3\t6\t4\t28\t\t\t\t\t"
    a = _kaifeng_with(tmp_path, edit)
    got = a.answer("2019年行政诉讼多少件")
    assert (got.status, got.value) == ("answered", 28)
    assert "报告未单列此数，由各分项相加（空白的分项按无计）：28 = 28" in got.text


@pytest.mark.parametrize("q", ["开封2019年政府网站访问量同比增长多少", "开封2019年政府网站访问量比上年增长多少"])
def test_a_change_the_report_states_when_last_year_is_not_loaded(kaifeng: Answerer, q: str) -> None:
    a = kaifeng.answer(q)
    assert (a.status, a.value, a.unit) == ("answered", 20, "%")
    assert a.text.split("\n")[:2] == ["知识库中没有开封市人民政府2018年的年报。2019年的年报自己写明了变化：",
                                      "开封市人民政府2019年：2019年我市政府网站访问量同比增长20%。"]


@pytest.mark.parametrize("q", ["开封2019年行政复议比上年增加了多少", "开封2019年行政复议同比增长多少"])
def test_a_change_on_last_year_with_last_year_not_loaded_gives_no_figure(kaifeng: Answerer, q: str) -> None:
    # was 19 (the 2019 figure itself) for “比上年增加了多少”
    a = kaifeng.answer(q)
    assert (a.status, a.value) == ("unknown", None)
    assert a.text == "知识库中没有开封市人民政府2018年的年报。已载入：开封市人民政府（2019年）。"


@pytest.fixture(scope="module")
def pingtan_two_years(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("pt2") / "kb.json"
    summary = ingest([REPORTS / "pingtan-2019.txt", REPORTS / "pingtan-2021.txt"], Store(db), Settings())
    assert not summary.failures
    return Answerer(KnowledgeBase.load(db))


def test_two_loaded_years_and_no_year_asked_is_a_question_back(pingtan_two_years: Answerer) -> None:
    # exactly two years of one body: neither is answered silently (平潭 2019 printed 0, 2021 printed 3)
    a = pingtan_two_years.answer("平潭行政复议多少件")
    assert (a.status, a.value) == ("clarify", None)
    assert a.text == ("平潭综合实验区有2个年度的年报，您问的是哪一年？\n"
                      "1. 2021年平潭行政复议多少件\n2. 2019年平潭行政复议多少件")
    assert pingtan_two_years.answer(a.options[0]).value == 3
    assert pingtan_two_years.answer(a.options[1]).value == 0


PINGTAN_2019_URL = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202001/t20200120_80576.htm"
PINGTAN_2023_URL = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm"


def test_the_original_link_is_the_newest_report_used_that_has_an_address(multi: Answerer) -> None:
    # 开封's report carries no address; 平潭's carry theirs (the 原文 button, `ask --json`'s url)
    assert multi.answer("开封2019年行政复议多少件").url is None
    assert multi.answer("平潭2019年行政复议多少件").url == PINGTAN_2019_URL
    assert multi.answer("平潭近5年行政复议多少件").url == PINGTAN_2023_URL
    # a ranking of bodies: 开封 19 is first, but the report with an address among those ranked is 平潭's
    top = multi.answer("2019年哪个单位行政复议最多")
    assert (top.agency, top.value, top.url) == ("开封市人民政府", 19, PINGTAN_2019_URL)
    assert [(s["agency"], s["year"], s["url"]) for s in top.sources] == [
        ("开封市人民政府", 2019, None), ("平潭综合实验区", 2019, PINGTAN_2019_URL)]
