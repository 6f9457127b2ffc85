"""Each short name people use for a body, asked after its place, is that body, read as one of its own names
(no note saying how it was understood): 府办, 政府办 of the government's office; 发改委, 人社局, 住建局, 市监局,
卫健委, 交通局, 林草局, 住城局, 交运局, 文旅局, 商投局, 工业信息化局 (of 工业与信息化局), 侨务办 of their
departments; 政府研究室; 五一街道 and 五一街道办 of its 办事处; 财政局, 财金局 of
财政金融局; 管委办, 管委会办 of a zone's office, and
管委会办公室 and 管理委员会办公室 of each other.  A 委 is never a 局 (开封交通运输委, 平潭财政委 are not loaded).
A word of a body that is none of its names (金融局, 人力局, 改革局, 工业局, 财政金局) is read by the rule, with the note; 财融局
names nothing.  Expectations written by hand from the loaded names.
"""

from __future__ import annotations

import pytest

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
LOADED = ["开封市人民政府", "开封市人民政府办公室", "开封市发展和改革委员会", "开封市人力资源和社会保障局",
          "开封市住房和城乡建设局", "开封市市场监督管理局", "开封市卫生健康委员会", "开封市交通运输局",
          "开封市林业和草原局", "开封市人民政府研究室", "开封市鼓楼区五一街道办事处", "平潭综合实验区财政金融局",
          "开封市汴西产业园区管理委员会办公室", "兰考县发展和改革局", "开封市文化广电和旅游局", "开封市商务和投资促进局",
          "开封市行政审批服务局", "开封市工业与信息化局",
          "开封市精细化工产业园区管委会办公室", "开封市侨务办公室"]
INDEX = AgencyIndex([Report(id=f"{a}-2023", agency=a, year=2023, title=a, template="2021", source_file="")
                     for a in LOADED])


def read(q: str) -> tuple[list[str], str | None, list[str], str | None]:
    s = extract(normalise(q, LEX), INDEX, None)
    r = s.resolution
    return s.agencies, r.unknown, r.options, r.note


@pytest.mark.parametrize(("said", "agency"), [
    ("开封府办", "开封市人民政府办公室"),
    ("开封政府办", "开封市人民政府办公室"),
    ("开封市政府办公室", "开封市人民政府办公室"),
    ("开封发改委", "开封市发展和改革委员会"),
    ("开封发展改革委", "开封市发展和改革委员会"),
    ("开封人社局", "开封市人力资源和社会保障局"),
    ("开封人力资源社会保障局", "开封市人力资源和社会保障局"),
    ("开封住建局", "开封市住房和城乡建设局"),
    ("开封市场监管局", "开封市市场监督管理局"),
    ("开封市监局", "开封市市场监督管理局"),
    ("开封卫健委", "开封市卫生健康委员会"),
    ("开封卫生健康委", "开封市卫生健康委员会"),
    ("开封交通局", "开封市交通运输局"),
    ("开封林草局", "开封市林业和草原局"),
    ("开封政府研究室", "开封市人民政府研究室"),
    ("五一街道", "开封市鼓楼区五一街道办事处"),
    ("五一街道办", "开封市鼓楼区五一街道办事处"),
    ("平潭财政局", "平潭综合实验区财政金融局"),
    ("平潭财金局", "平潭综合实验区财政金融局"),
    ("汴西产业园区管委办", "开封市汴西产业园区管理委员会办公室"),
    ("汴西产业园区管委会办", "开封市汴西产业园区管理委员会办公室"),
    ("开封住城局", "开封市住房和城乡建设局"),
    ("开封交运局", "开封市交通运输局"),
    ("开封市监管局", "开封市市场监督管理局"),
    ("开封文旅局", "开封市文化广电和旅游局"),
    ("开封商投局", "开封市商务和投资促进局"),
    ("开封审批服务局", "开封市行政审批服务局"),
    ("兰考发改局", "兰考县发展和改革局"),
    ("开封工业信息化局", "开封市工业与信息化局"),
    ("汴西产业园区管委会办公室", "开封市汴西产业园区管理委员会办公室"),
    ("精细化工产业园区管理委员会办公室", "开封市精细化工产业园区管委会办公室"),
    ("开封侨务办", "开封市侨务办公室"),
])
def test_a_short_name_of_a_body_is_that_body(said: str, agency: str) -> None:
    assert read(f"{said}2023年收到多少申请") == ([agency], None, [], None)


@pytest.mark.parametrize("said", ["开封交通运输委", "平潭财政委"])
def test_a_委_is_never_a_局(said: str) -> None:
    agencies, unknown, options, _ = read(f"{said}2023年收到多少申请")
    assert (agencies, unknown, options) == ([], said, [])


@pytest.mark.parametrize(("said", "agency"), [
    ("平潭金融局", "平潭综合实验区财政金融局"),
    ("开封人力局", "开封市人力资源和社会保障局"),
    ("兰考改革局", "兰考县发展和改革局"),
    ("开封工业局", "开封市工业与信息化局"),
    ("平潭财政金局", "平潭综合实验区财政金融局"),
])
def test_a_word_of_a_body_that_is_none_of_its_names_is_read_by_the_rule_with_a_note(said: str, agency: str) -> None:
    assert read(f"{said}2023年收到多少申请") == ([agency], None, [], f"“{said}”按{agency}理解")


def test_two_characters_no_rule_keeps_name_no_body() -> None:
    # 财融局: 融 begins no word of 财政金融
    agencies, unknown, options, _ = read("平潭财融局2023年收到多少申请")
    assert (agencies, unknown, options) == ([], "平潭财融局", [])


def test_a_government_whose_brackets_say_it_is_also_its_office_is_asked_by_the_offices_short_name() -> None:
    # 凤冈县人民政府（人民政府办公室）: its brackets name its office without the place; 正安's by its level alone
    index = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="")
                         for a in ("凤冈县人民政府（人民政府办公室）", "正安县人民政府（县政府办）", "开封市教育局")])
    for q, agency in (("凤冈县政府办2023年收到多少申请", "凤冈县人民政府（人民政府办公室）"),
                      ("正安县政府办2023年收到多少申请", "正安县人民政府（县政府办）")):
        s = extract(normalise(q, LEX), index, None)
        assert (s.agencies, s.resolution.unknown, s.resolution.note) == ([agency], None, None)
