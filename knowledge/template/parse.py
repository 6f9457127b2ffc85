"""The template parser: `Document` → `Parsed(report, facts)`.

Finds the six sections, the report's identity and template version, reads tables 二/三/四 into
facts (flattened text settled by the sum rules, never guessed), adds the derived subtotals and the
figures quoted in the prose, and runs the consistency checks (勾稽关系) into report.warnings.
A document titled as an annual report that holds only some of it (a cut-off page, tables published
as images) is kept with `report.missing` naming what it lacks.
"""

from __future__ import annotations

import logging
from datetime import date

from knowledge.catalogue import Catalogue, default
from knowledge.checks import scan
from knowledge.checks import sums as checks
from knowledge.errors import NotAReport
from knowledge.models import Document, Fact, Parsed, Report
from knowledge.template import prose
from knowledge.template.active_table import read_active
from knowledge.template.apply_table import read_apply
from knowledge.template.derive import derive
from knowledge.template.metadata import names_annual_report, read_meta, report_year, template_version, too_old
from knowledge.template.partial import cut_at, missing_parts, reads_as_report
from knowledge.template.prose_confirm import confirm
from knowledge.template.review_table import read_review
from knowledge.template.sections import Layout, Span, find, find_named, layout, preface, sections
from knowledge.template.table_facts import active_facts, apply_facts, review_facts

log = logging.getLogger(__name__)

NOT_A_REPORT = "不是政府信息公开工作年度报告：没有找到年报的章节（总体情况、主动公开、依申请公开……）"
TABLE_SECTIONS = {"二", "三", "四"}
NO_TABLES = "不是政府信息公开工作年度报告：没有找到年报的统计表格（主动公开、依申请公开、复议诉讼）"


def _tables(
    lay: Layout, spans: dict[str, Span], rid: str, cat: Catalogue, version: str
) -> tuple[list[Fact], bool, set[str]]:
    """The facts of tables 二, 三 and 四, whether 三 uses the 2021 其他处理 sub-rows, and the tables read."""
    facts: list[Fact] = []
    sub_rows = False
    read: set[str] = set()
    if (s := spans.get("二")) is not None and (got := active_facts(rid, s.heading, read_active(lay, s, cat, version))):
        facts += got
        read.add("二")
    if (s := spans.get("三")) is not None:
        rows, sub_rows = read_apply(lay, s, cat)
        if got := apply_facts(rid, s.heading, rows, cat):
            facts += got
            read.add("三")
    if (s := spans.get("四")) is not None and (cells := read_review(lay, s)) is not None:
        if got := review_facts(rid, s.heading, cells, cat):
            facts += got
            read.add("四")
    return facts, sub_rows, read


def _sections(lay: Layout, title: str | None) -> list[Span]:
    """The template's sections; for a report titled as such, by name when its numbering is its own."""
    spans = find(lay)
    tables = {s.id for s in spans} & TABLE_SECTIONS
    if (len(spans) < 3 or not tables) and names_annual_report(lay, title):
        named = find_named(lay)
        if len({s.id for s in named} & TABLE_SECTIONS) >= 2:
            return named
    return spans


def too_new(year: int) -> str:
    """The refusal for a report dated after next year (an annual report is published in the spring after its year)."""
    return f"报告年度识别为{year}年，晚于明年，不可能是已发布的年度报告；请检查标题中的年份"


def parse(doc: Document, catalogue: Catalogue | None = None) -> Parsed:
    """Parse a read document into a report and its facts (NotAReport / BadTable on bad input)."""
    cat = catalogue or default()
    lay = layout(doc)
    year = report_year(lay, doc.title)
    if year is not None and year < 2019:
        raise NotAReport(too_old(year))
    spans = _sections(lay, doc.title)
    titled = names_annual_report(lay, doc.title)
    if len(spans) < 3 and not (spans and titled):
        # a page cut before the tables, or one page of a report, that reads as the template's section 一 does
        if not reads_as_report(lay.text[lay.body_start :], [s.id for s in spans], titled):
            raise NotAReport(NOT_A_REPORT)
        titled = True
    meta = read_meta(lay, doc.title, doc.url)
    if meta.year > date.today().year + 1:  # a typo (2099), or a date read as a year: never "the newest year"
        raise NotAReport(too_new(meta.year))
    by_id = {s.id: s for s in spans}
    table_text = "".join(lay.text[s.body : s.end] for s in spans if s.id in ("二", "三"))
    version = template_version(table_text, meta.year)
    rid = f"{meta.agency}-{meta.year}"
    facts, sub_rows, tables_read = _tables(lay, by_id, rid, cat, version)
    if not facts and not titled:
        raise NotAReport(NO_TABLES)
    notes = list(doc.notes) + meta.notes
    unsettled = []  # a scan's sums its readings leave failing: said as the scan's, not the report's
    if doc.ocr_pages:  # a scan: every OCR'd cell confirmed, corrected or made uncertain by the sums
        checked = scan.verify(facts)
        unsettled = checked.warnings
        facts = checked.facts
        notes.append(scan.SUMMARY.format(pages=doc.ocr_pages, checked=checked.checked, uncertain=checked.uncertain))
    derived = derive(rid, facts, cat, sub_rows)
    over = {(f.row, f.column) for f in derived}  # a blank total made from its row replaces the blank
    facts = [f for f in facts if f.row == "prose" or (f.row, f.column) not in over] + derived
    pre = preface(lay, spans, meta.title)
    all_spans = ([pre] if pre else []) + spans
    facts += prose.extract(rid, lay, all_spans)
    facts = confirm(facts, cat, version)
    end = cut_at([s.id for s in all_spans])
    cut = (end, next(s.heading for s in all_spans if s.id == end)) if end else None
    report = Report(
        id=rid,
        agency=meta.agency,
        year=meta.year,
        title=meta.title,
        template=version,
        source_file=doc.source,
        url=meta.url,
        sections=sections(lay, all_spans),
        aliases=meta.names,
        identified_from=meta.found,
        missing=missing_parts(cat, set(by_id), tables_read, cut),
    )
    report.warnings = checks.run(report, facts, cat) + unsettled
    log.debug("parsed %s: %d facts, %d warnings", rid, len(facts), len(report.warnings))
    return Parsed(report=report, facts=facts, notes=notes)
