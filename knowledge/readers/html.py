"""Published web pages: find the article body, emit its paragraphs and its tables as grids."""

from __future__ import annotations

import logging
import re

from bs4 import BeautifulSoup, NavigableString, Tag

from knowledge.models import Document, Line
from knowledge.readers.encoding import decode_noted
from knowledge.readers.grid import Cell, expand
from knowledge.readers.whitespace import tidy

log = logging.getLogger(__name__)

_NOISE = [
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "nav",
    "header",
    "footer",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "svg",
    "canvas",
    "object",
    "embed",
]
_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "center",
    "figure",
    "figcaption",
    "address",
    "hr",
    "caption",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "body",
}
# The report's own section headings: what marks the article body among menus and sidebars.
_MARKER = re.compile(
    r"总体情况|主动公开政府信息|收到和处理政府信息公开申请|行政复议、行政诉讼|"
    r"存在的主要问题|其他需要报告的事项"
)
_TITLE_SPLIT = re.compile(r"\s*[_|｜]\s*|\s+[-–—]\s+")


def _body(soup: BeautifulSoup) -> Tag:
    """The smallest element holding most of the report's headings and tables."""
    root = soup.body or soup
    markers: list[Tag] = [t for t in root.find_all("table") if not t.find_parent("table")]
    markers += [s.parent for s in root.find_all(string=_MARKER) if isinstance(s.parent, Tag)]
    if not markers:
        return soup.find("article") or soup.find("main") or root
    need = max(1, int(len(markers) * 0.8 + 0.5))
    best: Tag = root
    depth = -1
    counts: dict[int, int] = {}
    nodes: dict[int, Tag] = {}
    for m in markers:
        for anc in [m, *m.parents]:
            if isinstance(anc, Tag):
                counts[id(anc)] = counts.get(id(anc), 0) + 1
                nodes[id(anc)] = anc
    for key, n in counts.items():
        if n >= need:
            d = len(list(nodes[key].parents))
            if d > depth:
                best, depth = nodes[key], d
    return best


def _cell_text(cell: Tag) -> str:
    """A cell's text with its <br>/<p> pieces joined (no space between CJK characters)."""
    return tidy(cell.get_text("\n"))


def _grid(table: Tag) -> list[list[str | None]]:
    """The table's rows as a rectangular grid (merged cells expanded, covered positions None)."""
    rows: list[list[Cell]] = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        cells = [
            Cell(_cell_text(td), _span(td.get("rowspan")), _span(td.get("colspan")))
            for td in tr.find_all(["td", "th"], recursive=False)
        ]
        rows.append(cells)
    grid = expand(rows)
    return [r for r in grid if any(c for c in r)]


def _span(value: object) -> int:
    """A rowspan/colspan attribute as a positive int (bad or missing values count as 1)."""
    m = re.match(r"\s*(\d+)", str(value or ""))
    return max(1, int(m.group(1))) if m else 1


def _is_layout(table: Tag) -> bool:
    """True for tables used for page layout: nested tables inside, or a single column."""
    if table.find("table"):
        return True
    widths = [
        sum(_span(td.get("colspan")) for td in tr.find_all(["td", "th"], recursive=False))
        for tr in table.find_all("tr")
    ]
    return max(widths, default=0) <= 1


class _Walker:
    """Walks the article body in document order, collecting paragraphs and table rows."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.buffer: list[str] = []
        self.table = 0

    def flush(self) -> None:
        """End the current paragraph."""
        text = tidy("".join(self.buffer))
        self.buffer.clear()
        if text:
            self.lines.append(Line(cells=[text]))

    def walk(self, node: Tag) -> None:
        """Visit node's children."""
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # skip comments, CDATA, doctype
                    self.buffer.append(str(child))
            elif isinstance(child, Tag):
                if child.name == "br":
                    self.flush()
                elif child.name == "table" and not _is_layout(child):
                    self.flush()
                    self.table += 1
                    for row in _grid(child):
                        self.lines.append(Line(cells=row, kind="row", grid=True, table=self.table))
                elif child.name in _BLOCKS or child.name == "table":
                    self.flush()
                    self.walk(child)
                    self.flush()
                else:
                    self.walk(child)


def _title(soup: BeautifulSoup) -> str | None:
    """An h1 naming the report, else the report-naming part of <title>, else the first h1."""
    h1s = [t for h in soup.find_all("h1") if (t := tidy(h.get_text(" ")))]
    if named := next((t for t in h1s if "报告" in t), None):
        return named
    if soup.title and (full := tidy(soup.title.get_text(" "))):
        parts = [p for p in _TITLE_SPLIT.split(full) if p] or [full]
        return next((p for p in parts if "报告" in p or "年报" in p), h1s[0] if h1s else parts[0])
    return h1s[0] if h1s else None


def _url(soup: BeautifulSoup) -> str | None:
    """The page's own address: canonical link, og:url, or the CMS's `Url` meta."""
    link = soup.find("link", rel="canonical")
    if isinstance(link, Tag) and link.get("href"):
        return str(link["href"]).strip()
    for attrs in ({"property": "og:url"}, {"name": "og:url"}, {"name": re.compile(r"^url$", re.I)}):
        meta = soup.find("meta", attrs=attrs)
        if isinstance(meta, Tag) and str(meta.get("content", "")).startswith("http"):
            return str(meta["content"]).strip()
    return None


def read_html(data: bytes, name: str) -> Document:
    """Read a saved web page: the article's paragraphs as text lines, its tables as grid rows."""
    text, encoding, notes = decode_noted(data, name, html=True)
    soup = BeautifulSoup(text, "lxml")
    url = _url(soup)
    title = _title(soup)
    for tag in soup.find_all(_NOISE):
        tag.decompose()
    body = _body(soup)
    walker = _Walker()
    walker.walk(body)
    walker.flush()
    log.debug("%s: article <%s class=%s>, %d lines", name, body.name, body.get("class"), len(walker.lines))
    return Document(source=name, form="html", lines=walker.lines, title=title, url=url, encoding=encoding,
                    notes=notes)
