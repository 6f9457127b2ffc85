"""Write tests/data/paraphrases.jsonl: questions in everyday words, built from the template's items and the
words people use for them (by class: outcomes, reasons, applicants, review and litigation results, table
二's items and columns, operations), put to the five bundled reports.

    .venv/bin/python benchmarks/make_paraphrases.py [--out tests/data/paraphrases.jsonl]

The words below are written by hand from the template and its thesaurus classes, not from one report's
wording; each question names one cell (or one operation) of one report.  Its expected figure is the
report's cell by field id (the parser's stored table, which tests/test_template_labels.py checks cell by
cell against 开封2019's own text and against hand-written figures of 平潭2023 and 洪泽2023); cells stored as
uncertain (a flattened row) and cells a report leaves out are not asked.  Ambiguous words are asked
with `"status": "clarify"`.  Deterministic: the same file every run.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.settings import Settings  # noqa: E402
from knowledge.ingest import ingest  # noqa: E402
from knowledge.kb import KnowledgeBase  # noqa: E402
from knowledge.store import Store  # noqa: E402

REPORTS = ROOT / "knowledge" / "data" / "reports"
FILES = ("kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt", "hongze-2023.pdf")
WHO = {"开封市人民政府": ["开封", "开封市", "开封市人民政府", "开封市政府"],
       "平潭综合实验区": ["平潭", "平潭综合实验区", "平潭实验区"],
       "淮安市洪泽区人民政府": ["洪泽", "洪泽区", "淮安市洪泽区", "洪泽区政府"]}

# ---- the classes: field id → everyday words (none copied from one report's sentences)
OUTCOMES = {
    "apply.new": ["收到的申请", "新收的申请", "受理的申请", "收到的政府信息公开申请", "接到的申请", "依申请公开的申请"],
    "apply.carried_in": ["上年结转的申请", "从上年转过来的申请", "去年结转过来的申请"],
    "apply.disclosed": ["予以公开的", "全部公开的", "同意公开的", "准予公开的"],
    "apply.partial": ["部分公开的", "部分公开的申请"],
    "apply.withheld": ["不予公开的", "不公开的申请", "拒绝公开的"],
    "apply.unable": ["无法提供的", "没法提供的", "不能提供的"],
    "apply.rejected": ["不予处理的", "不处理的申请"],
    "apply.total": ["办结的申请", "办理结果总计", "答复的申请", "办理完毕的申请"],
    "apply.carried_out": ["结转到下年的申请", "没办完的申请", "结转下年度继续办理的"],
}
REASONS = {
    "apply.withheld.secret": ["因国家秘密不公开的", "涉及国家秘密的"],
    "apply.withheld.law": ["因法律法规禁止不公开的", "法律行政法规禁止公开的"],
    "apply.withheld.security": ["危及三安全一稳定的", "因危及安全稳定不公开的"],
    "apply.withheld.third_party": ["因保护第三方合法权益不公开的", "涉及第三方权益的"],
    "apply.withheld.internal": ["属于内部事务信息的", "三类内部事务信息"],
    "apply.withheld.process": ["属于过程性信息的", "四类过程性信息"],
    "apply.withheld.enforcement": ["属于行政执法案卷的", "执法案卷类"],
    "apply.withheld.query": ["属于行政查询事项的", "行政查询事项类"],
    "apply.unable.not_held": ["本机关不掌握的", "不掌握相关信息的", "信息不存在的"],
    "apply.unable.need_create": ["需要另行制作的", "没有现成信息的"],
    "apply.unable.unclear": ["补正后仍不明确的", "申请内容不明确的"],
    "apply.rejected.petition": ["信访举报投诉类的", "属于信访投诉的"],
    "apply.rejected.repeat": ["重复申请的", "重复提交的申请"],
    "apply.rejected.publication": ["要求提供公开出版物的", "要出版物的"],
    "apply.rejected.mass": ["大量反复申请的", "无正当理由大量反复申请的"],
    "apply.rejected.confirm": ["要求确认或重新出具已获取信息的", "要求重新出具信息的"],
    "apply.other.no_correction": ["逾期不补正的", "申请人不补正的"],
    "apply.other.no_fee": ["逾期不缴费的", "没交费的"],
}
APPLICANTS = {
    "natural": ["自然人", "个人", "老百姓", "群众", "公民"],
    "commercial": ["商业企业", "企业", "公司"],
    "research": ["科研机构", "研究机构"],
    "public_interest": ["社会公益组织", "公益组织"],
    "legal_service": ["法律服务机构", "律师事务所", "律所"],
    "legal_person": ["法人或其他组织", "法人和其他组织", "法人"],
}
REVIEW_GROUPS = {"review": ["行政复议", "复议"], "litigation": ["行政诉讼", "诉讼", "被起诉"],
                 "litigation.direct": ["未经复议直接起诉", "直接起诉"], "litigation.after_review": ["复议后起诉"]}
REVIEW_COLUMNS = {"upheld": ["结果维持", "维持"], "corrected": ["结果纠正", "被纠正"], "other": ["其他结果"],
                  "pending": ["尚未审结", "还没审结"], "total": ["", "总数", "一共"]}
ACTIVE = {  # (row, column) → words; None column: the block's only column
    ("active.rule", None): ["规章"], ("active.normative", None): ["规范性文件", "行政规范性文件"],
    ("active.license", "decisions"): ["行政许可处理决定", "行政许可决定", "许可决定数量"],
    ("active.penalty", "decisions"): ["行政处罚决定", "行政处罚处理决定", "处罚决定数量"],
    ("active.coercion", "decisions"): ["行政强制决定", "行政强制处理决定"],
    ("active.penalty", "prev_items"): ["行政处罚上一年项目数", "上一年行政处罚项目数量"],
    ("active.penalty", "change"): ["行政处罚项目增减", "行政处罚本年增减"],
    ("active.license", "prev_items"): ["行政许可上一年项目数量"],
    ("active.fee", "amount"): ["行政事业性收费金额", "收费金额"],
    ("active.procurement", "items"): ["政府集中采购项目数量", "集中采购项目"],
    ("active.procurement", "amount"): ["政府集中采购总金额", "集中采购金额"],
    ("active.rule", "issued"): ["本年制发的规章"], ("active.normative", "issued"): ["本年制发的规范性文件"],
    ("active.normative", "repealed"): ["废止的规范性文件"], ("active.normative", "in_force"): ["现行有效的规范性文件"],
    ("active.rule", "new_made"): ["本年新制作的规章"], ("active.normative", "new_made"): ["新制作的规范性文件"],
    ("active.normative", "total_published"): ["规范性文件对外公开总数"],
}
FRAMES = ["{who}{year}年{item}多少件", "{who}{year}年{item}有几件", "{year}年{who}{item}是多少",
          "请问{who}{year}年度{item}有多少", "{who}{year}年{item}数量", "{who}{year}年{item}一共多少"]
WHO_FRAMES = ["{who}{year}年{app}申请中{item}多少件", "{who}{year}年{app}提出的申请里{item}有几件",
              "{who}{year}年{item}中{app}有多少"]
REVIEW_FRAMES = ["{who}{year}年{group}{col}多少件", "{who}{year}年{group}案件{col}有几起", "{year}年{who}{group}{col}是多少"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "tests" / "data" / "paraphrases.jsonl"))
    args = ap.parse_args()
    rnd = random.Random(21)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "kb.json"
        ingest([REPORTS / f for f in FILES], Store(db), Settings())
        kb = KnowledgeBase.load(db)
        cells = {}
        for r in kb.reports:
            for f in kb.table_facts(r):
                if f.kind in ("number", "zero") and f.value is not None:
                    cells[(r.agency, r.year, f.row, f.column)] = (f.value, f.unit, r.template)
    cases: list[dict] = []

    def add(q: str, agency: str, year: int, row: str, col: str | None, cls: str) -> None:
        got = cells.get((agency, year, row, col))
        if got is None:
            return
        value, unit, _ = got
        section = "四" if row.startswith(("review", "litigation")) else "二" if row.startswith("active") else "三"
        cases.append({"q": q, "class": cls, "expect": {"status": "answered", "value": value, "section": section}})

    reports = sorted({(a, y) for a, y, _, _ in cells})
    for agency, year in reports:
        names = WHO[agency]
        for row, words in {**OUTCOMES, **REASONS}.items():
            for w in words:
                for frame in rnd.sample(FRAMES, 2):
                    add(frame.format(who=rnd.choice(names), year=year, item=w), agency, year, row, "total",
                        "outcomes" if row in OUTCOMES else "reasons")
        for col, words in APPLICANTS.items():
            for w in words:
                add(f"{rnd.choice(names)}{year}年{w}提出的申请有多少件", agency, year, "apply.new", col, "applicants")
                row = rnd.choice([r for r in OUTCOMES if r != "apply.new"] + list(REASONS)[:8])
                item = rnd.choice({**OUTCOMES, **REASONS}[row])
                add(rnd.choice(WHO_FRAMES).format(who=rnd.choice(names), year=year, app=w, item=item),
                    agency, year, row, col, "applicants")
        for group, gwords in REVIEW_GROUPS.items():
            for col, cwords in REVIEW_COLUMNS.items():
                for gw in gwords:
                    cw = rnd.choice(cwords)
                    add(rnd.choice(REVIEW_FRAMES).format(who=rnd.choice(names), year=year, group=gw, col=cw),
                        agency, year, group, col, "review")
        template = next(t for (a, y, _, _), (_, _, t) in cells.items() if (a, y) == (agency, year))
        for (row, col), words in ACTIVE.items():
            cols = [c for (a, y, r, c) in cells if (a, y, r) == (agency, year, row)] if col is None else [col]
            for c in cols:
                for w in words:
                    unit_word = "多少" if c == "amount" else rnd.choice(["多少件", "多少", "有几件"])
                    add(f"{rnd.choice(WHO[agency])}{year}年{w}{unit_word}" if col else
                        f"{rnd.choice(WHO[agency])}{year}年{w}{_ACTIVE_COL[template].get(c, '')}{unit_word}",
                        agency, year, row, c, "active")
    cases += operations(cells, rnd)
    cases += [{"q": q, "class": cls, "expect": {"status": "answered", "value": v, "section": sec}}
              for q, cls, v, sec in HAND]
    for i, c in enumerate(cases, 1):
        c["id"] = f"pp-{i:04d}"
    Path(args.out).write_text("".join(json.dumps({"id": c["id"], "q": c["q"], "class": c["class"],
                                                  "expect": c["expect"]}, ensure_ascii=False) + "\n"
                                      for c in cases), encoding="utf-8")
    print(f"{len(cases)} questions → {args.out}")


HAND = [  # written by hand, figures read from kaifeng-2019.txt's table lines (三: 46–68, 四: 75)
    ("开封2019年申请公开被拒绝的有多少", "outcomes", 85, "三"), ("开封2019年政府信息公开申请被拒绝了几次", "outcomes", 85, "三"),
    ("开封2019年去年遗留的申请几件", "outcomes", 5, "三"), ("开封2019年同意公开的有多少", "outcomes", 342, "三"),
    ("开封2019年因为涉及第三方不公开的有几件", "reasons", 13, "三"), ("开封2019年不属于本机关掌握的信息有多少", "reasons", 54, "三"),
    ("开封2019年信访类申请不予处理几件", "reasons", 6, "三"), ("开封2019年因为是行政查询事项没公开的多少", "reasons", 71, "三"),
    ("开封2019年企业和律所一共申请了多少", "applicants", 39, "三"), ("开封2019年法人申请了多少", "applicants", 45, "三"),
    ("开封2019年有几家律所申请", "applicants", 1, "三"), ("开封2019年老百姓申请公开信息的有多少", "applicants", 482, "三"),
    ("开封2019年（七）总计 自然人", "applicants", 481, "三"), ("开封2019年无法提供的申请中自然人有几件", "applicants", 54, "三"),
    ("开封2019年办结的申请中法人或其他组织有多少", "applicants", 45, "三"),
    ("开封2019年打官司赢了几次", "review", 16, "四"), ("开封2019年行政诉讼输了几件", "review", 3, "四"),
    ("开封2019年复议后又起诉的有几件", "review", 4, "四"), ("开封2019年行政诉讼还没判的有几件", "review", 7, "四"),
    ("开封2019年被复议了几次", "review", 19, "四"), ("开封2019年因为信息公开被告了几次", "review", 32, "四"),
    ("开封2019年行政强制措施多少", "active", 12803, "二"), ("开封2019年罚款决定多少件", "active", 20815, "二"),
    ("开封2019年出台了多少规范性文件", "active", 789, "二"), ("开封2019年政府采购花了多少钱", "active", 24230.9885, "二"),
    ("开封2019年申请人主要是哪类", "operations", 482, "三"), ("开封2019年不公开的原因主要是什么", "operations", 71, "三"),
    ("开封2019年无法提供的主要原因", "operations", 54, "三"), ("开封2019年行政复议主要是什么结果", "operations", 10, "四"),
]
OP_ITEMS = {  # (row, column) → words, for operations over years
    ("apply.new", "total"): ["收到的申请", "新收申请"], ("apply.disclosed", "total"): ["予以公开的"],
    ("apply.partial", "total"): ["部分公开的"], ("apply.withheld", "total"): ["不予公开的"],
    ("apply.unable", "total"): ["无法提供的"], ("apply.total", "total"): ["办结的申请"],
    ("apply.new", "natural"): ["自然人提出的申请"], ("review", "total"): ["行政复议", "复议案件"],
    ("litigation", "total"): ["行政诉讼", "被起诉的案件"], ("review", "corrected"): ["行政复议结果纠正"],
    ("litigation.direct", "total"): ["直接起诉的案件"], ("apply.unable.not_held", "total"): ["本机关不掌握的"],
}
TRENDS = ["{who}{a}年到{b}年{item}的趋势", "{who}{a}年至{b}年{item}走势", "{who}{a}-{b}年{item}变化趋势",
          "{who}{a}、{m}和{b}年{item}涨跌情况", "{who}历年{item}", "{who}{item}逐年变化"]
WHICH_YEAR = ["{who}{a}年到{b}年{item}哪年最{most}", "{who}哪一年{item}最{most}", "{who}{item}哪个年度最{most}",
              "{who}{a}至{b}年哪年{item}最{most}"]
PARTS = {  # group → (words asked, the cells of its parts)
    "applicants": (["哪类申请人最多", "申请人都是谁", "各类申请人分别多少", "申请人情况"],
                   [("apply.new", c) for c in ("natural", "commercial", "research", "public_interest", "legal_service",
                                               "other_org")]),
    "withheld": (["不予公开的原因哪个最多", "不予公开的理由有哪些"],
                 [(f"apply.withheld.{r}", "total") for r in ("secret", "law", "security", "third_party", "internal",
                                                              "process", "enforcement", "query")]),
    "unable": (["无法提供的理由有哪些", "无法提供的原因中哪个最多"],
               [(f"apply.unable.{r}", "total") for r in ("not_held", "need_create", "unclear")]),
    "review": (["行政复议结果哪种最多", "行政复议结果都有哪些"],
               [("review", c) for c in ("upheld", "corrected", "other", "pending")]),
}


def operations(cells: dict, rnd: random.Random) -> list[dict]:
    """Trends and 哪年最多 over 平潭's three reports; a group's parts (哪类最多, 都是谁, 理由有哪些) in each report."""
    out: list[dict] = []
    agency = "平潭综合实验区"
    years = sorted({y for a, y, _, _ in cells if a == agency})
    for (row, col), words in OP_ITEMS.items():
        got = {y: cells[(agency, y, row, col)][0] for y in years if (agency, y, row, col) in cells}
        if len(got) != len(years):
            continue
        section = "四" if row.startswith(("review", "litigation")) else "三"
        for w in words:
            for frame in TRENDS:
                q = frame.format(who=rnd.choice(WHO[agency]), a=years[0], m=years[1], b=years[-1], item=w)
                out.append({"q": q, "class": "operations", "expect": {
                    "status": "answered", "section": section, "contains": f"{years[-1]}年：{_fmt(got[years[-1]])}件"}})
            for most, pick in (("多", max), ("少", min)):
                best = pick(got.values())
                if list(got.values()).count(best) != 1:
                    continue  # a tie names two years
                year = next(y for y, v in got.items() if v == best)
                frame = rnd.choice(WHICH_YEAR)
                q = frame.format(who=rnd.choice(WHO[agency]), a=years[0], b=years[-1], item=w, most=most)
                out.append({"q": q, "class": "operations", "expect": {
                    "status": "answered", "value": best, "section": section, "contains": f"{year}年最{most}"}})
    for agency, year in sorted({(a, y) for a, y, _, _ in cells}):
        for words, parts in PARTS.values():
            got = [cells[(agency, year, r, c)][0] for r, c in parts if (agency, year, r, c) in cells]
            if len(got) != len(parts) or got.count(max(got)) != 1:
                continue
            for w in words:
                section = "四" if parts[0][0] == "review" else "三"
                out.append({"q": f"{rnd.choice(WHO[agency])}{year}年{w}", "class": "operations",
                            "expect": {"status": "answered", "value": max(got), "section": section}})
    return out


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else str(v)


_ACTIVE_COL = {  # a column of table 二 in everyday words, by template version
    "2019": {"new_made": "本年新制作", "new_published": "本年新公开", "total_published": "对外公开总数"},
    "2021": {"issued": "本年制发", "repealed": "废止", "in_force": "现行有效"},
}

if __name__ == "__main__":
    main()
