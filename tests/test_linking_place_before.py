"""A real place written just before a body whose report names it without its place (经开区, 市临空经济区) is read
with that body and said in the note (“安顺经开区”按经开区理解), and taken out of the question; words that are no
place (请问, 你好, a year) stay.  Expectations written by hand from the division table: 安顺市, 长阳土家族自治县
(长阳), 乌鲁木齐 (市 and 县), 孝感市."""

from __future__ import annotations

import pytest

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
BODIES = ["经开区", "市临空经济区", "江阴市人民政府"]
INDEX = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="") for a in BODIES])


@pytest.mark.parametrize(
    ("q", "agency", "note", "rest"),
    [
        ("安顺经开区收到多少申请", "经开区", "“安顺经开区”按经开区理解", " 收到多少申请"),
        ("安顺经开区", "经开区", "“安顺经开区”按经开区理解", " "),
        ("请问安顺经开区收到多少申请", "经开区", "“安顺经开区”按经开区理解", "请问 收到多少申请"),
        ("你好，安顺经开区收到多少申请", "经开区", "“安顺经开区”按经开区理解", "你好, 收到多少申请"),
        ("2023年安顺经开区收到多少申请", "经开区", "“安顺经开区”按经开区理解", "\u3000 收到多少申请"),
        ("安顺市经开区收到多少申请", "经开区", "“安顺市经开区”按经开区理解", " 收到多少申请"),
        # the province before is not one place with the city: the city alone is read
        ("贵州省安顺市经开区收到多少申请", "经开区", "“安顺市经开区”按经开区理解", "贵州省 收到多少申请"),
        # a place by its stem and a level word the table does not give it (长阳土家族自治县 → 长阳县)
        ("长阳县经开区收到多少申请", "经开区", "“长阳县经开区”按经开区理解", " 收到多少申请"),
        ("乌鲁木齐经开区收到多少申请", "经开区", "“乌鲁木齐经开区”按经开区理解", " 收到多少申请"),
        ("乌鲁木齐县经开区收到多少申请", "经开区", "“乌鲁木齐县经开区”按经开区理解", " 收到多少申请"),
        # a place's whole name, however long (8, 11 and 15 characters)
        ("长阳土家族自治县经开区收到多少申请", "经开区", "“长阳土家族自治县经开区”按经开区理解", " 收到多少申请"),
        ("黔西南布依族苗族自治州经开区收到多少申请", "经开区", "“黔西南布依族苗族自治州经开区”按经开区理解", " 收到多少申请"),
        ("双江拉祜族佤族布朗族傣族自治县经开区收到多少申请", "经开区", "“双江拉祜族佤族布朗族傣族自治县经开区”按经开区理解",
         " 收到多少申请"),
        ("孝感市临空经济区收到多少申请", "市临空经济区", "“孝感市临空经济区”按市临空经济区理解", " 收到多少申请"),
        # nothing before, or a place joined to the body by 和 (two things asked): no note
        ("安顺和经开区收到多少申请", "经开区", None, "安顺和 收到多少申请"),
        ("经开区收到多少申请", "经开区", None, " 收到多少申请"),
    ],
)
def test_a_place_before_a_body_stored_without_one_is_read_with_it(q: str, agency: str, note: str | None,
                                                                 rest: str) -> None:
    s = extract(normalise(q, LEX), INDEX)
    assert (s.agencies, s.resolution.note, s.resolution.rest) == ([agency], note, rest)
