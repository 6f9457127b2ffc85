"""Slots that regexes find best: years (absolute, relative, ranges) and the agency.

Works on the normalised question; returns the slots and the question with their spans removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.understand.linking import _LEAD_WORDS, AgencyIndex, Resolution, known_place, resolve_agencies

# any 19xx/20xx followed by 年 is a year (2051年 is a year not loaded, never a figure); bare, 1950–2049
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d|(?:19|20)\d{2}(?=年))(?!\d)(?:年度|年)?")
_RANGE = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)年?(?:-|~|至|到|—)(19[5-9]\d|20[0-4]\d)(?:年度|年)?")
_RECENT = re.compile(r"(?:近|最近|过去|前)(\d{1,2})(?:个)?年(?:度)?")
# “三年哪年最多”, “这三年的趋势”: a span of years without 近/前 (never “三年行动计划”)
_SPAN = re.compile(r"(?<![\d〇零一二两三四五六七八九十])(?:这|这些)?([2-9]|[两三四五六七八九十])个?年(?:来|间|里|中|内)?"
                   r"(?=哪|的|各|每|分别|都|共|一共|合计|累计|趋势|变化|走势|情况|数据|收到|行政|不予|予以|$)")
_CN_SMALL = {"两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# not 上一年 naming table 二's column “上一年项目数量” (“行政处罚事项上一年有多少项”)
_RELATIVE = re.compile(r"(去年|前一?年|今年|上一?年度?)(?!结转|转结|项目|度结转|度转结|(?:有|共有|的)?(?:多少|几)项)")
# 市 of 市场监管局, 市政 … begins a body's name, never ends a place (甘谷市场监管局 is 甘谷's, not 甘谷市)
_PLACE = re.compile(r"^(?:的)?([\u4e00-\u9fa5]{2,8}?(?:自治区|自治州|街道|省|市(?![场政民容])|区(?!域|划)|县(?!域)|州|盟|旗|镇|乡))")
_NEXT_YEAR = re.compile(r"(结转到|结转至|转入|转至|顺延至|顺延到)(?:19[5-9]\d|20[0-4]\d)年度?")
_LEAD = re.compile(r"^([\u4e00-\u9fa5]{2,10}?)(?=(?:19|20)\d{2}年)")
_NOT_PLACE = {"全市", "我市", "本市", "全区", "我区", "本区", "县区", "市区", "全县", "我县", "本县", "各县区", "城区", "辖区",
              "城乡", "乡镇", "城镇", "村镇", "市镇", "各乡镇", "全镇", "我镇", "本镇", "全乡", "我乡", "本乡", "全街道"}


@dataclass
class Slots:
    """What a question says about when and who."""

    years: list[int] = field(default_factory=list)
    recent: int | None = None  # 近N年
    relative: str | None = None  # 去年 / 前年 / 今年
    agency: str | None = None
    agencies: list[str] = field(default_factory=list)  # all named, in order found (usually one)
    unknown_place: str | None = None
    lead: str | None = None  # words before the first year (“郑州2019年…”): maybe an agency we don't have
    rest: str = ""  # the question without the year and agency words
    years_of: dict[str, int] = field(default_factory=dict)  # each body's own year (“开封2019年和平潭2023年”)
    resolution: Resolution = field(default_factory=Resolution)  # how the agencies were resolved


GAP = "\u3000"  # where a year stood: a break no agency name runs across (“平潭2019年政府预决算”)
# what may follow a place said on its own (“那北京呢”, “北京的呢”, “北京2023年呢”): nothing that makes it part of a word
_AFTER_PLACE = re.compile("(?:的|呢|吗|[?？]|\u3000|$)")


def extract(q: str, agencies: AgencyIndex | dict[str, str], context: str | None = None) -> Slots:
    """Years and agencies from a normalised question (agencies: the loaded ones, or alias → agency).

    context is the agency of the conversation so far: a body named alone (“那教育局呢”) is taken in its region.
    """
    index = agencies if isinstance(agencies, AgencyIndex) else AgencyIndex(aliases=agencies)
    s = Slots()
    rest = _NEXT_YEAR.sub(r"\1下年", q)  # “结转到2026年” names the next year, not the year asked about
    m = _LEAD.match(q)
    if m:
        s.lead = m.group(1)
    m = _RANGE.search(rest)
    if m:
        a, b = sorted((int(m.group(1)), int(m.group(2))))
        if b - a <= 20:
            s.years = list(range(a, b + 1))
        rest = rest[: m.start()] + GAP + rest[m.end():]
    for m in _YEAR.finditer(rest):
        y = int(m.group(1))
        if y not in s.years:
            s.years.append(y)
    said_years = [int(m.group(1)) for m in _YEAR.finditer(rest)]
    rest = _YEAR.sub(GAP, rest)
    m = _RECENT.search(rest)
    if m:
        s.recent = int(m.group(1))
        rest = rest[: m.start()] + GAP + rest[m.end():]
    m = _SPAN.search(rest) if s.recent is None and not s.years else None
    if m:
        s.recent = int(m.group(1)) if m.group(1).isdigit() else _CN_SMALL[m.group(1)]
        rest = rest[: m.start()] + GAP + rest[m.end():]
    m = _RELATIVE.search(rest)
    if m and not s.years:
        s.relative = m.group(1)
        rest = rest[: m.start()] + GAP + rest[m.end():]
    res = resolve_agencies(rest, index, s.years, context)
    s.resolution = res
    s.agencies = list(res.agencies)
    if len(s.agencies) > 1 and len(s.agencies) == len(said_years) == len(s.years) == rest.count(GAP):
        s.years_of = _years_of(rest, said_years, s.agencies, index, context)
    s.agency = s.agencies[0] if s.agencies else None
    s.unknown_place = res.unknown
    rest = res.rest
    if s.agency is None and not (res.unknown or res.options or res.suggest):
        m = _PLACE.match(rest.strip())
        if m and m.group(1) not in _NOT_PLACE:
            s.unknown_place = m.group(1)
        elif said := _place_alone(rest):
            s.unknown_place = said
    s.rest = re.sub(r"\s+", " ", rest).strip()
    return s


def _place_alone(rest: str) -> str | None:
    """A real place named by its stem with nothing but a particle after it (北京 of “那北京呢”): a body
    not loaded, never an item of the report talked about."""
    head = _LEAD_WORDS.sub("", rest.strip())
    return next((head[:k] for k in (4, 3, 2) if len(head) >= k and known_place(head[:k])
                 and _AFTER_PLACE.match(head, k)), None)


def _years_of(text: str, years: list[int], agencies: list[str], index: AgencyIndex,
              context: str | None) -> dict[str, int]:
    """Each body with the year said beside it, when every body has one of its own: after its name
    (开封2019年和平潭2023年) or before it (2019年开封和2023年平潭); else none."""
    pieces = text.split(GAP)
    for side in (0, 1):
        named = [resolve_agencies(p, index, [y], context).agencies for p, y in zip(pieces[side:], years, strict=False)]
        if [n[0] if len(n) == 1 else None for n in named] == agencies:
            return dict(zip(agencies, years, strict=True))
    return {}
