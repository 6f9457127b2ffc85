"""The consistency warnings of the loaded reports, listed: `check --db KB [AGENCY]`, “/checks 平潭” and
“平潭的数据有没有问题” (chat and Telegram) all print these lines, one per warning — the report, the
section, the cells compared and the figures."""

from __future__ import annotations

import re

from bot.reply.execute import query_of
from bot.understand.resolve import label
from knowledge.catalogue import Catalogue
from knowledge.catalogue import default as catalogue
from knowledge.models import Answer, Report, Warning_

# “平潭的数据有没有问题”, “开封2019年年报有错误吗”, “洪泽的报告数字对得上吗”, “/checks 平潭”
# (not “年报存在的主要问题”, the section 五: a 问题 only of the figures, asked as a question; nor the corner
# cell of table 三 pasted with a path, “本列数据的勾稽关系为：…”, a label of the template)
ASKS = re.compile(r"^/checks?(?![a-z])|勾稽(?!关系为)|(数据|数字|年报|报告|表格)\S{0,6}?(对不上|对得上|不一致|矛盾|错漏|差错|有误|有错|错误)"
                  r"|(数据|数字)\S{0,2}(有没有|有无|是否有|是否存在|有)\S{0,2}问题")
SHOWN = 40  # lines in a chat reply; `check --db` prints every one


def asks_checks(question: str) -> bool:
    """Whether a question asks for the reports' consistency problems rather than a figure."""
    return bool(ASKS.search(question.strip()))


def cell_name(cat: Catalogue, cell: dict, template: str) -> str:
    """A cell of a warning in people's words (another year's prefixed with its year)."""
    row, col, year = cell.get("row"), cell.get("column"), cell.get("year")
    if row == "prose":
        name = f"正文“{cell.get('clause')}”"
    elif str(row).startswith("apply"):
        r = cat.row(str(row))
        name = r.short if r is not None else str(row)
        if col and col != "total":
            name += "·" + next((c.label for c in cat.apply_columns if c.id == col), str(col))
    else:
        name = label(query_of(str(row), str(col)), cat, template)
    return f"{year}年{name}" if year else name


def line(r: Report, w: Warning_, cat: Catalogue | None = None) -> str:
    """One warning: report · section · cells · what disagrees."""
    cat = cat or catalogue()
    cells = "、".join(dict.fromkeys(cell_name(cat, c, r.template) for c in w.cells)) or "—"
    return f"{r.agency}{r.year}年 · {w.section or '—'} · {cells} · {w.line}"


def lines(reports: list[Report]) -> list[str]:
    """Every warning of the reports, by agency and year."""
    cat = catalogue()
    return [line(r, w, cat) for r in sorted(reports, key=lambda r: (r.agency, r.year)) for w in r.warnings]


def reply(reports: list[Report], scope: str) -> Answer:
    """The chat answer: how many, then one line each (the first SHOWN)."""
    got = lines(reports)
    warned = sum(1 for r in reports if r.warnings)
    if not got:
        return Answer(status="answered", text=f"{scope}已载入的{len(reports)}份报告没有发现数字对不上的地方（勾稽关系）。")
    head = f"{scope}已载入的{len(reports)}份报告中，{warned}份有勾稽提示，共{len(got)}条："
    more = [f"……另有{len(got) - SHOWN}条，可用 check --db 列出全部。"] if len(got) > SHOWN else []
    return Answer(status="answered", text="\n".join([head, *got[:SHOWN], *more]))


def scoped(question: str, kb, index, lexicon) -> tuple[list[Report], str] | Answer:  # noqa: ANN001
    """The reports a checks question is about — the place or body it names, the year it names — and
    how to say that scope; an unknown name gets its one-line answer."""
    from bot.understand.agencies import listing
    from bot.understand.normalise import normalise

    text = normalise(re.sub(r"^/checks?(@\w+)?", "", question.strip()), lexicon)
    m = ASKS.search(text)
    name = text[: m.start()] if m and m.start() > 0 else ("" if m else text)
    years = [int(y) for y in re.findall(r"((?:19|20)\d{2})年?", name)]
    name = re.sub(r"(?:19|20)\d{2}年?度?|的|了|里|中|各|所有|全部|已载入", "", name).strip(" ，,？?")
    agencies = None
    if name:
        agencies, missing = listing(name, index)
        if not agencies:
            return Answer(status="unknown", text=f"知识库中没有“{missing or name}”的年报。")
    reports = [r for r in kb.described(agencies) if not years or r.year in years]
    scope = "、".join(dict.fromkeys(r.agency for r in reports)) if agencies else ""
    when = "、".join(map(str, years)) + "年" if years else ""
    return reports, (f"{scope}{when}" + ("：" if scope or when else ""))


def answer(question: str, kb, index, lexicon) -> Answer:  # noqa: ANN001
    """The reply to “平潭的数据有没有问题” / “/checks 平潭”."""
    got = scoped(question, kb, index, lexicon)
    return got if isinstance(got, Answer) else reply(*got)
