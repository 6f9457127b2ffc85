"""`python -m bot …` / `nianbao …`: ingest, ask, chat, serve, reports, check.

The only place (with the Telegram adapter) that turns expected errors into messages.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from bot.ingesting import cmd_ingest, isolated, stopped_by
from bot.present import render
from bot.settings import Settings, SettingsError, load, unknown_variables
from knowledge.errors import NianbaoError

log = logging.getLogger(__name__)

ASK_PROMPT = "每行读一个问题，回车后回答，Ctrl-D 结束（要追问，用 chat）。"
DB_HELP = "knowledge base (a folder); default: one built from the reports in knowledge/data/reports/"


def _db(args: argparse.Namespace, settings: Settings) -> Path:
    """The knowledge base to read: --db, else db_path, else the one built from the bundled reports."""
    from knowledge.kb import default_db_path

    if args.db:
        return _existing(Path(args.db), "--db")
    if settings.db_path:
        return _existing(Path(settings.db_path), "db_path（NIANBAO_DB_PATH 或设置文件）")
    return default_db_path(settings)


def _existing(path: Path, named_by: str) -> Path:
    """path, when a knowledge base is there (a mistyped path must not look like an empty one)."""
    if not path.exists():
        raise NianbaoError(f"知识库 {path} 不存在（{named_by}）：请检查路径，或先用 ingest --db {path} 报告文件… 建立")
    return path


def _answerer(args: argparse.Namespace, settings: Settings, warm: bool = True):  # noqa: ANN202 - internal
    """The answerer, following the knowledge base: a write by another process is seen at the next question."""
    from bot.live import Live

    if warm:  # a process that answers more than one question
        from bot.runtime import settle

        settle()
    return Live(_db(args, settings), cache_mb=settings.kb_cache_mb, warm=warm)


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer one question, or one question per stdin line."""
    from knowledge.errors import StoreError
    from knowledge.models import Answer

    # one question on the command line: segment only if that question needs it (cold start)
    answerer = _answerer(args, settings, warm=not args.question)
    from bot.stdin import Undecodable
    from bot.stdin import questions as lines

    if not args.question and sys.stdin.isatty():  # typed by hand: say what is read, not wait in silence
        print(ASK_PROMPT, file=sys.stderr, flush=True)
    # stdin as bytes, each line decoded on its own: one bad line is answered in its place, not fatal
    questions = [" ".join(args.question)] if args.question else lines(sys.stdin.buffer)
    for i, q in enumerate(questions, 1):
        try:
            if isinstance(q, Undecodable):
                answer = Answer(status="unknown", text=q.message)
            else:
                answer = answerer.answer(q)  # each line on its own: no thread between them
        except StoreError as exc:  # a report's file found damaged when its figures are first read: name it
            log.warning("%s", exc)
            answer = Answer(status="unknown", text=str(exc))
        except Exception:  # one bad question must not end the batch; the bug is logged
            log.exception("internal error answering %r", str(q)[:200])
            answer = Answer(status="unknown", text="抱歉，回答这个问题时出了内部错误。")
        if args.chart:
            _chart(answer, Path(args.chart), None if args.question else i)
        if args.json:
            print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
        else:
            print(render.text(answer).replace("\n", " ") if not args.question else render.text(answer), flush=True)
    return 0


def _chart(answer, path: Path, index: int | None) -> None:  # noqa: ANN001 - Answer
    """Write the answer's chart (batch mode: one file per question, numbered); say so when there is none."""
    from bot.present import charts

    if index is not None:
        path = path.with_name(f"{path.stem}-{index}{path.suffix or '.png'}")
    if not charts.write(answer, path) and index is None:
        print("（这个回答没有可以画图的数字：需要几年或几个机关的同一数字，或者一个数字的分项。）", file=sys.stderr)


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """A terminal conversation with follow-ups; numbered options for clarify."""
    from bot.reply.answer import Context
    from bot.understand import smalltalk

    answerer = _answerer(args, settings)
    ctx = Context()
    print("年报问答：请输入问题（“帮助”看说明，“退出”、空行或 Ctrl-D 结束）。")
    while True:
        try:
            q = input("> ").strip()
        except EOFError:
            print()
            return 0
        if not q:
            return 0
        if smalltalk.kind(q) == "exit":
            print(smalltalk.reply("exit", []))
            return 0
        print(render.text(answerer.answer(q, ctx)))  # “1” or a name picks an option of the last clarify


def cmd_reports(args: argparse.Namespace, settings: Settings) -> int:
    """List the loaded reports."""
    from knowledge.kb import KnowledgeBase

    kb = KnowledgeBase.load(_db(args, settings), cache_mb=settings.kb_cache_mb)
    if not kb.reports:
        print("知识库中还没有报告。")
        return 0
    agencies = None
    if args.name:  # 河南, 平潭, 财政局: the reports of the bodies that name covers
        from bot.understand import lexicon
        from bot.understand.agencies import listing
        from bot.understand.index_cache import agency_index
        from bot.understand.normalise import normalise

        agencies, missing = listing(normalise(args.name, lexicon.default()), agency_index(kb))
        if not agencies:
            print(f"知识库中没有“{missing or args.name}”的年报。")
            return 1
    reports = kb.described(agencies)  # titles and warnings: from the catalogue's shards (those of agencies)
    for r in sorted(reports, key=lambda r: (r.agency, r.year)):
        mark = f"\t不完整：{'；'.join(r.missing)}" if r.missing else ""
        found = f"（机关和年度据{r.identified_from}）" if r.identified_from else ""
        print(f"{r.agency}\t{r.year}\t{r.template}版\t{len(r.warnings)}条提示\t{r.title}{found}{mark}")
    return 0


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    """Parse one file and print its consistency checks (勾稽关系); with --db, list every warning of the
    loaded reports (of one place or body), one line each."""
    from knowledge.checks.sums import format_check
    from knowledge.ingest import named

    if args.db:
        return _check_db(args, settings)
    if not args.target:
        print("错误：请给出报告文件（check FILE），或用 check --db 知识库 [机关] 列出已载入报告的提示", file=sys.stderr)
        return 1
    try:
        parsed = isolated(settings)(Path(args.target), settings)
    except NianbaoError as exc:
        print(f"错误：{named(args.target, exc)}", file=sys.stderr)
        return 1
    print(format_check(parsed))
    return 0


def _check_db(args: argparse.Namespace, settings: Settings) -> int:
    """`check --db KB [AGENCY]`: every warning of the loaded reports, one line each, then the count."""
    from bot.reply import checklist
    from bot.understand import lexicon
    from bot.understand.index_cache import agency_index
    from knowledge.kb import KnowledgeBase

    kb = KnowledgeBase.load(_existing(Path(args.db), "--db"), cache_mb=settings.kb_cache_mb)
    got = checklist.scoped(args.target or "", kb, agency_index(kb), lexicon.default())
    if not isinstance(got, tuple):
        print(got.text, file=sys.stderr)
        return 1
    reports, _ = got
    lines = checklist.lines(reports)
    print("\n".join(lines))
    print(f"合计：报告{len(reports)}份，有提示的{sum(1 for r in reports if r.warnings)}份，提示{len(lines)}条")
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    """Run the Telegram bot."""
    from bot.runtime import settle
    from bot.tg.app import run

    settle()
    return run(settings, _db(args, settings))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    common = argparse.ArgumentParser(add_help=False)  # accepted before and after the subcommand
    common.add_argument("--config", default=argparse.SUPPRESS, help="settings file (TOML); default config/nianbao.toml")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show the traceback of an unexpected error")
    p = argparse.ArgumentParser(prog="nianbao", description="年报问答：政府信息公开工作年度报告问答机器人",
                                parents=[common])
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("ingest", parents=[common], help="载入报告文件到知识库")
    s.add_argument("--db", required=True, help="knowledge base (a folder of TinyDB files; created when missing)")
    s.add_argument("--workers", type=int, default=None, help="parser processes for folders (default: one per CPU)")
    s.add_argument("--replace", action="store_true",
                   help="replace a stored report even by a copy that has less (a cut page, a scan, fewer figures)")
    s.add_argument("files", nargs="+",
                   help="report files (.txt .md .html .docx .pdf), or folders: read recursively in parallel, "
                        "files already stored with the same content skipped")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("ask", parents=[common], help="回答问题（不给问题时每行读一个问题）")
    s.add_argument("--db", help=DB_HELP)
    s.add_argument("--json", action="store_true", help="one JSON object per answer")
    s.add_argument("--chart", metavar="PATH", help="write the answer's chart (PNG) here; with --json, `chart` names it")
    s.add_argument("question", nargs="*")
    s.set_defaults(func=cmd_ask)

    s = sub.add_parser("chat", parents=[common], help="终端对话（支持追问）")
    s.add_argument("--db", help=DB_HELP)
    s.set_defaults(func=cmd_chat)

    s = sub.add_parser("serve", parents=[common], help="运行 Telegram 机器人（需要 TELEGRAM_BOT_TOKEN）")
    s.add_argument("--db", help=DB_HELP)
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("reports", parents=[common], help="列出已载入的报告")
    s.add_argument("--db", help=DB_HELP)
    s.add_argument("name", nargs="?", help="只列出这个地方或机关的报告（如 河南、平潭、财政局）")
    s.set_defaults(func=cmd_reports)

    s = sub.add_parser("check", parents=[common], help="检查一份报告的勾稽关系；--db：列出知识库中各报告的提示")
    s.add_argument("--db", help="list every warning of this knowledge base's reports (TARGET: a place or body)")
    s.add_argument("target", nargs="?", metavar="FILE|AGENCY",
                   help="the report file to check; with --db, only the reports of this place or body")
    s.set_defaults(func=cmd_check)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point: one line on stderr for every error a user or operator can cause."""
    args = build_parser().parse_args(argv)
    debug = getattr(args, "debug", False)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8")
    try:
        settings = load(getattr(args, "config", None))
    except SettingsError as exc:
        print(f"设置错误：{exc}", file=sys.stderr)
        return 2
    for warning in unknown_variables():
        print(f"设置警告：{warning}", file=sys.stderr)
    logging.basicConfig(level=logging.DEBUG if debug else getattr(logging, settings.log_level),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its URLs contain the bot token
    logging.getLogger("jieba").setLevel(logging.WARNING)
    logging.getLogger("matplotlib").setLevel(logging.WARNING)  # “generated new fontManager” on the first chart
    try:
        return int(args.func(args, settings) or 0)
    except NianbaoError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 128 + stopped_by[0]
    except BrokenPipeError:  # output piped into head & co.: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # a file the operator named: unreadable, unwritable, full disk …
        if debug:
            raise
        where = f"{exc.filename}：" if exc.filename else ""
        print(f"错误：{where}{exc.strerror or exc}。请检查路径、权限和磁盘空间。", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: one line unless --debug asks for the traceback
        if debug:
            raise
        print(f"内部错误：{exc.__class__.__name__}: {str(exc)[:200]}（加 --debug 可看完整的出错位置）", file=sys.stderr)
        return 1
