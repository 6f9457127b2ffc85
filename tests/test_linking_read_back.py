"""An agency index read back from its cache file (`AgencyIndex.from_packed`, `extended`) answers as the one built,
for the entries a packed index writes least often: a report calling itself by its place alone (桐梓县: a
government with no body word) and a place name that names two loaded places (开封: 开封市 and 开封县).
Expectations written by hand from the agencies' names."""

from __future__ import annotations

import orjson
import pytest

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
BODIES = ["桐梓县", "开封市教育局", "开封县教育局", "开封市人民政府", "江阴市人民政府"]
REPORTS = [Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="") for a in BODIES]


def _read_back(how: str) -> AgencyIndex:
    first = REPORTS if how == "packed" else REPORTS[:2]
    data = orjson.loads(orjson.dumps(AgencyIndex(first).packed()))
    own = {r.agency: [] for r in REPORTS}
    years = {r.agency: {2023} for r in REPORTS}
    got = AgencyIndex.from_packed(data, years) if how == "packed" else AgencyIndex.extended(data, own, years)
    assert got is not None
    return got


QUESTIONS = [
    ("桐梓县收到多少申请", ["桐梓县"], []),
    ("桐梓收到多少申请", ["桐梓县"], []),
    ("开封教育局收到多少申请", [], ["开封县教育局", "开封市教育局"]),  # asked back: two places
    ("开封县教育局收到多少申请", ["开封县教育局"], []),
    ("开封市教育局收到多少申请", ["开封市教育局"], []),
]


@pytest.mark.parametrize("how", ["built", "packed", "extended"])
def test_a_read_back_index_names_the_same_bodies(how: str) -> None:
    index = AgencyIndex(REPORTS) if how == "built" else _read_back(how)
    got = [(q, (s := extract(normalise(q, LEX), index)).agencies, s.resolution.options) for q, *_ in QUESTIONS]
    assert got == [(q, *want) for q, *want in QUESTIONS]


@pytest.mark.parametrize("how", ["packed", "extended"])
def test_a_read_back_index_keeps_each_body_s_place_and_kind(how: str) -> None:
    index = _read_back(how)
    assert [(index.splits[a].path, index.splits[a].body, index.splits[a].kind) for a in ("桐梓县", "开封县教育局")] == [
        (("贵州省", "遵义市", "桐梓县"), "", "gov"), (("开封县",), "教育局", "dept")]
    assert index.names["开封"] == {("region", "开封市"), ("region", "开封县")}
