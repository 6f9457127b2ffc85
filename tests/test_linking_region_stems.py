"""A self-governed place's stem: the level and the nations' names taken off, also a nation named without 族
(新疆维吾尔自治区 → 新疆).  Expectations written by hand from the division table's names."""

from __future__ import annotations

import pytest

from bot.understand import regions


@pytest.mark.parametrize(
    ("name", "stem"),
    [("长阳土家族自治县", "长阳"), ("新疆维吾尔自治区", "新疆"), ("黔西南布依族苗族自治州", "黔西南"),
     ("双江拉祜族佤族布朗族傣族自治县", "双江"), ("广西壮族自治区", "广西"), ("开封市", "开封")],
)
def test_a_place_s_stem_without_its_level_and_nations(name: str, stem: str) -> None:
    fresh = regions.Divisions(nations=regions.divisions().nations)  # its own, empty stem cache
    assert fresh.stem(name) == stem
