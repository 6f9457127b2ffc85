"""A rate asked of two bodies gives each body's, with how it was computed — the second body was dropped
without a word (平潭和洪泽2023年行政复议纠错率各是多少 answered 平潭's 50% alone).

平潭 2019 表三: 予以公开7, 总计23; 开封 2019: 予以公开342, 总计526; 平潭 2023 表四 行政复议: 纠正1, 总计2, 未审结0;
洪泽 2023 表四 行政复议 总计 printed 0 (its parts add to 11).
"""

from __future__ import annotations

import pytest
from kb_files import bundled_answerer

from bot.reply.answer import Answerer, Context

PT, KF, HZ = "平潭综合实验区", "开封市人民政府", "淮安市洪泽区人民政府"


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2023.txt", "hongze-2023.pdf")


def test_each_bodys_rate_with_its_division(three: Answerer) -> None:
    a = three.answer("平潭和开封2019年予以公开率一共多少", Context())
    assert (a.status, a.value, a.unit) == ("answered", None, "%")
    assert a.series == [{"agency": PT, "year": 2019, "value": 30.43}, {"agency": KF, "year": 2019, "value": 65.02}]
    assert a.text.splitlines()[:3] == [
        "予以公开率：",
        "平潭综合实验区2019年：30.43%（予以公开7 ÷ 本年度办理结果总计23 = 30.43%）",
        "开封市人民政府2019年：65.02%（予以公开342 ÷ 本年度办理结果总计526 = 65.02%）"]


def test_a_body_whose_rate_cannot_be_computed_is_named_with_why(three: Answerer) -> None:
    a = three.answer("平潭和洪泽2023年行政复议纠错率各是多少", Context())
    assert (a.status, a.value, a.agency) == ("answered", 50, PT)
    assert a.text.splitlines()[:3] == [
        "纠错率：",
        "平潭综合实验区2023年：50%（行政复议结果纠正1 ÷ (行政复议总计2 − 行政复议尚未审结0) = 50%）",
        f"没有数字：{HZ}2023年（{HZ}2023年行政复议纠错率的分母为0，无法计算）"]


def test_a_body_without_the_year_is_said_not_loaded(three: Answerer) -> None:
    a = three.answer("平潭和开封2023年予以公开率", Context())
    assert a.text.splitlines()[:3] == ["予以公开率：", "平潭综合实验区2023年：27.16%（予以公开22 ÷ 本年度办理结果总计81 = 27.16%）",
                                       "没有数字：开封市人民政府2023年（未载入）"]
