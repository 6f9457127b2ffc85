"""Words after a government's full name: a department of its place read by the rule (平潭综合实验区管委会发展局), one
it has not loaded (…交通局, with what the place has), the year asked choosing between two close ones; an office
asked by its government's name and 办公室 when only the government is loaded lists that place's own, never
another province's.  Expectations written by hand from the loaded names.
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


PINGTAN = index_of([("平潭综合实验区管委会", 2023), ("平潭综合实验区经济发展局", 2023),
                    ("平潭综合实验区财政金融局", 2023), ("福州市教育局", 2023)])
# two bodies the short name 发展局 fits as well (1.5 each): only one has 2022
TWO = index_of([("平潭综合实验区管委会", 2023), ("平潭综合实验区经济发展局", 2023),
                ("平潭综合实验区社会发展局", 2022), ("平潭综合实验区社会发展局", 2023)])
DONGGUANG = index_of([("东光县人民政府", 2023), ("沧州市教育局", 2023), ("开封市教育局", 2023)])


def read(q: str, index: AgencyIndex) -> tuple[list[str], str | None, str | None, list[str], str | None,
                                                list[str]]:
    s = extract(normalise(q, LEX), index, None)
    r = s.resolution
    return s.agencies, r.unknown, r.said, r.options, r.note, r.nearby


def test_a_department_after_its_governments_full_name_is_read_by_the_rule() -> None:
    assert read("平潭综合实验区管委会发展局2023年收到多少申请", PINGTAN) == (
        ["平潭综合实验区经济发展局"], None, None, [], "“平潭综合实验区管委会发展局”按平潭综合实验区经济发展局理解", [])


def test_a_department_not_loaded_after_its_governments_full_name_lists_what_the_place_has() -> None:
    assert read("平潭综合实验区管委会交通局2023年收到多少申请", PINGTAN) == (
        [], "平潭综合实验区管委会交通局", "平潭综合实验区管委会交通局", [], None,
        ["平潭综合实验区管委会", "平潭综合实验区经济发展局", "平潭综合实验区财政金融局"])


def test_of_two_bodies_a_short_name_fits_as_well_the_one_with_the_year_asked_answers() -> None:
    assert read("平潭综合实验区管委会发展局2022年收到多少申请", TWO) == (
        ["平潭综合实验区社会发展局"], None, None, [], "“平潭综合实验区管委会发展局”按平潭综合实验区社会发展局理解", [])
    assert read("平潭综合实验区管委会发展局2023年收到多少申请", TWO) == (
        [], None, "平潭综合实验区管委会发展局", ["平潭综合实验区社会发展局", "平潭综合实验区经济发展局"], None, [])


def test_an_office_not_loaded_asked_by_its_governments_name_lists_that_places_own() -> None:
    # 沧州市教育局 is of the same province, 开封市教育局 of another: neither is 东光县's
    assert read("东光县人民政府办公室2023年收到多少申请", DONGGUANG) == (
        [], "东光县人民政府办公室", "东光县人民政府办公室", [], None, ["东光县人民政府"])
