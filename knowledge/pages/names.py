"""Where a saved page names its body when no title line does: info line, breadcrumb, the opening's subject.

- the page's info line: `来源：谷城县发展和改革局 | 【字号…`, `2021-02-09 发布:卓尼县人民政府办公室 点击数:`,
  `发布机构：…` — anywhere in one of the first lines;
- the site's breadcrumb: `当前位置：首页 > … > 马水镇 > 信息公开年度报告` (the last crumb that names a body);
- the opening sentence's subject with the place named elsewhere: `县政府编制了2020年度…报告` and
  “大英县” in the text → 大英县人民政府 (the county is checked against China's divisions, places.py).

Each reading says where it came from, so that the reply and `reports` can say it and ingest can say
when two readings name different bodies.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.pages.places import mentioned

FROM_SOURCE_LINE = "来源栏"
FROM_BREADCRUMB = "页面导航"
FROM_SUBJECT = "正文首句与正文地名"
FROM_CONTACT = "正文联系方式"
FROM_COMPILER = "正文编制单位"
FROM_OVERVIEW_SUBJECT = "总体情况首句"
FROM_SIGNATURE = "落款"

_BODY_CHARS = r"[\u4e00-\u9fff（）()·]"
_SOURCE = re.compile(
    r"(?:^|[\s|｜])(?:信息)?(?:来源|发布机构|发布机关|发布单位|发文机关|发布者|发布)\s*[:：]\s*"
    rf"(?P<agency>{_BODY_CHARS}{{2,40}}?)\s*(?=(?:发布|更新|成文)?(?:时间|日期)|浏览|点击|字号|[\s|｜【\[]|$)"
)
_CRUMBS = re.compile(r"(?:当前位置|当前页面|您的位置|您现在的位置|所在位置)\s*[:：]?\s*(?P<trail>.+)$|^\s*首页\s*[>/»›＞](?P<bare>.+)$")
_CRUMB_SPLIT = re.compile(r"\s*[>/»›＞]\s*")
# what a body's name ends with (a column of the site never does)
_BODY_END = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|局|委|办|中心|院|署|站|所|队|镇|乡|街道|街道办事处|"
    r"办事处|县|区|市|旗|州|盟|管理区|开发区|新区|片区)$"
)
_COLUMN_WORDS = re.compile(r"首页|信息公开|政务公开|年报|年度报告|目录|正文|专栏|栏目|部门|乡镇|街道办事处$|列表")
# the opening's subject: 县政府编制了… / 区人民政府办公室特向社会公布…
_SUBJECT = re.compile(
    r"(?:^|[，,。；;\s])(?P<level>县|区|市|旗)(?P<body>(?:人民)?政府(?:办公室)?)"
    r"(?:特|现|已|认真)?(?:向社会)?(?:编制|公布|发布|公开)"
)
# “2021年，我县认真贯彻…”: the government of the county the text names (the opening speaks as the county)
_WE = re.compile(r"(?:^|[，,。；;\s\d年])(?:我|本)(?P<level>县|区|市|旗)(?!委|直|政府办|级)")
# “如对本报告有疑问，请与永康市交通运输局办公室联系”: the body answering for its report
_CONTACT = re.compile(r"(?:疑问|问题|意见|建议)[^。]{0,12}?(?:请|可)?(?:与|向|联系|致电)(?P<agency>[\u4e00-\u9fff]{4,30}?)"
                      r"(?:联系|咨询|反映)")
# “在区委、区政府的正确领导下，某某街道办事处认真贯彻…”: the body the opening speaks of, by its full name
# “如对报告有任何疑问，请联系：涵江区教育局办公室（地址：…）”: the body after 联系： up to its address or phone
_CONTACT_COLON = re.compile(r"(?:疑问|问题|意见|建议)[^。]{0,12}?(?:请|可)?联系\s*[:：]\s*(?P<agency>[\u4e00-\u9fff]{4,30}?)"
                            r"(?=[（(，,。；;]|地址|电话|$)")
# “本年度报告…由中江县人民政府办公室组织编制”: the office that compiled the report
_COMPILER = re.compile(r"由(?P<agency>[\u4e00-\u9fff]{4,30}?)(?:负责|牵头|组织)?(?:编制|编写|起草|汇总编制)")
# a preposition a sentence puts before the body: 请与…联系, 向…反映, 同…联系
_PREPOSITION = re.compile(r"^[与同向和由]")
# the subject 总体情况 opens with: “2022年，某县市场监督管理局认真贯彻…”, “某区住建局高度重视…”
_OVERVIEW_SUBJECT = re.compile(
    r"^\s*(?:(?:19|20)\d{2}\s*年度?\s*(?:以来)?\s*[，,]?\s*)?(?P<agency>[\u4e00-\u9fff]{2,30}?)"
    r"(?=认真|严格|高度重视|坚持|深入|全面|紧紧|紧扣|始终|不断|进一步|积极|持续|围绕|按照|扎实|切实|聚焦|"
    r"根据|依据|贯彻|以习近平|在[\u4e00-\u9fff]{0,12}(?:领导|指导)下|共主动公开|主动公开|共发布|通过)"
)
# the signature a report ends with: the body's name on a line of its own, then the date
_SIGN_DATE = re.compile(r"^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_LED = re.compile(r"领导下[，,、\s]*(?P<agency>[\u4e00-\u9fff]{2,30}?(?:人民政府|街道办事处|办事处|管委会|管理委员会|委员会|局|中心))"
                  r"(?:认真|坚持|深入|全面|紧紧|始终|不断|进一步|积极|持续|围绕)")
_OFFICE_OF = re.compile(r"^(?P<body>.+?(?:人民政府|政府|局|委员会|委|管委会|管理委员会|中心|办事处))办公室$")
# a zone that is its own body, named in the opening by its kind alone: “以及管理区政府信息公开工作开展情况编制”
_ZONE = re.compile(r"(?:以及|本|我|全)(?P<kind>管理区|开发区|高新区|新区|试验区|实验区)(?:政府)?信息公开")
_NAMED_ZONE = r"(?:^|(?<=[，,。；;：:\s\d年]))(?P<name>[\u4e00-\u9fff]{{2,4}}{kind})"


@dataclass
class Reading:
    """A body the page names, and where."""

    agency: str
    where: str


def source_line(lines: list[str], is_agency: Callable[[str], bool]) -> Reading | None:
    """The body on the page's 来源/发布机构 line."""
    for text in lines:
        for m in _SOURCE.finditer(text):
            if is_agency(agency := m.group("agency")):
                return Reading(agency, FROM_SOURCE_LINE)
    return None


def breadcrumb(lines: list[str], is_agency: Callable[[str], bool]) -> Reading | None:
    """The last crumb of the site's breadcrumb that names a body (not a column of the site)."""
    for text in lines:
        m = _CRUMBS.search(text.strip())
        if m is None:
            continue
        crumbs = [c.strip() for c in _CRUMB_SPLIT.split(m.group("trail") or m.group("bare") or "") if c.strip()]
        named = [c for c in crumbs if is_agency(c) and _BODY_END.search(c) and not _COLUMN_WORDS.search(c)]
        if named:
            return Reading(named[-1], FROM_BREADCRUMB)
    return None


def subject(opening: str, text: str) -> Reading | None:
    """`县政府编制了…报告` with the county the text names most often: 大英县人民政府; a zone named by its kind
    (`管理区`) with the name the text gives it after a boundary (`2025年,熊口管理区在…`)."""
    m = _SUBJECT.search(opening) or _WE.search(opening)
    if m is not None and m.re is _WE and _speaks_as_department(text, m.group("level")):
        return None  # “结合我县…工作编制” in a department's report that speaks as 我局 throughout
    if m is None:
        if (z := _ZONE.search(opening)) is not None:
            kind = z.group("kind")
            names = [n for n in re.findall(_NAMED_ZONE.format(kind=kind), text) if not re.match(r"^[本我该全各此]", n)]
            if names:
                return Reading(max(set(names), key=names.count), FROM_SUBJECT)
        return None
    places = mentioned(text, m.group("level"))
    if not places:
        return None
    body = m.groupdict().get("body") or "人民政府"
    body = body if body.startswith("人民") else "人民" + body
    return Reading(places[0] + body, FROM_SUBJECT)


def _speaks_as_department(text: str, level: str) -> bool:
    """Whether a report speaks as a department (我局, 本委, 我中心 …) more often than as the 县/区 it names."""
    own = len(re.findall(r"[我本](?:局|委|办(?!理|结|件)|中心|院|所|站|队)", text))
    return own > len(re.findall(rf"[我本]{level}", text))


def led(opening: str, is_agency: Callable[[str], bool]) -> Reading | None:
    """The body that “在…领导下” the opening's first sentence speaks of (某某街道办事处认真贯彻…)."""
    m = _LED.search(opening[:300])
    if m is None or not is_agency(agency := m.group("agency")) or re.match(r"^[我本该全各]", agency):
        return None
    return Reading(agency, FROM_SUBJECT)


def _office_body(agency: str, text: str) -> str:
    """An office stands for the body it serves (某局办公室 → 某局), unless the report speaks as the office (我办/本办)."""
    office = _OFFICE_OF.match(agency)
    if office is not None and not re.search(r"[我本]办(?!理|结|件)", text):
        return office.group("body")
    return agency


def contact(opening: str, text: str, is_agency: Callable[[str], bool]) -> Reading | None:
    """The body a report gives for questions about it (`请与永康市交通运输局办公室联系`, `请联系：某局办公室（地址…`):
    its office stands for the body, unless the report speaks as the office itself (我办/本办)."""
    for pattern in (_CONTACT, _CONTACT_COLON):
        m = pattern.search(opening)
        if m is None:
            continue
        agency = _PREPOSITION.sub("", m.group("agency"))
        if is_agency(agency) and _BODY_END.search(agency):
            return Reading(_office_body(agency, text), FROM_CONTACT)
    return None


def compiler(opening: str, text: str, is_agency: Callable[[str], bool]) -> Reading | None:
    """The body whose office compiled the report (`由某县人民政府办公室组织编制` → 某县人民政府)."""
    m = _COMPILER.search(opening)
    if m is None or not is_agency(agency := m.group("agency")) or not _BODY_END.search(agency):
        return None
    if re.match(r"^[我本该全各]", agency):
        return None
    return Reading(_office_body(agency, text), FROM_COMPILER)


def overview_subject(overview: str, is_agency: Callable[[str], bool]) -> Reading | None:
    """The body 总体情况 opens with as its subject (`2022年，某县市场监督管理局认真贯彻…`)."""
    m = _OVERVIEW_SUBJECT.match(overview)
    if m is None:
        return None
    agency = m.group("agency")
    if not is_agency(agency) or not _BODY_END.search(agency) or re.match(r"^[我本该全各县市区镇乡局在对]", agency):
        return None
    return Reading(agency, FROM_OVERVIEW_SUBJECT)


def signature(lines: list[str], is_agency: Callable[[str], bool]) -> Reading | None:
    """The body that signs the report at its end: its name on a line of its own above the date."""
    tail = [t.strip() for t in lines[-8:] if t.strip()]
    for above, below in zip(tail, tail[1:], strict=False):
        name = re.sub(r"\s+", "", above)
        if _SIGN_DATE.match(below) and is_agency(name) and _BODY_END.search(name):
            return Reading(name, FROM_SIGNATURE)
    return None


def same_body(a: str, b: str) -> bool:
    """Whether two readings can name one body (one holds the other: 某县人民政府 / 某县人民政府办公室)."""
    def core(s: str) -> str:
        return re.sub(r"人民|[（）()·\s]", "", s)

    x, y = core(a), core(b)
    return x in y or y in x
