"""What a person sees around a conversation, in Telegram and in the terminal: the paragraph of a quoted
sentence, inline cards titled by their answer (and one for a body not loaded), /reports' warning marks,
chart titles, replies composed of parts, `ask` at a terminal, `--help`, no library log lines.

Expected texts are written by hand from the reports: 平潭 2023 主动公开 13561条 (its sentence follows the
sub-head “（一）主动公开方面” on its own line), 新收申请 81 (平潭 2023) and 23/527 (平潭/开封 2019),
政策解读 117篇 in 2023 and none stated in 2019 and 2021.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from tg_factories import (  # noqa: F401 - fixture make_bot
    BOT_USER,
    REPORTS,
    SETTINGS,
    USER,
    bots,
    build_db,
    buttons,
    loaded,
    make_bot,
    make_callback_update,
    make_inline_update,
    make_text_update,
)

from bot.present import charts
from bot.settings import ROOT
from knowledge.ingest import ingest
from knowledge.store import Store

HERE = Path(__file__).resolve().parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def two_agencies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("two"), "kaifeng-2019.txt", "pingtan-2019.txt")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """平潭 2023 as its published web page: the sub-head “（一）主动公开方面” stands on its own line."""
    return build_db(tmp_path_factory.mktemp("page"), "pingtan-2023.html")


@pytest.fixture(scope="module")
def pingtan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("pingtan"), "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt")


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """平潭 2023 and five of its bodies: a bare 平潭 is answered with a note naming the others."""
    path = tmp_path_factory.mktemp("place") / "kb"
    files = [REPORTS / "pingtan-2023.txt", *sorted((HERE / "data" / "reports").glob("pingtan-*.txt"))]
    assert not ingest(files, Store(path), SETTINGS).failures
    return path


# ---------------------------------------------------------------- Telegram


async def test_the_paragraph_button_under_a_quoted_sentence_shows_it_in_its_paragraph(make_bot, page):
    bot = await make_bot(page)
    bot.api.clear()
    await bot.feed(make_text_update("平潭2023年主动公开了多少条政府信息"))
    [answer] = bot.api.sent()
    assert "13561条" in answer["text"]
    [(_, data)] = [b for b in buttons(answer["reply_markup"]) if b[0] == "查看原文段落"]
    message = {"message_id": 700, "date": 0, "chat": {"id": USER["id"], "type": "private"}, "from": BOT_USER,
               "text": answer["text"], "reply_markup": answer["reply_markup"]}
    bot.api.clear()
    await bot.feed(make_callback_update(data, message))
    [shown] = bot.api.sent()
    assert shown["text"].startswith("<b>《平潭综合实验区2023年度政府信息公开工作年度报告》\n一、总体情况</b>\n<b><u>平潭")
    assert ("<b><u>平潭综合实验区切实落实国务院办公厅、省政府办公厅关于政务公开工作有关要求，坚持应公开尽公开,"
            "持续推进基础信息公开、深化重点领域信息公开，2023年全区共主动公开政府信息13561条。</u></b>") in shown["text"]
    assert "不是取自" not in shown["text"]


async def test_an_inline_card_is_titled_with_its_answer_not_with_how_the_question_was_read(make_bot, place):
    bot = await make_bot(place)
    bot.api.clear()
    await bot.feed(make_inline_update("平潭2023年收到多少申请"))
    [call] = bot.api.sent("answerInlineQuery")
    [card] = call["results"]
    assert card["title"] == "平潭综合实验区2023年本年新收政府信息公开申请81件。"
    assert card["description"] == "来源：平潭综合实验区2023年度政府信息公开工作年度报告 · 三、收到和处理政府信息公开申请情况"


async def test_inline_says_in_one_card_that_a_body_is_not_loaded(make_bot, place):
    bot = await make_bot(place)
    bot.api.clear()
    await bot.feed(make_inline_update("北京2023年行政复议多少件"))
    [call] = bot.api.sent("answerInlineQuery")
    [card] = call["results"]
    assert card["title"] == "知识库中没有“北京”的年报"
    assert card["description"].startswith("已载入：")
    assert card["input_message_content"]["message_text"].startswith("知识库中没有“北京”的年报。已载入：")


async def test_reports_marks_warnings_after_the_year_they_belong_to(make_bot, pingtan):
    bot = await make_bot(pingtan)
    bot.api.clear()
    await bot.feed(make_text_update("/reports"))
    [sent] = bot.api.sent()
    # 平潭 2023: one check warning; 2019 and 2021 none
    assert "• 平潭综合实验区：2019年、2021年、2023年⚠️1\n" in sent["text"]


async def test_typing_a_number_or_a_name_after_options_picks_that_option(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    await bot.feed(make_text_update("2019年行政复议多少件"))
    [asked] = bot.api.sent()
    assert [b for b, _ in buttons(asked["reply_markup"])] == ["平潭2019年行政复议多少件", "开封2019年行政复议多少件"]
    await bot.feed(make_text_update("2"))
    await bot.feed(make_text_update("2019年行政诉讼多少件"))
    await bot.feed(make_text_update("平潭"))
    _, by_number, _, by_name = (s["text"] for s in bot.api.sent())
    assert by_number.startswith("开封市人民政府2019年行政复议<b>19件</b>")
    assert by_name.startswith("平潭综合实验区2019年行政诉讼<b>0件</b>")


async def test_help_says_how_to_follow_up_and_to_pick_an_option(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    await bot.feed(make_text_update("/help"))
    [sent] = bot.api.sent()
    assert "「纠错率呢？」「比2021年多多少？」" in sent["text"]
    assert "我列出几个选项时，点按钮，或者回复序号（1）或名称（开封）。" in sent["text"]
    assert "或者回复我的消息（接着那条回答追问）。" in sent["text"]


def test_a_chart_comparing_bodies_says_what_when_and_over_what(two_agencies):
    _, answerer = loaded(two_agencies)
    chart = charts.chart_of(answerer.answer("2019年哪个机关收到的申请最多"))
    assert chart is not None and chart.title == "2019年新收政府信息公开申请：各机关"
    assert chart.labels == ("开封", "平潭") and chart.values == (527, 23)


def test_a_chart_over_years_says_whose_figure_and_over_what(pingtan):
    _, answerer = loaded(pingtan)
    chart = charts.chart_of(answerer.answer("平潭近5年行政复议多少件"))
    assert chart is not None and chart.title == "平潭行政复议：各年度"


def test_a_series_gives_a_year_without_a_figure_its_reason_never_another_reply(pingtan):
    _, answerer = loaded(pingtan)
    a = answerer.answer("平潭近5年政策解读多少篇")
    assert a.text == "\n".join([
        "按已载入的最近5个年度理解（2019、2021、2023年）。",
        "平潭综合实验区政策解读（2019、2021、2023年）：2019年：未能给出数字；2021年：未能给出数字；2023年：117篇。",
        "没有2020、2022年的年报。",
        "没有数字：平潭综合实验区2019年（年报中没有找到“政策解读”的数字或内容）；"
        "平潭综合实验区2021年（年报中没有找到“政策解读”的数字或内容）",
        "来源：《平潭综合实验区2023年度政府信息公开工作年度报告》一、总体情况",
    ])


def test_a_series_of_an_item_with_two_readings_asks_once_which_not_for_every_year(pingtan):
    _, answerer = loaded(pingtan)
    a = answerer.answer("平潭历年结果纠正多少件")  # 行政复议's or 行政诉讼's 结果纠正
    assert (a.status, a.options) == ("clarify", ["平潭历年行政复议结果纠正多少件", "平潭历年行政诉讼结果纠正多少件"])
    picked = answerer.answer(a.options[0])  # table 四, 行政复议 结果纠正: 0, 0, 1
    assert picked.text.startswith("平潭综合实验区行政复议结果纠正（2019、2021、2023年）：2019年：0件；2021年：0件；2023年：1件。")


def test_a_series_of_two_items_named_apart_is_a_series_of_each(pingtan):
    _, answerer = loaded(pingtan)
    a = answerer.answer("平潭历年自然人和法人申请多少件")  # table 三, 本年新收: 自然人 23/64/80; 法人 0/0+0+2+0+4/1
    lines = a.text.splitlines()
    assert lines[0] == "平潭综合实验区自然人提出的申请（2019、2021、2023年）：2019年：23件；2021年：64件；2023年：80件。"
    assert ("平潭综合实验区法人或其他组织提出的申请（2019、2021、2023年）：2019年：0件；2021年：6件；2023年：1件。"
            in lines)
    assert "没有数字" not in a.text and "可以问" not in a.text


def test_a_comparison_of_several_items_says_why_in_one_line_not_with_another_reply(pingtan):
    _, answerer = loaded(pingtan)
    a = answerer.answer("平潭2023年自然人和法人申请比2021年多多少")
    assert (a.status, a.text) == ("unknown", "平潭综合实验区2023年：这一问有几项数字，请分别问。")


# ---------------------------------------------------------------- the terminal


def _bot(*args: str, **kwargs) -> subprocess.Popen:  # noqa: ANN003
    return subprocess.Popen([sys.executable, "-m", "bot", *args], cwd=ROOT, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kwargs)


def test_ask_typed_at_a_terminal_says_it_reads_one_question_a_line(two_agencies):
    master, slave = pty.openpty()
    done = _bot("ask", "--db", str(two_agencies), stdin=slave)
    os.close(slave)
    os.write(master, "开封2019年行政复议多少件\n".encode() + b"\x04")
    out, err = done.communicate(timeout=300)
    os.close(master)
    assert done.returncode == 0, err
    assert err.startswith("每行读一个问题，回车后回答，Ctrl-D 结束（要追问，用 chat）。\n")
    assert out.startswith("开封市人民政府2019年行政复议19件")


def test_ask_reading_a_pipe_prints_only_the_answers(two_agencies):
    done = _bot("ask", "--db", str(two_agencies), stdin=subprocess.PIPE)
    out, err = done.communicate("开封2019年行政复议多少件\n", timeout=300)
    assert "每行读一个问题" not in err and out.startswith("开封市人民政府2019年行政复议19件")


def test_help_names_the_knowledge_base_as_the_readme_does():
    done = _bot("ask", "--help")
    out, _ = done.communicate(timeout=120)
    said = " ".join(out.split())
    assert "knowledge base (a folder); default: one built from the reports in knowledge/data/reports/" in said
    assert "knowledge/reports/" not in said.replace("knowledge/data/reports/", "")
    assert "`--db PATH` names a folder" in README and "built from `knowledge/data/reports/`" in README


def test_the_first_chart_prints_no_library_log_line(pingtan, tmp_path):
    done = _bot("ask", "--db", str(pingtan), "--chart", str(tmp_path / "trend.png"), "平潭近5年行政复议多少件",
                env={**os.environ, "MPLCONFIGDIR": str(tmp_path / "mpl")})  # a fresh font cache is built
    out, err = done.communicate(timeout=300)
    assert done.returncode == 0 and (tmp_path / "trend.png").exists()
    assert err == "" and "2023年：2件" in out


def test_the_readme_says_which_python():
    assert "Needs Python ≥ 3.11." in README
    assert 'requires-python = ">=3.11"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
