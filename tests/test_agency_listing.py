"""The names of loaded bodies as people say them, which bodies a place or body names in a listing
(`/reports 江阴`, `python -m bot reports 江阴`, “江阴的数据有没有问题”), an index read back from its cache, and
what is said of a place not loaded or misspelt.  Expectations written by hand from the naming rules (place with or
without its level word, body by its full or standard short name) and the division table."""

from __future__ import annotations

import orjson
import pytest

from bot.understand import lexicon
from bot.understand.agencies import listing, names_for, short_name, spoken_names
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
# 开封县 (renamed 祥符区 in 2014) is a place the division table no longer has: 开封 names it and 开封市
BODIES = ["江阴市人民政府", "江阴市行政审批服务局", "江阴市教育和体育局", "滨湖区行政审批局", "开封市人民政府", "开封市教育局",
          "开封县教育局"]
INDEX = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="") for a in BODIES])


@pytest.mark.parametrize(
    ("agency", "names"),
    [
        ("开封市人民政府", ["开封市人民政府", "开封人民政府", "开封市政府", "开封政府", "开封市", "开封"]),
        ("沭阳县人民政府办公室", ["沭阳县人民政府办公室", "沭阳人民政府办公室", "沭阳县人民政府办", "沭阳县政府办公室",
                                "沭阳人民政府办", "沭阳政府办公室", "沭阳县办公室", "沭阳县政府办", "沭阳办公室", "沭阳县府办",
                                "沭阳政府办", "沭阳府办"]),
        ("平潭综合实验区财政金融局", ["平潭综合实验区财政金融局", "平潭实验区财政金融局", "平潭综合实验区财政局",
                                      "平潭综合实验区财金局", "平潭实验区财政局", "平潭实验区财金局", "平潭财政金融局",
                                      "平潭财政局", "平潭财金局"]),
        ("滨湖区行政审批局", ["滨湖区行政审批局", "滨湖行政审批局", "滨湖区审批局", "滨湖区行审局", "滨湖审批局", "滨湖行审局"]),
        ("淮安市洪泽区人民政府", ["淮安市洪泽区人民政府", "淮安市洪泽区政府", "洪泽区人民政府", "洪泽人民政府", "淮安市洪泽区",
                                "洪泽区政府", "洪泽政府", "洪泽区", "洪泽"]),
        ("国家新闻出版署", ["国家新闻出版署", "国新出署"]),  # no place: its body's names alone
    ],
)
def test_the_names_people_use_for_a_body_longest_first(agency: str, names: list[str]) -> None:
    assert spoken_names(agency) == names


def test_only_names_that_name_a_body_alone_and_without_a_note_are_its_own() -> None:
    # 江阴 and 开封 answer with a note (“按…的年报回答；同地还有…”), 开封教育局 is two bodies' name
    assert names_for(INDEX) == {
        "江阴市人民政府": ["江阴市人民政府", "江阴人民政府", "江阴市政府", "江阴政府"],
        "江阴市行政审批服务局": ["江阴市行政审批服务局", "江阴行政审批服务局", "江阴市审批服务局", "江阴审批服务局",
                                 "江阴市行审服局", "江阴市审批局", "江阴市审服局", "江阴行审服局", "江阴审批局", "江阴审服局"],
        "江阴市教育和体育局": ["江阴市教育和体育局", "江阴市教育体育局", "江阴教育和体育局", "江阴教育体育局", "江阴市教体局",
                               "江阴市教育局", "江阴教体局", "江阴教育局"],
        "滨湖区行政审批局": ["滨湖区行政审批局", "滨湖行政审批局", "滨湖区审批局", "滨湖区行审局", "滨湖审批局", "滨湖行审局"],
        "开封市人民政府": ["开封市人民政府", "开封人民政府", "开封市政府", "开封政府"],
        "开封市教育局": ["开封市教育局"],
        "开封县教育局": ["开封县教育局"],
    }


def test_the_short_name_shown_is_one_that_names_the_body_in_this_knowledge_base() -> None:
    assert [short_name(a) for a in BODIES] == ["江阴", "江阴审批局", "江阴教体局", "滨湖审批局", "开封", "开封教育局",
                                               "开封教育局"]
    assert [short_name(a, INDEX) for a in BODIES] == ["江阴", "江阴审批局", "江阴教体局", "滨湖审批局", "开封",
                                                      "开封市教育局", "开封县教育局"]
    # a name whose place is not its first word is shown in full; a place alone is said without its level
    assert short_name("国家税务总局开封市税务局") == "国家税务总局开封市税务局"
    assert short_name("平潭综合实验区") == "平潭"
    assert short_name("沭阳县人民政府办公室") == "沭阳政府办"
    assert short_name("沭阳县政府") == "沭阳"
    assert short_name("平潭综合实验区管理委员会") == "平潭管理委员会"  # a government not named 人民政府 keeps its name
    assert short_name("淮安市洪泽区人民政府") == "淮安市洪泽区"  # its first word is its city: the place as printed
    assert short_name("国家新闻出版署") == "国家新闻出版署"


@pytest.mark.parametrize(
    ("name", "agencies", "missing"),
    [
        ("江阴", ["江阴市人民政府", "江阴市教育和体育局", "江阴市行政审批服务局"], None),  # everything loaded there
        ("江苏", ["江阴市人民政府", "江阴市教育和体育局", "江阴市行政审批服务局", "滨湖区行政审批局"], None),  # city first
        ("河南", ["开封市人民政府", "开封市教育局"], None),  # 开封县 (now 祥符区) is not in the division table
        ("审批局", ["江阴市行政审批服务局", "滨湖区行政审批局"], None),  # a body of several places: each one
        ("江阴审批局", ["江阴市行政审批服务局"], None),
        ("开封市教育局", ["开封市教育局"], None),
        ("开封和江阴", ["开封县教育局", "开封市人民政府", "开封市教育局", "江阴市人民政府", "江阴市教育和体育局",
                        "江阴市行政审批服务局"], None),  # 开封 is 开封市 and the old 开封县, each listed by its path
        ("平潭", [], "平潭"),  # a place with nothing loaded
        ("开封交通运输局", [], "开封交通运输局"),  # a body of a loaded place that is not loaded: not the place's others
        ("江阴交通局", [], "江阴交通局"),
        ("开封市教育局和开封交通运输局", [], "开封交通运输局"),
        ("开封市教育局和滨湖教育局", [], "滨湖教育局"),  # 滨湖 has no 教育局 loaded: not 开封's alone either
        ("河南开封", ["开封市人民政府", "开封市教育局"], None),  # the 开封 of 河南, not the 开封县 the table lacks
        ("开封和审批局", ["开封县教育局", "开封市人民政府", "开封市教育局", "江阴市行政审批服务局", "滨湖区行政审批局"], None),
        ("江音审批局", [], "江音审批局"),  # a misspelt place before a body: not every 审批局 (was both)
        ("", [], None),
    ],
)
def test_a_listing_names_every_loaded_body_the_words_cover(name: str, agencies: list[str], missing: str | None) -> None:
    assert listing(normalise(name, LEX), INDEX) == (agencies, missing)


# The index a stored knowledge base reads back from its cache file (index_cache): the same answers as the one built.
SHORT = ["江阴市人民政府", "江阴市行政审批服务局", "江阴市政务服务和大数据管理局", "江阴市商务和投资促进局",
         "江阴市市场监督管理局", "江阴市安全生产监督管理局", "江阴市教育和体育局", "沭阳县人民政府", "沭阳县人民政府办公室",
         "滨湖区行政审批局", "开封市人民政府", "开封市教育局", "平潭综合实验区管理委员会"]
SHORT_REPORTS = [Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="", aliases=["平潭"] if "平潭" in a
                        else []) for a in SHORT]


def _packed(reports: list[Report], added: list[Report] = ()) -> AgencyIndex:
    built = AgencyIndex(reports)
    data = orjson.loads(orjson.dumps(built.packed()))
    own = {r.agency: list(r.aliases) for r in [*reports, *added]}
    years = {r.agency: {r.year} for r in [*reports, *added]}
    got = AgencyIndex.extended(data, own, years) if added else AgencyIndex.from_packed(data, years)
    assert got is not None
    return got


READ_BACK = {"packed": lambda: _packed(SHORT_REPORTS),
             "extended": lambda: _packed(SHORT_REPORTS[:6], SHORT_REPORTS[6:])}
QUESTIONS = [
    ("江阴审批局收到多少申请", ["江阴市行政审批服务局"], [], None, None),
    ("江阴市行政审批服务局收到多少申请", ["江阴市行政审批服务局"], [], None, None),
    ("江阴投促局收到多少申请", ["江阴市商务和投资促进局"], [], None, "“江阴投促局”按江阴市商务和投资促进局理解"),
    ("江阴教育局收到多少申请", ["江阴市教育和体育局"], [], None, None),
    ("江阴监管局收到多少申请", [], ["江阴市安全生产监督管理局", "江阴市市场监督管理局"], None, None),
    ("政数局收到多少申请", ["江阴市政务服务和大数据管理局"], [], None, None),
    ("审批局收到多少申请", [], ["江阴市行政审批服务局", "滨湖区行政审批局"], None, None),
    ("沭阳府办收到多少申请", ["沭阳县人民政府办公室"], [], None, None),
    ("沭阳县人民政府办收到多少申请", ["沭阳县人民政府办公室"], [], None, None),
    ("开封教育局收到多少申请", ["开封市教育局"], [], None, None),
    ("平潭收到多少申请", ["平潭综合实验区管理委员会"], [], None, None),
    ("开封交通运输局收到多少申请", [], [], "开封交通运输局", None),
    ("滨湖收到多少申请", ["滨湖区行政审批局"], [], None, "按滨湖区行政审批局的年报回答"),
]


@pytest.mark.parametrize("how", sorted(READ_BACK))
def test_an_index_read_back_from_its_cache_answers_as_the_one_built(how: str) -> None:
    index = READ_BACK[how]()
    got = [(q, (s := extract(normalise(q, LEX), index)).agencies, s.resolution.options, s.unknown_place,
            s.resolution.note) for q, *_ in QUESTIONS]
    assert got == [(q, *want) for q, *want in QUESTIONS]
    assert [(index.splits[a].path, index.splits[a].body, index.splits[a].kind) for a in ("江阴市教育和体育局", "平潭综合实验区管理委员会")] == [
        (("江苏省", "无锡市", "江阴市"), "教育和体育局", "dept"), (("福建省", "平潭综合实验区"), "管理委员会", "gov")]


NEAR = ["开封市人民政府", "开封市教育局", "南京市财政局", "江阴市人民政府", "平潭综合实验区财政金融局", "兰考县人民政府"]
NEAR_INDEX = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="") for a in NEAR])


def test_a_listing_puts_a_place_s_own_bodies_before_those_inside_it() -> None:
    assert listing("河南", NEAR_INDEX) == (["开封市人民政府", "开封市教育局", "兰考县人民政府"], None)
    assert listing("平谭财政局", NEAR_INDEX) == ([], "平谭财政局")


@pytest.mark.parametrize(
    ("q", "unknown", "nearby", "suggest"),
    [
        # a body of a place with nothing loaded: what is loaded in its province (the division table), listed
        ("郑州教育局收到多少申请", "郑州教育局", ["开封市人民政府", "开封市教育局", "兰考县人民政府"], None),
        ("郑州市教育局收到多少申请", "郑州市教育局", ["开封市人民政府", "开封市教育局", "兰考县人民政府"], None),
        ("郑州教育局", "郑州教育局", ["开封市人民政府", "开封市教育局", "兰考县人民政府"], None),
        ("你好，郑州教育局收到多少申请", "郑州教育局", ["开封市人民政府", "开封市教育局", "兰考县人民政府"], None),
        ("另外请问郑州教育局收到多少申请", "郑州教育局", ["开封市人民政府", "开封市教育局", "兰考县人民政府"], None),
        ("北京财政局收到多少申请", "北京财政局", [], None),  # a real place one character from 南京: never 南京
        # a place one character from a loaded one and no real place: “您是指…吗？”
        ("南金财政局收到多少申请", None, [], "南京财政局"),
        ("平谭财政局收到多少申请", None, [], "平潭财政局"),
        ("乎潭财政局收到多少申请", None, [], "平潭财政局"),  # its first character
    ],
)
def test_a_place_not_loaded_or_misspelt_is_said_with_what_is_near(q: str, unknown: str | None, nearby: list[str],
                                                                  suggest: str | None) -> None:
    s = extract(normalise(q, LEX), NEAR_INDEX)
    assert (s.agencies, s.resolution.unknown, s.resolution.nearby, s.resolution.suggest) == ([], unknown, nearby, suggest)


PROVINCE = ["开封市人民政府", "开封市交通运输局", "开封市教育局", "兰考县人民政府", "淮安市人民政府", "南京市财政局"]
PROVINCE_INDEX = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="")
                              for a in PROVINCE])


@pytest.mark.parametrize(
    ("q", "unknown", "nearby"),
    [
        # a city's government first, then its bodies, then those of the places inside it
        ("郑州教育局收到多少申请", "郑州教育局", ["开封市人民政府", "开封市交通运输局", "开封市教育局", "兰考县人民政府"]),
        ("淮安区收到多少申请", "淮安区", ["淮安市人民政府"]),  # 淮安区 is not 淮安市: what 淮安 has, not all 江苏
    ],
)
def test_what_is_loaded_near_a_place_not_loaded_is_listed_government_first(q: str, unknown: str,
                                                                          nearby: list[str]) -> None:
    s = extract(normalise(q, LEX), PROVINCE_INDEX)
    assert (s.agencies, s.resolution.unknown, s.resolution.nearby) == ([], unknown, nearby)
