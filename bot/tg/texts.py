"""What the bot says outside answers: welcome, help, report list, notices — Telegram HTML, escaped.

Pure functions of the knowledge base, so they are easy to read in one place and to test.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from html import escape

from bot import __version__
from knowledge.checks.sums import located
from knowledge.models import Report

FLOOD_NOTICE = "您提问太快了，请稍等一分钟再问。这段时间里的消息我先不回复了。"
APOLOGY = "抱歉，处理这条消息时出错了。已记录下来，请稍后再试。"
EXPIRED = "这个按钮已过期，请重新提问。"
ASK_USAGE = "用法：/ask 问题，例如 /ask 2019年行政复议多少件"
NOT_ADMIN = "抱歉，只有管理员可以上传年报。您可以直接向我提问。"
ONLY_ADMIN_CONFIRMS = "只有管理员可以确认入库。"
UPLOAD_GONE = "这份文件已处理或已过期，请重新发送。"
CANCELLED = "已取消，没有入库。"
INLINE_NOTHING = "没有找到答案 · 私聊提问"
EMPTY_KB = "知识库里还没有报告。"
NO_SOURCE_YET = "还没有可以查看出处的回答。先问一个问题，再发送 /source。"
NO_SOURCE_VIEW = "这个回答不是取自表格的一格或正文的一句，没有可以单独显示的原表。"
NO_CHECKS = "已载入的报告勾稽关系都对得上，没有提示。"

_MAX_AGENCIES = 12  # /start lists this many agencies, then points to /reports


def welcome(years: Mapping[str, Sequence[int]], count: int) -> str:
    """The /start text: what the bot does and which agencies (→ their years) and how many reports it knows."""
    lines = [
        "<b>年报问答</b>",
        "我回答政府信息公开工作年度报告里的问题，数字取自报告原文，每个回答都注明出处。",
        "",
    ]
    if not count:
        lines.append(EMPTY_KB)
        return "\n".join(lines)
    lines.append(f"已载入 {len(years)} 个机关的 {count} 份报告：")
    for agency in heapq.nsmallest(_MAX_AGENCIES, years):  # the first few by name, not a sort of every agency
        lines.append(f"• {escape(agency)}：{'、'.join(str(y) for y in years[agency])}年")
    if len(years) > _MAX_AGENCIES:
        lines.append(f"……共 {len(years)} 个机关，发送 /reports 查看全部。")
    lines += ["", "直接把问题发给我，或者点下面的例子："]
    return "\n".join(lines)


def help_text(username: str | None, max_mb: float) -> str:
    """The /help text."""
    at = f"@{escape(username)}" if username else "@机器人"
    return "\n".join([
        "<b>怎么提问</b>",
        "• 私聊：直接发问题，如「2019年行政复议多少件」「律所申请了几件」。",
        "  可以接着追问：「那2020年呢？」「行政诉讼呢？」「其中自然人呢？」「纠错率呢？」「比2021年多多少？」",
        "  我列出几个选项时，点按钮，或者回复序号（1）或名称（开封）。",
        f"• 群组：<code>/ask 问题</code>，或者 {at} 加问题，或者回复我的消息（接着那条回答追问）。",
        f"• 任何聊天里：输入 <code>{at} 2019 行政复议</code>，从弹出的答案里选一个发送。",
        "",
        "回答下面的按钮：「查看原表」显示数字所在的表格行，「原文」打开报告原网页；/source 查看上一个回答的出处。",
        "/reports 已载入的报告 · /checks 勾稽提示 · /about 关于",
        f"管理员可以直接发送年报文件（.txt .md .html .docx .pdf，不超过 {max_mb:g} MB）来添加报告。",
    ])


def report_list(reports: list[Report]) -> str:
    """The /reports text: each agency on one line with its years; ⚠️N after a year (2023年⚠️1) marks its
    report's N check warnings."""
    if not reports:
        return EMPTY_KB
    by_agency: dict[str, list[Report]] = defaultdict(list)
    for r in sorted(reports, key=lambda r: (r.agency, r.year)):
        by_agency[r.agency].append(r)
    lines = [f"<b>已载入的报告（{len(by_agency)} 个机关，{len(reports)} 份）</b>"]
    for agency, rs in by_agency.items():
        years = "、".join(f"{r.year}年" + ("（不完整）" if r.missing else "")
                         + (f"⚠️{len(r.warnings)}" if r.warnings else "") for r in rs)
        lines.append(f"• {escape(agency)}：{years}")
        lines += [f"  {r.year}年不完整：{escape('；'.join(r.missing))}" for r in rs if r.missing]
    if any(r.warnings for r in reports):
        lines.append("\n⚠️N：报告自身数字有 N 处对不上（勾稽关系），发送 /checks 查看。")
    return "\n".join(lines)


def checks(reports: list[Report]) -> str:
    """The /checks text: every consistency warning, under its report."""
    warned = [r for r in sorted(reports, key=lambda r: (r.agency, r.year)) if r.warnings]
    if not warned:
        return NO_CHECKS
    lines = ["<b>勾稽关系提示</b>（报告自身数字对不上的地方）"]
    for r in warned:
        lines.append(f"\n<b>{escape(r.agency)} {r.year}年</b>《{escape(r.title)}》")
        lines += [f"⚠️ {escape(located(w))}" for w in r.warnings]
    return "\n".join(lines)


def about() -> str:
    """The /about text."""
    return "\n".join([
        f"<b>年报问答</b> {escape(__version__)}",
        "回答各级行政机关《政府信息公开工作年度报告》里的问题。",
        "数字直接取自报告原文的表格和正文，不估算、不补零；报告自身的勾稽关系对不上时会提示；"
        "报告里没有的，就直说没有。",
    ])


def too_large(size: int, max_mb: float) -> str:
    """Refusal for a file over the size limit, said as set (0.1 MB, stored as 104,857 bytes, is 0.1)."""
    return f"文件太大（{size / 1048576:.1f} MB），上限是 {max_mb:g} MB。"


def size_unknown(max_mb: float) -> str:
    """Refusal for a file whose size Telegram does not state (it is not downloaded to find out)."""
    return f"Telegram 没有给出这个文件的大小，无法确认它不超过 {max_mb:g} MB 的上限，未下载。请重新发送。"


def unsupported(name: str, allowed: Iterable[str]) -> str:
    """Refusal for a file type no reader takes."""
    return f"不支持这种文件：{escape(name)}。可以发送 {' '.join(allowed)} 格式的年报。"


def upload_summary(check: str, replaces: bool, report: Report, lost: list[str] | None = None) -> str:
    """The summary shown before an upload is confirmed (`lost`: what replacing the stored report would lose)."""
    lines = ["<b>收到年报文件，检查结果如下：</b>", escape(check)]
    if replaces and lost:
        lines.append(f"\n⚠️ 已有的 {escape(report.agency)} {report.year}年报告更完整：替换后将失去"
                     f"{escape('；'.join(lost))}。不替换请点“取消”。")
    elif replaces:
        lines.append(f"\n确认后将替换已有的 {escape(report.agency)} {report.year}年报告。")
    lines.append("\n要存入知识库吗？")
    return "\n".join(lines)


def stored(added: list[str], replaced: list[str], total: int) -> str:
    """What a confirmed upload did."""
    done = "、".join(escape(x) for x in added + replaced)
    how = "替换" if replaced else "新增"
    return f"✅ 已入库（{how}）：{done}。知识库现有 {total} 份报告，已重新载入。"
