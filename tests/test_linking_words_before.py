"""Where a place or a short name begins in a question: the characters read before a body name, and the year
that picks one of several places' bodies a short name fits.

A place is read back over Chinese characters only (一 and U+9FFF are Chinese, Latin letters are not), at most
eight of them, without the opening words and without a 的 after it; what ends with a level character (市, 县 …)
is a place even when no table knows it.  A short name without its place starts after a non-Chinese character
or an opening word, never inside a longer word.  Expectations written by hand from the loaded names.
"""

from __future__ import annotations

import pytest

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
PT = "平潭综合实验区"
KF = "开封市教育局"
GX = "江阴市科学技术和工业信息化局"
LOADED = [(PT, 2023), (f"{PT}财政金融局", 2023), ("开封市人民政府", 2023), (KF, 2023), (GX, 2023),
          ("江阴市商务和投资促进局", 2023), ("滨湖区商务和投资促进局", 2022)]
INDEX = AgencyIndex([Report(id=f"{a}-{y}", agency=a, year=y, title=a, template="2021", source_file="")
                     for a, y in LOADED])


def read(q: str) -> tuple[list[str], str | None, str | None, str | None, list[str], str | None]:
    s = extract(normalise(q, LEX), INDEX, None)
    r = s.resolution
    return s.agencies, r.unknown, r.suggest, r.said, r.options, r.note


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        # Latin letters before a misspelt place are not part of it: 平谭 is offered as 平潭
        ("ok平谭财政局收到多少申请", ([], None, "平潭财政局", "平谭财政局", [], None)),
        # 一 and U+9FFF are Chinese: 一平谭 / 鿿平谭 is read whole, no place is one character from it, so the
        # one loaded 财政局 answers
        ("一平谭财政局收到多少申请", ([f"{PT}财政金融局"], None, None, None, [], None)),
        ("\u9fff平谭财政局收到多少申请", ([f"{PT}财政金融局"], None, None, None, [], None)),
        # eight characters back at most: 新疆维吾尔自治区, not 于新疆维吾尔自治区
        ("关于新疆维吾尔自治区教育局收到多少申请", ([], "新疆维吾尔自治区教育局", None, "新疆维吾尔自治区教育局", [], None)),
        # the 的 after a place is not part of it
        ("郑州的教育局收到多少申请", ([], "郑州教育局", None, "郑州教育局", [], None)),
        # a name ending with a level character is a place not loaded, never another place's 教育局
        ("东风市教育局收到多少申请", ([], "东风市教育局", None, "东风市教育局", [], None)),
    ],
)
def test_the_place_before_a_body_name(q: str, expected: tuple) -> None:
    assert read(q) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("ok工信局收到多少申请", ([GX], None, None, "工信局", [], f"“工信局”按{GX}理解")),
        # inside a longer word (统一…, 鿿…): no short name begins there
        ("统一工信局收到多少申请", ([], None, None, None, [], None)),
        ("\u9fff工信局收到多少申请", ([], None, None, None, [], None)),
    ],
)
def test_a_short_name_begins_after_a_non_chinese_character_only(q: str, expected: tuple) -> None:
    assert read(q) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("投促局2023年收到多少申请", (["江阴市商务和投资促进局"], None, None, "投促局", [],
                                      "“投促局”按江阴市商务和投资促进局理解")),
        ("投促局2022年收到多少申请", (["滨湖区商务和投资促进局"], None, None, "投促局", [],
                                      "“投促局”按滨湖区商务和投资促进局理解")),
        ("投促局收到多少申请", ([], None, None, "投促局", ["江阴市商务和投资促进局", "滨湖区商务和投资促进局"], None)),
    ],
)
def test_of_two_places_bodies_a_short_name_fits_the_one_with_the_year_answers(q: str, expected: tuple) -> None:
    assert read(q) == expected
