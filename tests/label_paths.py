"""Every cell of the template tables named by its labels as the template prints them: the label paths
staff paste (“第二十条第（六）项 行政处罚 本年增/减”, “三、本年度办理结果 （七）总计 自然人”, “（六）其他处理
3.其他 总计”), generated from the catalogue the parser reads, in each template version.

A path is (field id, question words): the field id says which cell it names; the words are the
printed labels, with and without their numbering, with the row's group and the column's header above
it or without.
"""

from __future__ import annotations

from collections.abc import Iterator

from knowledge.catalogue import Catalogue, Row

TABLE_三 = "三、收到和处理政府信息公开申请情况"
TABLE_四 = "四、政府信息公开行政复议、行政诉讼情况"


def _body(label: str) -> str:
    """A printed label without its numbering (`（七）总计` → 总计, `3.其他` → 其他, `一、本年…` → 本年…)."""
    for sep in ("、", ".", "）"):
        head, found, rest = label.partition(sep)
        if found and len(head) <= 3 and head.strip("（()一二三四五六七八九十0123456789") == "":
            return rest
    return label


def _apply_columns(cat: Catalogue) -> Iterator[tuple[str, list[str], list[str]]]:
    """(column id, its full header path, its own header) for every column of table 三."""
    for c in cat.apply_columns:
        if c.group:
            yield c.id, ["申请人情况", "法人或其他组织", c.label], [c.label]
        else:
            yield c.id, ["申请人情况", c.label], [c.label]
    for d in cat.apply_derived_columns:
        yield d["id"], ["申请人情况", d["label"]], [d["label"]]


def _apply_rows(cat: Catalogue, version: str) -> list[Row]:
    # the 2019 version has one （六）其他处理 row; the 2021 version three numbered rows under it
    return [r for r in cat.apply_rows if r.version in (None, version)]


def ambiguous(cat: Catalogue, row: str, column: str, path: str) -> bool:
    """Whether a path names two cells: “（六）其他处理 其他” is the 2021 sub-row 3.其他 or the applicant column
    其他 of （六）其他处理, when no header above 其他 (申请人情况, 法人或其他组织) says it is the column."""
    col = next((c for c in cat.apply_columns if c.id == column), None)
    subs = [r for r in cat.apply_rows if r.parent == row and col is not None and r.short == col.label]
    return bool(subs) and "申请人情况" not in path and "法人或其他组织" not in path


def paths(cat: Catalogue, version: str) -> Iterator[tuple[str, str]]:
    """(field id, label path as printed) for every cell of tables 二, 三 and 四 of one template version."""
    for block in cat.active[version]:
        for r in block.rows:
            for c in block.columns:
                fid = f"{r.id}/{c.id}"
                yield fid, f"{block.block} 信息内容 {r.label} {c.label}"
                yield fid, f"{block.block} {r.label} {c.label}"
                yield fid, f"{r.label} {c.label}"
    for r in _apply_rows(cat, version):
        parent = cat.row(r.parent) if r.parent else None
        group = parent.group if parent else r.group
        lead = [x for x in (TABLE_三, group, parent.label if parent else None) if x]
        for cid, full, own in _apply_columns(cat):
            fid = f"{r.id}/{cid}"
            yield fid, " ".join([*lead, r.label, *full])
            yield fid, " ".join([r.label, *own])
            if parent is not None:
                yield fid, " ".join([parent.label, r.label, *own])
            body = _body(r.label)
            if len(body) > 3:  # 其他, 总计 name a row only with their numbering
                yield fid, " ".join([body, *own])
    groups = [(g["id"], [g.get("parent_label"), g["label"]]) for g in cat.review_groups]
    groups += [(g["id"], [g["label"]]) for g in cat.review_derived_groups]
    for gid, labels in groups:
        printed = [x for x in labels if x]
        for c in cat.review_columns:
            fid = f"{gid}/{c.id}"
            yield fid, " ".join([TABLE_四, *printed, c.label])
            yield fid, " ".join([*printed, c.label])
            if len(printed) > 1:
                yield fid, " ".join([printed[-1], c.label])
