"""Words after a place: two zones of the kind asked are asked back (开封园区); a body-like word that names no
department of the place (开封税局, 开封的信访局) is not loaded, said as it was asked, with what the place has;
政府信息公开 after a place or before a body is what is asked about, never the place's government.
Expectations written by hand from the loaded names.
"""

from __future__ import annotations

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()


def index_of(loaded: list[str]) -> AgencyIndex:
    return AgencyIndex([Report(id=f"{a}-2023", agency=a, year=2023, title=a, template="2021", source_file="")
                        for a in loaded])


ZONES = index_of(["开封市人民政府", "开封市汴西产业园区管理委员会", "开封市精细化工产业园区管理委员会"])
KAIFENG = index_of(["开封市人民政府", "开封市教育局", "郑州市教育局"])


def read(q: str, index: AgencyIndex) -> tuple[list[str], str | None, str | None, list[str], str | None,
                                                list[str]]:
    s = extract(normalise(q, LEX), index, None)
    r = s.resolution
    return s.agencies, r.unknown, r.said, r.options, r.note, r.nearby


def test_two_zones_of_the_kind_asked_are_asked_back() -> None:
    assert read("开封园区2023年收到多少申请", ZONES) == (
        [], None, "开封园区", ["开封市汴西产业园区管理委员会", "开封市精细化工产业园区管理委员会"], None, [])


def test_a_body_like_word_naming_no_department_is_not_loaded_with_what_the_place_has() -> None:
    # 郑州市教育局 is of the same province, not of 开封
    assert read("开封税局2023年收到多少申请", KAIFENG) == (
        [], "开封税局", "开封税局", [], None, ["开封市人民政府", "开封市教育局"])
    assert read("开封的信访局2023年收到多少申请", KAIFENG) == (
        [], "开封的信访局", "开封的信访局", [], None, ["开封市人民政府", "开封市教育局"])


def test_government_information_after_a_place_is_what_is_asked_not_the_government() -> None:
    # the place alone: its government with the note naming its other bodies, as for 开封2023年
    assert read("开封政府信息公开申请2023年收到多少", KAIFENG) == (
        ["开封市人民政府"], None, None, [], "按开封市人民政府的年报回答；同地还有教育局的年报", [])


def test_a_body_named_after_government_information_is_read() -> None:
    assert read("2023年政府信息公开申请开封市教育局收到多少件", KAIFENG) == (
        ["开封市教育局"], None, None, [], None, [])


def test_one_zone_asked_by_its_kind_leaves_no_kind_word_in_the_question() -> None:
    index = index_of(["开封市人民政府", "开封市汴西产业园区管理委员会"])
    s = extract(normalise("开封园区2023年收到多少申请", LEX), index, None)
    assert (s.agencies, s.rest) == (["开封市汴西产业园区管理委员会"], "收到多少申请")


def test_two_places_side_by_side_are_two_agencies() -> None:
    index = index_of(["开封市人民政府", "郑州市人民政府"])
    assert read("开封郑州2023年分别收到多少申请", index) == (["开封市人民政府", "郑州市人民政府"], None, None, [], None, [])


def test_a_body_after_a_report_named_by_its_place_and_管委会_is_read_too() -> None:
    # the report calls itself 平潭综合实验区: + 管委会 is the same body, and the next name is still read
    index = index_of(["平潭综合实验区", "福州市教育局"])
    assert read("平潭综合实验区管委会、福州市教育局2023年各收到多少申请", index) == (
        ["平潭综合实验区", "福州市教育局"], None, None, [], None, [])
