"""Questions as query plans, over the five shared reports loaded together.

tests/data/golden_plans.jsonl: hand-written questions (everyday words, differences, growth, rates,
rankings, series, units, prose, precision) with answers worked out by hand from the documents and
the plan each should compile to.  Bar: no wrong figure, ≥95 % right, and no miss beyond the ones
pinned here by id.  Property tests: the arithmetic obeys its own laws on every loaded report.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from bot.understand.extract import extract
from bot.understand.normalise import normalise
from bot.understand.plan import compile_plan
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from scoring import judge  # noqa: E402

REPORTS = ROOT / "knowledge" / "data" / "reports"
CASES = [json.loads(line) for line in (ROOT / "tests" / "data" / "golden_plans.jsonl").read_text(encoding="utf-8")
         .splitlines() if line.strip()]
# Misses we know and accept for now (an honest “unknown”, never a figure): any other miss fails.
KNOWN_MISSES = {
    "g-134",  # 办结的申请数量: 办结 (办理结果总计) and 申请数量 (新收) both name a row — asked back per year
    "g-139",  # 部分公开和予以公开: two items in one series
    "g-160",  # 现行有效 470: only the html has it split; the .txt cell is uncertain (expected miss, see golden README)
    "g-161",  # 废止 132: the same flattened cell
}
KNOWN_WRONG: set[str] = set()
SHORT = {"开封市人民政府": "开封", "平潭综合实验区": "平潭", "淮安市洪泽区人民政府": "洪泽区"}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("plans") / "kb.json"
    files = [REPORTS / n for n in ("kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt",
                                   "hongze-2023.pdf")]
    ingest(files, Store(db), Settings())
    return Answerer(KnowledgeBase.load(db))


def test_golden_answers_end_to_end(answerer: Answerer) -> None:
    verdicts = {}
    for c in CASES:
        got = answerer.answer(c["q"], Context()).to_json()
        v = judge(c["expect"], got)
        if v == "correct" and "agency" in c["expect"] and got.get("agency") != c["expect"]["agency"]:
            v = "wrong"  # the winner of “哪个单位…最多”
        if v == "correct" and "year" in c["expect"] and got.get("year") not in (None, c["expect"]["year"]):
            v = "wrong"
        verdicts[c["id"]] = v
    wrong = {i for i, v in verdicts.items() if v == "wrong"}
    missed = {i for i, v in verdicts.items() if v == "missed"}
    assert wrong <= KNOWN_WRONG
    assert missed <= KNOWN_MISSES | KNOWN_WRONG
    assert sum(v == "correct" for v in verdicts.values()) >= 0.95 * len(CASES)


_OPS = {"max": ("rank", "max"), "min": ("rank", "min"), "rank": ("rank", "max"), "breakdown": ("each", None)}


@pytest.mark.parametrize("case", [c for c in CASES if c["class"] != "precision"], ids=lambda c: c["id"])
def test_golden_plans(answerer: Answerer, case: dict) -> None:
    """The plan names the operation, and only agencies and years the golden plan selects."""
    q = normalise(case["q"], answerer.lex)
    slots = extract(q, answerer.agency_index)
    plan = compile_plan(q, slots, answerer.ops, lambda part: extract(part, answerer.agency_index))
    want = case["plan"]
    op, order = _OPS.get(want["op"], (want["op"], None))
    if op in ("rate", "share"):  # 不予公开的比例 is 不予公开率: a share of 办理结果总计 either way
        assert plan.op in ("rate", "share")
    else:
        assert plan.op == op
    if order:
        assert plan.order == order
    assert set(plan.agencies) <= set(want["agencies"])
    assert set(plan.years) <= set(want["years"]) | set(range(min(want["years"]), max(want["years"]) + 1))


# ------------------------------------------------------------------ properties
ITEMS = ["行政复议", "收到的申请", "不予公开", "行政诉讼", "予以公开", "无法提供", "行政处罚", "自然人申请"]
POINTS = [("开封", 2019), ("平潭", 2019), ("平潭", 2021), ("平潭", 2023), ("洪泽区", 2023)]
# Each item's figure at each point, read by hand from the reports (table 三 total column, table 四 总计,
# table 二 处理决定数量; 不予公开 and 无法提供 are the sums of their printed items, 行政诉讼 直接起诉 +
# 复议后起诉).  平潭 2019 prints 行政处罚 as one run of digits “26480430” (上一年项目数量, 本年增/减 and
# 处理决定数量 run together): no figure.
FIGURES = {
    "行政复议": [19, 0, 3, 2, 0],
    "收到的申请": [527, 23, 70, 81, 21],
    "不予公开": [85, 0, 8, 5, 3],
    "行政诉讼": [32, 0, 12, 7, 0],
    "予以公开": [342, 7, 30, 22, 0],
    "无法提供": [58, 12, 25, 31, 13],
    "行政处罚": [20815, None, 1282, 1330, 4119],
    "自然人申请": [482, 23, 64, 80, 21],
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_difference_is_antisymmetric_and_later_minus_earlier(answerer: Answerer, data: st.DataObject) -> None:
    (i, j) = data.draw(st.lists(st.integers(0, len(POINTS) - 1), min_size=2, max_size=2, unique=True))
    (a, ya), (b, yb) = POINTS[i], POINTS[j]
    item = data.draw(st.sampled_from(ITEMS))
    fa, fb = FIGURES[item][i], FIGURES[item][j]
    ab = answerer.answer(f"{a}{ya}年{item}比{b}{yb}年多多少", Context())
    ba = answerer.answer(f"{b}{yb}年{item}比{a}{ya}年多多少", Context())
    less = answerer.answer(f"{b}{yb}年{item}比{a}{ya}年少多少", Context())
    want = ("unknown", None) if fa is None or fb is None else ("answered", fa - fb)
    # the first named minus the second: a swapped sign is as wrong as a wrong figure
    assert (ab.status, ab.value) == want
    assert (ba.status, ba.value) == (want[0], None if want[1] is None else -want[1])
    assert (less.status, less.value) == want  # “b 比 a 少多少” is a − b


@pytest.mark.parametrize("item", ITEMS)
def test_ranking_top_is_the_series_maximum(answerer: Answerer, item: str) -> None:
    # 平潭 2019, 2021, 2023 (FIGURES' 2nd to 4th points); the years without a figure are left out
    years = {y: v for (who, y), v in zip(POINTS, FIGURES[item], strict=True) if who == "平潭" and v is not None}
    top = answerer.answer(f"平潭哪年{item}最多", Context())
    low = answerer.answer(f"平潭哪年{item}最少", Context())
    series = answerer.answer(f"平潭历年{item}", Context())
    assert (top.status, low.status, series.status) == ("answered", "answered", "answered")
    assert [(p["year"], p["value"]) for p in series.series] == list(years.items())
    assert (top.value, low.value) == (max(years.values()), min(years.values()))
    assert top.ranking[0]["value"] == max(years.values())
    assert top.ranking[0]["year"] in [y for y, v in years.items() if v == top.value]


# Each rate's formula as the report's own cells make it (公开率 = (予以公开 + 部分公开) ÷ 办理结果总计,
# 纠错率 = 结果纠正 ÷ (行政复议总计 − 尚未审结)), worked out by hand; a denominator of 0 is no rate.
_T = "本年度办理结果总计"
RATES = [
    ("开封2019年公开率", 70.72, f"(予以公开342 + 部分公开30) ÷ {_T}526 = 70.72%"),
    ("平潭2019年公开率", 34.78, f"(予以公开7 + 部分公开1) ÷ {_T}23 = 34.78%"),
    ("平潭2021年公开率", 50.72, f"(予以公开30 + 部分公开5) ÷ {_T}69 = 50.72%"),
    ("平潭2023年公开率", 51.85, f"(予以公开22 + 部分公开20) ÷ {_T}81 = 51.85%"),
    ("洪泽区2023年公开率", 19.05, f"(予以公开0 + 部分公开4) ÷ {_T}21 = 19.05%"),
    ("开封2019年予以公开率", 65.02, f"予以公开342 ÷ {_T}526 = 65.02%"),
    ("平潭2021年予以公开率", 43.48, f"予以公开30 ÷ {_T}69 = 43.48%"),
    ("洪泽区2023年予以公开率", 0, f"予以公开0 ÷ {_T}21 = 0%"),
    ("开封2019年不予公开率", 16.16, f"不予公开85 ÷ {_T}526 = 16.16%"),
    ("平潭2023年不予公开率", 6.17, f"不予公开5 ÷ {_T}81 = 6.17%"),
    ("洪泽区2023年不予公开率", 14.29, f"不予公开3 ÷ {_T}21 = 14.29%"),
    ("开封2019年行政复议纠错率", 14.29, "行政复议结果纠正2 ÷ (行政复议总计19 − 行政复议尚未审结5) = 14.29%"),
    ("平潭2023年行政复议纠错率", 50, "行政复议结果纠正1 ÷ (行政复议总计2 − 行政复议尚未审结0) = 50%"),
    ("平潭2019年行政复议纠错率", None, None),  # 行政复议 0 − 0: no rate
    ("洪泽区2023年行政复议纠错率", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("q", "value", "formula"), RATES, ids=[r[0] for r in RATES])
def test_a_rate_is_computed_from_the_cells_its_definition_names(
        answerer: Answerer, q: str, value: float | None, formula: str | None) -> None:
    a = answerer.answer(q, Context())
    assert (a.value, a.formula) == (value, formula)
    assert (a.status, a.unit) == (("answered", "%") if value is not None else ("unknown", None))


def test_a_change_one_report_states_is_quoted_not_computed(answerer: Answerer) -> None:
    """“同比增长多少” about one report: the report's own 20%, never 20 − 20 = 0 (开封 一: 访问量同比增长20%)."""
    a = answerer.answer("开封2019年政府网站访问量同比增长多少", Context())
    assert (a.status, a.value, a.unit) == ("answered", 20, "%")
    same = answerer.answer("平潭2023年行政复议比2023年多多少", Context())
    assert same.status == "unknown" and same.value is None
