"""A worse copy never silently replaces a better one: a cut page over a complete report keeps the complete
one and says why (CLI and Telegram upload), unless --replace / the admin's explicit confirm; a
replacement without an address keeps the stored report's."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tg_factories import ADMIN, SETTINGS, bots, buttons, make_callback_update, make_document_update

from bot.reply.answer import Answerer
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "knowledge" / "data" / "reports"
KAIFENG = (REPORTS / "kaifeng-2019.txt").read_text(encoding="utf-8")
# 开封 2019 cut before section 四: its 15 printed cells of table 四 (10 2 2 5 19 15 3 6 4 28 1 0 0 3 4) are gone
CUT = KAIFENG[: KAIFENG.index("### 四、政府信息公开行政复议")]
LOST = re.compile(r"将失去表四、第五部分、第六部分；表格数字(\d+)项→(\d+)项")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ}, timeout=120)


def test_a_cut_copy_over_a_complete_report_is_not_stored_and_says_why(tmp_path: Path) -> None:
    db, cut = tmp_path / "kb", tmp_path / "kaifeng-2019-cut.txt"
    cut.write_text(CUT, encoding="utf-8")
    assert run("ingest", "--db", str(db), str(REPORTS / "kaifeng-2019.txt")).returncode == 0
    res = run("ingest", "--db", str(db), str(cut))
    assert res.returncode == 0, res.stderr
    [kept] = [ln for ln in res.stdout.splitlines() if ln.startswith("保留：")]
    assert kept.startswith("保留：kaifeng-2019-cut.txt：未替换已有的开封市人民政府2019年报告——已有的更完整，")
    assert kept.endswith("（确需替换请加 --replace）")
    m = LOST.search(kept)
    assert m is not None and int(m.group(1)) - int(m.group(2)) == 15
    assert res.stdout.splitlines()[-1].endswith("失败0个，保留已有1份")
    a = Answerer(KnowledgeBase.load(db)).answer("开封2019年行政复议多少件")
    assert (a.status, a.value) == ("answered", 19)  # still answered from the complete report

    res = run("ingest", "--db", str(db), "--replace", str(cut))
    assert res.returncode == 0 and "（替换已有同一机关同一年度的报告）" in res.stdout
    a = Answerer(KnowledgeBase.load(db)).answer("开封2019年行政复议多少件")  # now from the cut copy's prose
    assert (a.status, a.value) == ("answered", 19)
    assert "（表四缺失（页面在“三”处截断）；此数取自正文“政府信息公开共收到行政复议19件”）" in a.text


def test_in_one_run_the_fuller_copy_is_kept_whatever_the_order(tmp_path: Path) -> None:
    (tmp_path / "a-cut.txt").write_text(CUT, encoding="utf-8")
    (tmp_path / "b-full.txt").write_text(KAIFENG, encoding="utf-8")
    (tmp_path / "c-cut.txt").write_text(CUT, encoding="utf-8")
    summary = ingest(sorted(tmp_path.glob("*.txt")), Store(tmp_path / "kb"), SETTINGS)
    assert [p.report.source_file for p in summary.parsed] == ["b-full.txt"]
    assert [k.file for k in summary.kept] == ["c-cut.txt"]  # a-cut.txt was replaced by the fuller b-full.txt


def test_a_replacement_without_an_address_keeps_the_stored_one(tmp_path: Path) -> None:
    crawled = (REPORTS / "pingtan-2023.txt").read_text(encoding="utf-8")
    url = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm"
    assert f"原文链接: {url}" in crawled
    body = crawled[crawled.index("==================== 正文 ====================") + 45 :]  # no header, no address
    (tmp_path / "pingtan-2023-body.txt").write_text("平潭综合实验区2023年度政府信息公开工作年度报告\n" + body,
                                                    encoding="utf-8")
    db = tmp_path / "kb"
    ingest([REPORTS / "pingtan-2023.txt"], Store(db), SETTINGS)
    summary = ingest([tmp_path / "pingtan-2023-body.txt"], Store(db), SETTINGS)
    assert summary.put is not None and summary.put.outcome == ["replaced"] and not summary.kept
    [r] = KnowledgeBase.load(db).reports
    assert (r.source_file, r.url) == ("pingtan-2023-body.txt", url)


@pytest.fixture
async def make_bot():
    async with bots() as make:
        yield make


async def test_telegram_upload_of_a_cut_copy_says_what_confirming_would_lose(make_bot, tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    ingest([REPORTS / "kaifeng-2019.txt"], Store(db), SETTINGS)
    bot = await make_bot(db, share=False)
    data = CUT.encode()
    bot.api.files["cut"] = data
    bot.api.clear()
    await bot.feed(make_document_update("cut", "kaifeng-2019-cut.txt", len(data)))
    [summary] = bot.api.sent()
    assert "⚠️ 已有的 开封市人民政府 2019年报告更完整：替换后将失去表四、第五部分、第六部分；表格数字" in summary["text"]
    [(confirm, data_yes), (cancel, _)] = buttons(summary["reply_markup"])
    assert confirm.startswith("⚠️ 仍替换（将失去表四、第五部分、第六部分；表格数字") and data_yes == "u:1:1"
    assert cancel == "取消"
    a = Answerer(KnowledgeBase.load(db)).answer("开封2019年行政复议多少件")
    assert (a.status, a.value) == ("answered", 19)  # nothing changed before the admin decides

    bot.api.clear()
    message = {"message_id": 600, "date": 0, "chat": {"id": summary["chat_id"], "type": "private"},
               "text": summary["text"], "reply_markup": summary["reply_markup"]}
    await bot.feed(make_callback_update("u:1:1", message, user=ADMIN))  # the admin chose to replace anyway
    [done] = bot.api.sent("editMessageText")
    assert done["text"].startswith("✅ 已入库（替换）")
    a = Answerer(KnowledgeBase.load(db)).answer("开封2019年行政复议多少件")  # now from the cut copy's prose
    assert (a.status, a.value) == ("answered", 19)
    assert "（表四缺失（页面在“三”处截断）；此数取自正文“政府信息公开共收到行政复议19件”）" in a.text


def test_folder_ingest_keeps_the_complete_report_too(tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "cut").mkdir()
    (tmp_path / "full" / "kaifeng-2019.txt").write_text(KAIFENG, encoding="utf-8")
    (tmp_path / "cut" / "kaifeng-2019-cut.txt").write_text(CUT, encoding="utf-8")
    db = tmp_path / "kb"
    assert run("ingest", "--db", str(db), str(tmp_path / "full")).returncode == 0
    res = run("ingest", "--db", str(db), str(tmp_path / "cut"))
    assert res.returncode == 0, res.stderr
    assert "保留：kaifeng-2019-cut.txt：未替换已有的开封市人民政府2019年报告——已有的更完整，新文件将失去表四、" in res.stderr
    assert "写入报告0份" in res.stdout
    a = Answerer(KnowledgeBase.load(db)).answer("开封2019年行政复议多少件")
    assert (a.status, a.value, a.section) == ("answered", 19, "四、政府信息公开行政复议、行政诉讼情况")
