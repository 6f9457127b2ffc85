"""Golden tables for the question side: normalisation, slots, and which field a phrasing names."""

from __future__ import annotations

import pytest

from bot.understand import lexicon
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from bot.understand.match import read
from bot.understand.normalise import normalise
from bot.understand.resolve import resolve
from knowledge import catalogue
from knowledge.models import Report

LEX = lexicon.default()
CAT = catalogue.default()
ALIASES = {"开封市人民政府": "开封市人民政府", "开封市": "开封市人民政府", "开封": "开封市人民政府",
           "开封市政府": "开封市人民政府", "平潭": "平潭综合实验区", "洪泽区": "淮安市洪泽区人民政府"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("２０１９年行政复议多少件？", "2019年行政复议多少件?"),
        ("二〇一九年行政复议多少件", "2019年行政复议多少件"),
        ("一九年行政复议", "2019年行政复议"),
        ("19年行政诉讼多少件", "2019年行政诉讼多少件"),
        ("2019 年 行政复议 多少 件", "2019年行政复议多少件"),
        ("行政復議多少件", "行政复议多少件"),
        ("行政附议多少件", "行政复议多少件"),
        ("平潭近三年行政复议", "平潭近3年行政复议"),
        ("平潭近两年行政复议", "平潭近2年行政复议"),  # 两 is a number before 年 too
        ("平潭前十二个月", "平潭前12个月"),
        ("平潭近十十年行政复议", "平潭近十十年行政复议"),  # no number: left as written, never an error
        ("危及“三安全一稳定”的", "危及三安全一稳定的"),
        ("開封2019年政府資訊公開申請多少件", "开封2019年政府资讯公开申请多少件"),
        ("沈默的申請人", "沉默的申请人"),  # a phrase converted though no character of it is converted alone
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw, LEX) == expected


@pytest.mark.parametrize(
    ("q", "years", "agency", "place"),
    [
        ("开封市2019年行政复议多少件", [2019], "开封市人民政府", None),
        ("开封市政府2019年不予公开多少件", [2019], "开封市人民政府", None),
        ("平潭2021年收到多少申请", [2021], "平潭综合实验区", None),
        ("洪泽区2023年无法提供多少件", [2023], "淮安市洪泽区人民政府", None),
        ("北京市2019年行政复议多少件", [2019], None, "北京市"),
        ("福州市2023年行政复议多少件", [2023], None, "福州市"),
        ("2019-2021年行政复议", [2019, 2020, 2021], None, None),
        ("2020年比2019年多多少", [2020, 2019], None, None),
    ],
)
def test_slots(q: str, years: list[int], agency: str | None, place: str | None) -> None:
    s = extract(normalise(q, LEX), ALIASES)
    assert (s.years, s.agency, s.unknown_place) == (years, agency, place)


def test_relative_year_is_not_confused_with_carried_over() -> None:
    assert extract(normalise("去年行政复议多少件", LEX), ALIASES).relative == "去年"
    assert extract(normalise("去年结转的申请有几件", LEX), ALIASES).relative is None


@pytest.mark.parametrize(
    ("q", "field"),
    [
        ("行政复议一共有几起", "review/total"),
        ("复议维持了多少件", "review/upheld"),
        ("行政复议被纠正了几件", "review/corrected"),
        ("行政复议还有多少件没审结", "review/pending"),
        ("被起诉了多少次", "litigation/total"),
        ("被告上法庭几次", "litigation/total"),
        ("未经复议直接起诉的有多少件", "litigation.direct/total"),
        ("复议后起诉尚未审结几件", "litigation.after_review/pending"),
        ("行政诉讼败诉几件", "litigation/corrected"),
        ("收到多少政府信息公开申请", "apply.new/total"),
        ("受理了多少申请", "apply.new/total"),
        ("律所申请了几件", "apply.new/legal_service"),
        ("企业申请有多少", "apply.new/commercial"),
        ("群众申请了多少件", "apply.new/natural"),
        ("上年结转的申请有几件", "apply.carried_in/total"),
        ("结转下年度继续办理的有多少", "apply.carried_out/total"),
        ("因为保护第三方合法权益不予公开的有多少", "apply.withheld.third_party/total"),
        ("危及三安全一稳定的不予公开多少", "apply.withheld.security/total"),
        ("要求提供公开出版物的申请有几件", "apply.rejected.publication/total"),
        ("申请人逾期不补正的有几件", "apply.other.no_correction/total"),
        ("自然人申请中予以公开的有多少", "apply.disclosed/natural"),
        ("法人或其他组织申请了多少件", "apply.new/legal_person"),
        ("行政许可处理决定数量", "active.license/decisions"),
        ("行政处罚上一年项目数量", "active.penalty/prev_items"),
        ("政府集中采购总金额多少", "active.procurement/amount"),
        ("废止了几件行政规范性文件", "active.normative/repealed"),
        ("存在哪些主要问题", "section.五.problems"),
        ("有哪些改进措施", "section.五.improve"),
        ("纠错率是多少", "rate.correction_rate/review"),
    ],
)
def test_field(q: str, field: str) -> None:
    s = extract(normalise(q, LEX), ALIASES)
    query = resolve(read(s.rest, LEX), CAT)
    assert query is not None and query.field_id == field


@pytest.mark.parametrize("q", ["行政复议的律师费是多少", "开封今天天气怎么样"])
def test_unexplained_words_are_kept(q: str) -> None:
    s = extract(normalise(q, LEX), ALIASES)
    assert [w for w in read(s.rest, LEX).unexplained if len(w) >= 2]


def test_lexicon_rejects_an_alias_naming_two_concepts(tmp_path) -> None:  # noqa: ANN001
    bad = tmp_path / "synonyms.json"
    bad.write_text('{"apply_rows": {"apply.new": ["收到"], "apply.total": ["收到"]}}', encoding="utf-8")
    with pytest.raises(ValueError, match="收到"):
        lexicon.load(bad)


def _index(*agencies: str) -> AgencyIndex:
    return AgencyIndex([Report(id=f"{a}-2023", agency=a, year=2023, title=a, template="2021", source_file="")
                        for a in agencies])


def test_department_reports_do_not_take_the_region_name() -> None:
    both = _index("平潭综合实验区", "平潭综合实验区财政金融局")
    assert extract(normalise("平潭2023年收到多少申请", LEX), both).agency == "平潭综合实验区"
    assert extract(normalise("平潭财政金融局2023年收到多少申请", LEX), both).agency == "平潭综合实验区财政金融局"
    west = _index("杭州市西湖区人民政府", "杭州市人民政府")  # 杭州's 州 is not a region level here
    assert extract(normalise("西湖区2023年收到多少申请", LEX), west).agency == "杭州市西湖区人民政府"


def test_next_year_inside_a_phrase_is_not_a_year_asked() -> None:
    s = extract(normalise("平潭2025年结转到2026年的有几件", LEX), ALIASES)
    assert s.years == [2025] and "结转到下年" in s.rest


def test_a_government_named_is_not_answered_by_its_department() -> None:
    s = extract(normalise("沭阳县人民政府2023年行政复议多少件", LEX), _index("沭阳县发展和改革局"))
    assert s.agency is None and s.unknown_place == "沭阳县人民政府"
    assert s.resolution.nearby == ["沭阳县发展和改革局"]
