"""Which item of one report is largest or smallest: applicants, reasons, results — each a cell of the report.

开封 2019 (knowledge/data/reports/kaifeng-2019.txt), read by hand: 本年新收 自然人 482, 商业企业 38, 科研机构 2,
社会公益组织 1, 法律服务机构 1, 其他 3; 不予公开 属于行政查询事项 71, 保护第三方合法权益 13, 其他法律行政法规
禁止公开 1, the other reasons 0; 行政复议 维持 10, 纠正 2, 其他 2, 未审结 5; 行政诉讼 直接起诉 28, 复议后起诉 4.
"""

from __future__ import annotations

import pytest

from bot.reply.answer import Answerer
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.paths import DATA
from knowledge.store import Store

SOURCE = "来源：《开封市人民政府2019年政府信息公开工作年度报告》"


@pytest.fixture(scope="module")
def kaifeng(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("items") / "kb"
    assert not ingest([DATA / "reports" / "kaifeng-2019.txt"], Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def test_which_applicant_asked_most(kaifeng: Answerer) -> None:
    a = kaifeng.answer("开封2019年哪类申请人最多")
    assert (a.status, a.value, a.unit, a.field) == ("answered", 482, "件", "apply.new/natural")
    assert a.text == ("开封市人民政府2019年申请人中最多的是自然人（482件）。依次为：自然人482件、商业企业38件、其他3件、"
                      "科研机构2件、社会公益组织1件、法律服务机构1件。\n"
                      f"{SOURCE}三、收到和处理政府信息公开申请情况")
    # what `ask --json`, the chart and the source button read: the report, its section and every item
    assert (a.agency, a.year, a.section, a.report_title) == (
        "开封市人民政府", 2019, "三、收到和处理政府信息公开申请情况", "开封市人民政府2019年政府信息公开工作年度报告")
    assert a.source is not None and a.source.section == "三、收到和处理政府信息公开申请情况"
    assert a.ranking == [{"agency": "开封市人民政府", "year": 2019, "item": item, "value": value} for item, value in [
        ("自然人", 482), ("商业企业", 38), ("其他", 3), ("科研机构", 2), ("社会公益组织", 1), ("法律服务机构", 1)]]


@pytest.mark.parametrize("q", ["开封2019年法人或其他组织中哪类最多", "开封2019年法人中哪类最多"])
def test_which_legal_person_asked_most_ranks_only_its_columns(kaifeng: Answerer, q: str) -> None:
    # 自然人 (482) is no 法人或其他组织: never the first, nor listed
    a = kaifeng.answer(q)
    assert (a.status, a.value, a.field) == ("answered", 38, "apply.new/commercial")
    assert a.text == ("开封市人民政府2019年法人或其他组织中最多的是商业企业（38件）。依次为：商业企业38件、其他3件、"
                      "科研机构2件、社会公益组织1件、法律服务机构1件。\n"
                      f"{SOURCE}三、收到和处理政府信息公开申请情况")


def test_which_legal_person_of_one_outcome_asked_most(kaifeng: Answerer) -> None:
    # 予以公开 row: 商业企业 37, 科研机构 1, 社会公益组织 0, 法律服务机构 1, 其他 1 (自然人 302 left out)
    a = kaifeng.answer("开封2019年予以公开的法人或其他组织中哪类最多")
    assert (a.status, a.value) == ("answered", 37)
    assert a.text.split("\n")[0] == ("开封市人民政府2019年予以公开的法人或其他组织中最多的是商业企业（37件）。依次为："
                                     "商业企业37件、科研机构1件、法律服务机构1件、其他1件、社会公益组织0件。")


def test_which_reason_withheld_most(kaifeng: Answerer) -> None:
    a = kaifeng.answer("开封2019年不予公开的原因中哪个最多")
    assert (a.status, a.value, a.field) == ("answered", 71, "apply.withheld.query/total")
    assert a.text.startswith("开封市人民政府2019年不予公开中最多的是属于行政查询事项（71件）。"
                             "依次为：属于行政查询事项71件、保护第三方合法权益13件、其他法律行政法规禁止公开1件、")
    assert a.text.endswith("等8项。\n" + SOURCE + "三、收到和处理政府信息公开申请情况")


@pytest.mark.parametrize(("q", "line"), [
    ("开封2019年行政复议结果哪种最多",
     "开封市人民政府2019年行政复议结果中最多的是结果维持（10件）。依次为：结果维持10件、尚未审结5件、结果纠正2件、其他结果2件。"),
    ("开封2019年行政复议结果哪种最少",
     "开封市人民政府2019年行政复议结果中最少的是结果纠正、其他结果（各2件）。依次为：结果纠正2件、其他结果2件、尚未审结5件、结果维持10件。"),
    ("开封2019年行政诉讼哪类最多",
     "开封市人民政府2019年行政诉讼中最多的是未经复议直接起诉（28件）。依次为：未经复议直接起诉28件、复议后起诉4件。"),
])  # fmt: skip
def test_which_result_of_review_and_litigation(kaifeng: Answerer, q: str, line: str) -> None:
    a = kaifeng.answer(q)
    assert a.status == "answered"
    assert a.text == line + "\n" + SOURCE + "四、政府信息公开行政复议、行政诉讼情况"


def test_results_a_report_does_not_print_are_marked_as_sums(kaifeng: Answerer) -> None:
    a = kaifeng.answer("开封2019年办理结果中哪一类最多")
    assert (a.value, a.field) == (342, "apply.disclosed/total")
    assert a.text.split("\n")[0] == (
        "开封市人民政府2019年办理结果中最多的是予以公开（342件）。依次为：予以公开342件、"
        "不予公开85件（报告未单列，由分项相加）、无法提供58件（报告未单列，由分项相加）、部分公开30件、"
        "不予处理11件（报告未单列，由分项相加）、其他处理0件。")


def test_a_blank_item_is_named_not_ranked_as_zero(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("items-blank")
    text = (DATA / "reports" / "kaifeng-2019.txt").read_text(encoding="utf-8")
    assert text.count("10\t2\t2\t5\t19\t") == 1
    (folder / "kaifeng-2019.txt").write_text(text.replace("10\t2\t2\t5\t19\t", "10\t\t2\t5\t19\t"), encoding="utf-8")
    assert not ingest([folder / "kaifeng-2019.txt"], Store(folder / "kb"), Settings()).failures
    a = Answerer(KnowledgeBase.load(folder / "kb")).answer("开封2019年行政复议结果哪种最少")
    assert a.text.split("\n")[0] == ("开封市人民政府2019年行政复议结果中最少的是其他结果（2件）。"
                                     "依次为：其他结果2件、尚未审结5件、结果维持10件；结果纠正报告未给出数字，未参加比较。")


def test_a_group_with_no_printed_item_is_not_compared(tmp_path_factory: pytest.TempPathFactory) -> None:
    # 行政复议's four results printed “/”: only the 总计 19 is left, nothing to rank
    folder = tmp_path_factory.mktemp("items-none")
    text = (DATA / "reports" / "kaifeng-2019.txt").read_text(encoding="utf-8")
    assert text.count("10\t2\t2\t5\t19\t") == 1
    (folder / "kaifeng-2019.txt").write_text(text.replace("10\t2\t2\t5\t19\t", "/\t/\t/\t/\t19\t"), encoding="utf-8")
    assert not ingest([folder / "kaifeng-2019.txt"], Store(folder / "kb"), Settings()).failures
    a = Answerer(KnowledgeBase.load(folder / "kb")).answer("开封2019年行政复议结果哪种最多")
    assert (a.status, a.value, a.agency, a.year) == ("unknown", None, "开封市人民政府", 2019)
    assert a.text == "开封市人民政府2019年的年报没有给出行政复议结果各项的数字，无法比较。"


def test_a_group_with_one_printed_item_names_it_and_the_unprinted_ones(tmp_path_factory: pytest.TempPathFactory) -> None:
    # 行政复议 结果维持 10 printed, 纠正, 其他, 尚未审结 “/”
    folder = tmp_path_factory.mktemp("items-one")
    text = (DATA / "reports" / "kaifeng-2019.txt").read_text(encoding="utf-8")
    assert text.count("10\t2\t2\t5\t19\t") == 1
    (folder / "kaifeng-2019.txt").write_text(text.replace("10\t2\t2\t5\t19\t", "10\t/\t/\t/\t19\t"), encoding="utf-8")
    assert not ingest([folder / "kaifeng-2019.txt"], Store(folder / "kb"), Settings()).failures
    a = Answerer(KnowledgeBase.load(folder / "kb")).answer("开封2019年行政复议结果哪种最多")
    assert (a.status, a.value) == ("answered", 10)
    assert a.text.split("\n")[0] == ("开封市人民政府2019年行政复议结果中最多的是结果维持（10件）。依次为：结果维持10件；"
                                     "结果纠正、其他结果、尚未审结报告未给出数字，未参加比较。")


def test_the_applicants_of_one_outcome_are_ranked_not_the_outcome_total_given(kaifeng: Answerer) -> None:
    # 开封2019 table 三, row (一)予以公开: 自然人302 商业企业37 科研机构1 社会公益组织0 法律服务机构1 其他1 (总计342) —
    # it answered the row's total, 342, for “which kind of applicant”
    a = kaifeng.answer("开封2019年予以公开的申请人中哪类最多")
    assert (a.status, a.value) == ("answered", 302)
    assert a.text.startswith("开封市人民政府2019年予以公开的申请人中最多的是自然人（302件）。依次为：自然人302件、商业企业37件、")
