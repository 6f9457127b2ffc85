"""Typed records that flow through the pipeline: Document → Report/Fact → Answer.

Readers produce a `Document` (format-free: lines of cells); the template parser turns it into a
`Report` and its `Fact`s; the answerer returns an `Answer` that always carries its source.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# ---------------------------------------------------------------- readers' output

LineKind = Literal["text", "row"]


@dataclass
class Line:
    """One line of a document: a paragraph (one cell) or a table row (several cells).

    `cells` holds the cell texts in reading order.  For tables read from a real grid (HTML, DOCX,
    PDF) `grid` is True, every row of one table has the same length, and a cell covered by a merged
    cell is None (its text sits in the top-left position only).  Text readers (tabs, `|`) set
    `grid` False: placeholders may be missing or extra.  `table` numbers the tables of a document
    (rows of one table share it); paragraphs have table None.
    """

    cells: list[str | None]
    kind: LineKind = "text"
    grid: bool = False
    table: int | None = None

    @property
    def text(self) -> str:
        """The line's cells joined by tabs (None cells dropped)."""
        return "\t".join(c for c in self.cells if c is not None)


@dataclass
class Document:
    """A read document: its lines in order plus what the reader learnt about it."""

    source: str  # file name as given
    form: str  # "text", "crawled", "html", "docx", "pdf"
    lines: list[Line] = field(default_factory=list)
    title: str | None = None
    url: str | None = None
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)  # what reading it took, for the user (bad bytes, OCR)
    ocr_pages: int = 0  # pages read by OCR (a scan): its table cells are checked by the sums before use

    @property
    def text(self) -> str:
        """The whole document as text, one line per Line, cells tab-separated."""
        return "\n".join(line.text for line in self.lines)


# ---------------------------------------------------------------- knowledge base

# number: a figure; zero: a printed 0; blank: empty cell; na: "/" or 不适用; dash: "—"/"-";
# uncertain: the document does not determine the figure (flattened cells with several splits).
ValueKind = Literal["number", "zero", "blank", "na", "dash", "uncertain"]


@dataclass
class Source:
    """Where a figure sits in its report."""

    section: str  # the report's own heading, e.g. "四、政府信息公开行政复议、行政诉讼情况"
    table: str | None = None  # e.g. "第二十条第（五）项" or the section name for one-table sections
    row: str | None = None  # the row label as printed
    column: str | None = None  # the column label as printed (catalogue label when not printed)
    sentence: str | None = None  # for prose facts: the sentence the figure came from
    reading: str | None = None  # for a scanned cell: what OCR read and what the sums made of it


@dataclass
class Fact:
    """One figure of one report: a table cell, a derived subtotal or a prose figure."""

    report: str  # Report.id
    row: str  # catalogue row id, e.g. "apply.withheld.third_party", "review", "prose.active_total"
    column: str | None  # catalogue column id, e.g. "natural", "total", "decisions"; None for prose
    value: float | None
    kind: ValueKind
    raw: str  # the cell text as printed ("13", "", "/", "898989" for an uncertain flattened row)
    unit: str | None
    source: Source
    derived_from: list[dict[str, str | None]] | None = None  # [{"row":…, "column":…}] for sums
    candidates: list[float] | None = None  # the values an uncertain cell could take

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (for TinyDB)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Fact:
        """Rebuild from the stored dict."""
        d = dict(d)
        d["source"] = Source(**d["source"])
        return cls(**d)


@dataclass
class Section:
    """A report section: its id (一…六), its heading as printed, and its whole text."""

    id: str
    heading: str
    text: str


WarningKind = Literal["error", "prose", "years", "note", "check", "scan"]
# error: the report's own tables disagree; prose: its text against its tables; years: against the same
# body's report of the year before; note: a figure that need not follow (现行有效 after a clean-up);
# check: a change of more than tenfold (请核对); scan: OCR readings that do not add up (a misreading, or
# the document itself: the scan cannot tell)
WARNING_HEAD = {"error": "报告自身数字不一致", "prose": "报告正文与表格不一致", "years": "与上年报告不一致",
                "note": "说明", "check": "请核对", "scan": "扫描件数字对不上"}


@dataclass
class Warning_:
    """A consistency check that failed (勾稽关系), kept on the report.

    `cells` names every figure the check compared, as {"row", "column", "year"} (year None: this
    report's; a year: the same body's report of that year); a prose figure as {"row": "prose",
    "column": None, "clause": …}.  A reply that uses any of them carries the warning."""

    rule: str  # short id of the rule, e.g. "apply.balance"
    message: str  # one line in Chinese, with the figures
    section: str | None = None
    cells: list[dict[str, Any]] = field(default_factory=list)
    kind: WarningKind = "error"

    @property
    def line(self) -> str:
        """The warning as a reply shows it: what kind of disagreement, then the figures."""
        return f"{WARNING_HEAD.get(self.kind, '注意')}：{self.message}"


@dataclass
class Report:
    """One annual report of one agency for one year."""

    id: str  # f"{agency}-{year}"
    agency: str  # e.g. "开封市人民政府"
    year: int
    title: str
    template: str  # "2019" or "2021"
    source_file: str
    url: str | None = None
    ingested_at: str | None = None
    sections: list[Section] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # short names people use: 开封, 开封市 …
    identified_from: str | None = None  # where agency/year were read when not a title line: 正文首句 …
    missing: list[str] = field(default_factory=list)  # a partial report's absent parts: "表三缺失（…）"

    def section(self, sid: str) -> Section | None:
        """The section with id sid (一…六), if the report has it."""
        return next((s for s in self.sections if s.id == sid), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (for TinyDB)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Report:
        """Rebuild from the stored dict."""
        d = dict(d)
        d["sections"] = [Section(**s) for s in d.get("sections", [])]
        d["warnings"] = [Warning_(**w) for w in d.get("warnings", [])]
        return cls(**d)


@dataclass
class Parsed:
    """What the template parser makes of one document."""

    report: Report
    facts: list[Fact]
    notes: list[str] = field(default_factory=list)  # the reader's notes (bad bytes, OCR summary)


# ---------------------------------------------------------------- answers

Status = Literal["answered", "clarify", "unknown"]


@dataclass
class Answer:
    """The reply to one question, independent of how it is rendered."""

    status: Status
    text: str = ""  # the reply a person sees (plain text, no markup)
    value: float | int | None = None
    unit: str | None = None
    agency: str | None = None
    year: int | None = None
    section: str | None = None  # the report's own heading
    options: list[str] = field(default_factory=list)  # for clarify: questions to pick from
    report_title: str | None = None
    source: Source | None = None
    breakdown: list[tuple[str, float | int | None]] = field(default_factory=list)
    formula: str | None = None
    warnings: list[str] = field(default_factory=list)
    series: list[dict[str, Any]] = field(default_factory=list)  # [{agency, year, value}] over years/bodies
    ranking: list[dict[str, Any]] = field(default_factory=list)  # [{agency, year, value}], top first
    sources: list[dict[str, Any]] = field(default_factory=list)  # [{agency, year, title, section}] every report used
    field: str | None = None  # "row/column" id; declared last: the name shadows dataclasses.field
    url: str | None = None  # the original report's address, when the document gives one
    chart: str | None = None  # the chart file written for this answer (`ask --chart PATH`)
    subject: str | None = None  # what a series, ranking or list of parts is of (“2023年行政复议”): a chart's title

    def to_json(self) -> dict[str, Any]:
        """The `ask --json` object."""
        out = asdict(self)
        out["breakdown"] = [{"label": k, "value": v} for k, v in self.breakdown]
        return out
