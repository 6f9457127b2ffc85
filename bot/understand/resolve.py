"""Turn a Reading (concept hits) into a Query: which table, row, column, applicant — or a choice.

Pure: knows the template's shape (through the catalogue), not the reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from bot.understand.lexicon import Concept
from bot.understand.match import Hit, Reading
from knowledge.catalogue import Catalogue

QueryKind = Literal["apply", "active", "review", "section", "prose", "rate"]

# table 四 column words without a group: ask which group
REVIEW_GROUP_LABEL = {"review": "行政复议", "litigation": "行政诉讼", "litigation.direct": "未经复议直接起诉",
                      "litigation.after_review": "复议后起诉"}


@dataclass
class Query:
    """A resolved question: what to look up, independent of agency and year."""

    kind: QueryKind
    row: str | None = None
    column: str | None = None
    section: str | None = None  # for kind "section": "五.problems", "五.improve", "六", "一"
    words: list[str] = field(default_factory=list)  # for kind "prose"
    unit_hint: str | None = None
    rate: str | None = None
    choices: list[Query] = field(default_factory=list)  # several readings fit: ask
    explicit_column: bool = False

    @property
    def field_id(self) -> str:
        """The JSON `field`: "row/column", the section key, or "prose"."""
        if self.kind == "section":
            return f"section.{self.section}"
        if self.kind == "rate":
            return f"rate.{self.rate}/{self.row}" + (f"/{self.column}" if self.column else "")
        if self.kind == "prose":
            return "prose"
        return f"{self.row}/{self.column}" if self.column else str(self.row)


def _without(reading: Reading, kind: str) -> Reading:
    """The reading minus the hits of one kind."""
    return Reading(text=reading.text, hits=[h for h in reading.hits if h.concept.kind != kind],
                   unexplained=reading.unexplained, lex=reading.lex)


def _most_specific(ids: list[str]) -> list[str]:
    """Drop ids that are a parent of another named id (不予公开 + 第三方 → 第三方)."""
    return [i for i in ids if not any(o != i and o.startswith(i + ".") for o in ids)]


def _paired(reading: Reading, items: list[str], columns: set[str], forward: bool) -> list[tuple[str, list[str]]]:
    """Each item (a row or group named) in question order with the columns said nearest to it (自然人予以公开和商业企业
    部分公开; 行政复议结果维持和行政诉讼结果纠正).  An item said with none takes those of its neighbour on the side the
    columns are said from: an applicant before its rows reaches the rows after it (自然人予以公开和部分公开: both
    自然人's), a column after its groups the groups before it (行政复议和行政诉讼结果纠正); otherwise it has none."""
    hits = sorted(reading.hits, key=lambda h: h.start)
    at = {i: next(h for h in hits if h.concept.id == i) for i in items}
    got: dict[str, list[str]] = {i: [] for i in items}
    for h in hits:
        if h.concept.id in columns:
            near = min(items, key=lambda i: max(at[i].start - h.end, h.start - at[i].end, 0))
            got[near] += [h.concept.id] if h.concept.id not in got[near] else []
    said = [got[i] for i in items]
    order = range(len(said)) if forward else range(len(said) - 1, -1, -1)
    for k, j in zip(order, list(order)[1:], strict=False):  # k said before j on the columns' side
        if not said[j]:
            said[j] = said[k]
    return list(zip(items, said, strict=True))


def _in_place(reading: Reading, cat: Catalogue) -> Reading:
    """The hits as the table's layout reads them: a weak column word (其他) only beside a row of its
    table; a column group (法人或其他组织) gives way to its member (商业企业); a block header
    (第二十条第（六）项) keeps the rows inside it."""
    weak = reading.lex.weak if reading.lex is not None else frozenset()
    beside = reading.has("apply_rows") or "apply.applicants" in reading.ids("headers") or "申请" in reading.text
    members = {c.id for c in cat.apply_columns if c.group}
    named = set(reading.ids("applicants"))
    blocks = reading.ids("active_blocks")
    inside = {r.id for blocks_ in cat.active.values() for b in blocks_ if b.item in blocks for r in b.rows}
    general = reading.lex.general if reading.lex is not None else frozenset()
    specific = {h.concept.kind for h in reading.hits if h.alias not in general}
    hits = []
    for h in reading.hits:
        if h.alias in general and h.concept.kind in specific:  # 提出的申请里部分公开的: 部分公开
            continue
        if h.concept.kind == "applicants" and h.alias in weak and not beside:
            continue
        if h.concept.kind == "applicants" and any(c.group == h.concept.id for c in cat.apply_columns) \
                and named & members:
            continue
        if h.concept.kind == "active_rows" and inside and h.concept.id not in inside:
            continue
        hits.append(h)
    if len(hits) == len(reading.hits):
        return reading
    return Reading(text=reading.text, hits=hits, unexplained=reading.unexplained, lex=reading.lex)


def resolve(reading: Reading, cat: Catalogue) -> Query | None:
    """The table field a reading names, a section, a rate, or None (prose or nothing)."""
    reading = _in_place(reading, cat)
    if reading.has("active_blocks") and not reading.has("active_rows") and not reading.has("apply_rows") \
            and not reading.has("review_groups"):
        blocks = reading.ids("active_blocks")
        cols = reading.ids("active_columns")
        rows = list(dict.fromkeys(r.id for bs in cat.active.values() for b in bs if b.item in blocks for r in b.rows))
        if rows:
            return Query(kind="active", row=rows[0], column=cols[0] if cols else None, choices=[
                Query(kind="active", row=r, column=cols[0] if cols else None) for r in rows] if len(rows) > 1 else [])
    if "apply.results" in reading.ids("headers") and not reading.has("apply_rows"):  # 三、本年度办理结果: its 总计
        hit = next(h for h in reading.hits if h.concept.id == "apply.results")
        reading = Reading(text=reading.text, hits=[*reading.hits, Hit(Concept("apply_rows", "apply.total"), hit.alias,
                                                                      hit.start, hit.end)],
                          unexplained=reading.unexplained, lex=reading.lex)
    if reading.has("rates"):
        rate = reading.ids("rates")[0]
        if rate == "share":  # 占比: the figure asked for over its total
            base = resolve(_without(reading, "rates"), cat)
            if base is not None and base.choices and all(c.kind == "review" for c in base.choices):
                return Query(kind="rate", rate="share", choices=[  # 结果纠正占比: 复议's or 诉讼's — ask
                    Query(kind="rate", rate="share", row=c.row, column=c.column) for c in base.choices])
            if base is None or base.choices or base.kind not in ("apply", "review"):
                return None
            return Query(kind="rate", rate="share", row=base.row, column=base.column)
        groups = _most_specific(reading.ids("review_groups")) or ["review"]
        return Query(kind="rate", rate=rate, row=groups[0])
    if reading.has("review_groups"):
        groups = _most_specific(reading.ids("review_groups"))
        cols = [c for c in reading.ids("review_columns") if c != "total"]
        if len(groups) > 1 and set(groups) == {"review", "litigation"}:  # 行政复议结果维持和行政诉讼结果纠正: each its own
            return Query(kind="review", choices=[Query(kind="review", row=g, column=c)
                                                 for g, cs in _paired(reading, groups, set(cols), False) for c in cs or ["total"]])
        return Query(kind="review", row=groups[0], column=cols[0] if cols else "total", explicit_column=bool(cols))
    if reading.has("active_rows"):
        rows = _most_specific(reading.ids("active_rows"))
        cols = reading.ids("active_columns")
        if len(rows) > 1:
            return Query(kind="active", choices=[Query(kind="active", row=r, column=cols[0] if cols else None) for r in rows])
        return Query(kind="active", row=rows[0], column=cols[0] if len(cols) == 1 else None,
                     choices=[Query(kind="active", row=rows[0], column=c) for c in cols] if len(cols) > 1 else [])
    if reading.has("apply_rows") or reading.has("applicants"):
        rows = _most_specific(reading.ids("apply_rows"))
        weak = [h for h in reading.hits if h.concept.kind == "applicants" and reading.lex and h.alias in reading.lex.weak]
        sub = [r for r in cat.apply_rows for h in weak if r.parent in rows and r.short == h.alias]
        headed = "apply.applicants" in reading.ids("headers") or any(
            d["label"] in reading.text for d in cat.apply_derived_columns)  # 法人或其他组织 其他: the column
        if sub and len(rows) == 1 and not headed:  # “其他处理里的其他”: its sub-row 3.其他, or the column 其他 — ask
            return Query(kind="apply", choices=[Query(kind="apply", row=sub[0].id, column="total"),
                                                Query(kind="apply", row=rows[0], column=weak[0].concept.id)])
        applicants = list(dict.fromkeys(reading.ids("applicants")))
        column = applicants[0] if applicants else "total"
        if not rows and len(applicants) == 1 and "总计" in reading.text:  # 自然人总计: 新收's or （七）总计's — ask
            return Query(kind="apply", choices=[Query(kind="apply", row=r, column=column)
                                                for r in ("apply.new", "apply.total")])
        if len(applicants) > 1 and len(rows) <= 1:  # 自然人和法人: each column, or their sum when asked
            row = rows[0] if rows else "apply.new"
            return Query(kind="apply", row=row, choices=[Query(kind="apply", row=row, column=c) for c in applicants])
        if len(rows) > 1:  # 自然人予以公开和商业企业部分公开: each row with the applicants said beside it
            after = all(h.start >= max(x.end for x in reading.hits if x.concept.id in rows)  # …中自然人的: every row's
                        for h in reading.hits if h.concept.kind == "applicants")
            return Query(kind="apply", choices=[Query(kind="apply", row=r, column=c) for r, cs in _paired(
                reading, rows, set(applicants), True) for c in cs or [column if after else "total"]])
        return Query(kind="apply", row=rows[0] if rows else "apply.new", column=column)
    if reading.has("review_columns"):
        cols = [c for c in reading.ids("review_columns") if c != "total"]
        if cols:
            return Query(kind="review", choices=[Query(kind="review", row=g, column=cols[0])
                                                 for g in ("review", "litigation")])
    if reading.has("sections"):
        sections = reading.ids("sections")
        if {"五.problems", "五.improve"} <= set(sections):  # 问题和改进措施: the whole of 五
            return Query(kind="section", section="五")
        return Query(kind="section", section=sections[0])
    return None


def label(q: Query, cat: Catalogue, template: str | None = None) -> str:
    """A short Chinese name for what the query asks (for options and replies)."""
    if q.kind == "review":
        group = REVIEW_GROUP_LABEL.get(q.row or "", q.row or "")
        col = next((c.label for c in cat.review_columns if c.id == q.column), "")
        return group if q.column in (None, "total") else f"{group}{col}"
    if q.kind == "apply":
        row = cat.row(q.row or "")
        name = row.short if row else str(q.row)
        parent = cat.row(row.parent) if row is not None and row.parent else None
        if parent is not None and len(name) <= 3:  # 3.其他 says which only under its group: 其他处理3.其他
            name = parent.short + row.label
        if q.row == "apply.new":
            name = "本年新收政府信息公开申请"
        if q.row == "apply.total":
            name = "本年度办理结果总计"
        if q.column and q.column != "total":
            who = next((c.label + ("类申请人" if c.group and len(c.label) <= 2 else "")  # 其他 → 其他类申请人
                        for c in cat.apply_columns if c.id == q.column), None)
            who = who or next((d["label"] for d in cat.apply_derived_columns if d["id"] == q.column), q.column)
            return f"{who}申请中{name}" if q.row != "apply.new" else f"{who}提出的申请"
        return name
    if q.kind == "active":
        row = cat.row(q.row or "")
        name = row.short if row else str(q.row)
        if q.column:
            versions = [template] if template in cat.active else list(cat.active)
            col = next((c.label for v in versions for b in cat.active[v] for c in b.columns
                        if c.id == q.column and any(r.id == q.row for r in b.rows)), None)
            col = col or next((c.label for blocks in cat.active.values() for b in blocks for c in b.columns
                               if c.id == q.column and any(r.id == q.row for r in b.rows)), None)  # another version's
            col = col or next((c.label for blocks in cat.active.values() for b in blocks for c in b.columns
                               if c.id == q.column), q.column)
            return f"{name}{col}"
        return name
    if q.kind == "section":
        return {"五": "存在的主要问题及改进情况", "五.problems": "存在的主要问题", "五.improve": "改进情况", "六": "其他需要报告的事项",
                "六.fee": "信息处理费情况", "一": "总体情况", "一.active": "主动公开情况", "一.apply": "依申请公开情况",
                "一.manage": "政府信息管理情况", "一.platform": "政府信息公开平台建设情况",
                "一.supervise": "监督保障情况"}.get(q.section or "", "")
    if q.kind == "rate":
        if q.rate == "share":
            kind = "review" if (q.row or "").startswith(("review", "litigation")) else "apply"
            return label(Query(kind=kind, row=q.row, column=q.column), cat, template) + "所占比例"
        return f"{REVIEW_GROUP_LABEL.get(q.row or '', '')}纠错率"
    return "报告正文中的数字"
