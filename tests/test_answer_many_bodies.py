"""More bodies loaded than a reply lists (LIST_MAX = 8): the question back lists eight and says so, the reply
for a place not loaded lists that province's bodies first and counts them all.

Nine bodies: 开封 2019 (knowledge/data/reports/kaifeng-2019.txt) and seven copies of it named for other cities
of 河南 (洛阳, 郑州, 新乡, 安阳, 许昌, 南阳, 商丘), all 2019, and 平潭 2021 (pingtan-2021.txt).
"""

from __future__ import annotations

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.paths import DATA
from knowledge.store import Store

CITIES = ["开封", "洛阳", "郑州", "新乡", "安阳", "许昌", "南阳", "商丘"]


@pytest.fixture(scope="module")
def nine(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    folder = tmp_path_factory.mktemp("many-bodies")
    text = (DATA / "reports" / "kaifeng-2019.txt").read_text(encoding="utf-8")
    files = []
    for i, city in enumerate(CITIES):
        files.append(folder / f"r{i}-2019.txt")
        files[-1].write_text(text.replace("开封", city), encoding="utf-8")
    assert not ingest([*files, DATA / "reports" / "pingtan-2021.txt"], Store(folder / "kb.json"), Settings()).failures
    return Answerer(KnowledgeBase.load(folder / "kb.json"))


def numbered(options: list[str]) -> str:
    return "".join(f"\n{i}. {o}" for i, o in enumerate(options, 1))


def test_nine_bodies_list_eight_and_say_only_eight_are_listed(nine: Answerer) -> None:
    a = nine.answer("行政复议多少件", Context())
    options = [f"{c}行政复议多少件" for c in ["南阳", "商丘", "安阳", "平潭", "开封", "新乡", "洛阳", "许昌"]]
    assert (a.status, a.year, a.options) == ("clarify", None, options)
    assert a.text == "知识库中有9个机关的年报，您问的是哪一个？（只列出前8个，请在问题中写明机关）" + numbered(options)


def test_eight_bodies_with_the_year_are_all_listed_with_no_note(nine: Answerer) -> None:
    a = nine.answer("2019年行政复议多少件", Context())
    options = [f"{c}2019年行政复议多少件" for c in ["南阳", "商丘", "安阳", "开封", "新乡", "洛阳", "许昌", "郑州"]]
    assert (a.status, a.year, a.options) == ("clarify", 2019, options)
    assert a.text == "知识库中有8个机关2019年的年报，您问的是哪一个？" + numbered(options)


def test_a_place_not_loaded_lists_its_provinces_bodies_first_and_counts_all(nine: Answerer) -> None:
    a = nine.answer("周口2019年行政复议多少件", Context())
    henan = "；".join(f"{c}市人民政府（2019年）" for c in ["南阳", "商丘", "安阳", "开封", "新乡", "洛阳", "许昌", "郑州"])
    assert (a.status, a.options) == ("unknown", [])
    assert a.text == f"知识库中没有“周口”的年报。已载入：{henan}等9个机关。"


def test_a_place_of_another_province_lists_its_province_first(nine: Answerer) -> None:
    a = nine.answer("福州2019年行政复议多少件", Context())
    rest = "；".join(f"{c}市人民政府（2019年）" for c in ["开封", "洛阳", "郑州", "新乡", "安阳", "许昌", "南阳"])
    assert a.status == "unknown"
    assert a.text == f"知识库中没有“福州”的年报。已载入：平潭综合实验区（2021年）；{rest}等9个机关。"
