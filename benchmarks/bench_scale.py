"""Scaling of the folder knowledge base: 100 → 10,000 → 100,000 synthetic reports (run by hand).

    .venv/bin/python benchmarks/bench_scale.py build --n 100000 --out /work/staging/bench/kb-100000
    .venv/bin/python benchmarks/bench_scale.py measure --db /work/staging/bench/kb-100000 [--json R.json]
    .venv/bin/python benchmarks/bench_scale.py link --n 100000 --questions 3000
    .venv/bin/python benchmarks/bench_scale.py ingest --workdir /work/staging/bench/ingest --text 400 --pdf 20

`build` writes synthetic reports straight into the store format (Store's own writer, fsync off, the
report files' bytes made once per source report): invented bodies (人民政府, 教育局, 公安局 …) of real
regions (cpca's division table: 3,500 provinces, cities, districts and counties) × 2019–2023, each a
copy of one of the five bundled reports (figures unchanged).  `measure` times what a user waits for:
adding one report (in-process `Store.put` and the whole `python -m bot ingest` command), a one-shot
`python -m bot ask`, warm answers over 1,000 random questions, the RSS after them, and file sizes.
`ingest` measures real bulk-ingest throughput of text and of PDF files (`python -m bot ingest --db KB DIR`).
Keep the corpora outside the repository (about 30 KB of disk per report).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import SHARED, disk_mb, parse_bundled  # noqa: E402

from knowledge.models import Parsed  # noqa: E402
from knowledge.store import Record, Store  # noqa: E402
from knowledge.store import files as files_mod  # noqa: E402

BODIES = ("人民政府", "人民政府办公室", "教育局", "公安局", "民政局", "财政局", "自然资源局")
YEARS = (2019, 2020, 2021, 2022, 2023)
SOURCE_OF_YEAR = {2019: "kaifeng-2019", 2020: "pingtan-2019", 2021: "pingtan-2021", 2022: "hongze-2023",
                  2023: "pingtan-2023"}
PLACEHOLDER = "@@RID@@"
AGENCY = "@@AGENCY@@"
QUESTIONS = ("{a}{y}年行政复议多少件", "{a}{y}年收到政府信息公开申请多少件", "{a}{y}年行政诉讼有几起",
             "{a}{y}年主动公开规范性文件多少件", "{a}{y}年依申请公开予以公开多少件")


def regions() -> list[str]:
    """Real region names, unique: a district or county carries its city (安阳市龙安区)."""
    import cpca

    path = Path(cpca.__file__).parent / "resources" / "adcodes.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    name = {r["adcode"]: r["name"] for r in rows}
    out = []
    for r in rows:
        code = r["adcode"]
        city = name.get(code[:4] + "00000000")
        if code[4:6] != "00" and city and city != r["name"]:
            out.append(city + r["name"])
        else:
            out.append(r["name"])
    return sorted(set(out))


def agencies() -> list[str]:
    """Region × body, shuffled the same way every run."""
    out = [reg + body for reg in regions() for body in BODIES]
    random.Random(12).shuffle(out)
    return out


class FastRecord(Record):
    """A record whose file bytes are a source report's, with the id filled in (no JSON encoding per report)."""

    template: bytes = b""

    def payload(self) -> bytes:
        """The source's bytes with this report's id."""
        return (self.template.replace(PLACEHOLDER.encode(), self.entry["id"].encode())
                .replace(AGENCY.encode(), self.entry["agency"].encode()))


def build(n: int, out: Path, batch: int = 5000) -> dict[str, float]:
    """A knowledge base of n synthetic reports."""
    t0 = time.perf_counter()
    shared = SHARED if SHARED.exists() else Path(os.environ.get("NIANBAO_SHARED", "/work/shared"))
    parsed: dict[str, Parsed] = parse_bundled(shared)
    templates: dict[int, tuple[Record, bytes]] = {}
    for year, stem in SOURCE_OF_YEAR.items():
        rec = Record.of(parsed[stem])
        rec.entry.update(id=PLACEHOLDER, agency=AGENCY, year=year, title=f"{AGENCY}{year}年政府信息公开工作年度报告",
                         source_file="synthetic", url=None, aliases=[], sha=None)  # the details the file keeps
        templates[year] = (rec, rec.payload())
    if out.exists():
        shutil.rmtree(out)
    store = Store(out)
    files_mod.os.fsync = lambda _fd: None  # type: ignore[attr-defined] - building a corpus, not serving one
    records: list[Record] = []
    for agency in agencies():
        for year in YEARS:
            if len(records) >= n:
                break
            rec, data = templates[year]
            entry = {**rec.entry, "id": f"{agency}-{year}", "agency": agency, "year": year,
                     "title": f"{agency}{year}年政府信息公开工作年度报告", "source_file": "synthetic",
                     "url": None, "aliases": [], "sha": None}
            fast = FastRecord(entry, [], [], [])
            fast.template = data
            records.append(fast)
        if len(records) >= n:
            break
    t1 = time.perf_counter()
    for i in range(0, len(records), batch):
        store.put_records(records[i:i + batch])
    t2 = time.perf_counter()
    return {"reports": len(records), "prepare_s": t1 - t0, "write_s": t2 - t1, "mb": disk_mb(out)}


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _run(*args: str, stdin: str | None = None) -> float:
    t = time.perf_counter()
    res = subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, capture_output=True, text=True,
                         input=stdin)
    if res.returncode not in (0, 1):
        raise SystemExit(res.stderr[-2000:])
    return time.perf_counter() - t


def add_one(db: Path) -> dict[str, float]:
    """Adding one new report to db: Store.put alone (median of 5), and the whole CLI command."""
    from bot.settings import Settings
    from knowledge.ingest import parse_file

    src = (ROOT / "knowledge" / "data" / "reports" / "kaifeng-2019.txt").read_text(encoding="utf-8")
    work = db.parent / "add-one"
    work.mkdir(exist_ok=True)
    times = []
    # governments of real regions the corpora leave out (they take the first agencies of the list)
    unused = [a.removesuffix("人民政府") for a in reversed(agencies()) if a.endswith("人民政府")][:6]
    ids = []
    for i, region in enumerate(unused[:5]):
        f = work / f"r{i}.txt"
        f.write_text(src.replace("开封市", region).replace("开封", region), encoding="utf-8")
        parsed = parse_file(f, Settings())
        ids.append(parsed.report.id)
        t = time.perf_counter()
        Store(db).put([parsed])
        times.append(time.perf_counter() - t)
    f = work / "cli.txt"
    f.write_text(src.replace("开封市", unused[5]).replace("开封", unused[5]), encoding="utf-8")
    cli = _run("ingest", "--db", str(db), str(f))
    for rid in [*ids, f"{unused[5]}人民政府-2019"]:
        Store(db).remove(rid)
    return {"put_median_s": statistics.median(times), "put_max_s": max(times), "cli_ingest_s": cli}


def questions(db: Path, n: int, seed: int = 7) -> list[str]:
    """n random questions about reports the base holds."""
    cat = Store(db).catalogue()
    rnd = random.Random(seed)
    picks = [rnd.choice(cat) for _ in range(n)]
    return [rnd.choice(QUESTIONS).format(a=e["agency"], y=e["year"]) for e in picks]


def warm(db: Path, n: int) -> dict[str, float]:
    """In this process: load, then n random questions timed one by one; RSS after."""
    import gc

    from bot.reply.answer import Answerer, Context
    from bot.runtime import settle
    from knowledge.kb import KnowledgeBase

    settle()  # as chat, stdin `ask` and `serve` do before loading
    rss0 = _rss_mb()
    t = time.perf_counter()
    kb = KnowledgeBase.load(db)
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    answerer = Answerer(kb)
    t_answerer = time.perf_counter() - t
    rss_loaded = _rss_mb()
    qs = questions(db, n)
    for q in qs[:50]:
        answerer.answer(q, Context())
    lat, cpu, status = [], [], {"answered": 0, "clarify": 0, "unknown": 0}
    gc.collect()
    for q in qs:
        t, c = time.perf_counter(), time.thread_time()
        a = answerer.answer(q, Context())
        cpu.append(time.thread_time() - c)  # this thread's CPU: steadier than wall time on a shared machine
        lat.append(time.perf_counter() - t)
        status[a.status] += 1
    lat.sort()
    cpu.sort()
    again = []  # the same questions again: their reports are in the cache now (as far as it holds them)
    for q in qs:
        t = time.perf_counter()
        answerer.answer(q, Context())
        again.append(time.perf_counter() - t)
    again.sort()
    return {"again_p50_ms": 1000 * again[len(again) // 2], "again_p99_ms": 1000 * again[int(len(again) * 0.99)],
            "load_s": t_load, "answerer_s": t_answerer, "rss_imports_mb": rss0, "rss_loaded_mb": rss_loaded,
            "rss_after_mb": _rss_mb(), "p50_ms": 1000 * lat[len(lat) // 2], "p90_ms": 1000 * lat[int(len(lat) * 0.9)],
            "p99_ms": 1000 * lat[int(len(lat) * 0.99)], "max_ms": 1000 * lat[-1], "cache_reads": kb.cache.loads,
            "cpu_p50_ms": 1000 * cpu[len(cpu) // 2], "cpu_p99_ms": 1000 * cpu[int(len(cpu) * 0.99)],
            "cache_mb": kb.cache.used / 1e6, **{f"n_{k}": v for k, v in status.items()}}


def link(n: int, n_questions: int, seed: int = 5) -> dict[str, float]:
    """Agency linking alone, in this process: the index over the bodies of n synthetic reports (built in
    memory, no store), then n_questions questions timed one by one through `extract` (years and agencies):
    a third by a loaded body's full name, a third by one of its spoken names, a third by a body of a
    loaded place that is not loaded (交通运输局, 林业和草原局 … by their short names)."""
    from bot.understand import lexicon
    from bot.understand.agencies import spoken_names
    from bot.understand.extract import extract
    from bot.understand.linking import AgencyIndex
    from bot.understand.normalise import normalise
    from knowledge.models import Report

    names = agencies()[: max(1, n // len(YEARS))]
    reports = [Report(id=f"{a}-{y}", agency=a, year=y, title=a, template="2021", source_file="")
               for a in names for y in YEARS]
    t = time.perf_counter()
    index = AgencyIndex(reports)
    t_index = time.perf_counter() - t
    rnd = random.Random(seed)
    lex = lexicon.default()
    absent = ("交通局", "林草局", "工信局", "审批局", "统计局", "信访局", "城管局", "住建局")
    qs = []
    for k in range(n_questions):
        a = rnd.choice(names)
        place = a[: -len(next(b for b in BODIES[::-1] if a.endswith(b)))] if any(a.endswith(b) for b in BODIES) else a
        who = (a, rnd.choice(spoken_names(a)), place + rnd.choice(absent))[k % 3]
        qs.append(normalise(f"{who}{rnd.choice(YEARS)}年行政复议多少件", lex))
    for q in qs[:50]:
        extract(q, index)
    lat = []
    for q in qs:
        c = time.thread_time()
        extract(q, index)
        lat.append(time.thread_time() - c)  # this thread's CPU: steadier than wall time on a shared machine
    lat.sort()
    return {"reports": len(reports), "bodies": len(names), "index_s": t_index,
            "cpu_mean_ms": 1000 * statistics.mean(lat), "cpu_p50_ms": 1000 * lat[len(lat) // 2],
            "cpu_p99_ms": 1000 * lat[int(len(lat) * 0.99)], "cpu_max_ms": 1000 * lat[-1]}


def sizes(db: Path) -> dict[str, float]:
    """Disk use: catalogue (catalogue.json + shards), report files, whole folder."""
    cat = (db / "catalogue.json").stat().st_size + sum(f.stat().st_size for f in (db / "shards").glob("*.json"))
    reports = [f.stat().st_size for f in (db / "reports").rglob("*.json")]
    return {"catalogue_mb": cat / 1e6, "reports_mb": sum(reports) / 1e6, "report_kb_avg": sum(reports) / len(reports) / 1e3,
            "total_mb": disk_mb(db), "files": len(reports) + 65}


def measure(db: Path, n_questions: int) -> dict[str, object]:
    """Every measurement of one knowledge base (warm ones in a fresh process)."""
    out: dict[str, object] = {"reports": len(Store(db).catalogue())}
    out.update(sizes(db))
    out.update(add_one(db))
    q = questions(db, 1)[0]
    _run("ask", "--db", str(db), q)  # one untimed run: jieba's cache and the page cache warm
    colds, cpus = [], []
    for _ in range(5):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        colds.append(_run("ask", "--db", str(db), q))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    out["cold_ask_median_s"] = statistics.median(colds)
    out["cold_ask_max_s"] = max(colds)
    out["cold_ask_cpu_median_s"] = statistics.median(cpus)  # user + sys of the process: steadier under load
    res = subprocess.run([sys.executable, __file__, "warm", "--db", str(db), "--n", str(n_questions)],
                         capture_output=True, text=True, check=True)
    out.update(json.loads(res.stdout.splitlines()[-1]))
    return out


def ingest_throughput(work: Path, n_text: int, n_pdf: int, workers: int | None) -> dict[str, float]:
    """Real bulk ingest (`python -m bot ingest --db KB DIR`) of n_text text and n_pdf PDF reports."""
    if work.exists():
        shutil.rmtree(work)
    text_dir, pdf_dir = work / "text", work / "pdf"
    text_dir.mkdir(parents=True)
    pdf_dir.mkdir(parents=True)
    names = agencies()
    src = (ROOT / "knowledge" / "data" / "reports" / "kaifeng-2019.txt").read_text(encoding="utf-8")
    for i in range(n_text):
        region = names[i].removesuffix("人民政府")
        (text_dir / f"t{i:05d}.txt").write_text(src.replace("开封市", region).replace("开封", region), encoding="utf-8")
    pdf = (ROOT / "knowledge" / "data" / "reports" / "hongze-2023.pdf").read_bytes()
    for i in range(n_pdf):  # distinct content (a trailing comment) so none is skipped as already stored
        (pdf_dir / f"p{i:04d}.pdf").write_bytes(pdf + f"\n% copy {i}\n".encode())
    extra = ["--workers", str(workers)] if workers else []
    out = {}
    for kind, folder, n in (("text", text_dir, n_text), ("pdf", pdf_dir, n_pdf)):
        t = _run("ingest", "--db", str(work / f"kb-{kind}"), *extra, str(folder))
        out[f"{kind}_files"] = n
        out[f"{kind}_s"] = t
        out[f"{kind}_per_s"] = n / t
    t = _run("ingest", "--db", str(work / "kb-text"), *extra, str(text_dir))
    out["text_resume_s"] = t
    return out


def main() -> int:
    """Command line."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--n", type=int, required=True)
    b.add_argument("--out", required=True)
    m = sub.add_parser("measure")
    m.add_argument("--db", required=True)
    m.add_argument("--questions", type=int, default=1000)
    m.add_argument("--json")
    w = sub.add_parser("warm")
    w.add_argument("--db", required=True)
    w.add_argument("--n", type=int, default=1000)
    lk = sub.add_parser("link")
    lk.add_argument("--n", type=int, default=100000)
    lk.add_argument("--questions", type=int, default=3000)
    i = sub.add_parser("ingest")
    i.add_argument("--workdir", required=True)
    i.add_argument("--text", type=int, default=400)
    i.add_argument("--pdf", type=int, default=20)
    i.add_argument("--workers", type=int)
    args = p.parse_args()
    if args.cmd == "build":
        res: dict[str, object] = dict(build(args.n, Path(args.out)))
    elif args.cmd == "link":
        res = dict(link(args.n, args.questions))
    elif args.cmd == "warm":
        res = dict(warm(Path(args.db), args.n))
    elif args.cmd == "measure":
        res = measure(Path(args.db), args.questions)
        if args.json:
            Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        res = dict(ingest_throughput(Path(args.workdir), args.text, args.pdf, args.workers))
    print(json.dumps(res, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
