"""A total over one body's years says the years as a person would (together.years_said): a run of three or more
consecutive years as 2021—2023年, two years or years with gaps one by one (2022年和2023年, 2019年和2021年和2023年).

平潭's bundled reports are of 2019, 2021 and 2023; a copy of its 2021 report stored as 2022 (the same figures,
another year) makes a run.  本年新收政府信息公开申请 总计, read by hand from the reports' table 三: 2019 23,
2021 70 (so the copy's 2022 70), 2023 81.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import parse_file
from knowledge.kb import KnowledgeBase
from knowledge.models import Parsed
from knowledge.paths import DATA
from knowledge.store import Store

PT = "平潭综合实验区"
TAIL = "；报告未单列此数，由各报告的数字相加）。"


def _as_year(p: Parsed, year: int) -> Parsed:
    rid = f"{p.report.agency}-{year}"
    return Parsed(replace(p.report, id=rid, year=year), [replace(f, report=rid) for f in p.facts])


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("year_runs") / "kb"
    p19, p21, p23 = (parse_file(DATA / "reports" / f"pingtan-{y}.txt", Settings()) for y in (2019, 2021, 2023))
    Store(db).put([p19, p21, _as_year(p21, 2022), p23])
    return Answerer(KnowledgeBase.load(db))


@pytest.mark.parametrize(("q", "value", "head"), [
    ("平潭2021年到2023年一共收到多少申请", 221,
     f"{PT}2021—2023年本年新收政府信息公开申请合计221件（2021年70 + 2022年70 + 2023年81 = 221{TAIL}"),
    ("平潭2022年和2023年一共收到多少申请", 151,
     f"{PT}2022年和2023年本年新收政府信息公开申请合计151件（2022年70 + 2023年81 = 151{TAIL}"),
    ("平潭2019年、2021年和2023年一共收到多少申请", 174,
     f"{PT}2019年和2021年和2023年本年新收政府信息公开申请合计174件（2019年23 + 2021年70 + 2023年81 = 174{TAIL}"),
])  # fmt: skip
def test_the_years_of_a_total_are_said_as_a_run_or_one_by_one(answerer: Answerer, q: str, value: int, head: str) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.value, a.unit) == ("answered", value, "件")
    assert a.text.split("\n")[0] == head
