"""The body a short name read by the rule names when one body is clearly ahead of another of the same place,
and a zone asked by its place and the short word of its kind (开封高新区 for a 高新技术产业开发区 named after
its own district).  Expectations written by hand from the loaded names and the rule (coverage + tightness:
行执局 keeps 2 of 综合行政执法's 6 characters, 2 apart: 1.0; of 城市管理和行政审批综合执法's 13, 13 apart: 0.44)."""

from __future__ import annotations

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
ZONE = "开封市汴西高新技术产业开发区管理委员会"
LOADED = ["开封市人民政府", ZONE, "江阴市综合行政执法局", "江阴市城市管理和行政审批综合执法局"]
INDEX = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="") for a in LOADED])


def read(q: str) -> tuple[list[str], str | None, list[str], str | None]:
    s = extract(normalise(q, LEX), INDEX, None)
    return s.agencies, s.resolution.unknown, s.resolution.options, s.resolution.note


def test_the_body_a_short_name_fits_clearly_best_is_answered_with_a_note() -> None:
    assert read("江阴行执局收到多少申请") == (["江阴市综合行政执法局"], None, [], "“江阴行执局”按江阴市综合行政执法局理解")


def test_a_zone_asked_by_its_place_and_the_short_word_of_its_kind() -> None:
    assert read("开封高新区2023年收到多少申请") == ([ZONE], None, [], f"“开封高新区”按{ZONE}理解")


MARGIN_INDEX = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="")
                            for a in ("江阴市交通运输局", "江阴市交通运输和大数据管理局")])


def test_a_body_exactly_the_margin_behind_is_not_asked_back() -> None:
    # 运输局: 交通运输 2/4 + 2/2 = 1.5; 交通运输和大数据管理 2/10 + 2/2 = 1.2, exactly 0.3 behind: not close
    s = extract(normalise("江阴运输局收到多少申请", LEX), MARGIN_INDEX, None)
    assert (s.agencies, s.resolution.options, s.resolution.note) == (
        ["江阴市交通运输局"], [], "“江阴运输局”按江阴市交通运输局理解")
