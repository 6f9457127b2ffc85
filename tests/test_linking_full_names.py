"""A body asked by its full name is that body, whatever year is asked: 开封市教育局 with a year only the
government has is still 开封市教育局 (the reply then says that year is missing), never the government; only a
report calling itself by its place alone (桐梓县) stands for the place's other report of that year.  A real
place written just before a full name that has its own place (郑州开封市教育局) is not read into a note.
Expectations written by hand from the agencies' names and years."""

from __future__ import annotations

import pytest

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
YEARS = [("开封市教育局", 2023), ("开封市人民政府", 2019), ("开封市交通运输局", 2019), ("桐梓县", 2023),
         ("桐梓县人民政府", 2019)]
INDEX = AgencyIndex([Report(id=f"{a}{y}", agency=a, year=y, title=a, template="2021", source_file="") for a, y in YEARS])


@pytest.mark.parametrize(
    ("q", "agencies", "note"),
    [
        ("开封市教育局2019年收到多少申请", ["开封市教育局"], None),
        ("开封市人民政府2023年收到多少申请", ["开封市人民政府"], None),
        ("开封市政府2023年收到多少申请", ["开封市人民政府"], None),
        ("开封市教育局2023年收到多少申请", ["开封市教育局"], None),
        ("桐梓县2019年收到多少申请", ["桐梓县人民政府"], None),
        ("桐梓县2023年收到多少申请", ["桐梓县"], None),
        ("郑州开封市教育局收到多少申请", ["开封市教育局"], None),
    ],
)
def test_a_full_name_is_its_own_body_in_any_year(q: str, agencies: list[str], note: str | None) -> None:
    s = extract(normalise(q, LEX), INDEX)
    assert (s.agencies, s.resolution.options, s.resolution.unknown, s.resolution.note) == (agencies, [], None, note)
