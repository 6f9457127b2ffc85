"""A body named by a short name the rule reads (体育局 for 教育和体育局, 投促局 for 商务和投资促进局, 平潭发展局 for
平潭综合实验区经济发展局): the year asked chooses between two places' bodies, the place just named is kept for
the next body, and the words that named it — with a 的 between place and body — leave the question.
Expectations written by hand from the agencies' names and years."""

from __future__ import annotations

import pytest

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
YEARS = [("江阴市教育和体育局", 2023), ("滨湖区教育和体育局", 2019), ("江阴市商务和投资促进局", 2023),
         ("江阴市行政审批服务局", 2023), ("开封市教育局", 2023), ("平潭综合实验区经济发展局", 2023),
         ("平潭综合实验区管理委员会", 2023)]
INDEX = AgencyIndex([Report(id=f"{a}{y}", agency=a, year=y, title=a, template="2021", source_file="") for a, y in YEARS])


@pytest.mark.parametrize(
    ("q", "agencies", "options", "note", "rest"),
    [
        # the year asked: the one body of the two with a report that year
        ("体育局2019年收到多少申请", ["滨湖区教育和体育局"], [], "“体育局”按滨湖区教育和体育局理解", " \u3000收到多少申请"),
        ("体育局2023年收到多少申请", ["江阴市教育和体育局"], [], "“体育局”按江阴市教育和体育局理解", " \u3000收到多少申请"),
        ("体育局收到多少申请", [], ["江阴市教育和体育局", "滨湖区教育和体育局"], None, " 收到多少申请"),
        ("投促局收到多少申请", ["江阴市商务和投资促进局"], [], "“投促局”按江阴市商务和投资促进局理解", " 收到多少申请"),
        ("那投促局呢", ["江阴市商务和投资促进局"], [], "“投促局”按江阴市商务和投资促进局理解", "那 呢"),
        # the place named first is the place of the body after it (江阴's 教育局, not 开封's)
        ("江阴审批局和教育局分别收到多少申请", ["江阴市行政审批服务局", "江阴市教育和体育局"], [], None, " 和 分别收到多少申请"),
        ("平潭的发展局收到多少申请", ["平潭综合实验区经济发展局"], [], "“平潭发展局”按平潭综合实验区经济发展局理解",
         " 收到多少申请"),
        ("平潭发展局收到多少申请", ["平潭综合实验区经济发展局"], [], "“平潭发展局”按平潭综合实验区经济发展局理解",
         " 收到多少申请"),
        ("请问平潭的发展局收到多少申请", ["平潭综合实验区经济发展局"], [], "“平潭发展局”按平潭综合实验区经济发展局理解",
         "请问 收到多少申请"),
        ("请问平潭发展局收到多少申请", ["平潭综合实验区经济发展局"], [], "“平潭发展局”按平潭综合实验区经济发展局理解",
         "请问 收到多少申请"),
    ],
)
def test_a_short_name_read_by_rule_names_its_body(q: str, agencies: list[str], options: list[str], note: str | None,
                                                  rest: str) -> None:
    s = extract(normalise(q, LEX), INDEX)
    r = s.resolution
    assert (s.agencies, r.options, r.note, r.rest) == (agencies, options, note, rest)
