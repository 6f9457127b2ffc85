"""Who published the report, for which year, under which template version.

The agency and year come from the title (the reader's title, a crawler `标题:` line, or the first
lines); the year falls back to the statistics period.  The template version is read from the
content (table 二 column headers, the 其他处理 sub-rows), never from the year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import NotAReport
from .sections import Layout

_TITLE_WORDS = ("年度报告", "年报")
_TITLE = re.compile(r"^(?P<agency>.*?)\s*(?P<year>(?:19|20)\d{2})\s*年")
_NO_YEAR = re.compile(r"^(?P<agency>.+?)(?:关于)?(?:政府信息公开|政务公开)")
_PERIOD = re.compile(r"统计期限?(?:为|是)?自?\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
_CRAWL_TITLE = re.compile(r"^\s*标题\s*[:：]\s*(.+?)\s*$")
_CRAWL_URL = re.compile(r"^\s*原文(?:链接|地址)\s*[:：]\s*(https?://\S+)")
_CHROME = re.compile(r"^.*?(?:当前位置|首页)[^ ]*\s+")
_CITY = re.compile(r"[\u4e00-\u9fff]{2}(?:市|州|盟|地区)")


@dataclass
class Meta:
    """The report's identity."""

    title: str
    agency: str
    year: int
    url: str | None


def _squeeze(s: str) -> str:
    """Drop the spaces PDFs put between Chinese characters and digits."""
    return re.sub(r"(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff\d])", "", s.strip())


def _title_candidates(lay: Layout, doc_title: str | None) -> list[str]:
    """Possible titles, best first."""
    out = []
    if doc_title:
        out += [p for p in re.split(r"[_|]| - ", doc_title) if any(w in p for w in _TITLE_WORDS)]
    texts = [ln.text.strip().lstrip("#").strip() for ln in lay.lines[:60]]
    for t in texts:
        if m := _CRAWL_TITLE.match(t):
            out.append(m.group(1))
    body = [t for t, st in zip(texts, lay.starts[:60], strict=False) if st >= lay.body_start and t]
    for i, t in enumerate(body[:8]):
        if any(w in t for w in _TITLE_WORDS):
            head = _CHROME.sub("", t)
            head = head[: head.find("报告") + 2] if "报告" in head else head
            if re.match(r"^\s*(?:19|20)\d{2}\s*年", head) and i > 0:
                head = body[i - 1] + head  # agency on the line above (PDF cover)
            out.append(head)
    return [_squeeze(t.replace("**", "")) for t in out]


def _fuller(agency: str, text: str) -> str:
    """A county-level agency named with its city in the body (淮安市洪泽区人民政府) takes that form."""
    if re.match(r"^[^省市]{1,6}[区县旗]", agency) is None:
        return agency
    flat = re.sub(r"\s+", "", text)
    for m in re.finditer(re.escape(agency), flat):
        before = flat[max(0, m.start() - 3) : m.start()]
        if _CITY.fullmatch(before):
            return before + agency
    return agency


def read_meta(lay: Layout, doc_title: str | None, doc_url: str | None) -> Meta:
    """Title, agency, year and address of the report (NotAReport when they cannot be found)."""
    titles = _title_candidates(lay, doc_title)
    title = titles[0] if titles else ""
    agency, year = "", None
    for t in titles:
        if m := _TITLE.match(t):
            title, agency, year = t, m.group("agency").strip(), int(m.group("year"))
            break
    if year is None and (m := _PERIOD.search(lay.text)):
        year = int(m.group(1))
        named = next((n for t in titles if (n := _NO_YEAR.match(t))), None)
        if named is not None:
            title, agency = next(t for t in titles if _NO_YEAR.match(t)), named.group("agency").strip()
    if year is not None and year < 2019:
        raise NotAReport("2019年以前的年报使用旧格式，暂不支持")
    if not agency or year is None:
        raise NotAReport("无法从标题中识别发布机关和年度，不能作为政府信息公开工作年度报告入库")
    url = doc_url
    if url is None:
        for ln in lay.lines[:20]:
            if m := _CRAWL_URL.match(ln.text):
                url = m.group(1)
                break
    return Meta(title=title, agency=_fuller(agency, lay.text[lay.body_start :]), year=year, url=url)


def title_year(lay: Layout, doc_title: str | None) -> int | None:
    """The year a title names, if any (to refuse pre-2019 reports before anything else)."""
    for t in _title_candidates(lay, doc_title):
        if m := _TITLE.match(t):
            return int(m.group("year"))
    return None


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
