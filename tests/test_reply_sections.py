"""Section replies: the part of the report's text a question names, quoted, with its heading and source.

Expectations are copied by hand from the bundled reports: 开封 2019 (kaifeng-2019.txt) has 五 as
“存在问题：一是…三是政府网站集约化建设需持续推进。” then “改进措施：（一）…（二）…（三）…”, and 六 “无”;
its 一 has sub-parts （一）主动公开 … （四）平台建设.  平潭 2019's 一 has no sub-parts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.reply.answer import Answerer
from bot.reply.compose import problems_or_improvements, sub_section
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.paths import DATA
from knowledge.store import Store

REPORTS = DATA / "reports"
KAIFENG = "开封市人民政府2019年政府信息公开工作年度报告"


def _load(folder: Path, *files: Path) -> Answerer:
    summary = ingest(list(files), Store(folder / "kb"), Settings())
    assert not summary.failures
    return Answerer(KnowledgeBase.load(folder / "kb"))


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return _load(tmp_path_factory.mktemp("sections"), REPORTS / "kaifeng-2019.txt", REPORTS / "pingtan-2019.txt")


def test_problems_reply_and_its_json(bot: Answerer) -> None:
    a = bot.answer("开封2019年存在的主要问题")
    assert a.text == (
        "开封市人民政府2019年存在的主要问题：\n"
        "存在问题：一是政府信息公开意识有待进一步增强；二是对新《条例》的贯彻落实不够深入；三是政府网站集约化建设需持续推进。\n"
        f"来源：《{KAIFENG}》五、存在的主要问题及改进情况")
    out = a.to_json()
    assert {k: out[k] for k in ("status", "agency", "year", "section", "field", "report_title")} == {
        "status": "answered", "agency": "开封市人民政府", "year": 2019, "section": "五、存在的主要问题及改进情况",
        "field": "section.五.problems", "report_title": KAIFENG}
    assert out["source"]["section"] == "五、存在的主要问题及改进情况"


def test_improvements_reply_starts_where_the_report_does(bot: Answerer) -> None:
    a = bot.answer("开封2019年改进措施")
    lines = a.text.split("\n")
    assert lines[0] == "开封市人民政府2019年改进情况："
    assert lines[1].startswith("改进措施：（一）加大政府信息主动公开力度。")
    assert lines[1].endswith("真正建成开放型、创新型、智慧型的政府网站集约化平台。")
    assert "政府信息公开意识" not in a.text  # the problems stay out
    assert (a.field, lines[2]) == ("section.五.improve", f"来源：《{KAIFENG}》五、存在的主要问题及改进情况")


def test_a_sub_part_of_the_overview_and_its_json(bot: Answerer) -> None:
    a = bot.answer("开封2019年依申请公开情况")
    body = a.text.split("\n")[1]
    assert body.startswith("（二）依申请公开政府信息情况。2019年度，全市共收到政府信息公开申请527件")
    assert body.endswith("复议后起诉4件（结果维持1件、结果纠正0件、其他结果0件、尚未审结3件）。")
    assert "（三）" not in body and "主动公开各类政府信息231731条" not in body
    assert (a.status, a.agency, a.year, a.section, a.field) == (
        "answered", "开封市人民政府", 2019, "一、总体情况", "section.一.apply")
    assert a.text.endswith(f"来源：《{KAIFENG}》一、总体情况")


def test_an_overview_without_that_sub_part_says_so(bot: Answerer) -> None:
    a = bot.answer("平潭2019年平台建设情况")
    assert (a.status, a.agency, a.year, a.section, a.value) == (
        "unknown", "平潭综合实验区", 2019, "一、总体情况", None)
    assert a.text == "平潭综合实验区2019年的年报“一、总体情况”中没有单列“政府信息公开平台建设情况”部分。"


def test_the_whole_other_matters_section_even_when_it_says_none(bot: Answerer) -> None:
    a = bot.answer("开封2019年其他需要报告的事项")
    assert a.text == f"开封市人民政府2019年其他需要报告的事项：\n无\n来源：《{KAIFENG}》六、其他需要报告的事项"


def test_a_section_the_page_lost_is_named_with_the_reason(tmp_path: Path) -> None:
    page = (REPORTS / "pingtan-2023.html").read_text(encoding="utf-8")
    cut = tmp_path / "pingtan-2023-cut.html"
    cut.write_bytes(page[:page.index("四、政府信息公开行政复议")].encode())  # 四, 五, 六 never arrived
    a = _load(tmp_path, cut).answer("平潭2023年存在的主要问题")
    assert (a.status, a.agency, a.year, a.value) == ("unknown", "平潭综合实验区", 2023, None)
    assert a.text == ("平潭综合实验区2023年的年报中没有找到“存在的主要问题”一节："
                      "第五部分“存在的主要问题及改进情况”缺失（页面在“三”处截断）。")


def test_an_empty_section_says_it_has_no_text(tmp_path: Path) -> None:
    text = (REPORTS / "kaifeng-2019.txt").read_text(encoding="utf-8")
    src = tmp_path / "kaifeng-2019.txt"
    src.write_text(text.replace("## 六、其他需要报告的事项\n\n无", "## 六、其他需要报告的事项\n"), encoding="utf-8")
    a = _load(tmp_path, src).answer("开封2019年其他需要报告的事项")
    assert a.text == f"开封市人民政府2019年其他需要报告的事项：\n（该节无内容）\n来源：《{KAIFENG}》六、其他需要报告的事项"


# ---------------------------------------------------------------- the two text cutters, on printed shapes

def test_sub_parts_in_either_order_and_several_of_one_kind() -> None:
    body = ("（一）改进措施\n加强业务培训。\n（二）存在的主要问题\n公开不够及时。\n"
            "（三）下一步工作\n完善考核制度。")
    assert problems_or_improvements(body, True) == "（二）存在的主要问题\n公开不够及时。"
    assert problems_or_improvements(body, False) == "（一）改进措施\n加强业务培训。\n（三）下一步工作\n完善考核制度。"


def test_a_sub_part_is_named_by_its_first_thirty_characters_only() -> None:
    # “问题”/“改进” deep inside a part's text do not make it that part
    lead = "（一）" + "政务公开工作平稳推进" * 2 + "制度执行较好"  # 29 characters
    assert len(lead) == 29
    body = f"{lead}问题不多。\n（二）公开质量仍需提高。"  # the word at 29: past the head
    assert problems_or_improvements(body, True) == body  # no part is about problems: the whole text
    body = f"{lead[:28]}问题不多。\n（二）公开质量仍需提高。"  # at 28: within the first 30
    assert problems_or_improvements(body, True) == f"{lead[:28]}问题不多。"
    second = "（二）" + lead[3:]  # 29 characters
    body = f"（一）存在的问题：公开不够及时。\n{second}改进不多。"
    assert problems_or_improvements(body, False) == body
    body = f"（一）存在的问题：公开不够及时。\n{second[:28]}改进不多。"
    assert problems_or_improvements(body, False) == f"{second[:28]}改进不多。"


def test_an_inline_turn_to_improvements_splits_the_text() -> None:
    body = "一是公开不够及时；二是解读形式单一。下一步，我们将加强培训。下一步还将完善考核。"
    assert problems_or_improvements(body, True) == "一是公开不够及时；二是解读形式单一"
    assert problems_or_improvements(body, False) == "下一步，我们将加强培训。下一步还将完善考核。"


@pytest.mark.parametrize(("body", "problems", "want"), [
    ("今后工作中加强培训，完善制度。", True, "今后工作中加强培训，完善制度。"),  # a marker at the start is no turn
    ("一二三四五六七八九十今后加强培训。", True, "一二三四五六七八九十今后加强培训。"),  # at 10: still the opening
    ("一二三四五六七八九十甲今后加强培训。", True, "一二三四五六七八九十甲"),  # at 11: the turn
    ("一二三四五六七八九十甲今后加强培训。", False, "今后加强培训。"),
    ("公开不够及时，解读形式单一。", False, "公开不够及时，解读形式单一。"),  # no turn at all: the whole text
])  # fmt: skip
def test_where_an_unheaded_section_five_turns(body: str, problems: bool, want: str) -> None:
    assert problems_or_improvements(body, problems) == want


def test_an_overview_sub_part_is_found_by_the_words_at_its_head() -> None:
    lead = "（二）" + "本年度" * 6 + "依申请"  # the words begin at 21: within the first 24 characters
    assert sub_section(f"（一）概述。{lead}公开工作。", "一.apply") == f"{lead}公开工作。"
    late = "（二）" + "本年度" * 6 + "本依申请"  # at 22, ending past the 24th character: not this part
    assert sub_section(f"（一）概述。{late}公开工作。", "一.apply") is None
    assert sub_section("（一）主动公开情况。（二）依申请公开情况。", "一.no-such-part") is None


def test_a_section_missing_from_a_base_written_before_missing_parts_were_noted(tmp_path: Path) -> None:
    # a report stored without its list of missing parts: the section is still said to be absent, without a reason
    text = (REPORTS / "kaifeng-2019.txt").read_text(encoding="utf-8")
    src = tmp_path / "kaifeng-2019.txt"
    src.write_text(text[: text.index("### 五、存在的主要问题及改进情况")], encoding="utf-8")
    bot = _load(tmp_path, src)
    report = bot.kb.report_of[("开封市人民政府", 2019)]
    assert report.missing == ["页面止于四、政府信息公开行政复议、行政诉讼情况",
                              "第五部分“存在的主要问题及改进情况”缺失（页面在“四”处截断）",
                              "第六部分“其他需要报告的事项”缺失（页面在“四”处截断）"]
    a = bot.answer("开封2019年存在的主要问题")
    assert a.text == ("开封市人民政府2019年的年报中没有找到“存在的主要问题”一节："
                      "第五部分“存在的主要问题及改进情况”缺失（页面在“四”处截断）。")
    report.missing = []
    a = bot.answer("开封2019年存在的主要问题")
    assert (a.status, a.agency, a.year) == ("unknown", "开封市人民政府", 2019)
    assert a.text == "开封市人民政府2019年的年报中没有找到“存在的主要问题”一节。"




def test_the_information_fee_is_answered_from_section_6(tmp_path: Path) -> None:
    # the template reports the fee in 六: 平潭 2023's reads “2023年，无收取信息处理费情况。”; 开封 2019's is “无”
    bot = _load(tmp_path, REPORTS / "pingtan-2023.txt", REPORTS / "kaifeng-2019.txt")
    a = bot.answer("平潭2023年收取信息处理费了吗")
    assert (a.status, a.value, a.section) == ("answered", None, "六、其他需要报告的事项")
    assert a.text == ("平潭综合实验区2023年信息处理费情况：\n2023年，无收取信息处理费情况。\n"
                      "来源：《平潭综合实验区2023年度政府信息公开工作年度报告》六、其他需要报告的事项")
    amount = bot.answer("平潭2023年信息处理费收了多少")  # the sentence's 无 read as none
    assert (amount.status, amount.value, amount.unit, amount.section) == ("answered", 0, "元", "六、其他需要报告的事项")
    for q in ("开封2019年收取信息处理费了吗", "开封2019年收了多少信息处理费"):  # “无” is not about the fee
        none = bot.answer(q)
        assert (none.status, none.value) == ("unknown", None)
        assert none.text == "开封市人民政府2019年的年报没有提到信息处理费（其他需要报告的事项：无）。"
