"""Partial reports: a page cut off, a page whose tables are images — stored, marked, answered honestly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.reply.answer import Answerer
from bot.settings import Settings
from knowledge import readers
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.paths import DATA
from knowledge.store import Store
from knowledge.template.parse import parse

PAGE = (DATA / "reports" / "pingtan-2023.html").read_text(encoding="utf-8")
TABLES_MISSING = ["表二缺失（可能为图片或页面不完整）", "表三缺失（可能为图片或页面不完整）",
                  "表四缺失（可能为图片或页面不完整）"]  # fmt: skip


def cut_page() -> bytes:
    """The page cut off after table 三: the rest (四, 五, 六, the site footer) never arrived."""
    at = PAGE.index("四、政府信息公开行政复议")
    return PAGE[:at].encode()


def image_tables_page() -> bytes:
    """The page with each table published as a picture."""
    pictures, n = re.subn(r"<table\b.*?</table>", '<p><img src="table.png" alt=""/></p>', PAGE, flags=re.S | re.I)
    assert n == 3
    return pictures.encode()


def test_cut_page_keeps_what_it_has() -> None:
    p = parse(readers.read_bytes(cut_page(), "pingtan-2023-cut.html"))
    assert (p.report.agency, p.report.year) == ("平潭综合实验区", 2023)
    assert p.report.missing == ["页面止于三、收到和处理政府信息公开申请情况", "表四缺失（页面在“三”处截断）",
                                "第五部分“存在的主要问题及改进情况”缺失（页面在“三”处截断）",
                                "第六部分“其他需要报告的事项”缺失（页面在“三”处截断）"]  # fmt: skip
    got = {(f.row, f.column): f.value for f in p.facts}
    assert got[("apply.new", "natural")] == 80
    assert got[("apply.total", "total")] == 81
    assert not any(f.row.startswith(("review", "litigation")) for f in p.facts)


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    tmp = tmp_path_factory.mktemp("partial")
    (tmp / "pingtan-2023-images.html").write_bytes(image_tables_page())
    db = tmp / "kb.json"
    summary = ingest([tmp / "pingtan-2023-images.html"], Store(db), Settings())
    assert not summary.failures
    assert summary.parsed[0].report.missing == TABLES_MISSING
    return Answerer(KnowledgeBase.load(db))


def test_tables_as_images_prose_is_answered(bot: Answerer) -> None:
    a = bot.answer("平潭2023年发布政策解读多少篇")
    assert (a.status, a.value) == ("answered", 117)
    a = bot.answer("平潭2023年主动公开政府信息多少条")
    assert (a.status, a.value) == ("answered", 13561)


def test_tables_as_images_table_questions_say_the_table_is_missing(bot: Answerer) -> None:
    a = bot.answer("平潭2023年本年新收政府信息公开申请多少件")  # the prose gives only 办结81件: not this
    assert a.status == "unknown" and a.value is None
    assert "表三缺失（可能为图片或页面不完整）" in a.text
    assert (a.agency, a.year, a.field) == ("平潭综合实验区", 2023, "apply.new/total")  # the JSON says what was asked


def test_tables_as_images_the_prose_answers_with_its_sentence(bot: Answerer) -> None:
    a = bot.answer("平潭2023年行政复议多少件")  # 一、总体情况: “因政府信息公开引起的行政复议案件2件”
    assert (a.status, a.value, a.unit, a.field) == ("answered", 2, "件", "review/total")
    assert a.text.startswith("平潭综合实验区2023年行政复议2件（表四缺失（可能为图片或页面不完整）；"
                             "此数取自正文“因政府信息公开引起的行政复议案件2件”）。")


def test_reports_command_shows_the_mark(tmp_path: Path) -> None:
    import subprocess
    import sys

    page = tmp_path / "pingtan-2023-images.html"
    page.write_bytes(image_tables_page())
    db = tmp_path / "kb.json"
    run = [sys.executable, "-m", "bot"]
    out = subprocess.run([*run, "ingest", "--db", str(db), str(page)], capture_output=True, text=True, check=True)
    assert "不完整：表二缺失（可能为图片或页面不完整）；表三缺失" in out.stdout
    out = subprocess.run([*run, "reports", "--db", str(db)], capture_output=True, text=True, check=True)
    assert "平潭综合实验区\t2023" in out.stdout and "不完整：表二缺失" in out.stdout
