"""A body asked by a longer short name after a shorter word that names none (公安局 → 公安局交警支队), and
the order of what a place has loaded when the body asked is not (its government, then its office, then the
rest — whatever their names' order).  Expectations written by hand from the loaded names."""

from __future__ import annotations

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
PT = "平潭综合实验区"
POLICE = "开封市公安局交通警察支队"
LOADED = ["开封市人民政府", POLICE, f"{PT}管理委员会", f"{PT}管委会办公室", f"{PT}财政金融局"]
INDEX = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="") for a in LOADED])


def read(q: str) -> tuple[list[str], str | None, list[str], str | None]:
    s = extract(normalise(q, LEX), INDEX, None)
    return s.agencies, s.resolution.unknown, s.resolution.nearby, s.resolution.note


def test_a_longer_short_name_is_read_when_the_shorter_word_names_no_body() -> None:
    assert read("开封公安局交警支队收到多少申请") == ([POLICE], None, [], f"“开封公安局交警支队”按{POLICE}理解")


def test_what_a_place_has_is_listed_government_then_office_then_the_rest() -> None:
    # 管委会办公室 sorts before 管理委员会 by name; the government still comes first
    assert read("平潭交通运输局收到多少申请") == (
        [], "平潭交通运输局", [f"{PT}管理委员会", f"{PT}管委会办公室", f"{PT}财政金融局"], None)


def test_a_longer_short_name_without_its_place_is_read_when_the_shorter_word_names_no_body() -> None:
    # was “没有公安局的年报”: only the first word (公安局) was tried when no place was named
    assert read("公安局交警支队收到多少申请") == ([POLICE], None, [], f"“公安局交警支队”按{POLICE}理解")


def test_an_office_asked_by_its_government_and_办_leaves_no_办_in_the_question() -> None:
    # 营口市人民政府 + 办 is its office: the whole name is cut from what the question asks
    index = AgencyIndex([Report(id=a, agency=a, year=2023, title=a, template="2021", source_file="")
                         for a in ("营口市人民政府", "营口市人民政府办公室")])
    s = extract(normalise("营口市人民政府办2023年收到多少申请", LEX), index, None)
    assert (s.agencies, s.rest) == (["营口市人民政府办公室"], "收到多少申请")
