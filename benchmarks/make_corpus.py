"""Build a benchmark knowledge base of N reports, and its question list (run by hand).

    .venv/bin/python benchmarks/make_corpus.py --out /tmp/kb-1000.json [-n 1000] [--questions Q.jsonl]
    .venv/bin/python benchmarks/make_corpus.py --bundled --out /tmp/kb-5.json

The bundled reports of multi-reports.txt are parsed once (bot.ingest.parse_file); each synthetic
report is a copy of one of them under another agency (a real-looking 市/区/县 government) and year
(2019–2025; 2019/2020 copy a 2019-template report, later years a 2021-template one).  Report id,
title, Fact.report and the agency/year words inside sections and prose sentences are rewritten
consistently; the figures stay those of the original.  Written with one Store.put.

The question list (JSONL: conv, q, kind, expect) is the phrasings of the shared question sets
(seed.jsonl, multi.jsonl) with agencies and years substituted — a question keeps its `expect`
only when it is put to a copy of the report it was written against — plus unknown agencies and
years, clarify, gibberish, comparisons and follow-up conversations.  `--bundled` writes the five
bundled reports unchanged and the same kinds of questions over them.
"""

from __future__ import annotations

import argparse
import copy
import itertools
import json
import random
import re
import shutil
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.settings import Settings  # noqa: E402
from bot.understand.agencies import names_for  # noqa: E402
from bot.understand.linking import AgencyIndex  # noqa: E402
from knowledge.ingest import ordered, parse_file  # noqa: E402
from knowledge.kb import KnowledgeBase  # noqa: E402
from knowledge.models import Parsed, Report  # noqa: E402
from knowledge.store import Store  # noqa: E402

SHARED = ROOT.parent / "shared"
YEARS = range(2019, 2026)
YEARS_PER_AGENCY = 5

# Real place names, each used once; 2-level names (市+区/县) name the district, not the city.
CITIES = """
石家庄市 唐山市 秦皇岛市 邯郸市 邢台市 保定市 张家口市 承德市 沧州市 廊坊市 衡水市 太原市 大同市 阳泉市 长治市
晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市 包头市 乌海市 赤峰市 通辽市 鄂尔多斯市 沈阳市 大连市 抚顺市
本溪市 丹东市 锦州市 营口市 阜新市 辽阳市 盘锦市 铁岭市 朝阳市 葫芦岛市 长春市 四平市 辽源市 通化市 白山市
松原市 白城市 齐齐哈尔市 鸡西市 鹤岗市 双鸭山市 大庆市 伊春市 佳木斯市 七台河市 牡丹江市 黑河市 绥化市 无锡市
徐州市 常州市 苏州市 南通市 连云港市 盐城市 扬州市 镇江市 泰州市 宿迁市 温州市 嘉兴市 湖州市 绍兴市 金华市
衢州市 舟山市 台州市 丽水市 芜湖市 蚌埠市 淮南市 马鞍山市 淮北市 铜陵市 安庆市 黄山市 滁州市 阜阳市 宿州市
六安市 亳州市 池州市 宣城市 莆田市 三明市 泉州市 漳州市 南平市 龙岩市 宁德市 景德镇市 萍乡市 九江市 新余市
鹰潭市 赣州市 吉安市 宜春市 抚州市 上饶市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 泰安市 威海市 日照市
临沂市 德州市 聊城市 滨州市 菏泽市 洛阳市 平顶山市 安阳市 鹤壁市 新乡市 焦作市 濮阳市 许昌市 漯河市 南阳市
商丘市 信阳市 周口市 驻马店市
""".split()
DISTRICTS = """
上海市浦东新区 天津市滨海新区 重庆市渝中区 成都市武侯区 成都市锦江区 武汉市江汉区 武汉市洪山区 广州市天河区
广州市越秀区 深圳市南山区 深圳市福田区 杭州市西湖区 杭州市余杭区 南京市玄武区 南京市江宁区 西安市雁塔区
西安市碑林区 长沙市岳麓区 长沙市芙蓉区 郑州市金水区 济南市历下区 厦门市思明区 厦门市湖里区 合肥市蜀山区
南昌市东湖区 贵阳市南明区 南宁市青秀区 海口市美兰区 银川市兴庆区 哈尔滨市南岗区 宁波市鄞州区 宁波市海曙区
苏州市姑苏区 苏州市吴中区 常州市武进区 徐州市云龙区 扬州市邗江区 佛山市南海区 佛山市顺德区 乌鲁木齐市天山区
""".split()
COUNTIES = """
湖州市安吉县 湖州市德清县 湖州市长兴县 杭州市桐庐县 杭州市淳安县 嘉兴市嘉善县 嘉兴市海盐县 台州市仙居县
台州市天台县 温州市永嘉县 温州市文成县 温州市泰顺县 温州市苍南县 温州市平阳县 宁波市宁海县 宁波市象山县
金华市浦江县 金华市武义县 金华市磐安县 丽水市遂昌县 丽水市松阳县 丽水市云和县 丽水市庆元县 衢州市开化县
衢州市常山县 衢州市龙游县 舟山市岱山县 舟山市嵊泗县 南通市如东县 连云港市东海县 连云港市灌云县 连云港市灌南县
盐城市射阳县 盐城市阜宁县 盐城市建湖县 盐城市响水县 扬州市宝应县 宿迁市沭阳县 宿迁市泗阳县 宿迁市泗洪县
合肥市肥西县 合肥市肥东县 合肥市长丰县 合肥市庐江县 黄山市休宁县 黄山市祁门县 六安市霍山县 六安市金寨县
六安市舒城县 安庆市怀宁县 安庆市宿松县 安庆市望江县 安庆市岳西县 郑州市中牟县 安阳市内黄县 信阳市固始县
信阳市商城县 信阳市光山县 信阳市潢川县 信阳市淮滨县
""".split()
# places that have no report in any benchmark knowledge base (unknown-agency questions)
ABSENT = ["福州市", "北京市", "拉萨市", "三亚市", "喀什市", "郑州", "珠海市", "大理市", "延边州", "桂林市"]
GOV_SUFFIXES = ("人民政府",) * 4 + ("人民政府办公室", "政府办公室")


def places() -> list[str]:
    """Cities, districts and counties interleaved (the first N agencies mix all three)."""
    pools = [list(CITIES), list(DISTRICTS), list(COUNTIES)]
    out: list[str] = []
    while any(pools):
        for pool, take in zip(pools, (3, 1, 1), strict=True):
            out.extend(pool[:take])
            del pool[:take]
    assert len(out) == len(set(out)), "a place is listed twice"
    return out


def agency_names() -> list[str]:
    """One government (or its office) per place."""
    return [p + GOV_SUFFIXES[i % len(GOV_SUFFIXES)] for i, p in enumerate(places())]


# ---------------------------------------------------------------- the bundled reports


def bundled_files(shared: Path = SHARED) -> list[Path]:
    """The report files of multi-reports.txt (from knowledge/data/reports/, which holds the same files)."""
    listed = (shared / "eval" / "multi-reports.txt").read_text(encoding="utf-8").split("\n")
    return [ROOT / "knowledge" / "data" / "reports" / Path(ln.strip()).name for ln in listed if ln.strip() and not ln.startswith("#")]


def parse_bundled(shared: Path = SHARED) -> dict[str, Parsed]:
    """file stem (kaifeng-2019 …) → Parsed, each file parsed once."""
    return {p.stem: parse_file(p, Settings()) for p in ordered(bundled_files(shared))}


# ---------------------------------------------------------------- renaming


_ADMIN = re.compile(r".+?(?:特别行政区|自治区|自治州|自治县|综合实验区|新区|开发区|高新区|省|市|区|县)")
_END = re.compile(r"(特别行政区|自治区|自治州|自治县|综合实验区|新区|开发区|高新区|省|市|区|县)$")
_GOV = re.compile(r"(人民政府办公室|政府办公室|人民政府|政府)$")
_YEAR_WORD = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?=年)")


def _name_parts(agency: str) -> list[str]:
    """Ways a report's own text names its agency, longest first: full, region, last part, its stem."""
    core = _GOV.sub("", agency)
    parts = _ADMIN.findall(core) or [core]
    last = parts[-1]
    return [agency, core, last, _END.sub("", last) or last]


class Renamer:
    """Rewrites one report's text from (old agency, old year) to (new agency, new year)."""

    def __init__(self, old: Report, agency: str, year: int) -> None:
        pairs = dict(zip(_name_parts(old.agency), _name_parts(agency), strict=True))
        pairs = {o: n for o, n in pairs.items() if len(o) >= 2}
        self.names = sorted(pairs.items(), key=lambda kv: len(kv[0]), reverse=True)
        self.pattern = re.compile("|".join(re.escape(o) for o, _ in self.names)) if self.names else None
        self.lookup = dict(self.names)
        self.shift = year - old.year

    def __call__(self, text: str | None) -> str | None:
        if not text:
            return text
        if self.pattern is not None:
            text = self.pattern.sub(lambda m: self.lookup[m.group(0)], text)
        if self.shift:
            text = _YEAR_WORD.sub(lambda m: str(int(m.group(1)) + self.shift), text)
        return text


def clone(src: Parsed, agency: str, year: int) -> Parsed:
    """A copy of src as agency's report for year, every id and name rewritten."""
    rn = Renamer(src.report, agency, year)
    report = copy.deepcopy(src.report)
    report.agency, report.year = agency, year
    report.id = f"{agency}-{year}"
    report.title = f"{agency}{year}年政府信息公开工作年度报告"
    report.source_file = f"synthetic/{report.id}{Path(src.report.source_file).suffix}"
    report.url = None
    report.aliases = []
    for s in report.sections:
        s.text = rn(s.text) or ""
    for w in report.warnings:
        w.message = rn(w.message) or ""
    facts = copy.deepcopy(src.facts)
    for f in facts:
        f.report = report.id
        sentence = rn(f.source.sentence)
        if sentence is not None and f.raw and f.raw in (f.source.sentence or "") and f.raw not in sentence:
            sentence = f.source.sentence  # the figure itself looked like a year: leave the sentence alone
        f.source.sentence = sentence
        if f.row == "prose":
            row = rn(f.source.row)
            f.source.row = row if not f.raw or f.raw in (row or "") else f.source.row
    return Parsed(report, facts)


def template_family(parsed: dict[str, Parsed], year: int) -> list[str]:
    """Source reports a copy for year may come from: the template that was in force that year."""
    want = "2019" if year < 2021 else "2021"
    return sorted(k for k, p in parsed.items() if p.report.template == want)


def synthetic(parsed: dict[str, Parsed], n: int, seed: int = 7) -> tuple[list[Parsed], dict[str, str]]:
    """n cloned reports and, for each report id, the stem of the report it copies."""
    names = agency_names()
    per = YEARS_PER_AGENCY if n <= YEARS_PER_AGENCY * len(names) else len(YEARS)
    if n > per * len(names):
        raise SystemExit(f"at most {len(YEARS) * len(names)} reports ({len(names)} agencies × {len(YEARS)} years)")
    rng = random.Random(seed)
    out: list[Parsed] = []
    source_of: dict[str, str] = {}
    for i, agency in enumerate(names):
        first = YEARS[0] + (i % (len(YEARS) - per + 1))
        for year in range(first, first + per):
            if len(out) == n:
                return out, source_of
            stem = rng.choice(template_family(parsed, year))
            p = clone(parsed[stem], agency, year)
            out.append(p)
            source_of[p.report.id] = stem
    return out, source_of


# ---------------------------------------------------------------- questions

_BUNDLED_NAMES = ("平潭综合实验区", "开封市政府", "开封市", "开封", "平潭", "洪泽区", "福州市", "北京市")
_BUNDLED_AGENCY = {"开封": "开封市人民政府", "平潭": "平潭综合实验区", "洪泽": "淮安市洪泽区人民政府"}
_SOURCE = {("开封市人民政府", 2019): "kaifeng-2019", ("平潭综合实验区", 2019): "pingtan-2019",
           ("平潭综合实验区", 2021): "pingtan-2021", ("平潭综合实验区", 2023): "pingtan-2023",
           ("淮安市洪泽区人民政府", 2023): "hongze-2023"}
_YEAR_FORMS = re.compile(r"二〇一九年|(?<!\d)19年|(?<!\d)(?:19|20)\d\d(?= ?年)")


@dataclass
class Template:
    """A phrasing with slots: {a} agency, {y} year, {x} absent place; what it needs to be put."""

    text: str
    kind: str  # answered / unknown / clarify / gibberish
    source: str | None = None  # the report stem its expect was written against
    needs: str = "report"  # report (a loaded agency+year), missing_year, absent, none
    expect: dict | None = None


def _year_slot(q: str) -> str:
    """Years written any way → {y} in the matching style ({y}, {yy} for 19年, {ycn} for 二〇一九年)."""
    def sub(m: re.Match[str]) -> str:
        s = m.group(0)
        return "{ycn}年" if s.startswith("二") else "{yy}年" if len(s) == 3 else "{y}"
    return _YEAR_FORMS.sub(sub, q)


def eval_templates(shared: Path = SHARED) -> list[Template]:
    """The phrasings of seed.jsonl and multi.jsonl with agency and year as slots."""
    out: list[Template] = []
    for name in ("seed", "multi"):
        for line in (shared / "eval" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            q, expect = case["q"], case["expect"]
            status = expect.get("status", "answered")
            said = next((a for a in _BUNDLED_NAMES if a in q), None)
            years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?= ?年)", q)]
            if not any(c.isascii() and c.isalpha() for c in q) and not re.search(r"[\u4e00-\u9fff]", q):
                out.append(Template(q, "gibberish", needs="none", expect=expect))
                continue
            if re.fullmatch(r"[a-z]+", q):
                out.append(Template(q, "gibberish", needs="none", expect=expect))
                continue
            text = _year_slot(q)
            if said in ("福州市", "北京市"):
                out.append(Template(text.replace(said, "{x}"), "unknown", needs="absent", expect=expect))
                continue
            if said:
                text = text.replace(said, "{a}", 1)
            elif name == "seed":  # one report loaded: name it, as someone asking a larger knowledge base would
                text = "{a}" + text if "{y" in text else "{a}{y}年" + text
            if name == "multi" and said is None:  # no agency: several reports fit
                out.append(Template(text, "clarify", needs="report", expect=expect))
                continue
            agency = _BUNDLED_AGENCY[(said or "开封")[:2]]
            year = years[0] if years else 2019
            src = _SOURCE.get((agency, year))
            if status == "unknown" and (src is None or name == "seed" and year != 2019):
                out.append(Template(text, "unknown", needs="missing_year", expect=expect))
            else:
                out.append(Template(text, status, source=src, expect=expect))
    return out


# follow-up conversations (“@1” = pick the first option of the last reply, as a Telegram button does)
CONVERSATIONS = [
    ["{a}{y}年行政复议多少件", "行政诉讼呢？", "那{y2}年呢？"],
    ["{a}{y}年收到多少政府信息公开申请", "其中自然人呢？", "那{y2}年呢？"],
    ["{y}年行政复议多少件", "@1", "那{y2}年呢？"],
    ["行政诉讼多少件", "@1"],
    ["{a}{y}年不予公开多少件", "其中商业企业呢？", "行政复议呢？"],
]
EXTRA = [
    Template("{a}{y2}年比{y}年行政诉讼多多少", "answered"),
    Template("{a}近三年行政复议多少件", "answered"),
    Template("{a}去年收到多少政府信息公开申请", "answered"),
    Template("{a}{y}年行政复议纠错率", "answered"),
    Template("{a}{y}年存在哪些主要问题", "answered"),
    Template("{a}２０{yy}年行政復議多少件", "answered"),
    Template("{a}{y}年律所申请了几件", "answered"),
    Template("{a}{y}年被纠错了几件", "answered"),
    Template("{a}2030年行政复议多少件", "unknown", needs="report"),
    Template("{a}{y}年公务员工资是多少", "unknown"),
    Template("{x}{y}年收到多少申请", "unknown", needs="absent"),
    Template("{y}年收到多少政府信息公开申请", "clarify"),
    Template("不予公开多少件", "clarify", needs="report"),
]
GIBBERISH = ["asdfghjkl", "？？？", "12345", "", "   ", "😀😀😀", "hello 2019", "的的的的的",
             "行政" * 150, "啊" * 400, "<b>2019</b>", "DROP TABLE reports;"]


def _fill(text: str, agency_alias: str, year: int, year2: int, absent: str) -> str:
    cn = "".join("〇一二三四五六七八九"[int(d)] for d in str(year))
    return (text.replace("{a}", agency_alias).replace("{y2}", str(year2)).replace("{ycn}", cn)
            .replace("{yy}", str(year)[2:]).replace("{y}", str(year)).replace("{x}", absent))


def make_questions(reports: list[Report], source_of: dict[str, str], n: int = 300, seed: int = 11,
                   shared: Path = SHARED) -> list[dict]:
    """About n questions (JSONL records: conv, q, kind, expect) over these reports."""
    rng = random.Random(seed)
    kb = KnowledgeBase(reports, [])
    names: dict[str, list[str]] = defaultdict(list)  # agency → the names that name it alone in this kb
    for agency, said in names_for(AgencyIndex(reports)).items():
        names[agency] = sorted(said)
    by_source: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        by_source[source_of[r.id]].append(r)
    templates = eval_templates(shared)
    out: list[dict] = []

    shared_years = {y for y, agencies in kb.agencies_in.items() if len(agencies) > 1}

    def pick(t: Template) -> tuple[Report, int]:
        pool = by_source.get(t.source or "", []) if t.source else reports
        if t.text.startswith("{y}"):  # no agency named: a year several agencies have, so it is a clarify
            pool = [r for r in reports if r.year in shared_years]
        r = rng.choice(pool or reports)
        others = [y for y in kb.years[r.agency] if y != r.year]
        return r, rng.choice(others) if others else r.year

    convs = itertools.count()

    def put(conv: list[str], kind: str, t: Template | None = None) -> None:
        r, year2 = pick(t or Template(conv[0], kind))
        year = r.year
        if t is not None and t.needs == "missing_year":
            missing = [y for y in (*YEARS, 2018) if y not in kb.years[r.agency]]
            year = rng.choice(missing)
        alias = rng.choice(names[r.agency]) if names[r.agency] else r.agency
        absent = rng.choice(ABSENT)
        expect = t.expect if t is not None and t.source and source_of.get(r.id) == t.source else None
        if t is not None and t.kind != "answered":
            expect = t.expect or {"status": t.kind}
        cid = next(convs)
        for turn in conv:
            out.append({"conv": cid, "q": _fill(turn, alias, year, year2, absent), "kind": kind,
                        "expect": expect if len(conv) == 1 else None})

    rounds = max(1, round(n / (len(templates) + len(EXTRA) + 3 * len(CONVERSATIONS) + len(GIBBERISH))))
    for _ in range(rounds):
        for t in templates:
            put([t.text], t.kind, t)
        for t in EXTRA:
            put([t.text], t.kind, t)
        for conv in CONVERSATIONS:
            put(conv, "follow-up")
        for g in GIBBERISH:
            out.append({"conv": next(convs), "q": g, "kind": "gibberish", "expect": {"status": "unknown"}})
    return out


def write_questions(path: Path, questions: list[dict]) -> None:
    """One JSON record a line, readable Chinese."""
    path.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in questions), encoding="utf-8")


def build(out: Path, n: int | None, questions: Path | None = None, n_questions: int = 300,
          shared: Path = SHARED) -> dict[str, float]:
    """Write the knowledge base (n synthetic reports, or the bundled ones when n is None) and its questions."""
    t0 = time.perf_counter()
    parsed = parse_bundled(shared)
    t1 = time.perf_counter()
    if n is None:
        items = list(parsed.values())
        source_of = {p.report.id: stem for stem, p in parsed.items()}
    else:
        items, source_of = synthetic(parsed, n)
    t2 = time.perf_counter()
    if out.is_dir():
        shutil.rmtree(out)
    else:
        out.unlink(missing_ok=True)
    Store(out).put(items)
    t3 = time.perf_counter()
    qpath = questions or out.with_suffix(".questions.jsonl")
    write_questions(qpath, make_questions([p.report for p in items], source_of, n_questions, shared=shared))
    return {"reports": len(items), "facts": sum(len(p.facts) for p in items), "parse_s": t1 - t0,
            "clone_s": t2 - t1, "store_put_s": t3 - t2, "mb": disk_mb(out)}


def disk_mb(path: Path) -> float:
    """Bytes of a knowledge base (a folder's files, or an old single file), in MB."""
    return (path.stat().st_size if path.is_file() else sum(f.stat().st_size for f in path.rglob("*") if f.is_file())) / 1e6


def main() -> int:
    """Command line."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", required=True, help="knowledge base file to write (replaced)")
    p.add_argument("-n", type=int, default=1000, help="synthetic reports (default 1000)")
    p.add_argument("--bundled", action="store_true", help="the five bundled reports instead of synthetic ones")
    p.add_argument("--questions", help="question list to write (default: OUT with .questions.jsonl)")
    p.add_argument("--n-questions", type=int, default=300, help="about this many questions (default 300)")
    p.add_argument("--shared", default=str(SHARED), help="the shared folder with eval/ (default ../shared)")
    a = p.parse_args()
    stats = build(Path(a.out), None if a.bundled else a.n, Path(a.questions) if a.questions else None, a.n_questions, Path(a.shared))
    print(json.dumps(stats, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
