"""Short names by rule: a body asked by characters of its name kept in order, with its kind word; a clear
winner is answered with a note naming it, a close race is asked back, none is “not loaded” with what the
place has.  Bodies are real department names of the kinds local governments print; expectations by hand."""

from __future__ import annotations

import pytest

from bot.understand import lexicon
from bot.understand.agencies import short_name
from bot.understand.extract import Slots, extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
BODIES = ["江阴市人民政府", "江阴市行政审批服务局", "江阴市政务服务和大数据管理局", "江阴市商务和投资促进局",
          "江阴市市场监督管理局", "江阴市安全生产监督管理局", "江阴市教育和体育局", "江阴市科学技术和工业信息化局",
          "江阴高新技术产业开发区管理委员会", "滨湖区行政审批局", "开封市人民政府"]
INDEX = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="") for a in BODIES])


def ask(q: str, context: str | None = None, index: AgencyIndex = INDEX) -> Slots:
    return extract(normalise(q, LEX), index, context)


@pytest.mark.parametrize(
    ("q", "agency"),
    [
        ("江阴审批局2023年收到多少申请", "江阴市行政审批服务局"),
        ("江阴政数局收到多少申请", "江阴市政务服务和大数据管理局"),
        ("江阴大数据局收到多少申请", "江阴市政务服务和大数据管理局"),
        ("江阴商务局收到多少申请", "江阴市商务和投资促进局"),  # a part of a joined name
        ("江阴投促局收到多少申请", "江阴市商务和投资促进局"),
        ("江阴教育局收到多少申请", "江阴市教育和体育局"),
        ("江阴体育局收到多少申请", "江阴市教育和体育局"),
        ("江阴工信局收到多少申请", "江阴市科学技术和工业信息化局"),
        ("江阴科技局收到多少申请", "江阴市科学技术和工业信息化局"),
        ("江阴高新区收到多少申请", "江阴高新技术产业开发区管理委员会"),
        ("江阴高新区管委会收到多少申请", "江阴高新技术产业开发区管理委员会"),
        ("江阴收到多少申请", "江阴市人民政府"),
    ],
)
def test_a_short_name_kept_in_order_names_the_body(q: str, agency: str) -> None:
    s = ask(q)
    assert (s.agencies, s.unknown_place, s.resolution.options) == ([agency], None, [])


def test_a_body_read_by_the_rule_is_named_in_full_in_the_note() -> None:
    assert ask("江阴体育局收到多少申请").resolution.note == "“江阴体育局”按江阴市教育和体育局理解"


def test_two_bodies_the_short_name_fits_as_well_are_asked_back() -> None:
    s = ask("江阴监管局收到多少申请")  # 市场监督管理局 or 安全生产监督管理局
    assert s.agencies == [] and set(s.resolution.options) == {"江阴市市场监督管理局", "江阴市安全生产监督管理局"}


@pytest.mark.parametrize(
    ("q", "said"),
    [
        ("江阴交通局收到多少申请", "江阴交通局"),
        ("江阴林草局收到多少申请", "江阴林草局"),
        ("江阴人民政府办公室收到多少申请", "江阴人民政府办公室"),
        ("江阴青阳镇收到多少申请", "江阴青阳镇"),
        ("江阴经开区收到多少申请", "江阴经开区"),  # its 高新区 is loaded, not an 经济开发区
        ("开封交通运输局收到多少申请", "开封交通运输局"),  # only 开封市人民政府 is loaded
    ],
)
def test_a_body_of_the_place_not_loaded_is_said_so_with_what_the_place_has(q: str, said: str) -> None:
    s = ask(q)
    assert (s.agencies, s.unknown_place) == ([], said)
    assert s.resolution.nearby[0] == ("开封市人民政府" if said.startswith("开封") else "江阴市人民政府")


def test_without_a_place_the_rule_reads_every_loaded_body() -> None:
    s = ask("政数局收到多少申请")
    assert s.agencies == ["江阴市政务服务和大数据管理局"]
    s = ask("审批局收到多少申请")  # 江阴's and 滨湖区's
    assert s.agencies == [] and set(s.resolution.options) == {"江阴市行政审批服务局", "滨湖区行政审批局"}
    assert ask("那审批局呢", context="江阴市人民政府").agencies == ["江阴市行政审批服务局"]


def test_a_standard_department_named_without_a_place_and_not_loaded_is_not_answered() -> None:
    one = AgencyIndex([Report(id="k", agency="开封市人民政府", year=2019, title="k", template="2019", source_file="")])
    s = ask("交通局2019年收到多少申请", index=one)
    assert (s.agencies, s.unknown_place) == ([], "交通局")
    assert ask("2019年收到多少申请", index=one).agencies == []  # no name: the only report answers, as before


@pytest.mark.parametrize(
    ("agency", "shown"),
    [
        ("江阴市行政审批服务局", "江阴审批局"),  # the standard short name (department_names.tsv)
        ("江阴市政务服务和大数据管理局", "江阴政数局"),
        ("江阴市社会事业局", "江阴社会事业局"),  # none in the data: its own body name (never 江阴社事局)
        ("江阴市市场监督管理局", "江阴市场监管局"),
        ("江阴市卫生健康委员会", "江阴卫健委"),
    ],
)
def test_the_name_shown_is_its_own_or_a_standard_short_name(agency: str, shown: str) -> None:
    assert short_name(agency) == shown


LEVELS = ["沭阳县人民政府", "沭阳县人民政府办公室", "沭阳县人民政府机关", "泗阳县人民政府办公室",
          "广州市番禺区人民政府大石街道办事处", "宿迁市人民政府国有资产监督管理委员会", "南京江北新区管理委员会",
          "天津滨海新区人民政府", "郑州航空港经济综合实验区管理委员会", "中关村科技园区管理委员会", "开封市人民政府"]
LEVEL_INDEX = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="") for a in LEVELS])


@pytest.mark.parametrize(
    ("q", "agency"),
    [
        ("沭阳县政府收到多少申请", "沭阳县人民政府"),
        ("沭阳府办收到多少申请", "沭阳县人民政府办公室"),
        ("沭阳县政府机关收到多少申请", "沭阳县人民政府机关"),
        ("大石街道收到多少申请", "广州市番禺区人民政府大石街道办事处"),  # a street printed under its 人民政府
        ("番禺大石街道办收到多少申请", "广州市番禺区人民政府大石街道办事处"),
        ("宿迁国资委收到多少申请", "宿迁市人民政府国有资产监督管理委员会"),
        ("江北新区收到多少申请", "南京江北新区管理委员会"),  # a zone named after its city: 南京 then 江北新区
        ("南京江北新区管委会收到多少申请", "南京江北新区管理委员会"),
        ("滨海新区收到多少申请", "天津滨海新区人民政府"),
        ("郑州航空港收到多少申请", "郑州航空港经济综合实验区管理委员会"),
        ("航空港区收到多少申请", "郑州航空港经济综合实验区管理委员会"),
        ("中关村管委会收到多少申请", "中关村科技园区管理委员会"),
    ],
)
def test_levels_and_kinds_name_their_own_body(q: str, agency: str) -> None:
    s = ask(q, index=LEVEL_INDEX)
    assert (s.agencies, s.unknown_place, s.resolution.options) == ([agency], None, [])


@pytest.mark.parametrize(
    ("q", "said"),
    [
        ("泗阳县政府收到多少申请", "泗阳县政府"),  # only its office is loaded: never the office for the government
        ("泗阳县政府机关收到多少申请", "泗阳县政府机关"),
        ("开封龙亭区收到多少申请", "开封龙亭区"),  # a district of 开封: never the city's report
        ("开封龙亭收到多少申请", "开封龙亭"),
        ("开封市龙亭区人民政府收到多少申请", "开封市龙亭区"),
    ],
)
def test_a_body_one_word_apart_or_a_district_inside_is_not_answered_for_another(q: str, said: str) -> None:
    s = ask(q, index=LEVEL_INDEX)
    assert (s.agencies, s.unknown_place) == ([], said)


CITY = ["国家税务总局开封市税务局", "开封市生态环境局", "开封市生态环境局兰考分局", "开封市城乡一体化示范区管理委员会",
        "开封市公安局", "开封市公安局交通警察支队", "开封市人民政府"]
CITY_INDEX = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="") for a in CITY])


@pytest.mark.parametrize(
    ("q", "agency"),
    [
        ("开封税务局收到多少申请", "国家税务总局开封市税务局"),  # a national administration's body in the city
        ("开封环保局收到多少申请", "开封市生态环境局"),  # not its 兰考分局 too
        ("开封示范区收到多少申请", "开封市城乡一体化示范区管理委员会"),  # a zone of the city by its kind
        ("开封交警支队收到多少申请", "开封市公安局交通警察支队"),
        ("开封公安局收到多少申请", "开封市公安局"),
    ],
)
def test_bodies_of_a_city_by_their_usual_names(q: str, agency: str) -> None:
    s = ask(q, index=CITY_INDEX)
    assert (s.agencies, s.unknown_place, s.resolution.options) == ([agency], None, [])


def test_a_zone_kind_the_place_has_not_loaded_is_not_its_government() -> None:
    s = ask("开封高新区收到多少申请", index=CITY_INDEX)
    assert (s.agencies, s.unknown_place) == ([], "开封高新区")


@pytest.mark.parametrize("q", ["开封政府网站访问量多少", "开封律所申请多少", "开封市政府信息公开办收到多少申请",
                               "开封依申请公开办结多少", "开封政府网站2019年访问量多少"])
def test_what_is_asked_about_after_the_place_is_not_taken_for_a_body(q: str) -> None:
    assert ask(q, index=CITY_INDEX).agencies == ["开封市人民政府"]


@pytest.mark.parametrize("lead", ["请问", "看看", "查一下", "我想知道", "另外", "查", "那"])
def test_a_short_name_without_its_place_is_read_after_the_words_a_question_opens_with(lead: str) -> None:
    s = ask(f"{lead}工信局收到多少申请")  # 工信局 is no name of the body: the rule reads it (was: none after 请问 …)
    assert (s.agencies, s.resolution.note) == (["江阴市科学技术和工业信息化局"], "“工信局”按江阴市科学技术和工业信息化局理解")


DATA_BODIES = ["江阴市人民政府", "江阴市政务服务和大数据管理局", "滨湖区人民政府", "滨湖区政务服务和数据管理局", "开封市人民政府"]
DATA_INDEX = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="")
                          for a in DATA_BODIES])


@pytest.mark.parametrize(
    ("q", "context", "agencies", "options", "note"),
    [
        ("数据局收到多少申请", None, [], ["江阴市政务服务和大数据管理局", "滨湖区政务服务和数据管理局"], None),
        ("那数据局呢", "滨湖区人民政府", ["滨湖区政务服务和数据管理局"], [],  # the place talked about first
         "“数据局”按滨湖区政务服务和数据管理局理解"),
        ("那数据局呢", "江阴市人民政府", ["江阴市政务服务和大数据管理局"], [], "“数据局”按江阴市政务服务和大数据管理局理解"),
        ("那数据局呢", "开封市人民政府", [], ["江阴市政务服务和大数据管理局", "滨湖区政务服务和数据管理局"], None),
    ],
)
def test_a_short_name_of_bodies_of_two_places_is_the_one_of_the_place_talked_about(
        q: str, context: str | None, agencies: list[str], options: list[str], note: str | None) -> None:
    s = ask(q, context, index=DATA_INDEX)
    assert (s.agencies, s.resolution.options, s.resolution.note) == (agencies, options, note)


@pytest.mark.parametrize("q", ["交通局收到多少申请", "请问交通局收到多少申请"])
def test_a_standard_department_no_place_has_loaded_is_not_loaded(q: str) -> None:
    s = ask(q, index=DATA_INDEX)
    assert (s.agencies, s.unknown_place) == ([], "交通局")


@pytest.mark.parametrize(("q", "agencies"), [("工信局", ["江阴市科学技术和工业信息化局"]),
                                             ("你好，工信局收到多少申请", ["江阴市科学技术和工业信息化局"]),
                                             ("张三工信局收到多少申请", [])])  # inside a word that is no place: none
def test_a_short_name_without_its_place_stands_as_a_word_of_its_own(q: str, agencies: list[str]) -> None:
    assert ask(q).agencies == agencies


def test_a_body_of_two_places_asked_back_keeps_the_words_to_replace() -> None:
    s = ask("审批局收到多少申请")
    assert (s.resolution.options, s.resolution.said) == (["江阴市行政审批服务局", "滨湖区行政审批局"], "审批局")


def _index(bodies: list[tuple[str, int]]) -> AgencyIndex:
    return AgencyIndex([Report(id=f"{a}-{y}", agency=a, year=y, title=a, template="2021", source_file="")
                        for a, y in bodies])


KAIFENG = _index([("开封市人民政府", 2023), ("开封市教育局", 2023), ("开封市财政局", 2023), ("开封市公安局", 2023),
                  ("开封市审计局", 2022), ("国家税务总局开封市税务局", 2023)])
KAIFENG_FEW = _index([("开封市人民政府", 2023), ("开封市教育局", 2023), ("开封市财政局", 2023), ("开封市公安局", 2023)])


@pytest.mark.parametrize(
    ("q", "index", "agencies", "note"),
    [
        # the place's government, and the other bodies of the place with the year asked (three, then 等)
        ("开封2023年收到多少申请", KAIFENG, ["开封市人民政府"],
         "按开封市人民政府的年报回答；同地还有国家税务总局开封市税务局、公安局、教育局等的年报"),
        ("开封2023年收到多少申请", KAIFENG_FEW, ["开封市人民政府"], "按开封市人民政府的年报回答；同地还有公安局、教育局、财政局的年报"),
        ("开封2022年收到多少申请", KAIFENG, ["开封市审计局"], "按开封市审计局的年报回答"),  # the one body with that year
        ("开封市政府2019年收到多少申请", KAIFENG, ["开封市人民政府"], None),  # the year missing is said later
        ("开封市政府2023年收到多少申请", KAIFENG, ["开封市人民政府"], None),  # 政府: only the government, no note
    ],
)
def test_a_place_named_alone_is_its_government_with_a_note_of_its_other_bodies(
        q: str, index: AgencyIndex, agencies: list[str], note: str | None) -> None:
    s = ask(q, index=index)
    assert (s.agencies, s.resolution.note) == (agencies, note)


def test_of_two_bodies_a_short_name_fits_the_one_with_the_year_asked_is_taken() -> None:
    both = _index([("江阴市市场监督管理局", 2022), ("江阴市安全生产监督管理局", 2023), ("江阴市人民政府", 2023)])
    s = ask("江阴监管局2023年收到多少申请", index=both)
    assert (s.agencies, s.resolution.note) == (["江阴市安全生产监督管理局"], "“江阴监管局”按江阴市安全生产监督管理局理解")
    s = ask("江阴监管局收到多少申请", index=both)
    assert (s.resolution.options, s.resolution.said) == (["江阴市安全生产监督管理局", "江阴市市场监督管理局"], "江阴监管局")


def test_a_level_word_that_begins_a_body_is_not_taken_for_another_place() -> None:
    nanhua = _index([("南华县人民政府", 2023), ("南华县市场监督管理局", 2023)])
    assert ask("南华市监局收到多少申请", index=nanhua).agencies == ["南华县市场监督管理局"]  # 市监局, not 南华市
    assert ask("南华市收到多少申请", index=nanhua).unknown_place == "南华市"  # 南华县 is not a 市
