"""End to end over real reports of one place: 平潭综合实验区's own 2023 report and five of its bodies'
(tests/data/reports/, sources in its README), asked by the short names people use.  Figures read by
hand from the documents' tables (三、一 本年新收政府信息公开申请数量 · 总计)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "tests" / "data" / "reports"
PT = "平潭综合实验区"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("pt") / "kb.json"
    files = [ROOT / "knowledge" / "data" / "reports" / "pingtan-2023.txt", *sorted(HERE.glob("pingtan-*-2023.txt"))]
    summary = ingest(files, Store(db), Settings())
    assert not summary.failures
    return Answerer(KnowledgeBase.load(db))


@pytest.mark.parametrize(
    ("q", "agency", "value"),
    [
        ("管委办2023年收到多少申请", f"{PT}管委会办公室", 21),  # 210000021: 自然人 21 … 总计 21
        ("平潭管委会办公室2023年收到多少政府信息公开申请", f"{PT}管委会办公室", 21),
        ("平潭财政局2023年收到多少申请", f"{PT}财政金融局", 0),  # “0 0 0 0 0 00”
        ("财政金融局2023年收到几件申请", f"{PT}财政金融局", 0),
        ("市场监管局2023年收到多少申请", f"{PT}市场监督管理局", 1),  # 1000001; prose: 共收到…申请1件
        ("平潭市场监督管理局2023年收到多少申请", f"{PT}市场监督管理局", 1),
        ("社会事业局2023年收到多少申请", f"{PT}社会事业局", 1),  # 1000001
        ("平潭2023年市场监管局收到多少申请", f"{PT}市场监督管理局", 1),  # the year between place and body
    ],
)
def test_a_body_asked_by_its_short_name(answerer: Answerer, q: str, agency: str, value: int) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.agency, a.value) == ("answered", agency, value)


def test_the_bare_place_is_its_own_report_and_the_reply_names_the_others(answerer: Answerer) -> None:
    a = answerer.answer("平潭2023年收到多少申请", Context())
    assert (a.status, a.agency, a.value) == ("answered", PT, 81)  # 801000081: 自然人 80, 商业企业 1, 总计 81
    first = a.text.splitlines()[0]
    assert first.startswith(f"按{PT}的年报回答；同地还有管委会办公室、")


def test_a_follow_up_by_body_stays_in_the_place(answerer: Answerer) -> None:
    ctx = Context()
    assert answerer.answer("平潭财政局2023年收到多少申请", ctx).value == 0
    a = answerer.answer("那社会事业局呢？", ctx)
    assert (a.status, a.agency, a.value) == ("answered", f"{PT}社会事业局", 1)
    a = answerer.answer("管委办呢", ctx)
    assert (a.status, a.agency, a.value) == ("answered", f"{PT}管委会办公室", 21)


def test_two_bodies_in_one_question(answerer: Answerer) -> None:
    a = answerer.answer("管委办和市场监管局2023年分别收到多少申请", Context())
    assert a.status == "answered" and f"{PT}管委会办公室" in a.text and f"{PT}市场监督管理局" in a.text


def test_a_body_the_place_has_not_loaded_is_unknown_with_the_place_listed(answerer: Answerer) -> None:
    a = answerer.answer("平潭交通运输局2023年收到多少申请", Context())
    assert a.status == "unknown" and "平潭交通运输局" in a.text and f"{PT}财政金融局" in a.text
    assert a.value is None


def test_a_misspelt_place_is_offered_back_and_the_offer_answers(answerer: Answerer) -> None:
    a = answerer.answer("平谭财政局2023年收到多少申请", Context())
    assert a.status == "clarify" and "您是指" in a.text and a.options == ["平潭财政局2023年收到多少申请"]
    picked = answerer.answer(a.options[0], Context())
    assert (picked.agency, picked.value) == (f"{PT}财政金融局", 0)


def test_a_misspelt_place_alone_is_offered_back(answerer: Answerer) -> None:
    a = answerer.answer("平谭2023年收到多少申请", Context())
    assert a.status == "clarify" and "您是指“平潭”吗" in a.text and a.options == ["平潭2023年收到多少申请"]


def test_no_agency_named_asks_which_with_every_body_of_that_year(answerer: Answerer) -> None:
    a = answerer.answer("2023年收到多少申请", Context())
    assert a.status == "clarify" and len(a.options) == 6
    answers = [answerer.answer(o, Context()) for o in a.options]
    assert sorted(x.agency for x in answers if x.status == "answered") == sorted(
        [PT, *(f"{PT}{b}" for b in ("管委会办公室", "财政金融局", "经济发展局", "社会事业局", "市场监督管理局"))])


def test_a_body_the_place_talked_about_lacks_is_asked_not_answered(tmp_path_factory: pytest.TempPathFactory) -> None:
    db = tmp_path_factory.mktemp("kf") / "kb.json"
    files = [ROOT / "knowledge" / "data" / "reports" / "kaifeng-2019.txt", HERE / "pingtan-caizheng-2023.txt"]
    ingest(files, Store(db), Settings())
    answerer, ctx = Answerer(KnowledgeBase.load(db)), Context()
    assert answerer.answer("开封2019年行政复议多少件", ctx).value == 19
    a = answerer.answer("那财政局呢？", ctx)  # 开封 has no 财政局 report: 平潭's is offered, not answered
    assert a.status == "clarify" and f"{PT}财政金融局" in a.text and a.value is None


def test_which_department_of_a_region_ranks_its_bodies_not_the_region_itself(answerer: Answerer) -> None:
    # table 三 本年新收 · 总计 by hand: 管委会办公室 21, 经济发展局 3, 市场监督管理局 1, 社会事业局 1, 财政金融局 0
    a = answerer.answer("平潭哪个部门2023年收到的信息公开申请最多", Context())
    assert (a.status, a.agency, a.value) == ("answered", f"{PT}管委会办公室", 21)
    assert [r["agency"] for r in a.ranking][:2] == [f"{PT}管委会办公室", f"{PT}经济发展局"]
    assert PT not in [r["agency"] for r in a.ranking]  # 部门: the region's own report is not one of them


def test_each_department_of_a_region_is_listed_with_its_figure(answerer: Answerer) -> None:
    a = answerer.answer("平潭各部门2023年分别收到多少申请", Context())
    assert a.status == "answered"
    for body, n in (("管委会办公室", 21), ("经济发展局", 3), ("市场监督管理局", 1), ("财政金融局", 0)):
        assert f"{PT}{body}2023年：{n}件" in a.text


def test_the_ending_a_report_calls_its_own_body_by_is_answered_with_how_it_was_read(answerer: Answerer) -> None:
    # 平潭's reports call the region “实验区”; only one loaded body's name ends so: no question back with one option
    a = answerer.answer("实验区2023年收到多少申请", Context())
    assert (a.status, a.agency) == ("answered", PT)
    assert a.text.split("\n")[0] == f"“实验区”按{PT}理解。"
    assert a.value == 81  # 平潭 2023 表三 本年新收 总计


def test_a_full_name_followed_by_its_government_word_is_that_body(answerer: Answerer) -> None:
    # was “报告中没有“管委会”这一项”
    a = answerer.answer(f"{PT}管委会2023年收到多少申请", Context())
    assert (a.status, a.agency) == ("answered", PT)
    assert a.value == 81  # 平潭 2023 表三 本年新收 总计


@pytest.mark.parametrize(("q", "first", "order"), [
    ("平潭2023年市场监管局和财政金融局哪个收到的申请多", f"{PT}市场监督管理局", ["1件", "0件"]),
    ("平潭2023年市场监管局和财政金融局哪个收到的申请少", f"{PT}财政金融局", ["0件", "1件"]),
])  # fmt: skip
def test_which_of_two_named_bodies_has_more(answerer: Answerer, q: str, first: str, order: list[str]) -> None:
    # 市场监督管理局 received 1 application, 财政金融局 0; the place's own report (81) is not among them
    a = answerer.answer(q, Context())
    assert (a.status, a.agency, a.year) == ("answered", first, 2023)
    assert [(x["agency"], f"{x['value']}件") for x in a.ranking] == list(zip(
        [first, f"{PT}财政金融局" if first != f"{PT}财政金融局" else f"{PT}市场监督管理局"], order, strict=True))


def test_a_rate_the_text_states_of_something_else_is_not_the_rate_asked(answerer: Answerer) -> None:
    # 财政金融局: “主动公开的政府信息占21.02%” (in 二, before its flattened table) — and “公开率100%” of budgets
    for q in ("平潭财政金融局2023年主动公开率是多少", "平潭财政金融局2023年主动公开的信息占多少比例"):
        a = answerer.answer(q, Context())
        assert (a.status, a.value, a.unit) == ("answered", 21.02, "%"), q
        assert a.text.startswith(f"{PT}财政金融局2023年：主动公开的政府信息占21.02%。")
    a = answerer.answer("平潭财政金融局2023年制作获取政府信息总数多少条", Context())
    assert (a.status, a.value) == ("answered", 509)


@pytest.mark.parametrize(("q", "value"), [("平潭财政金融局2023年减税降费信息公开了多少条", 22),
                                          ("平潭财政金融局2023年财政资金直达基层信息多少条", 9)])
def test_the_prose_after_a_flattened_table_is_read(answerer: Answerer, q: str, value: int) -> None:
    # 财政金融局's 二 runs “…行政事业性收费5949.09(二)主动公开政府信息的主要类别2023年，…其中:减税降费22条，…
    # 财政资金直达基层9条…” on one crawled line: the sub-headed part after the table's last cell is prose
    a = answerer.answer(q, Context())
    assert (a.status, a.value, a.unit, a.section) == ("answered", value, "条", "二、主动公开政府信息情况")


def test_a_body_read_by_the_rule_is_answered_with_a_note_naming_it(answerer: Answerer) -> None:
    a = answerer.answer("平潭发展局2023年收到多少申请", Context())  # 经济发展局: 3000003 → 总计 3
    assert (a.status, a.agency, a.value) == ("answered", f"{PT}经济发展局", 3)
    assert a.text.splitlines()[0].startswith(f"“平潭发展局”按{PT}经济发展局理解")


def test_a_department_the_place_has_not_loaded_is_not_answered_and_its_bodies_are_listed(answerer: Answerer) -> None:
    a = answerer.answer("平潭审批局2023年收到多少申请", Context())
    assert a.status == "unknown" and a.value is None
    assert "平潭审批局" in a.text and f"{PT}社会事业局" in a.text


def test_a_place_s_departments_listed_with_each_figure(answerer: Answerer) -> None:
    a = answerer.answer("平潭的部门2023年一共收到多少申请", Context())
    for body, n in (("管委会办公室", 21), ("财政金融局", 0), ("市场监督管理局", 1), ("社会事业局", 1), ("经济发展局", 3)):
        assert f"{PT}{body}2023年：{n}件" in a.text
    a = answerer.answer("2023年平潭哪个部门收到的申请最多", Context())
    assert a.text.splitlines()[1] == f"1. {PT}管委会办公室2023年：21件"


@pytest.mark.parametrize("town", ["和林镇", "青山镇", "城关街道", "大河乡"])
def test_a_township_or_street_not_loaded_is_said_so_not_asked_among_the_loaded_bodies(answerer: Answerer,
                                                                                      town: str) -> None:
    # a place written as one (…镇/乡/街道) that no loaded report names: never one of the loaded bodies'
    # figures, never their list as options (和林镇 was asked back as “平潭和林镇…/开封和林镇…”)
    a = answerer.answer(f"{town}2023年收到多少申请", Context())
    assert (a.status, a.value) == ("unknown", None)
    assert a.text.startswith(f"知识库中没有“{town}”的年报。已载入：")


@pytest.mark.parametrize("q", ["2019年城乡低保多少", "2023年乡镇收到多少申请"])
def test_words_like_a_place_that_name_none_are_not_taken_for_one(answerer: Answerer, q: str) -> None:
    assert "知识库中没有“" not in answerer.answer(q, Context()).text
