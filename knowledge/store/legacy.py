"""The old knowledge-base format: one TinyDB JSON file holding every report (tables `reports`, `facts`).

Read as it is (a base made by an earlier version still answers); `Store` migrates it to the folder
format on its first write.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from knowledge.errors import StoreError
from knowledge.models import Report
from knowledge.store.files import reason
from knowledge.store.packing import FACT_FIELDS, OLD_FACT_FIELDS

Packed = tuple[list[str], list[list[Any]]]  # a report's strings and its figures as rows of FACT_FIELDS


def read_tables(path: Path) -> dict[str, dict[str, Any]]:
    """The TinyDB tables of a JSON file; one-line StoreError when it is unreadable or not TinyDB."""
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if text.strip() else {}
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise StoreError(f"{path} 不是本程序的知识库（内容不是知识库的 JSON）：请检查 --db 的路径") from None
    except OSError as exc:
        raise StoreError(f"知识库文件 {path} 无法读取：{reason(exc)}") from exc
    if not (isinstance(data, dict) and all(isinstance(t, dict) for t in data.values())):
        raise StoreError(f"知识库文件 {path} 不是本程序的知识库（内容不是 TinyDB 表）")
    return data


def shape_error(path: Path, exc: Exception) -> StoreError:
    """The one-line error for a knowledge-base file whose content is not what this version writes."""
    return StoreError(f"知识库文件 {path} 的内容不完整或格式不对（{type(exc).__name__}: {exc}），请重新载入报告")


def read(path: Path) -> tuple[list[Report], dict[str, Packed]]:
    """Every report of an old single-file base, and each one's packed figures."""
    data = read_tables(path)
    try:
        reports = [Report.from_dict(d) for d in data.get("reports", {}).values()]
        packed: dict[str, Packed] = {}
        for doc in data.get("facts", {}).values():
            if list(doc.get("fields", ())) not in (list(FACT_FIELDS), list(OLD_FACT_FIELDS)):
                raise StoreError(f"知识库文件 {path} 的格式与本版本不符，请重新载入报告")
            packed[doc["report"]] = (doc["strings"], doc["cells"])
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise shape_error(path, exc) from exc
    return reports, packed
