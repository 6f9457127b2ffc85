"""Bodies asked by the short names people use when their reports name them oddly: a parenthesised part
(青溪县人民政府(县人民政府办公室)), a bare place (青溪县), a name without its place (高新区, 市航空港经济区).
Made-up bodies; expectations written by hand."""

from __future__ import annotations

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from bot.understand import lexicon
from bot.understand.extract import Slots, extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.models import Report
from knowledge.store import Store

PAREN = "青溪县人民政府(县人民政府办公室)"
NAMES = [(PAREN, 2021), ("青溪县", 2022), ("高新区", 2022), ("市航空港经济区", 2022), ("平潭综合实验区财政金融局", 2022),
         ("丰城经开区", 2022)]
INDEX = AgencyIndex([Report(id=f"{n}-{y}", agency=n, year=y, title=n, template="2021", source_file="")
                     for n, y in NAMES])


def ask(q: str) -> Slots:
    return extract(normalise(q, lexicon.default()), INDEX)


@pytest.mark.parametrize(
    ("q", "agency"),
    [
        ("青溪县2021年政策解读多少个", PAREN),  # the bare place's own report is of 2022: the year decides
        ("青溪县2022年政策解读多少个", "青溪县"),
        ("青溪县政府2021年政策解读多少个", PAREN),
        ("青溪县人民政府2021年政策解读多少个", PAREN),
        ("青溪县政府办2021年政策解读多少个", PAREN),  # the office its parenthesis says it also is
        ("青溪县人民政府办公室2021年政策解读多少个", PAREN),
        ("航空港经济区2022年安全生产信息多少条", "市航空港经济区"),  # 市…: the city's, asked without it
        ("航空港区2022年安全生产信息多少条", "市航空港经济区"),
        ("高新区2022年政务动态多少条", "高新区"),
        ("丰城经开区2022年政务动态多少条", "丰城经开区"),  # a zone named by its place and 经开区: the park's names
        ("丰城开发区2022年政务动态多少条", "丰城经开区"),
        ("丰城经济技术开发区2022年政务动态多少条", "丰城经开区"),
    ],
)
def test_a_body_by_the_name_people_use(q: str, agency: str) -> None:
    assert ask(q).agencies == [agency]


@pytest.mark.parametrize(
    ("q", "agency", "note"),
    [
        ("丰城高新区2022年政务动态多少条", "高新区", "“丰城高新区”按高新区理解"),
        ("南阳航空港经济区2022年安全生产信息多少条", "市航空港经济区", "“南阳航空港经济区”按市航空港经济区理解"),
    ],
)
def test_a_place_before_a_body_stored_without_one_is_read_with_a_note(q: str, agency: str, note: str) -> None:
    s = ask(q)
    assert (s.agencies, s.resolution.note) == ([agency], note)
    assert "丰城" not in s.rest and "南阳" not in s.rest


def test_a_place_before_a_placed_body_of_another_place_is_not_it() -> None:
    assert ask("开封财政金融局2022年收到多少申请").agencies == []


@pytest.mark.parametrize("q", ["甘谷市场监管局2022年政务动态多少条", "东至市场监督管理局2022年收到几件申请"])
def test_a_county_name_before_shichang_is_not_a_city(q: str) -> None:
    assert ask(q).unknown_place is None  # never “甘谷市”: the question names 甘谷's 市场监管局


PAGES = {
    "a.txt": f"{PAREN}2021年政府信息公开工作年度报告\n一、总体情况\n2021年，以县政府和县人民政府办公室名义印发的"
             "规范性文件7个，政策解读11个。\n二、主动公开政府信息情况\n",
    "b.txt": "青溪县2022年政府信息公开工作年度报告\n一、总体情况\n2022年，青溪县发布政策解读19条。\n二、主动公开政府信息情况\n",
    "d.txt": "丰城经开区2021年政府信息公开工作年度报告\n一、总体情况\n2021年，丰城经开区发布政策解读6条。\n二、主动公开政府信息情况\n",
    "c.txt": "高新区2022年政府信息公开工作年度报告\n一、总体情况\n2022年，高新区通过门户网站发布信息812条，"
             "其中政务动态类信息300条、通知公告类信息40条。\n二、主动公开政府信息情况\n",
}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    folder = tmp_path_factory.mktemp("pages")
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "kb"
    assert not ingest(sorted(folder.glob("*.txt")), Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def test_the_reply_says_how_the_name_was_read(answerer: Answerer) -> None:
    a = answerer.answer("丰城高新区2022年政务动态类信息多少条", Context())
    assert (a.status, a.agency, a.value) == ("answered", "高新区", 300)
    assert a.text.startswith("“丰城高新区”按高新区理解。\n")


@pytest.mark.parametrize(("q", "value"), [("青溪县政府办2021年政策解读多少个", 11), ("青溪县2021年政策解读多少个", 11),
                                          ("青溪县2022年政策解读多少条", 19)])
def test_one_government_under_two_names_answers_by_year(answerer: Answerer, q: str, value: int) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.value) == ("answered", value)


def test_the_one_body_whose_name_ends_so_is_answered_with_a_note(answerer: Answerer) -> None:
    a = answerer.answer("经开区2021年政策解读多少条", Context())  # no question back with a single option
    assert (a.status, a.agency, a.value) == ("answered", "丰城经开区", 6)
    assert a.text.startswith("“经开区”按丰城经开区理解。\n")


def test_one_government_under_two_names_is_compared_across_years(answerer: Answerer) -> None:
    a = answerer.answer("青溪县政策解读2022年比2021年多了几条", Context())  # 19条 (2022) and 11个 (2021): both counts
    assert (a.status, a.value, a.formula) == ("answered", 8, "19 − 11 = 8")
