"""Who published the report, for which year, under which template version.

The agency and year come from the title wherever a real report puts it: the reader's title (a
page's <title> or h1), a crawler `标题:` line, a title line after the site's menus and breadcrumbs
(a title wrapped over two lines joined), or the opening sentence (“…特编制某县人民政府2023年政府信息
公开工作年度报告”).  Failing those, the agency comes from the page's 来源/发布机构 line and the year
from the statistics period; `Meta.found` says where, when it was not a title line.
Works cited in 《…》 (the template notice 《关于印发中华人民共和国政府信息公开工作年度报告格式的通知》)
are never taken for the title.  The template version is read from the content (table 二 column
headers, the 其他处理 sub-rows), never from the year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.errors import NotAReport
from knowledge.pages import names as page_names
from knowledge.pages import places
from knowledge.pages.names import FROM_SOURCE_LINE, Reading  # noqa: F401 (FROM_SOURCE_LINE: re-exported)
from knowledge.template.sections import HEADINGS, Layout

_TITLE_WORDS = ("年度报告", "年报", "公开工作报告", "信息公开报告", "公开情况的报告", "公开工作情况报告")
# a title line whose last words a page garbled or left off (昌图县七家子镇2023年政府信息公开 工作告年度报): a body,
# a year and 政府信息公开 on a short line above section 一 — taken only when no line has a title's words
_TITLE_BEGUN = re.compile(r"^\S{2,30}?(?:19|20)\d{2}\s*年度?\s*(?:政府信息公开|政务公开)")
_TITLE = re.compile(r"^(?P<agency>.*?)\s*(?:关于)?\s*(?P<year>(?:19|20)\d{2})\s*年")  # 某局关于2021年度…的报告
_YEAR_FIRST = re.compile(
    r"^(?P<year>(?:19|20)\d{2})\s*年度?\s*(?P<agency>.+?)(?:关于)?(?:政府信息公开|政务公开)"
)
_NO_YEAR = re.compile(r"^(?P<agency>.+?)(?:关于)?(?:政府信息公开|政务公开)")
_PERIOD = re.compile(
    r"统计(?:期限?|周期|时间|时限|时段|区间)\s*(?:为|是)?\s*[自从]?\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日"
)
_AGENCY_CHARS = re.compile(r"[\u4e00-\u9fff（）()·]+")  # no bullets, digits, menus' separators
_NOT_AGENCY_WORDS = re.compile(
    r"年报|报告|政府信息公开|政务公开|当前位置|首页|关于|编制|公布|发布|印发|^[本我该]|^(?:单位|机关|部门|本级)$"
)
# a note a title puts after the body's name: 青龙镇政府(机关)信息公开年度报告, 本级政府（机关）
_BODY_NOTE = re.compile(r"[（(](?:机关|本级|本机关|机关本级)[）)]")
# 青龙镇政府 → 青龙镇人民政府: the short form of a government's name (the level word before 政府)
_SHORT_GOV = re.compile(r"(?<=[县区市镇乡旗])政府(?=(?:办公室)?$)")
_CITED = re.compile(r"《[^《》]*》")
_OVERVIEW_YEAR = re.compile(r"\s*((?:19|20)\d{2})\s*年度?\s*[，,]")
# a year a sentence speaks of as its time: “2019年，某局…”, “2021年我局…”, “2022年共…” (not a date: 2022年1月)
_SPOKEN_YEAR = re.compile(r"(?:^|(?<=[。；，,\s]))((?:19|20)\d{2})\s*年度?\s*(?=[，,]|[我本全共])")
_SELF_DESCRIBED = re.compile(r"本(?:年报|年度报告|报告)[^。]{0,12}根据《中华人民共和国政府信息公开条例》")
_CITE_OPEN = re.compile(r"《[^《》]*$")  # a citation that runs on to the next line
_CITE_CLOSE = re.compile(r"^[^《》]*》")  # the end of one begun on the line above
_CRAWL_TITLE = re.compile(r"^\s*标题\s*[:：]\s*(.+?)\s*$")
_CRAWL_URL = re.compile(r"^\s*原文(?:链接|地址)\s*[:：]\s*(https?://\S+)")
_CHROME = re.compile(r"^.*?(?:当前位置|首页)[^ ]*\s+|^(?:Page|P\.?|第)\s*\d+\s*页?\s*[-—–:：]\s*")
_CITY = re.compile(r"[\u4e00-\u9fff]{2}(?:市|州|盟|地区)")
_COUNTY = re.compile(r"[\u4e00-\u9fff]{2,3}(?:县|区|市|旗)")
# 来源：某某县人民政府办公室 时间：2024-03-08 — the publishing body on a web page's info line
# the opening sentence that names the report: …，特编制/现公开/特发布 本县2023年…年度报告
_OPENING = re.compile(
    r"(?:(?:特|现|予以|现予|现将|特此)(?:向社会)?(?:编制|公开|发布|公布|印发)(?:并公布|并公开)?|编制了|编制完成|现将)"
    r"(?:本|了|如下)?\s*(?P<title>[^，。；：、“”《》,;:\n]{4,60}?(?:年度报告|年报|信息公开工作报告))"
)
# the title cited in book-title marks right after a publishing verb: 现发布《X管理委员会2025年…年度报告》
_OPENING_CITED = re.compile(
    r"(?:编制|公开|发布|公布|印发)[^《》。；]{0,8}《(?P<title>[^《》]{4,60}?(?:年度报告|年报|工作报告))》"
)
_BODY_LINES = 80  # how far into a page (site menus, breadcrumbs) a title line is looked for
_FIRST_LINES = 8  # lines near the top that may be long (a title with its source line run on)
_TITLE_MAX = 60  # a title line further down is short: longer lines are prose
FROM_OPENING = "正文首句"
FROM_PERIOD = "统计期限"
FROM_OVERVIEW = "总体情况首句"


@dataclass
class Meta:
    """The report's identity."""

    title: str
    agency: str
    year: int
    url: str | None
    names: list[str] = field(default_factory=list)  # other names the report prints for itself (洪泽区人民政府)
    found: str | None = None  # where agency/year were read when not from a title line, e.g. "正文首句"
    notes: list[str] = field(default_factory=list)  # two readings of the body that disagree, said at ingest


def _squeeze(s: str) -> str:
    """Drop the spaces PDFs put between Chinese characters and digits."""
    return re.sub(r"(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff\d])", "", s.strip())


def _uncite(line: str) -> str:
    """A line without the works it cites: 《…》 whole, or begun here / ended here across lines."""
    inner = line.strip()
    if inner.startswith("《") and inner.endswith("》") and inner.count("《") == 1:
        return inner[1:-1]  # a title printed in book-title marks on a line of its own
    return _CITE_CLOSE.sub("", _CITE_OPEN.sub("", _CITED.sub("", line)))


def _title_candidates(lay: Layout, doc_title: str | None) -> list[str]:
    """Possible titles, best first."""
    return [t for t, _ in _located_titles(lay, doc_title)]


def _located_titles(lay: Layout, doc_title: str | None) -> list[tuple[str, str | None]]:
    """Possible titles with where each was found (None: a title line), best first."""
    out: list[tuple[str, str | None]] = []
    if doc_title:
        parts = re.split(r"[_|]| - |(?<=报告)\s*[-—–]\s*", doc_title)  # 某某报告-信息公开年度报告-某县人民政府
        out += [(p, None) for p in parts if any(w in p for w in _TITLE_WORDS)]
    texts = [ln.text.strip().lstrip("#").strip() for ln in lay.lines[:_BODY_LINES]]
    for t in texts[:60]:
        if m := _CRAWL_TITLE.match(t):
            out.append((m.group(1), None))
    body = [_uncite(t) for t, st in zip(texts, lay.starts, strict=False) if st >= lay.body_start and t]
    begun: list[tuple[str, str | None]] = []
    for i, t in enumerate(body):
        if HEADINGS["一"].match(t):
            break  # the report's own text has begun
        if len(t) <= 40 and _TITLE_BEGUN.match(t) and not any(w in t for w in _TITLE_WORDS):
            begun.append((t, None))
        if not any(w in t for w in _TITLE_WORDS) or (i >= _FIRST_LINES and len(t) > _TITLE_MAX):
            continue
        head = _CHROME.sub("", t)
        head = head[: head.find("报告") + 2] if "报告" in head else head
        out.append((head, None))
        above = body[i - 1] if i > 0 else ""
        if above and len(above) <= 40 and not re.search(r"[。；]", above) and _named(_squeeze(head)) is None:
            out.append((above + head, None))  # agency, or the title's first half, on the line above
        below = body[i + 1] if i + 1 < len(body) else ""
        if re.fullmatch(r"(?:政府信息公开|政务公开)(?:工作)?(?:年度报告|年报)", _squeeze(head)) and _is_agency(below.strip()):
            out.append((below.strip() + head, None))  # a bare title with the body on the line below it
    out += begun if not out else []
    opening = _opening(lay)
    for m in _OPENING_CITED.finditer(opening):
        out.append((m.group("title"), FROM_OPENING))
    for m in _OPENING.finditer(_uncite(opening)):
        out.append((m.group("title"), FROM_OPENING))
    return [(_squeeze(t.replace("**", "")), where) for t, where in out]


def _overview_year(lay: Layout) -> re.Match[str] | None:
    """The year 总体情况 opens with (“一、总体情况 / 2025年,武昌经济开发区…”), for a page that names it nowhere else."""
    m = HEADINGS["一"].search(lay.text, lay.body_start)
    return _OVERVIEW_YEAR.match(lay.text, m.end()) if m else None


def _opening(lay: Layout) -> str:
    """The text before section 一 (or the first lines when no heading is found); when a page puts the
    heading first (“一、总体情况 根据《条例》…特向社会公布…”), the first sentences after it."""
    m = HEADINGS["一"].search(lay.text, lay.body_start)
    end = m.start() if m else lay.body_start + 3000
    if m is not None and not lay.text[lay.body_start : end].strip():
        return lay.text[m.end() : m.end() + 400]
    return lay.text[lay.body_start : end][-6000:]


def _overview(lay: Layout) -> str:
    """The first lines of 总体情况 (empty when the page has no such heading)."""
    m = HEADINGS["一"].search(lay.text, lay.body_start)
    return lay.text[m.end() : m.end() + 1500].lstrip() if m else ""


def _overview_years(lay: Layout) -> re.Match[str] | None:
    """The one year 总体情况 speaks of (“2019年，某局共主动公开…”), when it names a single one as its subject."""
    years = {m.group(1): m for m in _SPOKEN_YEAR.finditer(_overview(lay))}
    return next(iter(years.values())) if len(years) == 1 else None


def _page_readings(lay: Layout) -> list[Reading]:
    """The bodies the page names outside its title: info line, breadcrumb, the opening's subject, its
    contact line, the office that compiled it, the subject 总体情况 opens with, the signature."""
    head = [ln.text for ln in lay.lines[:_BODY_LINES]]
    text = lay.text[lay.body_start :]
    found = [page_names.source_line(head, _is_agency), page_names.breadcrumb(head, _is_agency),
             page_names.subject(_opening(lay), text),
             page_names.contact(_opening(lay), text, _is_agency),
             page_names.led(_opening(lay), _is_agency),
             page_names.compiler(_opening(lay), text, _is_agency),
             page_names.overview_subject(_overview(lay), _is_agency),
             page_names.signature([ln.text for ln in lay.lines[-12:]], _is_agency)]
    return [r for r in found if r is not None]


def _named(title: str) -> tuple[str, int] | None:
    """(agency, year) when a title names both: 某县人民政府2022年…报告 or 2025年某办公厅…报告."""
    title = _BODY_NOTE.sub("", title)
    m = _TITLE.match(title)
    if m is not None and _is_agency(agency := m.group("agency").strip()):
        return agency, int(m.group("year"))
    m = _YEAR_FIRST.match(title)
    if m is not None and _is_agency(agency := m.group("agency").strip()):
        return agency, int(m.group("year"))
    return None


def _is_agency(text: str) -> bool:
    """A plausible body name: a few characters, no sentence punctuation."""
    return (
        2 <= len(text) <= 40
        and _AGENCY_CHARS.fullmatch(text) is not None
        and _NOT_AGENCY_WORDS.search(text) is None
    )


def _government(agency: str) -> str:
    """A government's full name: 青龙镇政府 → 青龙镇人民政府, and a town named alone (马水镇) is its government."""
    agency = _SHORT_GOV.sub("人民政府", agency)
    return agency + "人民政府" if re.fullmatch(r"[\u4e00-\u9fff]{1,6}[镇乡]", agency) else agency


def _fuller(agency: str, text: str) -> str:
    """A county-level agency named with its city in the body (淮安市洪泽区人民政府), or a town's with its
    county (建水县青龙镇人民政府), takes that form."""
    if re.match(r"^[^省市县]{1,6}(?:镇|乡|街道)", agency) is not None:
        above = _COUNTY
    elif re.match(r"^[^省市]{1,6}[区县旗]", agency) is not None:
        above = _CITY
    else:
        return agency
    flat = re.sub(r"\s+", "", text)
    known = places.names()
    for m in re.finditer(re.escape(agency), flat):
        for size in (4, 3):
            before = flat[max(0, m.start() - size) : m.start()]
            # a division's name, not a word run on to one (请与邹城市田黄镇 → 邹城市, never 与邹城市)
            if above.fullmatch(before) and (not known or before in known):
                return before + agency
    return agency


def read_meta(lay: Layout, doc_title: str | None, doc_url: str | None) -> Meta:
    """Title, agency, year and address of the report (NotAReport when they cannot be found)."""
    titles = _located_titles(lay, doc_title)
    title = next((t for t, _ in titles), "")
    agency, year, found = "", None, None
    for t, where in titles:
        if named := _named(t):
            title, (agency, year), found = t, named, where
            break
    if year is None:
        sentences_last = sorted(titles, key=lambda tw: tw[1] is None and re.search(r"[，。,]", tw[0]) is not None)
        year, year_from = next(((int(m.group("year")), where) for t, where in sentences_last if (m := _TITLE.match(t))),
                               (None, None))
        found = found or year_from
    if year is None and (m := _PERIOD.search(lay.text) or _overview_year(lay) or _overview_years(lay)):
        year, found = int(m.group(1)), FROM_PERIOD if m.re is _PERIOD else FROM_OVERVIEW
    year_notes: list[str] = []
    if year is not None and (period := _period_year(lay)) is not None and period != year:
        # a title cited in the opening (《某镇2020年…报告》) that the statistics period contradicts; a title line
        # keeps its year, with the disagreement said at ingest
        if found == FROM_OPENING and period == (_spoken_year(lay) or period):
            year_notes.append(f"报告标题写{year}年，统计期限为{period}年；按统计期限入库为{period}年")
            year, title = period, ""
        else:
            year_notes.append(f"报告标题写{year}年，统计期限却为{period}年；按标题入库为{year}年")
    if not agency and year is not None:
        for t, _ in titles:
            if (m := _NO_YEAR.match(t)) and _is_agency(m.group("agency").strip()):
                title, agency = t, m.group("agency").strip()
                break
    readings = _page_readings(lay)
    if not agency and year is not None and readings:
        agency, where = readings[0].agency, readings[0].where
        found = f"{where}、{found}" if found and found not in where else where
        if not title or _named(title) is None:
            title = f"{agency}{year}年政府信息公开工作年度报告"
    elif agency and (signed := _signed_fuller(agency, readings)):
        agency = signed  # the title dropped a character the signature prints (威海市文登人民政府办公室)
    if agency and year is not None and not title:  # the title's year was not the report's
        title = f"{agency}{year}年政府信息公开工作年度报告"
    if year is not None and year < 2019:
        raise NotAReport(too_old(year))
    if not agency or year is None:
        raise NotAReport("无法从标题中识别发布机关和年度，不能作为政府信息公开工作年度报告入库")
    url = doc_url
    if url is None:
        for ln in lay.lines[:20]:
            if m := _CRAWL_URL.match(ln.text):
                url = m.group(1)
                break
    fuller = _fuller(_government(agency), lay.text[lay.body_start :])
    fuller = places.zone_place(fuller, lay.text[lay.body_start :]) or fuller  # 经开区 → 安顺经开区 (its address)
    printed = [a for t, _ in titles if (named := _named(t)) and named[1] == year for a in (named[0],)]
    names = [a for a in dict.fromkeys([agency, *printed]) if a != fuller]  # as its titles print it
    notes = [f"页面上机关名称有两种读法：按{found or '标题'}为“{fuller}”，{r.where}为“{r.agency}”；按前者入库"
             for r in readings if not page_names.same_body(r.agency, fuller) and not page_names.same_body(r.agency, agency)]
    return Meta(title=title, agency=fuller, year=year, url=url, names=names, found=found,
                notes=notes[:1] + year_notes)


def _period_year(lay: Layout) -> int | None:
    m = _PERIOD.search(lay.text)
    return int(m.group(1)) if m else None


def _spoken_year(lay: Layout) -> int | None:
    m = _overview_year(lay) or _overview_years(lay)
    return int(m.group(1)) if m else None


def _signed_fuller(agency: str, readings: list[Reading]) -> str | None:
    """The signature's name when the title's is the same name with a character or two left out."""
    for r in readings:
        if r.where != page_names.FROM_SIGNATURE or r.agency == agency or not 0 < len(r.agency) - len(agency) <= 2:
            continue
        rest = iter(r.agency)
        if all(ch in rest for ch in agency):  # the title's name is a subsequence of the signature's
            return r.agency
    return None


def title_year(lay: Layout, doc_title: str | None) -> int | None:
    """The year a title names, if any (to refuse pre-2019 reports before anything else)."""
    for t in _title_candidates(lay, doc_title):
        if m := _TITLE.match(t):
            return int(m.group("year"))
    return None


def report_year(lay: Layout, doc_title: str | None) -> int | None:
    """The year of an annual report: from its title, else its statistics period (when titled a 年报)."""
    if (year := title_year(lay, doc_title)) is not None:
        return year
    if not any(any(w in t for w in _TITLE_WORDS) for t in _title_candidates(lay, doc_title)):
        return None
    m = _PERIOD.search(lay.text)
    return int(m.group(1)) if m else None


def names_annual_report(lay: Layout, doc_title: str | None) -> bool:
    """Whether the title says 政府信息公开(工作)年度报告 (citations of the template notice ignored), or a page
    without one opens as such a report does (“本年报根据《中华人民共和国政府信息公开条例》…编制。…统计期限…”)."""
    return any(
        re.search(r"(?:信息公开|政务公开)(?:工作)?(?:年度报告|年报|工作报告)|政府信息公开工作报告"
                  r"|(?:19|20)\d{2}年度?(?:政府)?(?:信息公开|政务公开)(?:工作)?情况的?报告", t)
        for t in _title_candidates(lay, doc_title)
    ) or (_SELF_DESCRIBED.search(_opening(lay)) is not None and _PERIOD.search(_opening(lay)) is not None)


def too_old(year: int) -> str:
    """The refusal for a report older than the 2019 template."""
    return (
        f"这是{year}年度的年报。2019年以前的年报使用旧格式（统计表格不同，如收费及减免情况），"
        "暂不支持；请发送2019年度及以后的年报"
    )


def template_version(text: str, year: int) -> str:
    """ "2019" or "2021", from the table 二 headers or the 其他处理 sub-rows; the year only as a last resort."""
    flat = re.sub(r"\s+", "", text)
    if "本年新制作数量" in flat or "本年新公开数量" in flat:
        return "2019"
    if "本年制发件数" in flat or "本年废止件数" in flat or "现行有效件数" in flat:
        return "2021"
    if "逾期不补正" in flat or "逾期未按收费通知" in flat:
        return "2021"
    if "采购总金额" in flat or "政府集中采购" in flat:
        return "2019"
    return "2021" if year >= 2021 else "2019"
