"""A city inside a loaded province (河南郑州 with only 河南省人民政府 loaded), a district of another city said by its
stem (开封金水: 金水区 is 郑州's) or after 的 (开封的金水区): a body not loaded, said so — never the outer place's
government's figure (行政复议19件 in 开封's report, 19 in the same report renamed 河南省)."""

from __future__ import annotations

from pathlib import Path

import pytest
from kb_files import KAIFENG, bundled_answerer, pages_answerer

from bot.reply.answer import Answerer, Context


@pytest.fixture(scope="module")
def henan(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    text = Path(KAIFENG).read_text(encoding="utf-8").replace("开封市", "河南省").replace("开封", "河南")
    return pages_answerer(tmp_path_factory, {"henan-2019.txt": text})


@pytest.fixture(scope="module")
def kaifeng(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "kaifeng-2019.txt")


@pytest.mark.parametrize("said", ["河南郑州", "河南郑州市", "河南省郑州市", "河南的郑州", "河南开封"])
def test_a_city_of_a_loaded_province_is_not_loaded(henan: Answerer, said: str) -> None:
    a = henan.answer(f"{said}2019年行政复议多少件", Context())
    assert (a.status, a.value) == ("unknown", None)
    assert a.text == f"知识库中没有“{said}”的年报。已载入：河南省人民政府（2019年）。"


def test_the_province_alone_is_still_answered(henan: Answerer) -> None:
    a = henan.answer("河南2019年行政复议多少件", Context())
    assert (a.status, a.value, a.agency) == ("answered", 19, "河南省人民政府")


@pytest.mark.parametrize("said", ["开封金水", "开封的金水区"])
def test_another_citys_district_by_its_stem_or_after_de_is_not_loaded(kaifeng: Answerer, said: str) -> None:
    a = kaifeng.answer(f"{said}2019年行政复议多少件", Context())
    assert (a.status, a.value) == ("unknown", None)
    assert a.text == f"知识库中没有“{said}”的年报。已载入：开封市人民政府（2019年）。"


def test_a_district_stem_inside_other_words_is_no_place(tmp_path_factory: pytest.TempPathFactory) -> None:
    # 和平 is the stem of 和平区 (天津, 沈阳): “开封和平潭” is 开封 and 平潭, never a district of 开封
    a = bundled_answerer(tmp_path_factory, "kaifeng-2019.txt", "pingtan-2019.txt").answer(
        "开封和平潭2019年行政复议各多少件", Context())
    assert a.status == "answered"
    assert a.text.split("\n")[:2] == [
        "开封市人民政府2019年行政复议19件（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）。",
        "平潭综合实验区2019年行政复议0件（结果维持0件、结果纠正0件、其他结果0件、尚未审结0件）。"]
