"""A district or county of another city said after a loaded city's name is a body not loaded, never dropped:
金水区 is 郑州's, 龙亭区 开封's — with only 开封市人民政府 loaded both are said not loaded, and 开封's own figure
(行政复议19件) is not given for either."""

from __future__ import annotations

import pytest
from kb_files import bundled_answerer

from bot.reply.answer import Answerer, Context


@pytest.fixture(scope="module")
def kaifeng(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "kaifeng-2019.txt")


@pytest.mark.parametrize("said", ["开封金水区", "开封龙亭区", "开封市金水区"])
def test_a_district_after_the_city_is_not_loaded(kaifeng: Answerer, said: str) -> None:
    a = kaifeng.answer(f"{said}2019年行政复议多少件", Context())
    assert (a.status, a.value) == ("unknown", None)
    assert a.text == f"知识库中没有“{said}”的年报。已载入：开封市人民政府（2019年）。"


def test_the_city_alone_is_still_answered(kaifeng: Answerer) -> None:
    a = kaifeng.answer("开封2019年行政复议多少件", Context())
    assert (a.status, a.value) == ("answered", 19)


@pytest.mark.parametrize("place", ["北京", "郑州"])
def test_a_place_named_beside_a_loaded_body_is_said_not_loaded_not_taken_for_an_item(kaifeng: Answerer,
                                                                                      place: str) -> None:
    # said “报告中没有“北京”这一项；年报只统计行政复议等数字”: as if 北京 were a row of the table
    a = kaifeng.answer(f"开封和{place}2019年行政复议各多少件", Context())
    assert (a.status, a.value) == ("unknown", None)
    assert a.text == f"知识库中没有“{place}”的年报。已载入：开封市人民政府（2019年）。"


@pytest.mark.parametrize("said", ["开封市人民政府办公室", "开封市人民政府办"])
def test_the_office_of_a_loaded_government_is_named_whole_as_not_loaded(kaifeng: Answerer, said: str) -> None:
    # never the government's figure, and the name said back whole (not “办公室” alone)
    a = kaifeng.answer(f"{said}2019年行政复议多少件", Context())
    assert (a.status, a.value) == ("unknown", None)
    assert a.text == f"知识库中没有“{said}”的年报。已载入：开封市人民政府（2019年）。"
