"""Golden tests for agency resolution: 85 real agency names (tests/data/agency_names.tsv — governments,
their offices, departments, townships, streets, development zones, national bodies) loaded together,
asked by the names people use.  Expectations written by hand from the names."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.understand import lexicon
from bot.understand.extract import Slots, extract
from bot.understand.linking import AgencyIndex
from bot.understand.names import GOV, OFFICE, split
from bot.understand.normalise import normalise
from knowledge.models import Report

LEX = lexicon.default()
ROWS = [ln.split("\t") for ln in (Path(__file__).parent / "data" / "agency_names.tsv").read_text(encoding="utf-8")
        .splitlines() if ln and not ln.startswith(("#", "full_name"))]
# 洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024) are one body printed two ways: the parser keeps the
# fuller name (knowledge/template/metadata.py), so only that one is loaded here.
NAMES = [(name, int(year)) for name, _kind, year, _src in ROWS if name != "洪泽区人民政府"]
INDEX = AgencyIndex([Report(id=f"{n}-{y}", agency=n, year=y, title=n, template="2021", source_file="")
                     for n, y in NAMES])

PT = "平潭综合实验区"


def ask(q: str, context: str | None = None) -> Slots:
    return extract(normalise(q, LEX), INDEX, context)


def test_the_set_is_large_and_mixed() -> None:
    kinds = {split(n).kind for n, _ in NAMES}
    assert len(NAMES) >= 80 and {GOV, OFFICE, "dept"} <= kinds


@pytest.mark.parametrize("name", [n for n, _ in NAMES])
def test_every_full_name_names_itself(name: str) -> None:
    assert ask(f"{name}行政复议多少件").agencies == [name]


@pytest.mark.parametrize(
    ("q", "agency"),
    [
        # short body names, region with or without its level, without the region
        ("平潭财政局2023年收到多少申请", f"{PT}财政金融局"),
        ("财政金融局行政复议多少件", f"{PT}财政金融局"),
        ("平潭经发局2023年收到多少申请", f"{PT}经济发展局"),
        ("经发局2023年收到多少申请", f"{PT}经济发展局"),  # 平潭县经济发展局 has no 2023 report
        ("管委办收到多少申请", f"{PT}管委会办公室"),
        ("平潭管委会办公室收到多少申请", f"{PT}管委会办公室"),
        ("平潭市场监管局2023年行政复议多少件", f"{PT}市场监督管理局"),
        ("平潭 社会事业局 2023年行政复议多少件", f"{PT}社会事业局"),
        ("平潭的行政审批局收到多少申请", f"{PT}行政审批局"),
        ("平潭审批局收到多少申请", f"{PT}行政审批局"),
        ("投促局收到多少申请", f"{PT}投资促进局"),
        ("平潭2023年收到多少申请", PT),  # a bare region: its own government's report for that year
        ("平潭实验区2023年收到多少申请", PT),
        ("海坛片区收到多少申请", f"{PT}海坛片区管理局"),
        ("金井片区管理局行政复议", f"{PT}金井片区管理局"),
        ("君山2023年行政复议多少件", f"{PT}君山片区管理局"),
        ("温州府办行政复议多少件", "温州市人民政府办公室"),
        ("温州市政府办公室行政复议多少件", "温州市人民政府办公室"),
        ("温州市人民政府办行政复议多少件", "温州市人民政府办公室"),
        ("清新区政府办收到多少申请", "清远市清新区人民政府办公室"),
        ("清远清新区府办收到多少申请", "清远市清新区人民政府办公室"),
        ("山西高平政府办收到多少申请", "高平市人民政府办公室"),
        ("高平市府办收到多少申请", "高平市人民政府办公室"),
        ("宿迁发改委收到多少申请", "宿迁市发展和改革委员会"),
        ("宿迁市发展改革委收到多少申请", "宿迁市发展和改革委员会"),
        ("发改委收到多少申请", "宿迁市发展和改革委员会"),
        ("宿迁收到多少申请", "宿迁市人民政府"),
        ("宿迁市政府收到多少申请", "宿迁市人民政府"),
        ("沭阳教育局收到多少申请", "沭阳县教育局"),
        ("江苏沭阳县教育局收到多少申请", "沭阳县教育局"),
        ("沭阳县政府收到多少申请", "沭阳县人民政府"),
        ("洪泽区2024年行政复议多少件", "淮安市洪泽区人民政府"),
        ("洪泽2024年行政复议多少件", "淮安市洪泽区人民政府"),
        ("淮安市洪泽区2024年行政复议多少件", "淮安市洪泽区人民政府"),
        ("江苏省淮安市洪泽区人民政府2024年行政复议多少件", "淮安市洪泽区人民政府"),
        ("淮安2024年行政复议多少件", "淮安市人民政府"),
        ("淮安市人民政府2024年行政复议多少件", "淮安市人民政府"),
        ("上海行政复议多少件", "上海市人民政府"),
        ("黄浦区行政复议多少件", "上海市黄浦区人民政府"),
        ("上海黄浦行政复议多少件", "上海市黄浦区人民政府"),
        ("蓬江区财政局收到多少申请", "江门市蓬江区财政局"),
        ("嵊泗财政局收到多少申请", "嵊泗县财政局"),
        ("临沂财政局收到多少申请", "临沂市财政局"),
        ("对坊乡收到多少申请", "对坊乡人民政府"),
        ("杨柳乡政府收到多少申请", "杨柳乡人民政府"),
        ("官洲街道收到多少申请", "官洲街道办事处"),
        ("底张街道办收到多少申请", "西咸新区底张街道办事处"),
        ("番禺开发区管委会收到多少申请", "番禺经济技术开发区管委会"),
        ("番禺经开区收到多少申请", "番禺经济技术开发区管委会"),
        ("国家版权局收到多少申请", "国家新闻出版署（国家版权局）"),
        ("国家新闻出版署收到多少申请", "国家新闻出版署（国家版权局）"),
        ("国家电影局收到多少申请", "国家电影局"),
        ("平潭市场监督管理局收到多少申请", "平潭市场监督管理局"),  # a report that prints its place oddly
    ],
)
def test_short_names_name_the_body(q: str, agency: str) -> None:
    s = ask(q)
    assert (s.agencies, s.unknown_place, s.resolution.options) == ([agency], None, [])


def test_a_bare_region_says_which_report_and_names_the_others() -> None:
    note = ask("平潭2023年收到多少申请").resolution.note or ""
    assert note.startswith(f"按{PT}的年报回答") and f"{PT}财政金融局" not in note.split("；")[0]
    assert "同地还有" in note and "管委会办公室" in note


def test_a_region_with_one_body_answers_it_and_says_which() -> None:
    s = ask("温州行政复议多少件")  # only 温州市人民政府办公室 is loaded for 温州
    assert s.agencies == ["温州市人民政府办公室"] and "温州市人民政府办公室" in (s.resolution.note or "")


@pytest.mark.parametrize(
    ("q", "options"),
    [
        ("府办行政复议多少件", {"温州市人民政府办公室", "清远市清新区人民政府办公室", "高平市人民政府办公室"}),
        ("政府办公室行政复议多少件", {"温州市人民政府办公室", "清远市清新区人民政府办公室", "高平市人民政府办公室"}),
        ("财政局收到多少申请", {"平潭县财政局", "江门市蓬江区财政局", "嵊泗县财政局", "临沂市财政局"}),
        ("平潭收到多少申请", {PT, f"{PT}管委会", "平潭县人民政府"}),  # three governments called 平潭, no year
        ("公安局收到多少申请", {"平潭县公安局", f"{PT}公安局"}),
    ],
)
def test_a_name_several_bodies_share_is_asked_back(q: str, options: set[str]) -> None:
    s = ask(q)
    assert s.agencies == [] and set(s.resolution.options) == options


@pytest.mark.parametrize(
    ("q", "said", "nearby"),
    [
        ("平潭交通运输局2023年收到多少申请", "平潭交通运输局", f"{PT}管委会办公室"),  # region loaded, body not
        ("宿迁教育局收到多少申请", "宿迁教育局", "沭阳县教育局"),  # the city's own 教育局 is not 沭阳县's
        ("江门财政局收到多少申请", "江门财政局", "江门市蓬江区财政局"),
        ("淮安区2024年行政复议多少件", "淮安区", "淮安市人民政府"),  # 淮安区 is not 淮安市
        ("温州市人民政府2022年行政复议多少件", "温州市人民政府", "温州市人民政府办公室"),  # only its office
        ("郑州教育局收到多少申请", "郑州教育局", None),
        ("宿迁市政府办收到多少申请", "宿迁市政府办", "宿迁市人民政府"),  # the government, not its office
        ("北京市财政局收到多少申请", "北京市财政局", None),
        ("杭州市财政局收到多少申请", "杭州市财政局", "嵊泗县财政局"),  # nothing in 杭州: 浙江's bodies first
    ],
)
def test_a_body_not_loaded_is_unknown_with_its_region_listed(q: str, said: str, nearby: str | None) -> None:
    s = ask(q)
    assert s.agencies == [] and s.unknown_place == said and not s.resolution.suggest
    if nearby:
        assert nearby in s.resolution.nearby


@pytest.mark.parametrize(
    ("q", "guess"),
    [
        ("平谭财政局收到多少申请", "平潭财政局"),
        ("温洲市政府办行政复议多少件", "温州市政府办"),
    ],
)
def test_a_name_one_character_away_is_offered_back(q: str, guess: str) -> None:
    s = ask(q)
    assert s.agencies == [] and s.resolution.suggest == guess


def test_a_follow_up_names_a_body_of_the_same_place() -> None:
    assert ask("那经发局呢", context=f"{PT}财政金融局").agencies == [f"{PT}经济发展局"]
    assert ask("那公安局呢", context=f"{PT}财政金融局").agencies == [f"{PT}公安局"]
    assert ask("那公安局呢", context="平潭县财政局").agencies == ["平潭县公安局"]
    # 温州 has no 财政局 loaded: the other places' are offered, none answered silently
    s = ask("那财政局呢", context="温州市人民政府办公室")
    assert s.agencies == [] and "嵊泗县财政局" in s.resolution.options


def test_several_agencies_in_one_question() -> None:
    s = ask("温州府办和高平府办行政复议分别多少件")
    assert s.agencies == ["温州市人民政府办公室", "高平市人民政府办公室"]
    s = ask("平潭财政局、经发局2023年收到多少申请")  # the second takes the place of the first
    assert s.agencies == [f"{PT}财政金融局", f"{PT}经济发展局"]


def test_government_words_in_the_question_are_not_taken_for_a_body() -> None:
    s = ask("宿迁2023年政府信息公开申请多少件")
    assert s.agencies == ["宿迁市人民政府"] and "政府信息公开" in s.rest


def test_a_development_and_reform_bureau_is_also_called_fagaiwei() -> None:
    # 沭阳县发展和改革局 (zxj6827111-blip/KIROGOVCOMPARE, tests/沭阳县发展和改革局2023年…html): people call
    # such a 局 by the 委 name too; with a 发改委 of its city loaded, a bare 发改委 is asked back
    bodies = ["沭阳县发展和改革局", "宿迁市发展和改革委员会"]
    index = AgencyIndex([Report(id=n, agency=n, year=2023, title=n, template="2021", source_file="") for n in bodies])
    for q in ("沭阳发改委收到多少申请", "沭阳县发改局收到多少申请", "沭阳发展和改革局收到多少申请"):
        assert extract(normalise(q, LEX), index, None).agencies == ["沭阳县发展和改革局"], q
    assert extract(normalise("宿迁发改委收到多少申请", LEX), index, None).agencies == ["宿迁市发展和改革委员会"]
    both = extract(normalise("发改委收到多少申请", LEX), index, None)
    assert (both.agencies, sorted(both.resolution.options)) == ([], sorted(bodies))



def test_the_short_name_shown_is_the_usual_abbreviation() -> None:
    # shown in examples and options: 发展 alone is not the body (was 宿迁发展委, 沭阳发展局)
    from bot.understand.agencies import short_name

    assert short_name("宿迁市发展和改革委员会") == "宿迁发改委"
    assert short_name("沭阳县发展和改革局") == "沭阳发改局"
    assert short_name("平潭综合实验区财政金融局") == "平潭财政局"
