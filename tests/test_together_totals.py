"""“一共” over several bodies or years (together.over): the total's value as `ask --json` prints it (a whole
number without “.0”, an amount with its decimals), its field, unit and terms; and the reason said when no
total is given — figures of two units (篇 and 条), rates (percentages).

Figures read by hand: 本年新收政府信息公开申请 总计, table 三 — 平潭 2019 23 (pingtan-2019.txt), 开封 2019 527
(kaifeng-2019.txt); 行政事业性收费 本年收费金额 (万元), table 二 — 平潭 2021 24252.311082, 2023 5949.088667.
Two made-up pages state a rise in percent and a count of 政策解读 in different units.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.paths import DATA
from knowledge.store import Store

PT, KF = "平潭综合实验区", "开封市人民政府"
JS = "2022年，政府网站访问量同比增长20%，发布政策解读10篇。"
YS = "2022年，政府网站访问量同比增长15%，发布政策解读8条。"
PAGES = {
    "jiashan.txt": f"甲山县2022年政府信息公开工作年度报告\n一、总体情况\n{JS}\n",
    "yishui.txt": f"乙水县2022年政府信息公开工作年度报告\n一、总体情况\n{YS}\n",
}
SOURCES = ["来源：《甲山县2022年政府信息公开工作年度报告》一、总体情况", "来源：《乙水县2022年政府信息公开工作年度报告》一、总体情况"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("totals")
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    files = sorted(folder.glob("*.txt")) + [DATA / "reports" / n for n in ("kaifeng-2019.txt", "pingtan-2019.txt",
                                                                             "pingtan-2021.txt", "pingtan-2023.txt")]
    assert not ingest(files, Store(folder / "kb"), Settings()).failures
    return folder / "kb"


@pytest.fixture(scope="module")
def answerer(db: Path) -> Answerer:
    return Answerer(KnowledgeBase.load(db))


def test_a_whole_total_over_bodies_is_printed_without_decimals(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--db", str(db), "--json", "平潭和开封2019年一共收到多少申请"]) == 0
    out = capsys.readouterr().out
    assert '"value": 550,' in out  # 23 + 527, not 550.0
    got = json.loads(out)
    assert (got["unit"], got["field"]) == ("件", "sum.apply.new/total")
    assert got["formula"] == f"{PT}23 + {KF}527 = 550"


def test_a_total_of_amounts_keeps_its_decimals(answerer: Answerer) -> None:
    a = answerer.answer("平潭2021年和2023年行政事业性收费一共多少万元", Context())
    assert (a.status, a.value, a.unit, a.field) == ("answered", 30201.399749, "万元", "sum.active.fee/amount")
    assert a.formula == "2021年24252.311082 + 2023年5949.088667 = 30201.399749"
    assert a.breakdown == [("2021年", 24252.311082), ("2023年", 5949.088667)]
    assert a.text.split("\n")[0] == (f"{PT}2021年和2023年行政事业性收费本年收费金额合计30201.399749万元"
                                     "（2021年24252.311082 + 2023年5949.088667 = 30201.399749；报告未单列此数，由各报告的数字相加）。")


def test_rates_of_two_bodies_are_not_added_and_the_reply_says_why(answerer: Answerer) -> None:
    a = answerer.answer("甲山县和乙水县2022年网站访问量同比增长一共多少", Context())
    assert (a.status, a.value, a.formula) == ("unknown", None, None)
    assert a.text.split("\n") == ["未合计：比率不能相加。", "甲山县2022年：政府网站访问量同比增长20%。", f"原文：“{JS}”",
                                  "乙水县2022年：政府网站访问量同比增长15%。", f"原文：“{YS}”", *SOURCES]


def test_counts_in_two_units_are_not_added_and_the_reply_says_why(answerer: Answerer) -> None:
    a = answerer.answer("甲山县和乙水县2022年政策解读一共多少", Context())
    assert (a.status, a.value, a.formula) == ("unknown", None, None)
    assert a.text.split("\n") == ["未合计：各项不是同一类数字。", "甲山县2022年：发布政策解读10篇。", f"原文：“{JS}”",
                                  "乙水县2022年：发布政策解读8条。", f"原文：“{YS}”", *SOURCES]


def test_a_run_of_years_missing_many_names_the_first_three_missing(answerer: Answerer) -> None:
    a = answerer.answer("平潭2016到2023年一共收到多少申请", Context())  # 平潭 is loaded for 2019, 2021, 2023 only
    assert (a.status, a.value, a.formula) == ("unknown", None, None)
    assert a.text.split("\n")[:2] == ["没有2016、2017、2018、2020、2022年的年报。", "未合计：缺少2016年、2017年、2018年的数字。"]
