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
