"""A body asked after a place that has it only under a longer name (墨脱水利局): read by the rule, the year asked
choosing between two it fits as well, the note saying what was said; one it has not loaded lists that place's
own; a body named alone in a conversation about a place answers that place's even without the year when the
other place's only has the year and the exact name; a misspelt place is offered back only as a place, never
as a body's short name (城管区 is not 城管局).  Expectations written by hand from the loaded names.
"""

from __future__ import annotations

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()


def index_of(loaded: list[tuple[str, int]]) -> AgencyIndex:
    return AgencyIndex([Report(id=f"{a}-{y}", agency=a, year=y, title=a, template="2021", source_file="")
                        for a, y in loaded])


# 水利局 is a body loaded (江阴's); 墨脱's two fit it by the rule as well (1.29 each), one has 2023
MOTUO = index_of([("墨脱县农业农村和水利局", 2023), ("墨脱县自然资源和水利局", 2022), ("江阴市水利局", 2023),
                  ("江阴市交通运输局", 2023), ("拉萨市教育局", 2023)])
KAIFENG = index_of([("开封市教育和体育局", 2022), ("郑州市教育局", 2023), ("开封市人民政府", 2023)])
CITY = index_of([("开封市城市管理局", 2023), ("开封市教育局", 2023)])


def read(q: str, index: AgencyIndex, context: str | None = None) -> tuple[
        list[str], str | None, str | None, list[str], str | None, list[str], str | None]:
    s = extract(normalise(q, LEX), index, context)
    r = s.resolution
    return s.agencies, r.unknown, r.said, r.options, r.note, r.nearby, r.suggest


def test_a_body_the_place_has_under_a_longer_name_is_read_by_the_rule_the_year_choosing() -> None:
    assert read("墨脱水利局2023年收到多少申请", MOTUO) == (
        ["墨脱县农业农村和水利局"], None, None, [], "“墨脱水利局”按墨脱县农业农村和水利局理解", [], None)


def test_a_body_the_place_has_not_loaded_lists_the_places_own() -> None:
    # 拉萨市教育局 is of the same province, not of 墨脱
    assert read("墨脱交通运输局2023年收到多少申请", MOTUO) == (
        [], "墨脱交通运输局", "墨脱交通运输局", [], None, ["墨脱县农业农村和水利局", "墨脱县自然资源和水利局"], None)


def test_the_place_talked_about_answers_a_body_named_alone_before_another_places_with_the_year() -> None:
    # 开封's 教育和体育局 lacks 2023; 郑州市教育局 has it and is named exactly: 开封's still answers
    assert read("教育局2023年收到多少申请", KAIFENG, "开封市人民政府") == (
        ["开封市教育和体育局"], None, None, [], None, [], None)


def test_a_misspelt_place_is_never_offered_back_as_a_bodys_short_name() -> None:
    # 城管区 is one character from 城管局 (开封市城市管理局's short name), which is no place
    assert read("城管区教育局2023年收到多少申请", CITY) == (
        [], "城管区教育局", "城管区教育局", [], None, [], None)


LAWYERS = index_of([("开封市人民政府", 2023), ("开封市汴西产业园区管理委员会", 2023), ("开封市司法局", 2023)])


def test_the_questions_own_words_after_a_place_name_no_body_with_or_without_de() -> None:
    # 律师事务所 is what is asked about (the lexicon's), not a body of 开封
    for q in ("开封的律师事务所2023年申请了多少", "开封律师事务所2023年申请了多少"):
        assert read(q, LAWYERS) == (
            ["开封市人民政府"], None, None, [], "按开封市人民政府的年报回答；同地还有司法局的年报", [], None)


def test_a_zone_asked_by_its_kind_before_the_questions_own_words_is_the_zone() -> None:
    # 没有办完 (the lexicon's) begins two characters on, after 园区
    assert read("开封园区没有办完的2023年有多少", LAWYERS) == (
        ["开封市汴西产业园区管理委员会"], None, None, [], "“开封园区”按开封市汴西产业园区管理委员会理解", [], None)
