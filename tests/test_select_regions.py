"""The bodies a “哪个单位/各部门” question runs over (bot/reply/select.py `_pool`), pinned for its mutation
run of issue 25: a region named alone is that region's bodies — never those of the province or the city
above it — and a department named alone is that department only.

Bodies outside 平潭 are copies of tests/data/reports/pingtan-caizheng-2023.txt under another name (its
figures are all 0: no application, no review); 平潭's own from knowledge/data/reports/pingtan-2023.txt (本年新收
81) and tests/data/reports/pingtan-jingjifazhan-2023.txt (本年新收 3, table 四 all 0).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer
from knowledge.paths import DATA
from knowledge.store import Store

TESTS = Path(__file__).parent / "data" / "reports"
PT = "平潭综合实验区"
JJ = "平潭综合实验区经济发展局"
HZ = "淮安市洪泽区人民政府"
T4 = "四、政府信息公开行政复议、行政诉讼情况"


def _renamed(folder: Path, name: str, file: str) -> Path:
    text = (TESTS / "pingtan-caizheng-2023.txt").read_text(encoding="utf-8")
    town = name[:3]  # 福州市, 淮安市
    out = folder / file
    out.write_text(text.replace("平潭综合实验区财政金融局", name).replace(PT, town), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def regions(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    """平潭 (a region of 福建省) and one of its departments; 福州市财政局, another body of 福建省; 洪泽区's
    government (江苏省 › 淮安市 › 洪泽区) and 淮安市财政局, a body of the city above it."""
    folder = tmp_path_factory.mktemp("regions")
    files = [DATA / "reports" / "pingtan-2023.txt", TESTS / "pingtan-jingjifazhan-2023.txt",
             _renamed(folder, "福州市财政局", "fuzhou-caizheng-2023.txt"),
             _renamed(folder, HZ, "hongze-2023.txt"), _renamed(folder, "淮安市财政局", "huaian-caizheng-2023.txt")]
    db = folder / "kb.json"
    assert not ingest(files, Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def ask(answerer: Answerer, question: str) -> Answer:
    return answerer.answer(question, Context())


def test_a_regions_departments_are_its_own_not_its_provinces(regions: Answerer) -> None:
    a = ask(regions, "平潭各部门2023年行政复议多少")  # not 福州市财政局, also of 福建省; not 平潭's own government
    assert a.series == [{"agency": JJ, "year": 2023, "value": 0}]
    assert a.text == (f"{JJ}2023年：0件\n来源：《{JJ}2023年度政府信息公开工作年度报告》四、政府信息公开行政复议与行政诉讼情况")


def test_a_district_is_its_own_bodies_not_its_citys(regions: Answerer) -> None:
    a = ask(regions, "洪泽哪个单位2023年收到申请最多")  # not 淮安市财政局, a body of the city above 洪泽区
    assert a.ranking == [{"agency": HZ, "year": 2023, "value": 0}]
    assert a.text.startswith(f"按机关比较（1个已载入）：{HZ}2023年最多：0件\n1. {HZ}2023年：0件\n来源：")


def test_a_department_named_with_its_departments_is_that_department_alone(regions: Answerer) -> None:
    a = ask(regions, f"{JJ}各部门2023年行政复议多少")  # never 平潭's government, the region it is in
    assert a.series == [{"agency": JJ, "year": 2023, "value": 0}]
    assert (a.agency, a.year, a.value) == (JJ, 2023, 0)


def test_a_region_ranks_its_government_and_departments(regions: Answerer) -> None:
    a = ask(regions, "平潭哪个单位2023年收到申请最多")  # 本年新收: 平潭 81, 经济发展局 3
    # 经济发展局's table 三 does not add up (新收 3, 办理结果总计 0): warned
    assert a.ranking == [{"agency": PT, "year": 2023, "value": 81}, {"agency": JJ, "year": 2023, "value": 3, "warned": True}]


@pytest.fixture(scope="module")
def bodies(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    """开封 2019, 平潭 2019/2021/2023 and five of 平潭's bodies with 2023 only (tests/data/reports)."""
    files = [DATA / "reports" / n for n in ("kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt")]
    db = tmp_path_factory.mktemp("bodies") / "kb.json"
    assert not ingest(files + sorted(TESTS.glob("pingtan-*-2023.txt")), Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


DEPARTMENTS = [f"{PT}{d}" for d in ("财政金融局", "管委会办公室", "经济发展局", "社会事业局", "市场监督管理局")]


def test_each_body_without_the_year_asked_is_named(bodies: Answerer) -> None:
    a = ask(bodies, "2021年各单位行政复议多少")  # only 平潭 has a 2021 report: 3 (table 四, 行政复议 总计)
    assert a.series == [{"agency": PT, "year": 2021, "value": 3}]
    gone = "；".join(f"{ag}2021年（未载入）" for ag in ["开封市人民政府", *DEPARTMENTS])
    assert a.text == (f"{PT}2021年：3件\n没有数字：{gone}\n"
                      f"来源：《{PT}2021年度政府信息公开工作年度报告》{T4}")


def test_a_body_without_either_year_asked_is_named_once(bodies: Answerer) -> None:
    a = ask(bodies, "2019年和2021年各单位行政复议多少")  # 平潭 2019: 0, 2021: 3; 开封 2019: 19
    gone = "；".join(["开封市人民政府2021年（未载入）", *(f"{ag}2019年（未载入）" for ag in DEPARTMENTS)])
    assert a.text.split("\n")[:4] == [f"{PT}2019年：0件", f"{PT}2021年：3件", "开封市人民政府2019年：19件", f"没有数字：{gone}"]


def test_two_bodies_named_for_which_year_asks_which_body(bodies: Answerer) -> None:
    # “哪年最多” runs over one body's years: never 平潭's alone when 开封 is named too
    a = ask(bodies, "平潭和开封哪年行政复议最多")
    assert (a.status, a.value, a.ranking) == ("clarify", None, [])
    assert a.text.split("\n")[0] == "知识库中有2个机关的年报，您问的是哪一个？"
