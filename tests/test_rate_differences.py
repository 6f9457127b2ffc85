"""Two rates compared differ by percentage points, not per cent: 43.48% and 27.16% are 16.32个百分点 apart (a
change of a rate over a series already says so).

平潭 2021 表三: 予以公开30, 本年度办理结果总计69 (43.48%); 平潭 2023: 予以公开22, 总计81 (27.16%)
(knowledge/data/reports/pingtan-2021.txt, pingtan-2023.txt).
"""

from __future__ import annotations

import pytest
from kb_files import bundled_answerer

from bot.reply.answer import Answerer, Context


@pytest.fixture(scope="module")
def pingtan(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "pingtan-2021.txt", "pingtan-2023.txt")


def test_two_rates_differ_by_points(pingtan: Answerer) -> None:
    a = pingtan.answer("平潭2021年予以公开率比2023年高多少", Context())
    assert (a.status, a.value, a.formula) == ("answered", 16.32, "43.48 − 27.16 = 16.32")
    assert a.text.splitlines()[0] == ("平潭综合实验区2021年43.48%，平潭综合实验区2023年27.16%。"
                                      "平潭综合实验区2021年比2023年多16.32个百分点（43.48 − 27.16 = 16.32）。")


def test_counts_still_differ_in_their_unit(pingtan: Answerer) -> None:
    a = pingtan.answer("平潭2021年予以公开比2023年多多少件", Context())
    assert (a.status, a.value) == ("answered", 8)
    assert a.text.splitlines()[0] == "平潭综合实验区2021年30件，平潭综合实验区2023年22件。平潭综合实验区2021年比2023年多8件（30 − 22 = 8）。"
